import { randomInt } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { withCheckDigit } from '@anqian/shared';
import { ROUTES } from '../../miniapp/src/lib/routes';
import { launchBrowser, settledScreenshot } from './browser';
import { consentedPhone, field, newPhone, openPage, openService, shownPage, visibleText, type H5Route } from './h5';
import { fillRegistrationSteps } from './registration-form';

/**
 * What a first-time resident meets at phone size in large-text mode (issue 11): the privacy notice
 * before anything else, home tiles that all lead somewhere, the form saying "you registered already"
 * before its six steps, the answer after submitting starting at its top, and the township's phone on
 * the registration.
 */
jest.setTimeout(180_000);

const PHONE_SIZE = { width: 375, height: 812 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** 大字模式 as the resident switched it on in 我的, before the app starts. */
async function largeText(phone: Page) {
  await phone.setViewportSize(PHONE_SIZE);
  await phone.addInitScript(() => localStorage.setItem('aq.settings.v1', JSON.stringify({ data: { largeText: true } })));
}

/** The top of `element` is on screen without scrolling. */
async function onScreen(element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  return box !== null && box.y >= 0 && box.y < PHONE_SIZE.height;
}

test('a first visit shows the privacy notice before anything else, and every home tile opens a working page', async () => {
  const phone = await newPhone(browser, 'e2e-first-visit');
  await largeText(phone);
  const home = await openPage(phone, ROUTES.home);

  // The notice covers the page before sign-in, which already sends the WeChat identity.
  const notice = home.locator('.privacy-popup');
  await visibleText(notice, '同意并继续').waitFor();
  expect(await phone.evaluate(() => Object.keys(localStorage).some((key) => key.startsWith('aq.tokens')))).toBe(false);
  await settledScreenshot(phone, 'h5-first-visit-privacy');
  await visibleText(notice, '同意处理身份证号等敏感个人信息').click();
  await visibleText(notice, '同意并继续').click();
  await notice.waitFor({ state: 'detached' });
  // Agreeing signed in and left the resident on the page they opened.
  await shownPage(phone, ROUTES.home);
  await home.getByText('登录后办理更方便').waitFor({ state: 'detached' });
  await settledScreenshot(phone, 'h5-home-large-text');

  const tiles: [string, H5Route][] = [
    ['搬迁登记', ROUTES.registrationForm],
    ['办理进度', ROUTES.registrationList],
    ['通知公告', ROUTES.announcements],
    ['公示公告', ROUTES.notices],
    ['政策查询', ROUTES.policies],
    ['补助测算', ROUTES.subsidyCalculator],
    ['找工作', ROUTES.jobs],
    ['招聘会', ROUTES.jobFairs],
    ['技能培训', ROUTES.training],
    ['咨询求助', ROUTES.requests],
    ['我的消息', ROUTES.messages],
  ];
  const names = await home.locator('.home__tile-name').allTextContents();
  expect(names).toEqual(tiles.map(([name]) => name));
  for (const [name, route] of tiles) {
    const start = await openPage(phone, ROUTES.home);
    await start.locator('.home__tile', { hasText: name }).click();
    const opened = await shownPage(phone, route);
    await expect(opened.getByText('功能即将开放').count()).resolves.toBe(0);
  }

  // 消息 lists real status changes; this resident has none yet and is told what will appear.
  const messages = await openPage(phone, ROUTES.messages);
  await visibleText(messages, '暂无消息').waitFor();
  await visibleText(messages, '您的搬迁登记被受理、核实、公示、审批或退回时，消息会显示在这里。').waitFor();
  const tabLabel = phone.locator('.weui-tabbar__label').first();
  expect(await tabLabel.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(18);
  await settledScreenshot(phone, 'h5-messages-empty');
});

/** Every required field is marked at once, in plain words; then the six steps are filled in. */
async function fillRegistration(form: Locator, headName: string, headId: string, spouseId: string) {
  await form.getByText('第 1 步，共 6 步').waitFor();
  await visibleText(form, '下一步').click();
  await expect(form.locator('.rg-field--error').count()).resolves.toBe(4);
  await visibleText(form, '请填写身份证号码').waitFor();
  await field(form, '请输入 18 位身份证号').fill(headId.slice(0, 17) + (headId[17] === '1' ? '2' : '1'));
  await visibleText(form, '身份证号码有一位不对，请对照身份证再看一遍').waitFor();
  await settledScreenshot(form.page(), 'h5-form-errors-large-text');

  await fillRegistrationSteps(form, {
    headName,
    headId,
    spouseName: '孙桂芝',
    spouseId,
    address: '东岳社区二组 8 号',
    hazard: '泥石流',
    structure: '砖木结构',
    floorArea: '76',
    yearBuilt: '1987',
    resettlement: '进城安置',
  });
}

test('after submitting, the answer starts at its top; the next visit to the form points to the registration first', async () => {
  const headName = '孙建国';
  const serial = String(randomInt(50, 500) * 2 + 1);
  const headId = withCheckDigit(`53232919620411${serial}`);
  const spouseId = withCheckDigit(`53232919640902${serial.slice(0, 2)}${(Number(serial[2]) + 1) % 10}`);

  const phone = await consentedPhone(browser, 'e2e-already-registered');
  await largeText(phone);
  const form = await openService(phone, '搬迁意愿登记', ROUTES.registrationForm);
  await fillRegistration(form, headName, headId, spouseId);

  // The review shows the ID numbers in full to the resident who typed them, to check against the card.
  await visibleText(form, headId).waitFor();
  await form.getByText(spouseId).first().waitFor();
  await settledScreenshot(phone, 'h5-review-full-id-numbers');

  await visibleText(form, '确认提交').click();
  const success = form.getByText(/^登记已提交成功/);
  await success.waitFor({ timeout: 20_000 });
  await visibleText(form, '接下来怎么办、要多久').waitFor();
  await form.getByText(/通常 5 个工作日内受理/).waitFor();
  expect(await onScreen(success)).toBe(true);
  await settledScreenshot(phone, 'h5-submitted-top');

  // Back to the form: it says so before the six steps, and links to the registration.
  const again = await openService(phone, '搬迁意愿登记', ROUTES.registrationForm);
  await visibleText(again, '您已经登记过了').waitFor();
  expect(await again.getByText('第 1 步，共 6 步').count()).toBe(0);
  await settledScreenshot(phone, 'h5-form-already-registered');
  await visibleText(again, '查看详情 ›').click();
  const detail = await shownPage(phone, ROUTES.registrationDetail);
  await visibleText(detail, `${headName}户的搬迁登记`).waitFor();

  // Someone to ask: the township office's phone, kept by the county, as a button that dials it.
  await visibleText(detail, '有事问乡镇').waitFor();
  const call = visibleText(detail, '拨打 0878-8000101');
  await call.scrollIntoViewIfNeeded();
  expect((await call.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await settledScreenshot(phone, 'h5-registration-township-phone');

  // Someone else registering the same household learns nothing about this registration.
  const neighbour = await consentedPhone(browser, 'e2e-same-household');
  const theirForm = await openService(neighbour, '搬迁意愿登记', ROUTES.registrationForm);
  await theirForm.getByText('第 1 步，共 6 步').waitFor();
  expect(await theirForm.getByText('您已经登记过了').count()).toBe(0);
  expect(await theirForm.getByText(headName).count()).toBe(0);
});
