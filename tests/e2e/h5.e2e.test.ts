import type { Browser } from 'playwright-core';
import { ROUTES } from '../../miniapp/src/lib/routes';
import { launchBrowser, screenshotPath } from './browser';
import { consentedPhone, openPage, visibleText } from './h5';

jest.setTimeout(60_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

test('a resident on a phone signs in, accepts the privacy notice and turns on large-text mode', async () => {
  const page = await consentedPhone(browser);

  const stored = await page.evaluate(async () => {
    const raw = Object.keys(localStorage).map((key) => localStorage.getItem(key) ?? '').find((value) => value.includes('accessToken'));
    const token = raw ? /"accessToken":"([^"]+)"/.exec(raw.replace(/\\"/g, '"'))?.[1] : undefined;
    const response = await fetch('/api/resident/me', { headers: { Authorization: `Bearer ${token}` } });
    return response.json();
  });
  expect(stored.consent).toEqual(expect.objectContaining({ version: stored.currentPrivacyVersion, sensitive: true }));
  const home = await openPage(page, ROUTES.home);
  await visibleText(home, '补助测算').waitFor();
  await page.screenshot({ path: screenshotPath('h5-home') });

  const mine = await openPage(page, ROUTES.mine);
  await visibleText(mine, '已同意').waitFor();
  const largeText = visibleText(mine, '大字模式');
  const fontSize = () => largeText.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const before = await fontSize();
  await largeText.click();
  const label = await largeText.elementHandle();
  await page.waitForFunction(([el, previous]) => parseFloat(getComputedStyle(el!).fontSize) > previous, [label, before] as const);
  expect(await fontSize()).toBeGreaterThanOrEqual(18);
  await page.screenshot({ path: screenshotPath('h5-mine-large-text') });
});
