import type { Browser } from 'playwright-core';
import { chooseInTree, chooseWithKeyboard, settledDialog } from './antd';
import { launchBrowser, screenshotPath, signedInAdminPage } from './browser';

jest.setTimeout(60_000);

const NEW_PASSWORD = 'Xiang@zhen2026';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

test('a county admin creates a township account, which signs in, changes its password and sees only its township', async () => {
  const admin = await signedInAdminPage(browser, 'county_admin');
  await admin.getByRole('menuitem', { name: '人员管理' }).click();
  await admin.getByRole('button', { name: /新建账号/ }).click();

  const dialog = await settledDialog(admin, '新建账号');
  await dialog.getByLabel('用户名').fill('shishan_e2e');
  await dialog.getByLabel('姓名').fill('狮山镇测试员');
  await chooseWithKeyboard(admin, dialog.getByLabel('角色'), '乡镇工作人员');
  await chooseInTree(admin, dialog.getByLabel('所属区划'), '狮山镇');
  await dialog.getByRole('button', { name: '创建' }).click();

  const notice = await settledDialog(admin, '账号已创建');
  const temporaryPassword = (await notice.locator('code').innerText()).trim();
  expect(temporaryPassword).toMatch(/^\S{12}$/);
  await admin.screenshot({ path: screenshotPath('admin-staff-created') });
  await notice.getByRole('button', { name: '我已记下' }).click();
  await notice.waitFor({ state: 'detached' });
  await admin.getByRole('cell', { name: 'shishan_e2e' }).waitFor();
  await admin.screenshot({ path: screenshotPath('admin-staff') });

  const staff = await signedInAdminPage(browser, 'shishan_e2e', temporaryPassword);
  await staff.getByLabel('当前密码').fill(temporaryPassword);
  await staff.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
  await staff.getByLabel('确认新密码').fill(NEW_PASSWORD);
  await staff.getByRole('button', { name: '确认修改' }).click();

  await staff.getByRole('menuitem', { name: '工作台' }).waitFor();
  await staff.getByText('狮山镇').first().waitFor();
  // A township account has no staff management, and the API refuses it everything outside its township.
  expect(await staff.getByRole('menuitem', { name: '人员管理' }).count()).toBe(0);
  const staffList = await staff.evaluate(async () => (await fetch('/api/staff')).status);
  expect(staffList).toBe(403);
  const me = await staff.evaluate(async () => (await fetch('/api/auth/me')).json());
  expect(me.user.divisionName).toBe('狮山镇');
  expect(me.passwordChangeRequired).toBeNull();
  await staff.screenshot({ path: screenshotPath('admin-township-home') });
});
