import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { chinaTime, thingValue } from './notifications.service';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SEND_PATH = '/cgi-bin/message/subscribe/send';
const template = () => t.config.wechat.templates.registration_status;
const messages = () => t.connection.db!.collection('outbound_messages');
const grants = () => t.connection.db!.collection('subscription_grants');

const fake = async (path: string, body?: object) => {
  const response = await fetch(`${t.fakeWechat.url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  return response.status === 204 ? null : response.json();
};
const sentTo = (openid: string) => fake(`/dev/sent-messages?touser=${openid}`) as Promise<{ template_id: string; page: string; data: unknown }[]>;
const sendRequests = async () => ((await fake('/dev/stats')) as { requests: Record<string, number> }).requests[SEND_PATH] ?? 0;

/** A signed-in resident; `accept` also records the acceptance at WeChat, as tapping "allow" does. */
async function residentWithGrant(options: { grant: boolean; acceptAtWechat?: boolean }) {
  const openid = `openid-${randomBytes(4).toString('hex')}`;
  const { token, login } = await t.residentToken(openid);
  if (options.grant) {
    const response = await t.request().post('/api/resident/subscriptions').set('Authorization', `Bearer ${token}`).send({ accepted: ['registration_status'] });
    expect(response.status).toBe(204);
  }
  if (options.acceptAtWechat ?? options.grant) await fake('/dev/subscribe-accept', { openid, templateIds: [template()] });
  return { openid, token, residentId: login.resident.id as string };
}

const statusChanged = (residentId: string, extra: { status?: 'returned' | 'accepted'; reason?: string; at?: Date } = {}) => {
  const registrationId = new Types.ObjectId().toString();
  return t.services.notifications
    .registrationStatusChanged({ residentId, registrationId, status: extra.status ?? 'accepted', reason: extra.reason, at: extra.at ?? new Date() })
    .then(() => registrationId);
};

describe('subscribe templates and grants', () => {
  it('tells the mini-program which template id to ask for', async () => {
    const { token } = await t.residentToken();
    const response = await t.request().get('/api/resident/subscribe-templates').set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ registration_status: 'tmpl-registration-status', job_application_status: 'tmpl-job-application-status', event_reminder: 'tmpl-event-reminder', hazard_alert: 'tmpl-hazard-alert', request_reply: 'tmpl-request-reply', training_status: 'tmpl-training-status' });
  });

  it('counts every acceptance, also when two arrive at once', async () => {
    const { token, residentId } = await residentWithGrant({ grant: false });
    const grant = () => t.request().post('/api/resident/subscriptions').set('Authorization', `Bearer ${token}`).send({ accepted: ['registration_status'] });
    const answers = await Promise.all([grant(), grant(), grant()]);
    expect(answers.map((answer) => answer.status)).toEqual([204, 204, 204]);
    expect(await grants().countDocuments({ residentId, templateKey: 'registration_status', usedAt: null })).toBe(3);
  });

  it('refuses a template it does not know', async () => {
    const { token } = await t.residentToken();
    const response = await t.request().post('/api/resident/subscriptions').set('Authorization', `Bearer ${token}`).send({ accepted: ['job_fair'] });
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].field).toBe('body.accepted.0');
  });
});

describe('registration status messages', () => {
  it('sends one message per acceptance, with data WeChat accepts, and opens the registration', async () => {
    const { openid, residentId } = await residentWithGrant({ grant: true });
    const at = new Date('2026-03-04T17:05:00Z');
    const reason = '房屋面积与实际不符，请补充房屋照片并重新核对家庭成员信息';

    const registrationId = await statusChanged(residentId, { status: 'returned', reason, at });
    await statusChanged(residentId, { status: 'accepted' });

    expect(await messages().countDocuments({ residentId })).toBe(1);
    expect(await grants().countDocuments({ residentId, usedAt: null })).toBe(0);
    expect(await t.services.notifications.deliverPendingMessages()).toMatchObject({ sent: 1 });

    expect(await sentTo(openid)).toEqual([
      expect.objectContaining({
        template_id: 'tmpl-registration-status',
        page: `subpackages/registration/pages/detail/index?id=${registrationId}`,
        data: {
          thing1: { value: '搬迁意愿登记' },
          phrase2: { value: '退回补正' },
          time3: { value: '2026年3月5日 01:05' },
          thing4: { value: '房屋面积与实际不符，请补充房屋照片并重…' },
        },
      }),
    ]);
    expect(await messages().findOne({ residentId })).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
  });

  it('spends one acceptance on one message even when several changes happen at once', async () => {
    const { residentId } = await residentWithGrant({ grant: true });
    await Promise.all([statusChanged(residentId), statusChanged(residentId), statusChanged(residentId)]);
    expect(await messages().countDocuments({ residentId })).toBe(1);
  });

  it('queues nothing when the resident granted no message', async () => {
    const { openid, residentId } = await residentWithGrant({ grant: false, acceptAtWechat: true });
    await statusChanged(residentId);
    expect(await messages().countDocuments({ residentId })).toBe(0);
    await t.services.notifications.deliverPendingMessages();
    expect(await sentTo(openid)).toEqual([]);
  });

  it('retries with back-off while WeChat is down, then delivers', async () => {
    const { openid, residentId } = await residentWithGrant({ grant: true });
    await statusChanged(residentId);
    await fake('/dev/fail-next', { path: SEND_PATH, httpStatus: 503 });
    await fake('/dev/fail-next', { path: SEND_PATH, errcode: -1, errmsg: 'system error' });
    const start = new Date();
    const later = (ms: number) => new Date(start.getTime() + ms);

    expect(await t.services.notifications.deliverPendingMessages(start)).toMatchObject({ retrying: 1 });
    const first = await messages().findOne({ residentId });
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: 'unavailable: HTTP 503' });
    expect(first!.nextAttemptAt).toEqual(later(30_000));

    expect(await t.services.notifications.deliverPendingMessages(later(29_000))).toMatchObject({ retrying: 0, sent: 0 });
    expect(await t.services.notifications.deliverPendingMessages(later(30_000))).toMatchObject({ retrying: 1 });
    expect((await messages().findOne({ residentId }))!.nextAttemptAt).toEqual(later(30_000 + 2 * 60_000));

    expect(await t.services.notifications.deliverPendingMessages(later(30_000 + 2 * 60_000))).toMatchObject({ sent: 1 });
    expect(await sentTo(openid)).toHaveLength(1);
    const done = await messages().findOne({ residentId });
    expect(done).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(JSON.stringify(done)).not.toContain('access_token');
  });

  it('gives up after six failed attempts and keeps the last error without the access token', async () => {
    const { residentId } = await residentWithGrant({ grant: true });
    await statusChanged(residentId);
    for (let i = 0; i < 6; i += 1) await fake('/dev/fail-next', { path: SEND_PATH, httpStatus: 502 });
    let at = new Date();
    const waits = [30_000, 120_000, 600_000, 3_600_000, 21_600_000];
    for (const wait of waits) {
      expect(await t.services.notifications.deliverPendingMessages(at)).toMatchObject({ retrying: 1 });
      at = new Date(at.getTime() + wait);
    }
    expect(await t.services.notifications.deliverPendingMessages(at)).toMatchObject({ failed: 1 });
    expect(await messages().findOne({ residentId })).toMatchObject({ status: 'failed', attempts: 6, lastError: 'unavailable: HTTP 502' });
    expect(await t.services.notifications.deliverPendingMessages(new Date(at.getTime() + 86_400_000))).toMatchObject({ failed: 0, retrying: 0 });
  });

  it('does not retry once the user refused (43101)', async () => {
    // Allowed in our records, but WeChat has no acceptance for this user: WeChat answers 43101.
    const { openid, residentId } = await residentWithGrant({ grant: true, acceptAtWechat: false });
    await statusChanged(residentId);
    const requestsBefore = await sendRequests();

    expect(await t.services.notifications.deliverPendingMessages()).toMatchObject({ refused: 1 });
    expect(await messages().findOne({ residentId })).toMatchObject({ status: 'refused', attempts: 1, lastError: expect.stringMatching(/^43101 /) });
    await t.services.notifications.deliverPendingMessages(new Date(Date.now() + 7 * 3_600_000));

    expect(await sendRequests()).toBe(requestsBefore + 1);
    expect(await sentTo(openid)).toEqual([]);
  });

  it('lets two workers running at once send a message only once', async () => {
    const { openid, residentId } = await residentWithGrant({ grant: true });
    await fake('/dev/subscribe-accept', { openid, templateIds: [template()] });
    await statusChanged(residentId);

    const [a, b] = await Promise.all([t.services.notifications.deliverPendingMessages(), t.services.notifications.deliverPendingMessages()]);

    expect(a.sent + b.sent).toBe(1);
    expect(await sentTo(openid)).toHaveLength(1);
  });
});

describe('message fields', () => {
  it('writes the time in China time whatever the server zone', () => {
    expect(chinaTime(new Date('2025-12-31T16:00:00Z'))).toBe('2026年1月1日 00:00');
    expect(chinaTime(new Date('2026-07-09T03:07:00Z'))).toBe('2026年7月9日 11:07');
  });

  it('keeps thing values to one line of at most 20 characters', () => {
    expect(thingValue('  请补充\n房屋照片  ')).toBe('请补充 房屋照片');
    expect([...thingValue('一二三四五六七八九十一二三四五六七八九十一')]).toHaveLength(20);
    expect(thingValue('一二三四五六七八九十一二三四五六七八九十')).toBe('一二三四五六七八九十一二三四五六七八九十');
  });
});
