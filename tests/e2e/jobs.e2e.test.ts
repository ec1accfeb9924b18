import { randomInt } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { addDays, chinaDate, earliestPeriodEnd, periodDays, withCheckDigit, withCreditCodeCheck } from '@anqian/shared';
import { qrMatrix } from '../../miniapp/src/features/job-fairs/qr-matrix';
import { ROUTES } from '../../miniapp/src/lib/routes';
import { chooseInTree, chooseWithKeyboard, settledDialog } from './antd';
import { baseUrl, demoTownship, launchBrowser, screenshotPath, settledScreenshot, signedInAdminPage, staffPost } from './browser';
import { consentedPhone, field, largeTextPhone, openService, PHONE_SIZE, shownPage, visibleText } from './h5';

/**
 * Issue 12 end to end: the human-resources bureau publishes a posting and a fair in the admin
 * console; a resident on a 360 px phone in large-text mode finds the posting, fills the resume,
 * applies, signs up for the fair and shows the e-ticket; the bureau checks the ticket in by its
 * short code, invites and hires; the resident sees the employer's phone, then 已录用, and the
 * township's employment ledger shows the member in work.
 */
jest.setTimeout(300_000);

const TAP_PX = 44;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  rmSync(process.env.E2E_CLOCK_FILE!, { force: true });
  await browser.close();
});

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
 * The fair is on the server's today (check-in only works on the fair's day; the server's calendar
 * runs `offsetDays` ahead), starting a while from now so residents can still sign up. Late in the
 * China evening there is no room left today: the fair is the next morning and the server's calendar
 * moves one more day on before the check-in.
 */
function fairSchedule(offsetDays: number): { date: string; start: string; end: string; checkInOffset: number } {
  const china = new Date(Date.now() + 8 * 3600_000);
  const minutes = Math.ceil((china.getUTCHours() * 60 + china.getUTCMinutes() + 45) / 5) * 5;
  const time = (total: number) => `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  const serverToday = addDays(chinaDate(), offsetDays);
  if (minutes + 60 < 24 * 60) return { date: serverToday, start: time(minutes), end: time(minutes + 60), checkInOffset: offsetDays };
  return { date: addDays(serverToday, 1), start: '09:00', end: '11:00', checkInOffset: offsetDays + 1 };
}

/** An ID number of the demo county born in `year`: an even sequence digit for a woman, odd for a man. */
function idNumber(year: number, woman: boolean): string {
  const sequence = randomInt(10, 99) * 10 + (woman ? 2 * randomInt(0, 5) : 2 * randomInt(0, 5) + 1);
  return withCheckDigit(`532329${year}0512${String(sequence).padStart(3, '0')}`);
}

/**
 * The resident's household in the demo township, registered from the phone and taken to approval
 * by the township and the county, so a hire lands in its employment ledger row. The notice period
 * runs its course by moving the server's calendar; answers how many days it moved.
 */
async function approvedHousehold(phone: Page, headName: string): Promise<number> {
  const village = (await demoTownship()).children[0];
  const registration = await phone.evaluate(
    async ({ body }) => {
      const stored = JSON.parse(localStorage.getItem('aq.tokens.v1')!).data;
      const response = await fetch('/api/resident/registrations', {
        method: 'POST',
        headers: { 'content-type': 'application/json', Authorization: `Bearer ${stored.accessToken}` },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`registration: ${response.status} ${await response.text()}`);
      return (await response.json()) as { id: string };
    },
    {
      body: {
        idempotencyKey: `e2e-jobs-${randomInt(1e9)}`,
        household: {
          head: { name: headName, idNumber: idNumber(1982, true), phone: '13800004321', workAbility: 'full', specialStatus: [] },
          members: [{ name: '杨志强', idNumber: idNumber(1980, false), relation: 'spouse', workAbility: 'full', specialStatus: [] }],
          villageCode: village.code,
          address: '龙泉社区二组 7 号',
          hazard: { type: 'landslide', pointNumber: 'YN-532329-021' },
          house: { structure: 'earth_wood', floorArea: 72, yearBuilt: 1988 },
          photoIds: [],
        },
        wishes: { willingness: 'willing', resettlementType: 'scattered', preferredMoveMonth: '2027-03', reasons: '房后山体开裂' },
      },
    },
  );
  const township = await signedInAdminPage(browser, 'township_staff');
  const rule = await township.evaluate(async () => (await fetch('/api/public-notices/period-rule')).json() as Promise<{ today: string; minDays: number }>);
  await staffPost(township, `/api/registrations/${registration.id}/accept`, {});
  const visit = { date: rule.today, visitors: '张三、李四', peoplePresent: '户主本人', houseStructure: 'matches', hazard: 'confirmed', findings: '房屋开裂属实', photoIds: [] };
  await staffPost(township, `/api/registrations/${registration.id}/verify`, { visit });
  const endDate = earliestPeriodEnd(rule.today, rule.minDays);
  await staffPost(township, '/api/public-notices', { title: '避险搬迁农户公示（就业测试）', intro: '', startDate: rule.today, endDate, registrationIds: [registration.id] });
  await township.close();
  const offsetDays = periodDays(chinaDate(), endDate);
  writeFileSync(process.env.E2E_CLOCK_FILE!, String(offsetDays));
  const county = await signedInAdminPage(browser, 'county_admin');
  await staffPost(county, `/api/registrations/${registration.id}/approve`, {});
  await county.close();
  return offsetDays;
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

  // The resident's household is approved first: a hire then shows in its employment ledger row.
  const phone = await consentedPhone(browser, 'e2e-jobs');
  await largeTextPhone(phone);
  const schedule = fairSchedule(await approvedHousehold(phone, residentName));

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
  // Which member of the approved household the resident is, so a hire is recorded for them.
  await resume.locator('.rg-field', { hasText: '我是户里的哪一位' }).locator('.rg-chip', { hasText: residentName }).click();
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
  writeFileSync(process.env.E2E_CLOCK_FILE!, String(schedule.checkInOffset));
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

  // The township's employment ledger shows the hired member in work, recorded from the hire.
  const ledger = await signedInAdminPage(browser, 'township_staff');
  await ledger.getByRole('menuitem', { name: '就业台账' }).click();
  await ledger.getByPlaceholder('户主或成员姓名').fill(residentName);
  await ledger.getByRole('button', { name: /查\s*询/ }).click();
  const member = ledger.getByRole('row').filter({ hasText: residentName }).locator('.ant-flex', { hasText: `${residentName}（户主` });
  await member.getByText('本地就业', { exact: true }).waitFor();
  await member.getByText('平台录用', { exact: true }).waitFor();
  await ledger.screenshot({ path: screenshotPath('admin-employment-after-hire') });

  // The ticket says it has been used.
  const mine = await openService(phone, '招聘会', ROUTES.jobFairs);
  await visibleText(mine, '我报名的招聘会').click();
  const signups = await shownPage(phone, ROUTES.myJobFairs);
  await signups.locator('.jf-row', { hasText: fairTitle }).getByText('已签到', { exact: true }).waitFor();
});
