import { randomInt } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import type { DivisionNode } from '@anqian/shared';
import { shortDivisionName } from '../../miniapp/src/lib/division-names';
import { ROUTES } from '../../miniapp/src/lib/routes';
import { baseUrl, launchBrowser, settledScreenshot, signedInAdminPage } from './browser';
import { consentedPhone, field, largeTextPhone, openService, PHONE_SIZE, shownPage, visibleText } from './h5';

/**
 * Issue 13, the resident's side of 群众诉求: a resident on a 360 px phone in large-text mode sends a
 * request with a photo; the demo township's staff find it in the console inbox and reply; the
 * resident reads the reply, rates it 5 stars with a comment, and the rating shows on both sides.
 */
jest.setTimeout(300_000);

const TAP_PX = 44;
/** A 1×1 PNG: the server recognises photos by their content, not their name. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The demo township staff's own township: the first of the demo county. */
async function demoTownship(): Promise<DivisionNode> {
  const response = await fetch(`${baseUrl()}/api/divisions`);
  const county = (await response.json()) as DivisionNode;
  return county.children[0];
}

async function expectPhoneFits(phone: Page) {
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_SIZE.width);
}

async function expectTappable(button: Locator) {
  expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(TAP_PX);
}

/** On H5 the photo button opens the browser's file chooser. */
async function addPhoto(phone: Page, screen: Locator) {
  const chooser = phone.waitForEvent('filechooser');
  await visibleText(screen, '拍照或选照片').click();
  await (await chooser).setFiles({ name: '漏水.png', mimeType: 'image/png', buffer: PNG });
  await visibleText(screen, '已上传').waitFor();
}

test('a resident sends a request with a photo, township staff reply in the console, the resident rates the reply', async () => {
  const stamp = randomInt(1000, 9999);
  const text = `编号${stamp}：安置房 3 栋 2 单元楼道的灯坏了一个多月，晚上老人上下楼看不见，请尽快修一下。`;
  const replyText = `您好，电工已于今天下午换好楼道灯，编号${stamp}。如还有问题可以申请重新处理。`;
  const comment = `修得很快，谢谢${stamp}`;
  const township = await demoTownship();
  const village = township.children[0];

  // A resident without a household file: the list is empty and offers to start.
  const phone = await consentedPhone(browser, 'e2e-requests');
  await largeTextPhone(phone);
  const empty = await openService(phone, '咨询求助', ROUTES.requests);
  await visibleText(empty, '还没有提交过诉求').waitFor();
  const start = visibleText(empty, '我要咨询求助');
  await expectTappable(start);
  await expectPhoneFits(phone);
  await settledScreenshot(phone, 'h5-requests-empty');
  await start.click();

  // 提交 on an empty form names every missing field at once, in plain words.
  const form = await shownPage(phone, ROUTES.newRequest);
  await visibleText(form, '安置房、水电、道路等坏了要修').waitFor();
  await expectPhoneFits(phone);
  await settledScreenshot(phone, 'h5-requests-new');
  await visibleText(form, '提交').click();
  await visibleText(form, '还有没填好的地方，请看上面红字的提示。').waitFor();
  await visibleText(form, '请选择诉求类别').waitFor();
  await visibleText(form, '请填写诉求内容').waitFor();
  await visibleText(form, '请选择诉求所在的村（社区）').waitFor();
  await expectPhoneFits(phone);
  await settledScreenshot(phone, 'h5-requests-new-errors');

  await visibleText(form, '报修').click();
  await field(form, '请写下您要咨询或反映的事情').fill(text);
  await visibleText(form, `已写 ${[...text].length} 字，最多 1000 字`).waitFor();
  await addPhoto(phone, form);
  await visibleText(form, township.name).click();
  await visibleText(form, shortDivisionName(village.name)).click();
  await visibleText(form, `✓ ${township.name} ${shortDivisionName(village.name)}`).waitFor();
  expect(await form.getByText('请选择诉求类别', { exact: true }).count()).toBe(0);
  expect(await form.getByText('还有没填好的地方，请看上面红字的提示。', { exact: true }).count()).toBe(0);
  const submit = visibleText(form, '提交');
  await expectTappable(submit);
  await expectPhoneFits(phone);
  await settledScreenshot(phone, 'h5-requests-new-filled');
  await submit.click();

  // What was sent, with the promise of an answer.
  const sent = await shownPage(phone, ROUTES.requestDetail);
  await visibleText(sent, '提交成功，乡镇已经收到您的诉求。').waitFor();
  await sent.getByText(/^乡镇一般在 3 个工作日内答复（最晚 \d{4}年\d+月\d+日）。$/).waitFor();
  await visibleText(sent, text).waitFor();
  await visibleText(sent, `地点：${township.name} ${shortDivisionName(village.name)}`).waitFor();
  await sent.locator('.rq-stage', { hasText: '已提交' }).waitFor();
  await visibleText(sent, '照片（1 张）').waitFor();
  await sent.locator('.rq-photo__image img[src^="blob:"]').waitFor();
  await expectTappable(visibleText(sent, '撤回诉求'));
  await expectPhoneFits(phone);
  await settledScreenshot(phone, 'h5-requests-sent');

  // Township staff: the inbox, the request, a reply.
  const staff = await signedInAdminPage(browser, 'township_staff');
  await staff.getByRole('menuitem', { name: '群众诉求' }).click();
  await staff.getByRole('link', { name: text.slice(0, 20), exact: false }).first().click();
  await staff.getByText(text).first().waitFor();
  await staff.getByLabel('答复内容（群众可见）').fill(replyText);
  await staff.getByRole('button', { name: '发送答复' }).click();
  await staff.getByText('已答复，群众会收到微信消息').first().waitFor();

  // The resident's list shows the answer; the request shows the reply and asks for a rating.
  const list = await openService(phone, '咨询求助', ROUTES.requests);
  const row = list.locator('.rq-row', { hasText: `编号${stamp}` });
  await row.locator('.rq-stage', { hasText: '已答复' }).waitFor();
  await row.getByText('报修', { exact: true }).waitFor();
  await expectPhoneFits(phone);
  await settledScreenshot(phone, 'h5-requests-list');
  await row.click();

  const replied = await shownPage(phone, ROUTES.requestDetail);
  await visibleText(replied, replyText).waitFor();
  await visibleText(replied, '乡镇的答复').waitFor();
  expect(await replied.getByText('撤回诉求', { exact: true }).count()).toBe(0);
  await visibleText(replied, '申请重新处理').waitFor();
  await visibleText(replied, '提交评价').click();
  await visibleText(replied, '请点星星打分').waitFor();
  await replied.locator('.rq-star').nth(4).click();
  await visibleText(replied, '5 分，很满意').waitFor();
  await field(replied, '比如：办得快，态度好').fill(comment);
  await expectPhoneFits(phone);
  await settledScreenshot(phone, 'h5-requests-rating');
  const rate = visibleText(replied, '提交评价');
  await expectTappable(rate);
  await rate.click();

  await visibleText(replied, '您的评价').waitFor();
  await visibleText(replied, '★★★★★').waitFor();
  await visibleText(replied, comment).waitFor();
  expect(await replied.getByText('提交评价', { exact: true }).count()).toBe(0);
  await expectPhoneFits(phone);
  await settledScreenshot(phone, 'h5-requests-rated');

  // The township sees the rating on the request.
  await staff.reload();
  await staff.getByText(comment).first().waitFor();
});
