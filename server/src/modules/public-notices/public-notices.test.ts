import { Types } from 'mongoose';
import { addDays } from '@anqian/shared';
import { asResident, asStaff, buildSubmitBody, endNoticePeriod, registrationFlow, villageOf } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { createPublicNoticesService } from './public-notices.service';

let t: TestApp;
let flow: ReturnType<typeof registrationFlow>;
let township: ReturnType<typeof asStaff>;

beforeAll(async () => {
  t = await createTestApp();
  flow = registrationFlow(t);
  township = asStaff(await t.staffAgent('township_staff'));
});
afterAll(() => t.close());

const notices = () => t.connection.db!.collection('public_notices');
const serviceDeps = () => ({
  connection: t.connection,
  divisions: t.services.divisions,
  registrations: t.services.registrations,
  townshipContacts: t.services.townshipContacts,
  clock: t.clock,
  noticeMinDays: t.config.noticeMinDays,
  cjkFontPath: t.config.cjkFontPath,
});
const registrations = () => t.connection.db!.collection('registrations');
const stored = (id: string) => registrations().findOne({ _id: new Types.ObjectId(id) });
/** China's date on the server's clock, which tests move forward. */
const today = () => t.clock.today();
const noticeBody = (registrationIds: string[], period: { startDate: string; endDate: string } = { startDate: today(), endDate: addDays(today(), 6) }) => ({
  title: '狮山镇第一批避险搬迁农户公示',
  intro: '公示期内如有异议，请向镇人民政府反映。',
  ...period,
  registrationIds,
});

describe('publishing a notice', () => {
  it('lists verified households with masked ID numbers and moves each to publicizing', async () => {
    const first = buildSubmitBody(villageOf(t.county, 0, 0));
    const second = buildSubmitBody(villageOf(t.county, 0, 1), { wishes: { resettlementType: 'urban' } });
    const ids = [await flow.inStatus('verified', { body: first }), await flow.inStatus('verified', { body: second })];

    const response = await township.post('/api/public-notices', noticeBody(ids));

    const name = t.county.children[0].name;
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[a-f\d]{24}$/),
      title: '狮山镇第一批避险搬迁农户公示',
      intro: '公示期内如有异议，请向镇人民政府反映。',
      startDate: today(),
      endDate: addDays(today(), 6),
      phase: 'open',
      householdCount: 2,
      townshipNames: [name],
      publishedBy: name,
      publishedAt: expect.any(String),
      entries: [
        {
          registrationId: ids[0],
          headName: '李建国',
          headIdNumberMasked: `${first.household.head.idNumber.slice(0, 6)}********${first.household.head.idNumber.slice(14)}`,
          memberCount: 2,
          villageName: t.county.children[0].children[0].name,
          resettlementType: 'centralized',
        },
        expect.objectContaining({ registrationId: ids[1], villageName: t.county.children[0].children[1].name, resettlementType: 'urban' }),
      ],
      contacts: [{ townshipCode: t.county.children[0].code, townshipName: name, officePhone: null }],
      skipped: [],
    });
    expect(JSON.stringify(response.body)).not.toContain(first.household.head.idNumber);
    for (const id of ids) {
      expect(await stored(id)).toMatchObject({ status: 'publicizing', noticeEndDate: addDays(today(), 6), noticeId: new Types.ObjectId(response.body.id) });
    }
    const detail = await township.get(`/api/registrations/${ids[0]}`);
    expect(detail.body.notice).toEqual({ id: response.body.id, title: '狮山镇第一批避险搬迁农户公示', startDate: today(), endDate: addDays(today(), 6) });
    expect(detail.body.timeline.at(-1)).toMatchObject({ action: 'publicize', from: 'verified', to: 'publicizing' });
    const audit = await t.connection.db!.collection('audit_logs').findOne({ action: 'public-notice.create' });
    expect(audit).toMatchObject({ result: 'success', targetId: response.body.id });
  });

  it('refuses registrations that are not verified, naming them, and publishes nothing', async () => {
    const verified = await flow.inStatus('verified');
    const accepted = await flow.inStatus('accepted');
    const before = await notices().countDocuments();

    const response = await township.post('/api/public-notices', noticeBody([verified, accepted]));
    const unknown = await township.post('/api/public-notices', noticeBody([verified, new Types.ObjectId().toString()]));

    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([{ field: 'body.registrationIds.1', message: expect.stringContaining(accepted) }]);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await stored(verified))!.status).toBe('verified');
    expect(await notices().countDocuments()).toBe(before);
  });

  it('refuses a period shorter than the county’s minimum (seven days unless set), naming the end date', async () => {
    const id = await flow.inStatus('verified');
    const sixDays = { startDate: addDays(today(), 2), endDate: addDays(today(), 7) };

    const response = await township.post('/api/public-notices', noticeBody([id], sixDays));
    const rule = await township.get('/api/public-notices/period-rule');
    const stricter = createPublicNoticesService({ ...serviceDeps(), noticeMinDays: 10 });

    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([{ field: 'body.endDate', message: `公示期至少 7 天（含首尾两天），最早到 ${addDays(today(), 8)} 结束` }]);
    expect(rule.body).toEqual({ today: today(), minDays: 7 });
    await expect(stricter.create(flow.admin, noticeBody([id]))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'body.endDate', message: expect.stringContaining('至少 10 天') }] });
    expect((await stored(id))!.status).toBe('verified');
  });

  it('refuses a period that started before today in China, naming the start date, and publishes nothing (issue 10)', async () => {
    const id = await flow.inStatus('verified');
    const before = await notices().countDocuments();

    const past = await township.post('/api/public-notices', noticeBody([id], { startDate: '2026-01-01', endDate: '2026-01-05' }));
    const yesterday = await township.post('/api/public-notices', noticeBody([id], { startDate: addDays(today(), -1), endDate: addDays(today(), 9) }));

    expect(past.status).toBe(400);
    expect(past.body.error.details.map((d: { field: string }) => d.field)).toContain('body.startDate');
    expect(yesterday.status).toBe(400);
    expect(yesterday.body.error.details).toEqual([{ field: 'body.startDate', message: expect.stringContaining('不能早于今天') }]);
    // The service checks too, for callers other than the route (the demo data, a future import).
    await expect(t.services.publicNotices.create(flow.admin, noticeBody([id], { startDate: addDays(today(), -1), endDate: addDays(today(), 9) }))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'body.startDate', message: expect.stringContaining('不能早于今天') }],
    });
    expect((await stored(id))!.status).toBe('verified');
    expect(await notices().countDocuments()).toBe(before);
  });

  it('leaves off a household whose registration changed while publishing, and names it', async () => {
    const [kept, changed] = [await flow.inStatus('verified'), await flow.inStatus('verified')];
    const real = t.services.registrations;
    // As if another request had returned `changed` between the check and its status change.
    const racing = { ...real, publicize: async (...args: Parameters<typeof real.publicize>) => (args[1] === changed ? false : real.publicize(...args)) };
    const service = createPublicNoticesService({ ...serviceDeps(), registrations: racing });

    const notice = await service.create(flow.admin, noticeBody([kept, changed]));
    const allChanged = service.create(flow.admin, noticeBody([changed]));

    expect(notice.entries.map((e) => e.registrationId)).toEqual([kept]);
    expect(notice.skipped).toEqual([{ registrationId: changed, headName: '李建国' }]);
    expect((await notices().findOne({ _id: new Types.ObjectId(notice.id) }))!.entries.map((e: { registrationId: Types.ObjectId }) => e.registrationId.toString())).toEqual([kept]);
    await expect(allChanged).rejects.toMatchObject({ code: 'REGISTRATION_TRANSITION_NOT_ALLOWED' });
    expect(await notices().countDocuments({ 'entries.registrationId': new Types.ObjectId(changed) })).toBe(0);
  });
});

describe('reading notices', () => {
  let noticeId: string;
  let residentToken: string;

  beforeAll(async () => {
    const { token, login } = await t.residentToken();
    residentToken = token;
    const id = await flow.inStatus('verified', { residentId: login.resident.id, villageCode: villageOf(t.county, 0, 2) });
    const notice = await flow.publicize([id]);
    noticeId = notice.id;
    endNoticePeriod(t, notice);
  });

  it('shows staff the notices that touch their area', async () => {
    const otherTownship = asStaff(await t.staffAgent('township_staff', { townshipIndex: 1 }));
    const cadreOfVillage = asStaff(await t.staffAgent('village_cadre', { divisionCode: villageOf(t.county, 0, 2) }));
    const cadreElsewhere = asStaff(await t.staffAgent('village_cadre', { divisionCode: villageOf(t.county, 0, 3) }));

    const listIds = async (staff: ReturnType<typeof asStaff>) => (await staff.get('/api/public-notices')).body.items.map((n: { id: string }) => n.id);

    expect(await listIds(township)).toContain(noticeId);
    expect(await listIds(cadreOfVillage)).toEqual([noticeId]);
    expect(await listIds(cadreElsewhere)).toEqual([]);
    expect(await listIds(otherTownship)).toEqual([]);
    expect((await otherTownship.get(`/api/public-notices/${noticeId}`)).status).toBe(404);
    expect((await cadreOfVillage.get(`/api/public-notices/${noticeId}`)).body).toMatchObject({ id: noticeId, phase: 'ended', householdCount: 1 });
  });

  it('shows a resident the notices of the villages they registered in, or of a village they ask for', async () => {
    const resident = asResident(t, residentToken);
    const stranger = asResident(t, (await t.residentToken()).token);

    const own = await resident.get('/api/resident/public-notices');
    const none = await stranger.get('/api/resident/public-notices');
    const asked = await stranger.get('/api/resident/public-notices', { villageCode: villageOf(t.county, 0, 2) });
    const detail = await stranger.get(`/api/resident/public-notices/${noticeId}`);

    expect(own.body).toMatchObject({ items: [{ id: noticeId, phase: 'ended', householdCount: 1 }], total: 1 });
    expect(none.body).toMatchObject({ items: [], total: 0 });
    expect(asked.body.items.map((n: { id: string }) => n.id)).toEqual([noticeId]);
    expect(detail.body.entries[0].headIdNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  });

  it('tells upcoming, open and ended notices apart by today’s date in China', async () => {
    const upcoming = await flow.publicize([await flow.inStatus('verified')], { startDate: addDays(today(), 1), endDate: addDays(today(), 7) });
    const open = await flow.publicize([await flow.inStatus('verified')], { startDate: today(), endDate: addDays(today(), 6) });

    const phase = async (id: string) => (await township.get(`/api/public-notices/${id}`)).body.phase;

    expect([await phase(upcoming.id), await phase(open.id), await phase(noticeId)]).toEqual(['upcoming', 'open', 'ended']);
  });
});
