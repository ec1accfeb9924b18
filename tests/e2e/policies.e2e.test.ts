import { randomInt } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { formatFen, RESETTLEMENT_TYPE_LABELS, SPECIAL_STATUS_LABELS, type SubsidyLineKey } from '@anqian/shared';
import { SUBSIDY_WORKED_CASES } from '@anqian/shared/src/subsidy-cases';
import { DEMO_SUBSIDY_RULE_SET } from '@anqian/shared/src/subsidy-demo';
import { ROUTES } from '../../miniapp/src/lib/routes';
import { chooseWithKeyboard, settledDialog } from './antd';
import { launchBrowser, settledScreenshot, signedInAdminPage } from './browser';
import { consentedPhone, field, openService, shownPage, visibleText } from './h5';

jest.setTimeout(180_000);

// A household the form takes as is: no demolition, no move date, one member with a special status.
const HOUSEHOLD = SUBSIDY_WORKED_CASES.find((worked) => worked.id === 'dibao')!;
const LINE_NAMES: Partial<Record<SubsidyLineKey, string>> = {
  housing: `住房补助（${RESETTLEMENT_TYPE_LABELS[HOUSEHOLD.input.resettlementType]}）`,
  household_base: '每户基础补助',
  dibao: `${SPECIAL_STATUS_LABELS.dibao}人员补助`,
};

// Unique per run, so the resident's search can only find this document, and only through its body.
const run = randomInt(100_000, 1_000_000);
const KEYWORD = `云岭互助金${run}`;
const POLICY = {
  title: `武定县搬迁群众互助金管理办法（试行）${run}`,
  documentNumber: `武府办发〔2026〕${run}号`,
  body: `搬迁群众可申请${KEYWORD}，用于新居简单装修和购置必要家具。`,
  interpretation: '搬进新家后手头紧的，可以向乡镇申请一笔互助金，用来简单装修、买家具。',
};
const RULE_SET = { name: '武定县易地避险搬迁补助标准（2031—2033年）', from: '2031-01-01', to: '2033-12-31' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

test('the county publishes a policy and a new subsidy standard; a resident finds the policy by keyword and gets the estimate the worked case expects', async () => {
  // The county admin writes the document, saves it as a draft and publishes it.
  const admin = await signedInAdminPage(browser, 'county_admin');
  await admin.getByRole('menuitem', { name: '政策文件' }).click();
  await admin.getByRole('button', { name: '新建政策文件' }).click();
  await admin.getByLabel('标题', { exact: true }).fill(POLICY.title);
  await chooseWithKeyboard(admin, admin.getByLabel('政策类别'), '搬迁政策');
  await admin.getByLabel('发文机关').fill('武定县人民政府办公室');
  await admin.getByLabel('文号', { exact: true }).fill(POLICY.documentNumber);
  await admin.getByRole('textbox', { name: '正文' }).click();
  await admin.keyboard.type(POLICY.body);
  await admin.getByLabel('政策解读').fill(POLICY.interpretation);
  await admin.getByRole('button', { name: '保存草稿' }).click();

  await admin.getByRole('heading', { name: POLICY.title }).waitFor();
  await admin.getByText(POLICY.body).waitFor();
  await admin.getByRole('button', { name: '发布', exact: true }).click();
  const confirm = await settledDialog(admin, '发布这份文件？');
  await confirm.getByRole('button', { name: '发布', exact: true }).click();
  await confirm.waitFor({ state: 'hidden' });
  await admin.getByRole('button', { name: '归档', exact: true }).waitFor();
  await admin.getByText('已发布', { exact: true }).first().waitFor();
  await settledScreenshot(admin, 'admin-policy-published');

  // ... then a new standard after the demo one, its housing subsidy citing the new document.
  await admin.getByRole('menuitem', { name: '补助标准' }).click();
  await admin.getByRole('button', { name: '新建补助标准' }).click();
  await admin.getByLabel('名称', { exact: true }).fill(RULE_SET.name);
  await admin.getByPlaceholder('开始日期').click();
  await admin.getByPlaceholder('开始日期').fill(RULE_SET.from);
  await admin.keyboard.press('Enter');
  await admin.getByPlaceholder('结束日期').fill(RULE_SET.to);
  await admin.keyboard.press('Enter');
  const housing = admin.locator('.ant-card-small').filter({ hasText: '住房补助（按搬迁人口，每人）' });
  const citedAs = `${POLICY.documentNumber} ${POLICY.title}`;
  await chooseWithKeyboard(admin, housing.getByLabel('依据文件'), citedAs, POLICY.documentNumber);
  await housing.getByLabel('依据条款').fill(`${POLICY.documentNumber} 第二条`);
  await admin.getByRole('button', { name: '创建补助标准' }).click();

  await admin.getByRole('heading', { name: RULE_SET.name }).waitFor();
  await admin.getByText(`执行期 ${RULE_SET.from} 至 ${RULE_SET.to}`).waitFor();
  await housing.getByText(citedAs).waitFor();
  await admin.getByRole('button', { name: '返回补助标准' }).click();
  const row = admin.getByRole('row').filter({ hasText: RULE_SET.name });
  await row.getByText(`${RULE_SET.from} 至 ${RULE_SET.to}`).waitFor();
  await row.getByText('未开始', { exact: true }).waitFor();
  const demoRow = admin.getByRole('row').filter({ hasText: DEMO_SUBSIDY_RULE_SET.name });
  await demoRow.getByText('执行中', { exact: true }).waitFor();
  await settledScreenshot(admin, 'admin-rule-sets');

  // A resident searches for a word that is only in the document's body and opens it.
  const phone = await consentedPhone(browser, 'e2e-policies');
  const policies = await openService(phone, '政策查询', ROUTES.policies);
  await field(policies, '搜标题、文号或内容').fill(KEYWORD);
  await visibleText(policies, '搜索').click();
  await visibleText(policies, `搜索“${KEYWORD}”，找到 1 份文件`).waitFor();
  await visibleText(policies, POLICY.title).click();
  const policy = await shownPage(phone, ROUTES.policyDetail);
  await policy.getByText(POLICY.body).filter({ visible: true }).waitFor();
  await visibleText(policy, '政策解读').waitFor();
  await visibleText(policy, POLICY.interpretation).waitFor();
  await visibleText(policy, POLICY.documentNumber).waitFor();
  await settledScreenshot(phone, 'h5-policy-found', { fullPage: true });

  // The calculator uses today's standard (the demo one the worked cases are computed against).
  const calculator = await openService(phone, '补助测算', ROUTES.subsidyCalculator);
  await visibleText(calculator, `补助标准：${DEMO_SUBSIDY_RULE_SET.name}（第 ${DEMO_SUBSIDY_RULE_SET.version} 版）`).waitFor();
  const { input } = HOUSEHOLD;
  expect(input.demolition.timing).toBe('not_planned');
  expect(input.moveDate).toBeUndefined();
  await visibleText(calculator, RESETTLEMENT_TYPE_LABELS[input.resettlementType]).click();
  for (let count = 1; count < input.people.length; count += 1) {
    await visibleText(calculator, '＋').click();
    await visibleText(calculator, `${count + 1} 人`).waitFor();
  }
  for (const [index, person] of input.people.entries()) {
    for (const status of person.specialStatus) {
      await calculator.getByText(SPECIAL_STATUS_LABELS[status], { exact: true }).filter({ visible: true }).nth(index).click();
    }
  }
  await field(calculator, '例如 96.5').fill(String(input.oldHouseFloorArea));
  await visibleText(calculator, '暂不拆除').click();
  await visibleText(calculator, '计算补助').click();

  await visibleText(calculator, '补助估算结果').waitFor();
  const total = calculator.locator('.sb-total').filter({ visible: true });
  await total.getByText(formatFen(HOUSEHOLD.expectedTotalFen), { exact: true }).waitFor();
  const lines = calculator.locator('.sb-line').filter({ visible: true });
  const expected = Object.entries(HOUSEHOLD.expectedLines) as [SubsidyLineKey, number][];
  for (const [key, subtotalFen] of expected) {
    const name = LINE_NAMES[key];
    if (!name) throw new Error(`no expected name for the line ${key}`);
    await lines.filter({ has: phone.getByText(name, { exact: true }) }).getByText(formatFen(subtotalFen), { exact: true }).waitFor();
  }
  expect(await lines.count()).toBe(expected.length);
  await settledScreenshot(phone, 'h5-subsidy-estimate', { fullPage: true });
});
