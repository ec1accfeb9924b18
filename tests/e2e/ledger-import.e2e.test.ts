import { randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { ERRORS, withCheckDigit, type DivisionNode } from '@anqian/shared';
import { settledDialog } from './antd';
import { demoTownship, launchBrowser, settledScreenshot, signedInAdminPage } from './browser';

jest.setTimeout(180_000);

const run = randomInt(100_000, 1_000_000);
const FILE_NAME = `搬迁台账${run}.xlsx`;
const HEADS = ['钟山林', '苏海燕', '罗建平'];
const REJECTED_HEAD = '蒋红英';
const CHECK_DIGIT_REASON = '户主身份证号：身份证号校验位不对，请逐位核对';
/** The progress poll of one import. */
const JOB_URL = /\/api\/registration-imports\/[0-9a-f]{24}$/;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** Born in 1970 on a day no demo household uses; the serial keeps reruns apart. */
const idNumber = (index: number) => withCheckDigit(`5323291970${String(index + 1).padStart(2, '0')}${String(10 + (run % 18)).padStart(2, '0')}${run % 10}${index}1`);

function withWrongCheckDigit(valid: string): string {
  return valid.slice(0, 17) + (valid[17] === '1' ? '2' : '1');
}

/** A ledger in the import template's columns (see server/src/modules/ledger/ledger-columns.ts). */
async function ledgerFile(township: DivisionNode): Promise<Buffer> {
  const village = township.children[0];
  const row = (head: string, id: string) => ({
    乡镇: township.name,
    '村（社区）': village.name,
    户主姓名: head,
    户主身份证号: id,
    联系电话: '13712345678',
    户主劳动能力: '有劳动能力',
    住址: '五组 3 号',
    隐患类型: '泥石流',
    房屋结构: '砖木结构',
    '建筑面积（㎡）': 72,
    建造年份: 1988,
    搬迁意愿: '愿意',
    安置方式: '进城安置',
    意向搬迁时间: '2026-09',
  });
  const rows = [...HEADS.map((head, index) => row(head, idNumber(index))), row(REJECTED_HEAD, withWrongCheckDigit(idNumber(HEADS.length)))];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('登记信息');
  const headers = Object.keys(rows[0]);
  sheet.columns = headers.map((header) => ({ header, key: header }));
  for (const values of rows) sheet.addRow(values);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function townshipStaff() {
  const page = await signedInAdminPage(browser, 'township_staff');
  await page.getByRole('menuitem', { name: '搬迁登记' }).click();
  return page;
}

async function openImportDialog(page: Page) {
  await page.getByRole('button', { name: '导入台账' }).click();
  return settledDialog(page, '导入台账');
}

const statistic = (page: Page, title: string) =>
  page.getByRole('dialog', { name: '导入台账' }).locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content-value');

test('township staff import a ledger in the background, read its report, find it again under recent imports and see the households in the list', async () => {
  const file = await ledgerFile(await demoTownship());
  const page = await townshipStaff();
  let dialog = await openImportDialog(page);
  const fileInput = dialog.locator('input[type="file"]');

  // A file that is no spreadsheet is refused at once, in the dialog.
  await fileInput.setInputFiles({ name: '说明.xlsx', mimeType: 'text/plain', buffer: Buffer.from('不是表格') });
  await dialog.getByRole('button', { name: '开始导入' }).click();
  await dialog.getByText(ERRORS.LEDGER_FILE_INVALID.message).waitFor();

  await fileInput.setInputFiles({
    name: FILE_NAME,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  await dialog.getByText(FILE_NAME).waitFor();

  // Hold the progress polls until the view the upload's answer shows has been looked at.
  let releasePoll!: () => void;
  const pollHeld = new Promise<void>((resolve) => {
    releasePoll = resolve;
  });
  await page.route(JOB_URL, async (route) => {
    await pollHeld;
    await route.continue();
  });
  await dialog.getByRole('button', { name: '开始导入' }).click();
  await dialog.getByText(/^已处理 \d \/ 4 行$/).waitFor();
  await dialog.getByText('关闭对话框后，导入会在后台继续').waitFor();
  await dialog.getByText('结果可以稍后在“导入台账 → 最近的导入”中查看。').waitFor();
  await settledScreenshot(page, 'admin-ledger-import-progress');
  releasePoll();

  await dialog.getByText('部分行未导入，请按原因修改后重新导入这些行').waitFor();
  expect(await statistic(page, '台账行数').textContent()).toBe('4');
  expect(await statistic(page, '成功导入').textContent()).toBe('3');
  expect(await statistic(page, '重复（已有登记）').textContent()).toBe('0');
  expect(await statistic(page, '未通过校验').textContent()).toBe('1');
  const rejectedRow = dialog.getByRole('row').filter({ hasText: CHECK_DIGIT_REASON });
  expect(await rejectedRow.getByRole('cell').first().textContent()).toBe('5');
  await settledScreenshot(page, 'admin-ledger-import-report');
  await dialog.getByRole('button', { name: '完成' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // Opened again, the dialog lists the import, which opens its report.
  dialog = await openImportDialog(page);
  await dialog.getByText('最近的导入').waitFor();
  const recent = dialog.getByRole('row').filter({ hasText: FILE_NAME });
  await recent.getByText('已完成', { exact: true }).waitFor();
  await recent.getByText('成功 3 · 重复 0 · 未通过 1').waitFor();
  await settledScreenshot(page, 'admin-ledger-import-recent');
  await recent.getByRole('button', { name: `查看 ${FILE_NAME}` }).click();
  await dialog.getByText(CHECK_DIGIT_REASON).waitFor();
  await dialog.getByRole('button', { name: '完成' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // The imported households are in the list; the rejected one is not.
  const search = page.getByPlaceholder('户主姓名或身份证后 4 位');
  await search.fill(REJECTED_HEAD);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await page.getByText('没有符合条件的登记，试试调整筛选条件').waitFor();
  await search.fill(HEADS[1]);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const imported = page.getByRole('row').filter({ has: page.getByRole('link', { name: HEADS[1], exact: true }) });
  await imported.getByText('已提交', { exact: true }).waitFor();
  await settledScreenshot(page, 'admin-ledger-imported-households');
});
