import { Types } from 'mongoose';
import { asStaff, villageOf } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { buildAnnouncementBody, hoursFromNow, residentIn } from './announcement-test-helpers';

let t: TestApp;
let admin: ReturnType<typeof asStaff>;
let township: ReturnType<typeof asStaff>;

beforeAll(async () => {
  t = await createTestApp();
  admin = asStaff(await t.staffAgent('county_admin'));
  township = asStaff(await t.staffAgent('township_staff', { townshipIndex: 0 }));
});
afterAll(() => t.close());

const messages = () => t.connection.collection('outbound_messages');
const grants = () => t.connection.collection('subscription_grants');
const alertMessages = (residentId: string) => messages().countDocuments({ residentId, templateKey: 'hazard_alert' });

function hazardAlert(divisionCode: string, overrides: Parameters<typeof buildAnnouncementBody>[1] = {}) {
  return buildAnnouncementBody(divisionCode, { type: 'hazard_alert', title: '滑坡预警：请立即转移', expiresAt: hoursFromNow(t, 36), ...overrides });
}

describe('hazard alerts', () => {
  it('queues one subscribe message per consenting resident of the area at publishing, none for others, none twice', async () => {
    const townA = t.county.children[0].code;
    const consenting = await residentIn(t, { household: villageOf(t.county, 0, 0), hazardGrants: 1 });
    const twiceAllowed = await residentIn(t, { chosen: villageOf(t.county, 0, 1), hazardGrants: 2 });
    const notAllowed = await residentIn(t, { household: villageOf(t.county, 0, 0) });
    const elsewhere = await residentIn(t, { chosen: villageOf(t.county, 1, 0), hazardGrants: 1 });

    const created = await township.post('/api/announcements', hazardAlert(townA));
    const published = await township.post(`/api/announcements/${created.body.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.alert).toMatchObject({ queued: 2, queuedAt: expect.any(String) });
    expect(await alertMessages(consenting.residentId)).toBe(1);
    expect(await alertMessages(twiceAllowed.residentId)).toBe(1);
    expect(await alertMessages(notAllowed.residentId)).toBe(0);
    expect(await alertMessages(elsewhere.residentId)).toBe(0);
    expect(await grants().countDocuments({ residentId: twiceAllowed.residentId, templateKey: 'hazard_alert', usedAt: null })).toBe(1);

    // A process stopped before it recorded the alert as queued: the maintenance job runs it again.
    await t.connection.collection('announcements').updateOne({ _id: new Types.ObjectId(created.body.id as string) }, { $set: { alertQueuedAt: null } });
    expect(await t.services.announcements.publishDue()).toMatchObject({ alerts: 1 });
    expect(await t.services.announcements.publishDue()).toMatchObject({ alerts: 0 });
    expect(await alertMessages(consenting.residentId)).toBe(1);
    expect(await alertMessages(twiceAllowed.residentId)).toBe(1);
    expect(await grants().countDocuments({ residentId: twiceAllowed.residentId, templateKey: 'hazard_alert', usedAt: null })).toBe(1);

    await t.services.notifications.deliverPendingMessages();
    const sent = await fetch(`${t.fakeWechat.url}/dev/sent-messages?touser=${consenting.openid}`).then((r) => r.json() as Promise<{ template_id: string; page: string; data: Record<string, { value: string }> }[]>);
    expect(sent).toEqual([
      expect.objectContaining({
        template_id: 'tmpl-hazard-alert',
        page: `subpackages/announcements/pages/detail/index?id=${created.body.id}`,
        data: expect.objectContaining({ thing1: { value: '滑坡预警：请立即转移' }, thing2: { value: expect.stringContaining('') } }),
      }),
    ]);
  });

  it('shows the live alert of the resident’s area on top of the home page until it expires', async () => {
    const villageB = villageOf(t.county, 1, 0);
    const inArea = await residentIn(t, { chosen: villageB });
    const outside = await residentIn(t, { chosen: villageOf(t.county, 0, 0) });
    expect((await inArea.resident.get('/api/resident/announcements/alert')).body).toEqual({ alert: null });
    const created = await admin.post('/api/announcements', hazardAlert(villageB, { title: '泥石流预警', expiresAt: hoursFromNow(t, 20) }));
    await admin.post(`/api/announcements/${created.body.id}/publish`);
    expect((await inArea.resident.get('/api/resident/announcements/alert')).body.alert).toMatchObject({ id: created.body.id, title: '泥石流预警', type: 'hazard_alert', read: false });
    expect((await outside.resident.get('/api/resident/announcements/alert')).body.alert?.id).not.toBe(created.body.id);
    t.clock.advanceDays(1);
    expect((await inArea.resident.get('/api/resident/announcements/alert')).body).toEqual({ alert: null });
  });

  it('queues a scheduled alert at its set time', async () => {
    const villageC = villageOf(t.county, 2, 0);
    const resident = await residentIn(t, { chosen: villageC, hazardGrants: 1 });
    const created = await admin.post('/api/announcements', hazardAlert(villageC, { publishAt: hoursFromNow(t, 6), expiresAt: hoursFromNow(t, 48) }));
    expect((await admin.post(`/api/announcements/${created.body.id}/publish`)).body.status).toBe('scheduled');
    expect(await alertMessages(resident.residentId)).toBe(0);
    t.clock.advanceDays(1);
    expect(await t.services.announcements.publishDue()).toEqual({ published: 1, alerts: 1 });
    expect(await alertMessages(resident.residentId)).toBe(1);
    expect((await admin.get(`/api/announcements/${created.body.id}`)).body.alert.queued).toBe(1);
  });

  it('withdrawing an alert cancels the messages not yet sent and gives those residents their acceptance back', async () => {
    const villageD = villageOf(t.county, 3, 0);
    const [first, second, third] = await Promise.all([1, 2, 3].map(() => residentIn(t, { chosen: villageD, hazardGrants: 1 })));
    const created = await admin.post('/api/announcements', hazardAlert(villageD, { title: '山体滑坡预警' }));
    expect((await admin.post(`/api/announcements/${created.body.id}/publish`)).body.alert.queued).toBe(3);
    // One message went out before the withdrawal: it stays sent.
    const page = `subpackages/announcements/pages/detail/index?id=${created.body.id}`;
    await messages().updateOne({ residentId: first.residentId, page }, { $set: { status: 'sent', sentAt: new Date() } });

    const withdrawn = await admin.post(`/api/announcements/${created.body.id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.alert).toMatchObject({ queued: 3, cancelled: 2 });
    await t.services.notifications.deliverPendingMessages();
    for (const resident of [second, third]) {
      expect(await fetch(`${t.fakeWechat.url}/dev/sent-messages?touser=${resident.openid}`).then((r) => r.json())).toEqual([]);
    }

    // The next alert reaches the two who never got the withdrawn one, not the one who did.
    const next = await admin.post('/api/announcements', hazardAlert(villageD, { title: '暴雨预警' }));
    expect((await admin.post(`/api/announcements/${next.body.id}/publish`)).body.alert.queued).toBe(2);
    expect(await alertMessages(first.residentId)).toBe(1);
    expect(await alertMessages(second.residentId)).toBe(2);
  });

  it('queues a county-wide alert for many residents in batches, each once', async () => {
    const count = 2500;
    const now = t.clock.now();
    const residentIds = Array.from({ length: count }, () => new Types.ObjectId().toString());
    const villages = t.county.children.flatMap((node) => node.children.map((village) => village.code));
    await t.connection.collection('announcement_audience').insertMany(
      residentIds.map((id, index) => {
        const village = villages[index % villages.length];
        return { _id: id as unknown as Types.ObjectId, source: 'chosen', villageCodes: [village], townshipCodes: [`${village.slice(0, 9)}000`], syncedAt: now };
      }),
    );
    // Every other one allowed the alert.
    await grants().insertMany(residentIds.filter((_, index) => index % 2 === 0).map((residentId) => ({ residentId, templateKey: 'hazard_alert', usedAt: null, createdAt: now })));
    const expected = (await grants().distinct('residentId', { templateKey: 'hazard_alert', usedAt: null })).length;
    expect(expected).toBeGreaterThanOrEqual(count / 2);
    const created = await admin.post('/api/announcements', hazardAlert(t.county.code, { title: '全县地质灾害橙色预警' }));
    const published = await admin.post(`/api/announcements/${created.body.id}/publish`);
    const queued = await messages().countDocuments({ templateKey: 'hazard_alert', page: { $regex: created.body.id as string } });
    expect(queued).toBe(expected);
    expect(published.body.alert.queued).toBe(queued);
    await t.connection.collection('announcements').updateOne({ _id: new Types.ObjectId(created.body.id as string) }, { $set: { alertQueuedAt: null } });
    await t.services.announcements.publishDue();
    expect(await messages().countDocuments({ templateKey: 'hazard_alert', page: { $regex: created.body.id as string } })).toBe(queued);
  });
});
