import { randomInt } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { ROUTES } from '../../miniapp/src/lib/routes';
import { baseUrl } from './browser';

export type H5Route = (typeof ROUTES)[keyof typeof ROUTES];

/**
 * Taro's H5 router keeps the pages under the top one in the document: shaded once covered, and
 * still shown while the next page slides in. A locator on the whole document can therefore match a
 * covered page's element and click the page on top of it instead. Every H5 step locates inside the
 * page on top: shown, settled (its slide-in ended) and not shaded.
 */
const TOP_PAGE = '.taro_page.taro_page_show.taro_page_stationed:not(.taro_page_shade)';

/** Waits until `route` is the page on top (a page's element id is its path, then `?stamp=`). */
export async function shownPage(phone: Page, route: H5Route): Promise<Locator> {
  const screen = phone.locator(`${TOP_PAGE}[id^="${route}?"]`).last();
  await screen.waitFor();
  return screen;
}

/** Opens `route` by its address, as a shared link would, and returns it once it is on top. */
export async function openPage(phone: Page, route: H5Route, query = ''): Promise<Locator> {
  await phone.goto(`${baseUrl()}/h5/#${route}${query}`);
  return shownPage(phone, route);
}

/** The first visible element whose whole text is `text`, inside one page. */
export const visibleText = (screen: Locator, text: string) => screen.getByText(text, { exact: true }).filter({ visible: true }).first();

/** The first visible input or textarea with this placeholder, inside one page. */
export const field = (screen: Locator, placeholder: string) =>
  screen.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).filter({ visible: true }).first();

const PHONE_VIEWPORT = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** A phone that has never opened the mini-program: `wechatUser` gives it a WeChat user of its own. */
export async function newPhone(browser: Browser, wechatUser?: string): Promise<Page> {
  const phone = await browser.newPage(PHONE_VIEWPORT);
  if (wechatUser) {
    const openid = `${wechatUser}-${randomInt(1e9)}`;
    await phone.route('**/fake-wechat/dev/login-code', (route) => route.continue({ postData: JSON.stringify({ openid }) }));
  }
  return phone;
}

/**
 * A phone signed in through the fake WeChat API that has accepted the privacy notice and the
 * sensitive-information consent, in the notice that opens over the first page of a first visit.
 * `wechatUser` gives it a WeChat user of its own; without it, it is the demo resident.
 */
export async function consentedPhone(browser: Browser, wechatUser?: string): Promise<Page> {
  const phone = await newPhone(browser, wechatUser);
  const home = await openPage(phone, ROUTES.home);
  await visibleText(home, '同意处理身份证号等敏感个人信息').click();
  await visibleText(home, '同意并继续').click();
  await home.locator('.privacy-popup').waitFor({ state: 'detached' });
  return phone;
}

/** Opens a service from the 办事 tab and returns its page once it is on top. */
export async function openService(phone: Page, name: string, route: H5Route): Promise<Locator> {
  const services = await openPage(phone, ROUTES.services);
  await visibleText(services, name).click();
  return shownPage(phone, route);
}

/** The narrowest common Android screen. */
export const PHONE_SIZE = { width: 360, height: 760 };

/** 大字模式 as the resident switched it on in 我的, at PHONE_SIZE. */
export async function largeTextPhone(phone: Page): Promise<void> {
  await phone.setViewportSize(PHONE_SIZE);
  await phone.addInitScript(() => localStorage.setItem('aq.settings.v1', JSON.stringify({ data: { largeText: true } })));
}
