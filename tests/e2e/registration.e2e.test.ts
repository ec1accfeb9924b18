import { randomInt } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { addDays, chinaDate, periodDays, withCheckDigit } from '@anqian/shared';
import { ROUTES } from '../../miniapp/src/lib/routes';
import { settledDialog } from './antd';
import { launchBrowser, settledScreenshot, signedInAdminPage } from './browser';
import { consentedPhone, openPage, openService, shownPage, visibleText } from './h5';
import { fillRegistrationSteps } from './registration-form';

jest.setTimeout(180_000);

const HEAD_NAME = '赵明远';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  // Back to today for the other browser tests on the same server.
  rmSync(process.env.E2E_CLOCK_FILE!, { force: true });
  await browser.close();
});

async function staffPage(username: string) {
  const page = await signedInAdminPage(browser, username);
  await page.getByRole('menuitem', { name: '搬迁登记' }).click();
  await page.getByPlaceholder('户主姓名或身份证后 4 位').fill(HEAD_NAME);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await page.getByRole('link', { name: HEAD_NAME, exact: true }).click();
  await page.getByText(`${HEAD_NAME}户的搬迁登记`).waitFor();
  return page;
}

/** Lets the notice period run its course: the server's calendar moves to the day after `endDate`. */
function endNoticePeriod(endDate: string) {
  writeFileSync(process.env.E2E_CLOCK_FILE!, String(periodDays(chinaDate(), endDate)));
}

test('a resident registers on the phone, the township accepts and verifies, the county approves after the notice, and the resident sees the site', async () => {
  // The resident fills in the six steps at phone size.
  const phone = await consentedPhone(browser, 'e2e-registration');
  const form = await openService(phone, '搬迁意愿登记', ROUTES.registrationForm);
  const serial = String(randomInt(50, 500) * 2 + 1); // odd: the head is a man
  await fillRegistrationSteps(form, {
    headName: HEAD_NAME,
    headId: withCheckDigit(`53232919660315${serial}`),
    spouseName: '钱秀兰',
    spouseId: withCheckDigit(`53232919680620${serial}`),
    address: '东岳社区五组 3 号',
    hazard: '滑坡',
    structure: '土木结构',
    floorArea: '88',
    yearBuilt: '1990',
    resettlement: '集中安置',
    site: '狮山镇国道旁集中安置点',
  });
  await visibleText(form, '确认提交').click();
  await form.getByText('登记已提交成功').waitFor({ timeout: 20_000 });

  // Township staff accept, then record the on-site visit.
  const township = await staffPage('township_staff');
  await township.getByRole('button', { name: '受理' }).click();
  await (await settledDialog(township, '受理登记')).getByRole('button', { name: '确认受理' }).click();
  await township.getByRole('button', { name: '入户核实' }).click();
  const verify = await settledDialog(township, '入户核实');
  await verify.getByLabel('入户人员').fill('李明（镇自然资源所）');
  await verify.getByLabel('在场人员').fill('户主本人及配偶');
  await verify.getByLabel('与登记一致').check();
  await verify.getByLabel('隐患属实').check();
  await verify.getByLabel('核实情况').fill('房屋后坡出现裂缝，位于滑坡隐患范围内，情况属实。');
  await settledScreenshot(township, 'admin-verify-checklist');
  await verify.getByRole('button', { name: '完成核实' }).click();
  await township.getByRole('button', { name: '发起公示' }).click();

  // ... and publish the public notice with this household on it.
  await township.getByLabel('公示标题').fill('狮山镇避险搬迁对象公示');
  const today = chinaDate();
  await township.getByPlaceholder('开始日期').click();
  await township.getByPlaceholder('开始日期').fill(today);
  await township.keyboard.press('Enter');
  const endDate = addDays(today, 6); // the county's shortest period, seven days by default
  await township.getByPlaceholder('结束日期').fill(endDate);
  await township.keyboard.press('Enter');
  await township.getByRole('button', { name: /发布公示/ }).click();
  await (await settledDialog(township, '发布公示？')).getByRole('button', { name: '发布' }).click();
  await township.getByText('公示名单').waitFor();
  await township.getByText(HEAD_NAME).first().waitFor();

  // During the notice the county sees from which day it may approve, and cannot yet.
  const waiting = await staffPage('county_admin');
  await waiting.getByText(`公示期内不能审批，${addDays(endDate, 1)} 起可以审批`).waitFor();
  expect(await waiting.getByRole('button', { name: '审批通过' }).isDisabled()).toBe(true);
  await settledScreenshot(waiting, 'admin-approval-waiting');
  await waiting.context().close();

  // Once the notice has run its course on the server's calendar, the county approves.
  endNoticePeriod(endDate);
  const county = await staffPage('county_admin');
  await county.getByRole('button', { name: '审批通过' }).click();
  const approve = await settledDialog(county, '审批通过');
  await approve.getByText('狮山镇国道旁集中安置点').first().waitFor();
  await approve.getByRole('button', { name: '审批通过' }).click();
  await (await settledDialog(county, '确认审批通过？')).getByRole('button', { name: '审批通过' }).click();
  await county.getByText(`${HEAD_NAME}户的登记已审批通过`).waitFor();
  await settledScreenshot(county, 'admin-registration-approved');

  // The audit log names the household and the step, not ids.
  await county.getByRole('menuitem', { name: '审计日志' }).click();
  await county.getByText(`${HEAD_NAME}户`).first().waitFor();
  await county.getByText('公示中 → 审批通过').first().waitFor();
  await settledScreenshot(county, 'admin-audit-log');

  // The resident sees the outcome and the site.
  const list = await openPage(phone, ROUTES.registrationList);
  await visibleText(list, '查看详情 ›').click();
  const detail = await shownPage(phone, ROUTES.registrationDetail);
  await visibleText(detail, '审批通过').waitFor();
  await visibleText(detail, '狮山镇国道旁集中安置点').waitFor();
  await settledScreenshot(phone, 'h5-registration-approved');
});
