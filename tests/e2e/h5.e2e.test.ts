import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser, screenshotPath } from './browser';

jest.setTimeout(60_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

test('a resident on a phone signs in, accepts the privacy notice and turns on large-text mode', async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await page.goto(`${baseUrl()}/h5/`);
  await page.getByText('微信一键登录').first().click();
  await page.getByText('阅读并同意', { exact: true }).first().click();
  await page.getByText('同意处理身份证号等敏感个人信息').click();
  await page.getByText('同意并继续').click();

  const stored = await page.evaluate(async () => {
    const raw = Object.keys(localStorage).map((key) => localStorage.getItem(key) ?? '').find((value) => value.includes('accessToken'));
    const token = raw ? /"accessToken":"([^"]+)"/.exec(raw.replace(/\\"/g, '"'))?.[1] : undefined;
    const response = await fetch('/api/resident/me', { headers: { Authorization: `Bearer ${token}` } });
    return response.json();
  });
  expect(stored.consent).toEqual(expect.objectContaining({ version: stored.currentPrivacyVersion, sensitive: true }));
  await page.goto(`${baseUrl()}/h5/#/pages/home/index`);
  await page.getByText('补助测算').first().waitFor();
  await page.screenshot({ path: screenshotPath('h5-home') });

  await page.goto(`${baseUrl()}/h5/#/pages/mine/index`);
  await page.getByText('已同意').first().waitFor();
  const bodySize = () => page.getByText('大字模式', { exact: true }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const before = await bodySize();
  await page.getByText('大字模式', { exact: true }).click();
  await page.waitForFunction((previous) => {
    const label = Array.from(document.querySelectorAll('*')).find((el) => el.childElementCount === 0 && el.textContent === '大字模式');
    return label ? parseFloat(getComputedStyle(label).fontSize) > previous : false;
  }, before);
  expect(await bodySize()).toBeGreaterThanOrEqual(18);
  await page.screenshot({ path: screenshotPath('h5-mine-large-text') });
});
