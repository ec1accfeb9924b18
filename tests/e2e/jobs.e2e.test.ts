import { randomInt } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { chinaDate, withCreditCodeCheck } from '@anqian/shared';
import { qrMatrix } from '../../miniapp/src/features/job-fairs/qr-matrix';
import { ROUTES } from '../../miniapp/src/lib/routes';
import { chooseInTree, chooseWithKeyboard, settledDialog } from './antd';
import { baseUrl, launchBrowser, screenshotPath, settledScreenshot, signedInAdminPage } from './browser';
import { consentedPhone, field, openService, shownPage, visibleText } from './h5';

/**
 * Issue 12 end to end: the human-resources bureau publishes a posting and a fair in the admin
 * console; a resident on a 360 px phone in large-text mode finds the posting, fills the resume,
 * applies, signs up for the fair and shows the e-ticket; the bureau checks the ticket in by its
 * short code, invites and hires; the resident sees the employer's phone, then 已录用.
 */
jest.setTimeout(300_000);

const PHONE_SIZE = { width: 360, height: 760 };
const TAP_PX = 44;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  rmSync(process.env.E2E_CLOCK_FILE!, { force: true });
  await browser.close();
});

/** 大字模式 as the resident switched it on in 我的, at the narrowest common Android width. */
async function largeTextPhone(phone: Page) {
  await phone.setViewportSize(PHONE_SIZE);
  await phone.addInitScript(() => localStorage.setItem('aq.settings.v1', JSON.stringify({ data: { largeText: true } })));
}

/** The staff API from inside the signed-in console, with its CSRF token. */
async function staffPost<T>(page: Page, path: string, body: unknown): Promise<T> {
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

/** An antd date or time picker takes typed text, confirmed with Enter. */
async function typeIntoPicker(page: Page, picker: Locator, text: string) {
  await picker.click();
  await picker.fill(text);
  await page.keyboard.press('Enter');
}

/** A multiple select keeps its list open after a choice; close it before the next select opens its own. */
async function closeDropdowns(page: Page, dialog: Locator) {
  await dialog.getByLabel('招聘会名称').click();
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let i = 0; i < 50 && (await open.count()) > 0; i += 1) await page.waitForTimeout(100);
}

/**
 * The fair is today (check-in only works on the fair's day), starting a while from now so residents
 * can still sign up. Late in the China evening there is no room left today: the fair is tomorrow
 * morning and the server's calendar moves one day on before the check-in.
 */
function fairSchedule(): { date: string; start: string; end: string; moveClock: boolean } {
  const china = new Date(Date.now() + 8 * 3600_000);
  const minutes = Math.ceil((china.getUTCHours() * 60 + china.getUTCMinutes() + 45) / 5) * 5;
  const time = (total: number) => `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  if (minutes + 60 < 24 * 60) return { date: chinaDate(), start: time(minutes), end: time(minutes + 60), moveClock: false };
  const tomorrow = chinaDate(new Date(Date.now() + 24 * 3600_000));
  return { date: tomorrow, start: '09:00', end: '11:00', moveClock: true };
}

/** The dark modules the page drew, read back from the blocks' pixel positions. */
async function drawnModules(qr: Locator, modules: number, quietZone: number): Promise<Set<string>> {
  const blocks = await qr.evaluate((element) => {
    const width = element.getBoundingClientRect().width;
    return {
      width,
      runs: Array.from(element.querySelectorAll<HTMLElement>('.jf-qr__run')).map((run) => ({
        top: parseFloat(run.style.top),
        left: parseFloat(run.style.left),
        width: parseFloat(run.style.width),
      })),
    };
  });
  const module = blocks.width / (modules + quietZone * 2);
  const dark = new Set<string>();
  for (const run of blocks.runs) {
    const row = Math.round(run.top / module) - quietZone;
    const start = Math.round(run.left / module) - quietZone;
    for (let column = start; column < start + Math.round(run.width / module); column += 1) dark.add(`${row},${column}`);
  }
  return dark;
}

test('a resident at phone size finds a posting, applies, gets a fair ticket checked in, and sees 已录用', async () => {
  const stamp = randomInt(1000, 9999);
  const employerName = `武定县安居家政服务有限公司${stamp}`;
  const postingTitle = `社区保洁员${stamp}`;
  const fairTitle = `搬迁群众就业专场招聘会${stamp}`;
  const residentName = '李桂兰';
  const schedule = fairSchedule();

  // hr_staff: the employer through the API, the posting and the fair through the console.
  const hr = await signedInAdminPage(browser, 'hr_staff');
  await hr.getByRole('menuitem', { name: '岗位管理' }).click();
  const creditCode = withCreditCodeCheck(`91532329MA6K${String(randomInt(1e5)).padStart(5, '0')}`);
  await staffPost(hr, '/api/employers', {
    name: employerName,
    creditCode,
    industry: '居民服务业',
    divisionCode: '532329101000',
    address: '狮山镇龙泉路 18 号',
    contactName: '张经理',
    contactPhone: '13987650012',
  });

  await hr.getByRole('button', { name: /新建岗位/ }).click();
  await chooseWithKeyboard(hr, hr.getByLabel('用工单位'), employerName, employerName.slice(0, 8));
  await hr.getByLabel('岗位名称').fill(postingTitle);
  await chooseWithKeyboard(hr, hr.getByLabel('岗位类别'), '家政服务');
  await chooseInTree(hr, hr.getByLabel('县内地点（乡镇或村）'), '狮山镇');
  await hr.getByLabel('最低月薪').fill('3200');
  await hr.getByLabel('最高月薪').fill('3800');
  await hr.getByLabel('工作时间').fill('8:00-17:00，月休 4 天');
  await chooseWithKeyboard(hr, hr.getByLabel('食宿'), '包吃包住');
  await hr.getByRole('button', { name: '保存', exact: true }).click();
  await hr.getByText('已保存为草稿').first().waitFor();
  await hr.getByRole('button', { name: '发布', exact: true }).click();
  await hr.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await hr.getByText('招聘中').first().waitFor();
  const postingUrl = hr.url();

  await hr.getByRole('menuitem', { name: '招聘会' }).click();
  await hr.getByRole('button', { name: /新建招聘会/ }).click();
  const form = await settledDialog(hr, '新建招聘会');
  await form.getByLabel('招聘会名称').fill(fairTitle);
  await typeIntoPicker(hr, form.getByLabel('举办日期'), schedule.date);
  await typeIntoPicker(hr, form.getByLabel('开始时间'), schedule.start);
  await typeIntoPicker(hr, form.getByLabel('结束时间'), schedule.end);
  await form.getByLabel('举办地点').fill('县城安置社区服务中心广场');
  await form.getByLabel('可报名人数').fill('50');
  await chooseWithKeyboard(hr, form.getByLabel('参会单位'), employerName, employerName.slice(0, 8));
  await closeDropdowns(hr, form);
  await chooseWithKeyboard(hr, form.getByLabel('招聘岗位'), `${employerName}：${postingTitle}`, postingTitle);
  await closeDropdowns(hr, form);
  await form.getByRole('button', { name: '创建' }).click();
  await form.waitFor({ state: 'detached' });
  const fairRow = hr.getByRole('row').filter({ hasText: fairTitle });
  await fairRow.getByRole('button', { name: '发布' }).click();
  await (await settledDialog(hr, `发布“${fairTitle}”？`)).getByRole('button', { name: '发布' }).click();
  await fairRow.getByRole('button', { name: '签到与统计' }).waitFor();
  await hr.screenshot({ path: screenshotPath('admin-job-fair-published') });

  // The resident: 办事 → 找工作, a keyword search, the posting.
  const phone = await consentedPhone(browser, 'e2e-jobs');
  await largeTextPhone(phone);
  const list = await openService(phone, '找工作', ROUTES.jobs);
  await field(list, '搜岗位名称或单位').fill(postingTitle);
  await visibleText(list, '搜索').click();
  await visibleText(list, `搜索“${postingTitle}”，找到 1 个岗位`).waitFor();
  const row = list.locator('.jb-row', { hasText: postingTitle });
  await row.getByText('3200-3800 元/月').waitFor();
  await row.getByText('包吃包住').waitFor();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_SIZE.width);
  await settledScreenshot(phone, 'h5-jobs-search');
  await row.click();

  // No resume yet: the resume page first, then back to the posting.
  const detail = await shownPage(phone, ROUTES.jobDetail);
  await visibleText(detail, postingTitle).waitFor();
  expect(await detail.getByText('13987650012').count()).toBe(0);
  await visibleText(detail, '去填求职信息').click();
  const resume = await shownPage(phone, ROUTES.resume);
  await field(resume, '请输入您的姓名').fill(residentName);
  await field(resume, '请输入 11 位手机号').fill('13800004321');
  await visibleText(resume, '保洁').click();
  await visibleText(resume, '县城').click();
  await settledScreenshot(phone, 'h5-jobs-resume');
  await visibleText(resume, '保存，回去投递').click();

  const back = await shownPage(phone, ROUTES.jobDetail);
  const apply = visibleText(back, '投递');
  await apply.waitFor();
  expect((await apply.boundingBox())!.height).toBeGreaterThanOrEqual(TAP_PX);
  await settledScreenshot(phone, 'h5-jobs-detail');
  await apply.click();
  const application = await shownPage(phone, ROUTES.jobApplication);
  await application.locator('.jb-status', { hasText: '已投递' }).waitFor();
  await settledScreenshot(phone, 'h5-jobs-applied');

  // Back on the posting, a second look shows the application already made, not a second 投递.
  await phone.goBack();
  const again = await shownPage(phone, ROUTES.jobDetail);
  await visibleText(again, '您已投递这个岗位').waitFor();
  expect(await again.getByText('投递', { exact: true }).count()).toBe(0);

  // The fair: sign up with the name, then the ticket.
  const fairs = await openService(phone, '招聘会', ROUTES.jobFairs);
  await fairs.locator('.jf-row', { hasText: fairTitle }).getByText('还剩 50 个名额（共 50 个）').waitFor();
  await settledScreenshot(phone, 'h5-job-fairs');
  await fairs.locator('.jf-row', { hasText: fairTitle }).click();
  const fair = await shownPage(phone, ROUTES.jobFairDetail);
  await visibleText(fair, employerName).waitFor();
  await visibleText(fair, postingTitle).waitFor();
  await field(fair, '请输入参加人的姓名').fill(residentName);
  await visibleText(fair, '报名').click();

  const ticket = await shownPage(phone, ROUTES.jobFairTicket);
  const codeText = ticket.locator('.jf-ticket__code');
  await codeText.waitFor();
  const code = (await codeText.innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await visibleText(ticket, residentName).waitFor();
  await visibleText(ticket, fairTitle).waitFor();
  const qr = ticket.locator('.jf-qr');
  expect(await qr.isVisible()).toBe(true);
  const qrBox = (await qr.boundingBox())!;
  expect(qrBox.width).toBeGreaterThanOrEqual(180);
  expect(qrBox.x + qrBox.width).toBeLessThanOrEqual(PHONE_SIZE.width);
  // The drawing is this ticket's signed payload, module for module.
  const signup = await phone.evaluate(async (path) => {
    const stored = JSON.parse(localStorage.getItem('aq.tokens.v1')!).data;
    return (await fetch(path, { headers: { Authorization: `Bearer ${stored.accessToken}` } })).json();
  }, `${baseUrl()}/api/resident/job-fairs/${new URL(phone.url().replace('/#/', '/')).searchParams.get('id')}/signup`);
  const matrix = qrMatrix(signup.ticket.qr);
  const expected = new Set(matrix.rows.flatMap((runs, row) => runs.flatMap((run) => Array.from({ length: run.length }, (_, i) => `${row},${run.start + i}`))));
  expect(await drawnModules(qr, matrix.size, matrix.quietZone)).toEqual(expected);
  await settledScreenshot(phone, 'h5-job-fair-ticket');

  // At the door: hr_staff types the short code on the fair's page; a second try is refused.
  if (schedule.moveClock) writeFileSync(process.env.E2E_CLOCK_FILE!, '1');
  await fairRow.getByRole('button', { name: '签到与统计' }).click();
  const codeInput = hr.getByPlaceholder('XXXX-XXXX');
  await codeInput.fill(code.toLowerCase());
  await hr.getByRole('button', { name: '签到', exact: true }).click();
  await hr.getByText('签到成功').first().waitFor();
  await codeInput.fill(code);
  await hr.getByRole('button', { name: '签到', exact: true }).click();
  await hr.getByText('重复签到').first().waitFor();
  await hr.getByText(/这张电子票已于 .+ 签到/).first().waitFor();
  await hr.screenshot({ path: screenshotPath('admin-job-fair-check-in') });

  // The bureau invites, then hires; the resident sees the employer's phone, then 已录用.
  await hr.goto(postingUrl);
  const applicant = hr.getByRole('row').filter({ hasText: residentName });
  await applicant.getByRole('button', { name: '邀请面试', exact: true }).click();
  const invite = await settledDialog(hr, `邀请面试：${residentName}`);
  await invite.getByLabel('给求职者的留言').fill('12 月 20 日上午 9 点到狮山镇龙泉路 18 号面试');
  await invite.getByRole('button', { name: '邀请面试', exact: true }).click();
  await invite.waitFor({ state: 'detached' });

  const invited = await openService(phone, '我的求职', ROUTES.jobApplications);
  await invited.locator('.jb-row', { hasText: postingTitle }).getByText('邀请面试', { exact: true }).first().waitFor();
  await invited.locator('.jb-row', { hasText: postingTitle }).click();
  const withPhone = await shownPage(phone, ROUTES.jobApplication);
  await visibleText(withPhone, '拨打 13987650012').waitFor();
  await withPhone.getByText(/12 月 20 日上午 9 点/).first().waitFor();
  await settledScreenshot(phone, 'h5-jobs-invited');

  await applicant.getByRole('button', { name: '录用', exact: true }).click();
  const hire = await settledDialog(hr, `录用：${residentName}`);
  await hire.getByLabel('给求职者的留言').fill('请 12 月 25 日带身份证报到');
  await hire.getByRole('button', { name: '录用', exact: true }).click();
  await hire.waitFor({ state: 'detached' });

  const hired = await openService(phone, '我的求职', ROUTES.jobApplications);
  const hiredRow = hired.locator('.jb-row', { hasText: postingTitle });
  await hiredRow.locator('.jb-status', { hasText: '已录用' }).waitFor();
  await hiredRow.getByText(/请 12 月 25 日带身份证报到/).waitFor();
  await settledScreenshot(phone, 'h5-jobs-hired');

  // The ticket says it has been used.
  const mine = await openService(phone, '招聘会', ROUTES.jobFairs);
  await visibleText(mine, '我报名的招聘会').click();
  const signups = await shownPage(phone, ROUTES.myJobFairs);
  await signups.locator('.jf-row', { hasText: fairTitle }).getByText('已签到', { exact: true }).waitFor();
});
