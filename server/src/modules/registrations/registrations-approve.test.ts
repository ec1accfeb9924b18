import { Types } from 'mongoose';
import { addDays } from '@anqian/shared';
import { asStaff, buildSubmitBody, editStoredRegistrations, endNoticePeriod, registrationFlow, shortestNoticePeriod, villageOf } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;
let flow: ReturnType<typeof registrationFlow>;
let county: ReturnType<typeof asStaff>;

beforeAll(async () => {
  t = await createTestApp();
  flow = registrationFlow(t);
  county = asStaff(await t.staffAgent('county_admin'));
});
afterAll(() => t.close());

const registrations = () => t.connection.db!.collection('registrations');
const createSite = async (capacity: number) =>
  (await county.post('/api/sites', { name: '城南安置点', townshipCode: t.county.children[0].code, type: 'centralized', capacity, constructionStatus: 'completed' })).body;

/**
 * `count` households on one notice of the shortest period, after which the calendar moves on, ready
 * for approval. Accepting and verifying a hundred one by one is covered elsewhere and slow on
 * FerretDB, so they are set to verified directly.
 */
async function publicizing(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) ids.push(await flow.create());
  await editStoredRegistrations(t, ids, { $set: { status: 'verified' } });
  const notice = await county.post('/api/public-notices', { title: '第一批避险搬迁农户公示', ...shortestNoticePeriod(t), registrationIds: ids });
  expect(notice.body.entries).toHaveLength(count);
  endNoticePeriod(t, notice.body);
  return ids;
}

describe('approving against a site with few places left', () => {
  it('approves exactly as many as there are places when 100 approvals arrive at once', async () => {
    const site = await createSite(50);
    // 40 places already taken: 10 left.
    await t.connection.db!.collection('sites').updateOne({ _id: new Types.ObjectId(site.id) }, { $set: { assigned: 40, remaining: 10 } });
    const ids = await publicizing(100);

    const responses = await Promise.all(ids.map((id) => county.post(`/api/registrations/${id}/approve`, { siteId: site.id })));

    const approved = responses.filter((r) => r.status === 200);
    const full = responses.filter((r) => r.status === 409 && r.body.error.code === 'SITE_FULL');
    expect([approved.length, full.length]).toEqual([10, 90]);
    expect((await county.get(`/api/sites/${site.id}`)).body).toMatchObject({ capacity: 50, assigned: 50, remaining: 0 });
    const stored = await registrations().find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } }).toArray();
    expect(stored.filter((r) => r.status === 'approved').map((r) => r.assignedSiteId.toString())).toEqual(Array(10).fill(site.id));
    expect(stored.filter((r) => r.status === 'publicizing')).toHaveLength(90);
  }, 120_000);

  it('gives the place back when the same registration is approved twice at once', async () => {
    const site = await createSite(20);
    const [id] = await publicizing(1);

    const responses = await Promise.all([1, 2, 3].map(() => county.post(`/api/registrations/${id}/approve`, { siteId: site.id })));

    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect((await county.get(`/api/sites/${site.id}`)).body).toMatchObject({ assigned: 1, remaining: 19 });
  });

  it('approves scattered resettlement without a site, and refuses an unknown site naming the field', async () => {
    const scattered = await flow.inStatus('publicizing', { body: buildSubmitBody(villageOf(t.county), { wishes: { resettlementType: 'scattered' } }) });
    const [centralized] = await publicizing(1);

    const withoutSite = await county.post(`/api/registrations/${scattered}/approve`, {});
    const unknownSite = await county.post(`/api/registrations/${centralized}/approve`, { siteId: new Types.ObjectId().toString() });

    expect(withoutSite.status).toBe(200);
    expect(withoutSite.body).not.toHaveProperty('assignedSite');
    expect(unknownSite.status).toBe(400);
    expect(unknownSite.body.error.details).toEqual([{ field: 'body.siteId', message: '安置点不存在' }]);
  });
});

describe('approving only after a notice that was open for the whole minimum period (issue 10)', () => {
  it('refuses a registration on a notice whose stored period lies before the day it was put on it', async () => {
    // As published before the fix: five days that were already over (2026-01-01 to 2026-01-05 in the report).
    const id = await flow.inStatus('publicizing', { body: buildSubmitBody(villageOf(t.county), { wishes: { resettlementType: 'scattered' } }) });
    const past = { startDate: addDays(t.clock.today(), -10), endDate: addDays(t.clock.today(), -6) };
    const { noticeId } = (await registrations().findOne({ _id: new Types.ObjectId(id) }))!;
    await t.connection.db!.collection('public_notices').updateOne({ _id: noticeId }, { $set: past });
    await editStoredRegistrations(t, [id], { $set: { noticeStartDate: past.startDate, noticeEndDate: past.endDate } });

    const response = await county.post(`/api/registrations/${id}/approve`, {});

    expect([response.status, response.body.error?.code]).toEqual([409, 'NOTICE_PERIOD_TOO_SHORT']);
    expect((await registrations().findOne({ _id: new Types.ObjectId(id) }))!.status).toBe('publicizing');
  });
});
