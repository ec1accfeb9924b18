import { randomBytes } from 'node:crypto';
import type { CreateAnnouncementBody } from '@anqian/shared';
import { asResident, registrationFlow } from '../../../test/factories';
import type { TestApp } from '../../../test/test-app';

/** A complete ordinary notice to `divisionCode`, a draft until published. */
export function buildAnnouncementBody(divisionCode: string, overrides: Partial<CreateAnnouncementBody> = {}): CreateAnnouncementBody {
  return {
    type: 'notice',
    title: '关于开展安置点入住登记的通知',
    bodyHtml: '<p>请各搬迁户带好户口本，于本周六到村委会登记入住意向。</p>',
    divisionCode,
    ...overrides,
  };
}

/** An ISO time `hours` after the test app's clock. */
export const hoursFromNow = (t: TestApp, hours: number) => new Date(t.clock.now().getTime() + hours * 3_600_000).toISOString();

async function fakeWechat(t: TestApp, path: string, body: object) {
  const response = await fetch(`${t.fakeWechat.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.status === 204 ? null : response.json();
}

/**
 * A signed-in resident whose area comes from a registration in `household`, or who chose the
 * village `chosen`; `phone` binds that phone, `hazardGrants` taps "allow" for hazard alerts that often.
 */
export async function residentIn(t: TestApp, options: { household?: string; chosen?: string; phone?: string; hazardGrants?: number } = {}) {
  const openid = `openid-${randomBytes(6).toString('hex')}`;
  const { token, login } = await t.residentToken(openid);
  const residentId = login.resident.id as string;
  const resident = asResident(t, token);
  if (options.household) await registrationFlow(t).create({ residentId, villageCode: options.household });
  if (options.chosen) {
    const chosen = await resident.put('/api/resident/announcement-area', { villageCode: options.chosen });
    if (chosen.status !== 200) throw new Error(`choosing the area failed: ${chosen.status} ${JSON.stringify(chosen.body)}`);
  }
  if (options.phone) {
    const { code } = (await fakeWechat(t, '/dev/phone-code', { phoneNumber: options.phone })) as { code: string };
    await resident.post('/api/resident/phone', { code });
  }
  for (let i = 0; i < (options.hazardGrants ?? 0); i += 1) {
    await resident.post('/api/resident/subscriptions', { accepted: ['hazard_alert'] });
  }
  if (options.hazardGrants) await fakeWechat(t, '/dev/subscribe-accept', { openid, templateIds: [t.config.wechat.templates.hazard_alert] });
  // The first look at announcements files the resident under their area.
  await resident.get('/api/resident/announcements');
  return { residentId, resident, token, openid };
}
