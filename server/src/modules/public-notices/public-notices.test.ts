import { Types } from 'mongoose';
import { addDays, chinaDate } from '@anqian/shared';
import { asResident, asStaff, buildSubmitBody, endedNoticePeriod, registrationFlow, villageOf } from '../../../test/factories';
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
const registrations = () => t.connection.db!.collection('registrations');
const stored = (id: string) => registrations().findOne({ _id: new Types.ObjectId(id) });
const today = () => chinaDate();
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

  it('refuses a notice period shorter than five days, naming the end date', async () => {
    const response = await township.post('/api/public-notices', noticeBody([await flow.inStatus('verified')], { startDate: today(), endDate: addDays(today(), 3) }));

    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual(['body.endDate']);
  });

  it('leaves off a household whose registration changed while publishing, and names it', async () => {
    const [kept, changed] = [await flow.inStatus('verified'), await flow.inStatus('verified')];
    const real = t.services.registrations;
    // As if another request had returned `changed` between the check and its status change.
    const racing = { ...real, publicize: async (...args: Parameters<typeof real.publicize>) => (args[1] === changed ? false : real.publicize(...args)) };
    const service = createPublicNoticesService({ connection: t.connection, divisions: t.services.divisions, registrations: racing });

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
    noticeId = (await flow.publicize([id], endedNoticePeriod())).id;
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
    const upcoming = await flow.publicize([await flow.inStatus('verified')], { startDate: addDays(today(), 1), endDate: addDays(today(), 5) });
    const open = await flow.publicize([await flow.inStatus('verified')], { startDate: addDays(today(), -4), endDate: today() });

    const phase = async (id: string) => (await township.get(`/api/public-notices/${id}`)).body.phase;

    expect([await phase(upcoming.id), await phase(open.id), await phase(noticeId)]).toEqual(['upcoming', 'open', 'ended']);
  });
});
