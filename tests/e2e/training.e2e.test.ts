import { randomInt } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { addDays, chinaDate, type DivisionNode, withCheckDigit, withCreditCodeCheck } from '@anqian/shared';
import { ROUTES } from '../../miniapp/src/lib/routes';
import { settledDialog } from './antd';
import { baseUrl, launchBrowser, settledScreenshot, signedInAdminPage, staffPost } from './browser';
import { consentedPhone, largeTextPhone, openService, PHONE_SIZE, shownPage, visibleText } from './h5';

/**
 * Issue 14 end to end: hr_staff publishes a course in the console; a resident on a 360 px phone in
 * large-text mode finds it with the filters and applies for herself (her mother is too old, and the
 * page says why); hr_staff admits her, ticks every session, records the exam and certificate; the
 * resident sees the certificate in 我的培训; the subsidy roster downloads as a spreadsheet.
 */
jest.setTimeout(300_000);

const TAP_PX = 44;
const RESIDENT = '孙丽华';
const MOTHER = '赵桂芳';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  // Back to today for the other browser tests on the same server.
  rmSync(process.env.E2E_CLOCK_FILE!, { force: true });
  await browser.close();
});

/** The resident API with the phone's own token, for the household file the test starts from. */
async function residentPost<T>(phone: Page, path: string, body: unknown): Promise<T> {
  return phone.evaluate(
    async ({ url, body }) => {
      const stored = JSON.parse(localStorage.getItem('aq.tokens.v1')!).data;
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', Authorization: `Bearer ${stored.accessToken}` }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    { url: `${baseUrl()}/api${path}`, body },
  );
}

/** Every tap target of the page on top is at least TAP_PX high and nothing is wider than the phone. */
async function expectPhoneSized(phone: Page, screen: Locator) {
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_SIZE.width);
  for (const button of await screen.locator('button, .aq-tab, .aq-check, .tr-filters__head').filter({ visible: true }).all()) {
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(TAP_PX);
  }
}

/**
 * A household the township verified: the resident (35) and her mother (68). The registration is
 * the registration feature's own journey (its browser test), so it goes through the API here.
 */
async function verifiedHousehold(phone: Page, townshipStaff: Page) {
  const tree = (await (await fetch(`${baseUrl()}/api/divisions`)).json()) as DivisionNode;
  const township = tree.children.find((node) => node.name === '狮山镇')!;
  const serial = () => String(randomInt(50, 500) * 2).padStart(3, '0'); // even: a woman
  const registration = await residentPost<{ id: string }>(phone, '/resident/registrations', {
    idempotencyKey: `e2e-training-${randomInt(1e9)}-${Date.now()}`,
    household: {
      head: { name: RESIDENT, idNumber: withCheckDigit(`532329${new Date().getFullYear() - 35}0315${serial()}`), phone: '13987650088', workAbility: 'full', specialStatus: [] },
      members: [{ name: MOTHER, idNumber: withCheckDigit(`532329${new Date().getFullYear() - 68}0620${serial()}`), relation: 'parent', workAbility: 'weak', specialStatus: [] }],
      villageCode: township.children[0].code,
      address: '东岳社区三组 8 号',
      hazard: { type: 'landslide' },
      house: { structure: 'earth_wood', floorArea: 76, yearBuilt: 1992 },
      photoIds: [],
    },
    wishes: { willingness: 'willing', resettlementType: 'centralized', reasons: '房后山体开裂' },
  });
  await staffPost(townshipStaff, `/api/registrations/${registration.id}/accept`, { note: '材料齐全' });
  await staffPost(townshipStaff, `/api/registrations/${registration.id}/verify`, {
    visit: { date: chinaDate(), visitors: '李明（镇自然资源所）', peoplePresent: '户主本人', houseStructure: 'matches', hazard: 'confirmed', findings: '房屋后坡出现裂缝，情况属实。', photoIds: [] },
  });
}

test('hr_staff publishes a course; a resident at phone size applies; attendance and a certificate show in 我的培训; the subsidy roster opens', async () => {
  const stamp = randomInt(1000, 9999);
  const title = `家政服务员培训班${stamp}`;
  const employerName = `武定县巾帼家政服务有限公司${stamp}`;
  const certificate = `PX2026-${stamp}`;
  const today = chinaDate();

  const phone = await consentedPhone(browser, 'e2e-training');
  await largeTextPhone(phone);
  const township = await signedInAdminPage(browser, 'township_staff');
  await township.getByRole('menuitem', { name: '搬迁登记' }).waitFor();
  await verifiedHousehold(phone, township);
  await township.close();

  // The course's two sessions are the last two days, so hr_staff can tick them in the console
  // afterwards: while the resident applies, the server's calendar stands three days back.
  writeFileSync(process.env.E2E_CLOCK_FILE!, '-3');
  const hr = await signedInAdminPage(browser, 'hr_staff');
  await hr.getByRole('menuitem', { name: '技能培训' }).click();
  const employer = await staffPost<{ id: string }>(hr, '/api/employers', {
    name: employerName,
    creditCode: withCreditCodeCheck(`91532329MA6K${String(randomInt(1e5)).padStart(5, '0')}`),
    industry: '居民服务业',
    divisionCode: '532329101000',
    address: '狮山镇龙泉路 20 号',
    contactName: '杨经理',
    contactPhone: '13987650020',
  });
  // The draft through the API (the form has a dozen sections); publishing through the console.
  await staffPost(hr, '/api/training/courses', {
    title,
    category: 'housekeeping',
    provider: '县职业技能培训学校',
    partners: [{ employerId: employer.id, committedHires: 10 }],
    description: '学习家居保洁和老人照护，考核合格后由合作家政公司招用。',
    divisionCode: '532329101000',
    address: '狮山镇安置点综合服务中心三楼',
    sessions: [
      { date: addDays(today, -2), startTime: '09:00', endTime: '12:00', topic: '家居保洁' },
      { date: addDays(today, -1), startTime: '09:00', endTime: '12:00', topic: '老人照护与结业考核' },
    ],
    capacity: 2,
    signupDeadline: addDays(today, -3),
    eligibility: { minAge: 18, maxAge: 50, priorityForRelocated: true, townshipCodes: [] },
    costFen: 0,
    subsidyFen: 150000,
    completion: { minAttendancePercent: 100, examRequired: true },
    admission: 'review',
  });
  await hr.reload();
  const courseRow = hr.getByRole('row').filter({ hasText: title });
  await courseRow.getByRole('button', { name: '发布', exact: true }).click();
  await (await settledDialog(hr, `发布“${title}”？`)).getByRole('button', { name: '发布', exact: true }).click();
  await courseRow.getByText('报名中').waitFor();

  // The resident: 办事 → 技能培训, 家政服务 and 还有名额 (the demo's running course drops out).
  const list = await openService(phone, '技能培训', ROUTES.training);
  await visibleText(list, '家政服务').click();
  await visibleText(list, '修改 ▼').click();
  await visibleText(list, '还有名额').click();
  await visibleText(list, '收起 ▲').click();
  await visibleText(list, '筛选：全县，还有名额').waitFor();
  const row = list.locator('.tr-row', { hasText: title });
  await row.getByText('还剩 2 个名额（共 2 个）').waitFor();
  await row.getByText('包就业').waitFor();
  await row.getByText('1 家单位合作，学完承诺招用 10 人').waitFor();
  expect(await list.getByText('家政服务员培训班（第二期）').count()).toBe(0);
  await expectPhoneSized(phone, list);
  await settledScreenshot(phone, 'h5-training-list');
  await row.click();

  // The course, and who in the household may apply: the mother is too old, in plain words.
  const detail = await shownPage(phone, ROUTES.trainingDetail);
  await visibleText(detail, title).waitFor();
  await visibleText(detail, '免费').waitFor();
  await visibleText(detail, employerName).waitFor();
  await visibleText(detail, '承诺招用 10 人').waitFor();
  await visibleText(detail, '老人照护与结业考核').waitFor();
  await visibleText(detail, '年满 18 岁、不超过 50 岁的人可以报名。').waitFor();
  await visibleText(detail, `${MOTHER}（父母，68 岁）不能报名`).waitFor();
  await visibleText(detail, '这个培训班只招收 18 岁到 50 岁的人，报名的人现在 68 岁，超过了年龄').waitFor();
  await settledScreenshot(phone, 'h5-training-detail');
  await visibleText(detail, `${RESIDENT}（户主，35 岁）`).click();
  const apply = visibleText(detail, '报名');
  await apply.waitFor();
  expect((await apply.boundingBox())!.height).toBeGreaterThanOrEqual(TAP_PX);
  await expectPhoneSized(phone, detail);
  await apply.scrollIntoViewIfNeeded();
  await settledScreenshot(phone, 'h5-training-member-choice');
  await apply.click();
  await detail.locator('.tr-pill', { hasText: '待审核' }).waitFor();
  await visibleText(detail, '人社局正在审核，录取后会通知您。').waitFor();

  // hr_staff admits her on the course's page.
  await courseRow.getByRole('link', { name: title }).click();
  const applicant = hr.getByRole('row').filter({ hasText: RESIDENT });
  await applicant.getByRole('button', { name: '录取', exact: true }).click();
  await hr.getByText(`已录取 ${RESIDENT}`).first().waitFor();

  // 我的培训 shows the admission; the course page shows it with the way out before the start.
  const mine = await openService(phone, '技能培训', ROUTES.training);
  await visibleText(mine, '我的培训').click();
  const applications = await shownPage(phone, ROUTES.myTraining);
  const mineRow = applications.locator('.tr-row', { hasText: title });
  await mineRow.locator('.tr-pill', { hasText: '已录取' }).waitFor();
  await mineRow.getByText(`报名人：${RESIDENT}（户主）`).waitFor();
  await mineRow.click();
  const admitted = await shownPage(phone, ROUTES.trainingDetail);
  await admitted.locator('.tr-pill', { hasText: '已录取' }).waitFor();
  await visibleText(admitted, `${RESIDENT}退出培训`).waitFor();
  await visibleText(admitted, '出勤：已上 0/2 次').waitFor();
  await settledScreenshot(phone, 'h5-training-admitted');

  // Today again: the course starts, every session is ticked, the course finishes, and the
  // exam and certificate are recorded.
  rmSync(process.env.E2E_CLOCK_FILE!, { force: true });
  await hr.reload();
  await hr.getByRole('button', { name: '开课', exact: true }).click();
  await (await settledDialog(hr, `开课“${title}”？`)).getByRole('button', { name: '开课', exact: true }).click();
  await hr.getByText('已开课').first().waitFor();
  await hr.getByRole('tab', { name: '出勤' }).click();
  for (const session of [1, 2]) {
    const tick = hr.getByLabel(`${RESIDENT} 第${session}次课出勤`);
    // The box follows the server's answer, so it turns checked only once the tick is stored.
    await tick.click();
    await hr.getByRole('row').filter({ hasText: RESIDENT }).getByText(`${session}/2`).waitFor();
    expect(await tick.isChecked()).toBe(true);
  }
  await settledScreenshot(hr, 'admin-training-attendance');
  await hr.getByRole('button', { name: '结业', exact: true }).click();
  await (await settledDialog(hr, `结业“${title}”？`)).getByRole('button', { name: '结业', exact: true }).click();
  await hr.getByText('已结业').first().waitFor();
  await hr.getByRole('tab', { name: '结业与证书' }).click();
  const trainee = hr.getByRole('row').filter({ hasText: RESIDENT });
  await trainee.getByRole('button', { name: '考核与证书' }).click();
  const result = await settledDialog(hr, `${RESIDENT}：考核与证书`);
  await result.getByText('合格', { exact: true }).click();
  await result.getByLabel('考核分数（可不填）').fill('86');
  await result.getByPlaceholder('如：PX2026-0001').fill(certificate);
  await result.getByRole('button', { name: '登记' }).click();
  await result.waitFor({ state: 'detached' });
  await trainee.getByText(`培训合格证 ${certificate}`).waitFor();
  await settledScreenshot(hr, 'admin-training-completion');

  // The subsidy roster: a spreadsheet with her row, the ID number masked.
  const [download] = await Promise.all([hr.waitForEvent('download'), hr.getByRole('button', { name: '补贴申领花名册' }).click()]);
  expect(download.suggestedFilename()).toBe(`${title}-培训补贴申领花名册.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet('培训补贴申领花名册')!;
  const rows = Array.from({ length: sheet.rowCount }, (_, i) => sheet.getRow(i + 1).values as unknown[]);
  const hers = rows.find((values) => values.includes(RESIDENT))!;
  expect(hers).toEqual(expect.arrayContaining([expect.stringMatching(/^532329\*{8}\d{3}[\dX]$/), '2/2（100%）', '合格', '培训合格证', certificate, 1500]));
  expect(rows.find((values) => values.includes('合计'))).toEqual(expect.arrayContaining([1500]));

  // The resident sees the certificate and full attendance in 我的培训.
  const done = await openService(phone, '技能培训', ROUTES.training);
  await visibleText(done, '我的培训').click();
  const finished = await shownPage(phone, ROUTES.myTraining);
  const finishedRow = finished.locator('.tr-row', { hasText: title });
  await finishedRow.locator('.tr-pill', { hasText: '已结业' }).waitFor();
  await finishedRow.getByText(`证书编号 ${certificate}`).waitFor();
  await finishedRow.getByText('出勤：已上 2/2 次').waitFor();
  await finishedRow.getByText('培训合格证').waitFor();
  await expectPhoneSized(phone, finished);
  await settledScreenshot(phone, 'h5-training-certificate');
});
