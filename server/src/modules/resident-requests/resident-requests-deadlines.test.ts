import { addDays, buildWorkingDayCalendar, type HolidayArrangements } from '@anqian/shared';
import { asStaff } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { newResident } from './request-test-helpers';
import { createResidentRequestsService } from './resident-requests.service';

/**
 * Deadlines count China working days. The real calendar data may hold no holiday ahead of today
 * (and the test clock only moves forward), so the server here counts with the 2026 National Day
 * arrangement moved whole weeks into the future: 1–7 October off (Thursday to Wednesday), Sunday
 * 20 September and Saturday 10 October worked.
 */
let t: TestApp;
let shift: number;
const day = (date2026: string) => addDays(date2026, shift);

function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

function goTo(date: string) {
  const days = daysBetween(t.clock.today(), date);
  if (days > 0) t.clock.advanceDays(days);
  expect(t.clock.today()).toBe(date);
}

beforeAll(async () => {
  t = await createTestApp();
  shift = Math.ceil((daysBetween('2026-09-18', t.clock.today()) + 7) / 7) * 7;
  const year = Number(day('2026-10-01').slice(0, 4));
  const arrangements: HolidayArrangements = {
    [year]: { source: 'test: 2026 国庆 moved by whole weeks', festivals: [{ name: '国庆节', off: [day('2026-10-01'), day('2026-10-07')], makeUpWorkdays: [day('2026-09-20'), day('2026-10-10')] }] },
  };
  const services = t.services as { residentRequests: unknown };
  services.residentRequests = createResidentRequestsService({
    connection: t.connection,
    clock: t.clock,
    divisions: t.services.divisions,
    sites: t.services.sites,
    photos: t.services.photos,
    registrations: t.services.registrations,
    residents: t.services.residents,
    staff: t.services.staff,
    notifications: t.services.notifications,
    wechat: t.serviceDeps.wechat,
    contentCheckOpenid: t.config.wechat.contentCheckOpenid,
    calendar: buildWorkingDayCalendar(arrangements),
  });
});
afterAll(() => t.close());

const requests = () => t.connection.collection('resident_requests');

describe('deadlines across a national holiday and make-up working days', () => {
  it('counts working days, flags overdue requests, reminds the assignee and keeps the statistics', async () => {
    const officer = await t.staffAgent('township_staff');
    const township = asStaff(officer);
    const colleague = asStaff(await t.staffAgent('township_staff'));
    const admin = asStaff(await t.staffAgent('county_admin'));
    const resident = await newResident(t);

    // Friday 18 September: Sunday the 20th is worked, so three working days end on Tuesday the 22nd.
    goTo(day('2026-09-18'));
    const before = await resident.submit();
    expect(await township.get(`/api/resident-requests/${before.id}`)).toMatchObject({ body: { replyDue: day('2026-09-22'), firstReplyDue: day('2026-09-22') } });

    // The first request is answered in time on its due day.
    goTo(day('2026-09-22'));
    expect((await township.post(`/api/resident-requests/${before.id}/reply`, { text: '您好，已安排人员处理。' })).status).toBe(200);

    // Wednesday 30 September: the holiday runs to 7 October; 8, 9 and the worked Saturday 10 October are days 1-3.
    goTo(day('2026-09-30'));
    const across = await resident.submit();
    const detail = (await township.get(`/api/resident-requests/${across.id}`)).body;
    expect(detail).toMatchObject({ replyDue: day('2026-10-10'), doneDue: day('2026-10-27'), overdue: false });
    await township.post(`/api/resident-requests/${across.id}/assign`, { staffId: officer.user.id });

    // Friday 9 October: the next working day is the worked Saturday, when the reply is due.
    goTo(day('2026-10-09'));
    const services = t.services as unknown as { residentRequests: ReturnType<typeof createResidentRequestsService> };
    expect(await services.residentRequests.queueDueReminders()).toBe(1);
    expect(await services.residentRequests.queueDueReminders()).toBe(0);
    const reminders = (await township.get('/api/resident-requests/reminders')).body.items;
    expect(reminders).toEqual([expect.objectContaining({ requestId: across.id, kind: 'reply', dueDate: day('2026-10-10') })]);
    expect((await colleague.get('/api/resident-requests/reminders')).body.items).toEqual([]);

    // Saturday 10 October is a working day and the due day: not overdue yet. From Sunday it is.
    goTo(day('2026-10-10'));
    expect((await township.get('/api/resident-requests', { overdue: 'true' })).body.items).toEqual([]);
    goTo(day('2026-10-11'));
    const overdue = await township.get('/api/resident-requests', { overdue: 'true', sort: 'due' });
    expect(overdue.body.items.map((item: { id: string; overdue: boolean }) => [item.id, item.overdue])).toEqual([[across.id, true]]);
    expect((await admin.get('/api/resident-requests/stats')).body).toMatchObject({ total: 2, open: 2, overdue: 1 });

    // Answered late on Monday 12 October; the resident reopens on Thursday the 15th: three new working days.
    goTo(day('2026-10-12'));
    await township.post(`/api/resident-requests/${across.id}/reply`, { text: '您好，节日期间值班人员已登记，今天安排维修。' });
    expect((await township.get('/api/resident-requests/reminders')).body.items).toEqual([]);
    await resident.client.post(`/api/resident/requests/${across.id}/rate`, { score: 3, comment: '慢了点' });
    goTo(day('2026-10-15'));
    const reopened = await resident.client.post(`/api/resident/requests/${across.id}/reopen`, { reason: '修好两天又坏了' });
    expect(reopened.status).toBe(200);
    expect((await township.get(`/api/resident-requests/${across.id}`)).body).toMatchObject({ status: 'assigned', replyDue: day('2026-10-20'), firstReplyDue: day('2026-10-10') });
    await township.post(`/api/resident-requests/${across.id}/reply`, { text: '您好，已更换灯具和开关。' });

    const stats = (await admin.get('/api/resident-requests/stats')).body;
    expect(stats).toMatchObject({ total: 2, answeredInTimeShare: 0.5, averageRating: 3, ratedCount: 1, byCategory: { repair: 2 } });
    expect(stats.byTownship).toEqual([expect.objectContaining({ code: t.county.children[0].code, total: 2 })]);
    expect(stats.medianFirstReplyHours).toBeGreaterThan(0);
  });

  it('refuses a reopen more than 7 days after the reply, and closes the answered request on its own', async () => {
    const township = asStaff(await t.staffAgent('township_staff'));
    const resident = await newResident(t);
    const { id } = await resident.submit();
    await township.post(`/api/resident-requests/${id}/reply`, { text: '您好，已经处理好了。' });
    goTo(addDays(t.clock.today(), 8));
    const late = await resident.client.post(`/api/resident/requests/${id}/reopen`, { reason: '问题又出现了' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('REQUEST_REOPEN_NOT_ALLOWED');
    expect((await resident.client.get(`/api/resident/requests/${id}`)).body).toMatchObject({ canReopen: false, stageLabel: '已答复' });

    const services = t.services as unknown as { residentRequests: ReturnType<typeof createResidentRequestsService> };
    expect(await services.residentRequests.closeSettled()).toBeGreaterThanOrEqual(1);
    expect((await resident.client.get(`/api/resident/requests/${id}`)).body.stageLabel).toBe('已办结');
    const stored = await requests().findOne({ residentId: resident.id });
    expect(stored?.steps.at(-1)).toMatchObject({ action: 'autoClose', to: 'closed' });
    expect(stored?.openSlot).toMatch(/^done:/);
  });
});
