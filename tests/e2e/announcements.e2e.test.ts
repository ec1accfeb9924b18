import { randomInt } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { shortDivisionName } from '../../miniapp/src/lib/division-names';
import { ROUTES } from '../../miniapp/src/lib/routes';
import { chooseWithKeyboard, settledDialog } from './antd';
import { demoTownship, launchBrowser, settledScreenshot, signedInAdminPage, staffPost } from './browser';
import { consentedPhone, largeTextPhone, openPage, openService, PHONE_SIZE, shownPage, visibleText } from './h5';

/**
 * Issue 13, 通知公告: a resident without a household file chooses their village once; the demo
 * township's staff publish a must-read notice with rich text and a PDF in the console; the resident
 * on a 360 px phone in large-text mode sees it unread, opens it, and the publisher's receipt view
 * counts the reading. A hazard warning for the township then stands on top of the home page and
 * opens its notice.
 */
jest.setTimeout(300_000);

const TAP_PX = 44;
/** The server recognises a PDF by its first bytes, not by its name. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function expectPhoneFits(phone: Page) {
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_SIZE.width);
}

async function expectTappable(target: Locator) {
  expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(TAP_PX);
}

/** Waits until a village's row in the receipt card's by-village table reads `cells`: name, 应读, 已读, 未读. */
async function expectVillageRow(receipts: Locator, villageName: string, cells: string[]) {
  const row = receipts.locator('.ant-table').first().getByRole('row').filter({ hasText: villageName });
  let shown: string[] = [];
  for (let attempt = 0; attempt < 50; attempt += 1) {
    shown = (await row.locator('td').allInnerTexts()).map((text) => text.trim());
    if (JSON.stringify(shown) === JSON.stringify(cells)) break;
    await receipts.page().waitForTimeout(200);
  }
  expect(shown).toEqual(cells);
}

test('a resident chooses their village, reads a must-read township notice the publisher sees as read, and meets a hazard warning on the home page', async () => {
  const stamp = randomInt(1000, 9999);
  const title = `${stamp}号通知：本周六上午在村委会开搬迁政策说明会`;
  const opening = `搬迁群众请于本周六上午 9 点到村委会参加说明会，编号${stamp}。`;
  const boldLine = '请带上户口本和身份证';
  const alertTitle = `${stamp}号预警：后山有滑坡危险，今晚请到安置点避险`;
  const township = await demoTownship();
  // The township's last village: no other browser test's resident lives there, so its counts are this resident's.
  const village = township.children[township.children.length - 1];
  const villageShort = shortDivisionName(village.name);
  const receiptName = `${township.name}${village.name}`;

  // A resident without a household file sees the county's notices only, and is asked for the village.
  const phone = await consentedPhone(browser, 'e2e-announcements');
  await largeTextPhone(phone);
  const first = await openService(phone, '通知公告', ROUTES.announcements);
  const choose = visibleText(first, '选择所在的村');
  await choose.waitFor();
  await visibleText(first, '您还没有选择所在的村，现在只能看到全县的通知。选好乡镇和村，本村、本乡镇的通知也会显示在这里。').waitFor();
  await expectTappable(choose);
  await choose.click();

  const area = await shownPage(phone, ROUTES.announcementArea);
  await visibleText(area, '请选择您所在的村').waitFor();
  await visibleText(area, township.name).click();
  await visibleText(area, villageShort).click();
  const save = visibleText(area, '保存');
  await expectTappable(save);
  await expectPhoneFits(phone);
  await settledScreenshot(phone, 'h5-announcements-area', { fullPage: true });
  await save.click();

  const list = await shownPage(phone, ROUTES.announcements);
  await visibleText(list, `${township.name} ${villageShort}`).waitFor();
  await visibleText(list, '您选择的村').waitFor();
  await expectTappable(visibleText(list, '更换'));

  // Township staff write a must-read notice with bold text and a PDF, and publish it to the township.
  const staff = await signedInAdminPage(browser, 'township_staff');
  await staff.getByRole('menuitem', { name: '通知公告' }).click();
  await staff.getByRole('button', { name: /新建通知公告/ }).click();
  const form = staff.locator('form#announcement-form');
  await chooseWithKeyboard(staff, form.getByLabel('类型'), '会议');
  await form.getByLabel('标题', { exact: true }).fill(title);
  await form.getByRole('textbox', { name: '正文' }).click();
  await staff.keyboard.type(opening);
  await staff.keyboard.press('Enter');
  await staff.getByRole('button', { name: '加粗' }).click();
  await staff.keyboard.type(boldLine);
  const chooser = staff.waitForEvent('filechooser');
  await staff.getByRole('button', { name: /上传 PDF 或图片/ }).click();
  await (await chooser).setFiles({ name: '说明会议程.pdf', mimeType: 'application/pdf', buffer: PDF });
  await staff.getByText(/^说明会议程\.pdf（/).waitFor();
  await form.getByRole('switch', { name: '须阅知' }).click();
  await staff.getByRole('button', { name: '保存草稿' }).click();

  await staff.getByRole('heading', { name: title }).waitFor();
  await staff.getByRole('button', { name: '发布', exact: true }).click();
  const confirm = await settledDialog(staff, '发布这条公告？');
  await confirm.getByRole('button', { name: '发布', exact: true }).click();
  await confirm.waitFor({ state: 'hidden' });
  const receipts = staff.locator('.ant-card').filter({ hasText: '阅读情况（须阅知）' });
  await expectVillageRow(receipts, village.name, [receiptName, '1', '0', '1']);
  const unreadRows = receipts.locator('.ant-table').nth(1).getByRole('row').filter({ hasText: village.name });
  await unreadRows.first().waitFor();
  await settledScreenshot(staff, 'admin-announcement-receipts-before');

  // The resident sees it unread, marked 须阅知, from the township.
  const fresh = await openService(phone, '通知公告', ROUTES.announcements);
  const row = fresh.locator('.an-row', { hasText: title });
  await row.getByText('未读', { exact: true }).waitFor();
  await row.getByText('须阅知', { exact: true }).waitFor();
  await row.getByText('会议', { exact: true }).waitFor();
  await row.getByText(new RegExp(`^${township.name} · `)).waitFor();
  await expectTappable(row);
  await expectPhoneFits(phone);
  await row.click();

  const detail = await shownPage(phone, ROUTES.announcementDetail);
  await visibleText(detail, title).waitFor();
  await visibleText(detail, '已阅知：这是一条须阅知的通知，已记下您看过了。').waitFor();
  await detail.getByText(opening).filter({ visible: true }).waitFor();
  await detail.locator('strong, b', { hasText: boldLine }).filter({ visible: true }).waitFor();
  await visibleText(detail, '说明会议程.pdf').waitFor();
  const download = visibleText(detail, '下载附件');
  await expectTappable(download);
  await download.click();
  await visibleText(detail, '点这里打开附件').waitFor();
  await expectPhoneFits(phone);
  await settledScreenshot(phone, 'h5-announcements-detail', { fullPage: true });

  // The publisher's receipt view counts the reading; the resident's village leaves the unread list.
  await receipts.getByRole('button', { name: /刷新/ }).click();
  await expectVillageRow(receipts, village.name, [receiptName, '1', '1', '0']);
  await unreadRows.first().waitFor({ state: 'detached' });
  await settledScreenshot(staff, 'admin-announcement-receipts-after');

  // A hazard warning for the township goes to the top of the resident's home page.
  const draft = await staffPost<{ id: string }>(staff, '/api/announcements', {
    type: 'hazard_alert',
    title: alertTitle,
    bodyHtml: '<p>后山出现裂缝，今晚可能下大雨。<strong>天黑前请到村小学安置点避险</strong>，不要回老房子。</p>',
    divisionCode: township.code,
    expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
  });
  await staffPost(staff, `/api/announcements/${draft.id}/publish`, {});

  // In the list: the warning unread, the meeting notice read.
  const after = await openService(phone, '通知公告', ROUTES.announcements);
  const hazardRow = after.locator('.an-row', { hasText: alertTitle });
  await hazardRow.getByText('地质灾害预警', { exact: true }).waitFor();
  await hazardRow.getByText('未读', { exact: true }).waitFor();
  const readRow = after.locator('.an-row', { hasText: title });
  await readRow.getByText('已阅知', { exact: true }).waitFor();
  expect(await readRow.getByText('未读', { exact: true }).count()).toBe(0);
  await expectPhoneFits(phone);
  await settledScreenshot(phone, 'h5-announcements-list', { fullPage: true });

  const home = await openPage(phone, ROUTES.home);
  const banner = home.locator('.an-alert', { hasText: alertTitle });
  await banner.getByText('地质灾害预警', { exact: true }).waitFor();
  await banner.getByText(alertTitle, { exact: true }).waitFor();
  // Above everything else on the page, the greeting included.
  const greeting = await home.locator('.home__hero').boundingBox();
  expect((await banner.boundingBox())!.y).toBeLessThan(greeting!.y);
  await expectTappable(banner);
  await expectPhoneFits(phone);
  await settledScreenshot(phone, 'h5-home-hazard-alert');
  await banner.click();

  const warning = await shownPage(phone, ROUTES.announcementDetail);
  await visibleText(warning, alertTitle).waitFor();
  await warning.locator('.an-hazard-label', { hasText: '地质灾害预警' }).waitFor();
  await warning.getByText('天黑前请到村小学安置点避险').filter({ visible: true }).waitFor();
});
