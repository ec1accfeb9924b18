import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { DivisionNode } from '@anqian/shared';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium, never a downloaded browser. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** The demo staff accounts' password (server/src/dev/demo-data.ts). */
const DEMO_PASSWORD = 'Anqian@2026';

/** A desktop-sized admin console page, signed in. */
export async function signedInAdminPage(browser: Browser, username: string, password = DEMO_PASSWORD): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${baseUrl()}/admin/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  // Signed in once the console has left the sign-in page (API calls before that have no session).
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  return page;
}

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run through the e2e jest project, whose global setup starts the product');
  return url;
}

/** Screenshots land in tests/e2e/screenshots (git-ignored) for a person to look at. */
export function screenshotPath(name: string): string {
  const dir = path.join(__dirname, 'screenshots');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}

/** A screenshot once running transitions have ended (the H5 build slides each new page in). */
export async function settledScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        // A spinner never ends; a cancelled transition rejects `finished`.
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  await page.screenshot({ path: screenshotPath(name), ...options });
}

/** The staff API from inside the signed-in console, with its CSRF token. */
export async function staffPost<T>(page: Page, path: string, body: unknown): Promise<T> {
  return page.evaluate(
    async ({ path, body }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    { path, body },
  );
}

/** The demo township staff's own township: the first of the demo county. */
export async function demoTownship(): Promise<DivisionNode> {
  const response = await fetch(`${baseUrl()}/api/divisions`);
  const county = (await response.json()) as DivisionNode;
  return county.children[0];
}
