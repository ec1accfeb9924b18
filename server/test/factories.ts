import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import {
  addDays,
  chinaDate,
  type DivisionNode,
  earliestPeriodEnd,
  type HouseholdInput,
  periodDays,
  type RegistrationStatus,
  type SubmitRegistrationBody,
  submitRegistrationBodySchema,
  withCheckDigit,
} from '@anqian/shared';
import { createChangeToken } from '../src/db/change-token';
import { REGISTRATION_SUMMARIES_CHANGE_TOKEN } from '../src/modules/registrations/registration-summaries';
import type { StaffActor } from '../src/security/staff-actor';
import type { TestApp } from './test-app';

let serial = 0;

/** A valid, unique ID number: a local region code, a birth date `age` years back, a sequence number and the check character. */
export function buildIdNumber(options: { age?: number; gender?: 'male' | 'female' } = {}): string {
  serial += 1;
  const year = new Date().getFullYear() - (options.age ?? 45);
  // Spread births over the year so numbers stay unique; months and days that exist everywhere.
  const month = String((serial % 12) + 1).padStart(2, '0');
  const day = String((Math.floor(serial / 12) % 28) + 1).padStart(2, '0');
  const sequence = String(Math.floor(serial / 336) % 100).padStart(2, '0');
  const genderDigit = options.gender === 'female' ? (serial % 5) * 2 : (serial % 5) * 2 + 1;
  return withCheckDigit(`532329${year}${month}${day}${sequence}${genderDigit}`);
}

/** The first village of a township of the test county. */
export const villageOf = (county: DivisionNode, townshipIndex = 0, villageIndex = 0) =>
  county.children[townshipIndex].children[villageIndex].code;

/** A complete, valid household file: a head and a spouse in `villageCode`. */
export function buildHouseholdInput(villageCode: string, overrides: Partial<HouseholdInput> = {}): HouseholdInput {
  return {
    head: { name: '李建国', idNumber: buildIdNumber({ gender: 'male' }), phone: '13912345678', workAbility: 'full', specialStatus: [] },
    members: [{ name: '王秀英', idNumber: buildIdNumber({ gender: 'female', age: 43 }), relation: 'spouse', workAbility: 'weak', specialStatus: ['dibao'] }],
    villageCode,
    address: '三组 18 号',
    hazard: { type: 'landslide', pointNumber: 'YN-532329-017' },
    house: { structure: 'earth_wood', floorArea: 86.5, yearBuilt: 1992 },
    photoIds: [],
    ...overrides,
  };
}

export const newIdempotencyKey = () => randomBytes(12).toString('hex');

/** What the mini-program sends: a household, its wishes (centralised resettlement) and a fresh key. */
export function buildSubmitBody(
  villageCode: string,
  overrides: { household?: Partial<HouseholdInput>; wishes?: Partial<SubmitRegistrationBody['wishes']>; idempotencyKey?: string } = {},
): SubmitRegistrationBody {
  return {
    idempotencyKey: overrides.idempotencyKey ?? newIdempotencyKey(),
    household: buildHouseholdInput(villageCode, overrides.household),
    wishes: { willingness: 'willing', resettlementType: 'centralized', preferredMoveMonth: '2026-10', reasons: '房后山体开裂', ...overrides.wishes },
  };
}

type Agent = Awaited<ReturnType<TestApp['signIn']>>['agent'];

/** Requests with a resident's bearer token. */
export function asResident(t: TestApp, token: string) {
  const auth = <R extends { set(name: string, value: string): R }>(request: R) => request.set('Authorization', `Bearer ${token}`);
  return {
    get: (path: string, query: Record<string, string> = {}) => auth(t.request().get(path).query(query)),
    post: (path: string, body?: object) => auth(t.request().post(path)).send(body),
    put: (path: string, body?: object) => auth(t.request().put(path)).send(body),
    delete: (path: string) => auth(t.request().delete(path)),
  };
}

/** Requests with a signed-in staff agent and its CSRF token. */
export function asStaff(staff: { agent: Agent; csrf: string }) {
  return {
    get: (path: string, query: Record<string, string | number> = {}) => staff.agent.get(path).query(query),
    post: (path: string, body?: object) => staff.agent.post(path).set('X-CSRF-Token', staff.csrf).send(body),
    patch: (path: string, body?: object) => staff.agent.patch(path).set('X-CSRF-Token', staff.csrf).send(body),
  };
}

/** The shortest notice period the test app allows, starting today on its clock. */
export const shortestNoticePeriod = (t: TestApp) => ({ startDate: t.clock.today(), endDate: earliestPeriodEnd(t.clock.today(), t.config.noticeMinDays) });

/** Moves the test app's calendar to the day after `period` ends, when its registrations may be approved. */
export function endNoticePeriod(t: TestApp, period: { endDate: string }): void {
  const days = periodDays(t.clock.today(), period.endDate);
  if (days > 0) t.clock.advanceDays(days);
}

/**
 * Brings registrations to a status through the services, for tests about what happens next.
 * Acts as a county admin; `residentId` is the submitting resident (any id will do).
 */
export function registrationFlow(t: TestApp) {
  const admin: StaffActor = { id: new Types.ObjectId().toString(), username: 'flow', displayName: '流程管理员', role: 'county_admin', divisionCode: t.county.code };
  const { registrations, publicNotices } = t.services;
  const visit = { date: addDays(chinaDate(), -3), visitors: '张三、李四', peoplePresent: '户主本人', houseStructure: 'matches' as const, hazard: 'confirmed' as const, findings: '房屋开裂属实，后山有裂缝', photoIds: [] };

  async function publicize(ids: string[], period = shortestNoticePeriod(t)) {
    return publicNotices.create(admin, { title: '第一批避险搬迁农户公示', intro: '', ...period, registrationIds: ids });
  }

  async function create(options: { residentId?: string; body?: SubmitRegistrationBody; villageCode?: string } = {}): Promise<string> {
    const body = submitRegistrationBodySchema.parse(options.body ?? buildSubmitBody(options.villageCode ?? villageOf(t.county)));
    const { registration } = await registrations.submitAsResident(options.residentId ?? new Types.ObjectId().toString(), body);
    return registration.id;
  }

  /**
   * A new registration in `status`; approved ones chose scattered resettlement, so no site is
   * needed, and reach it by a notice of the shortest period after which the calendar moves on.
   */
  async function inStatus(
    status: RegistrationStatus,
    options: { residentId?: string; villageCode?: string; body?: SubmitRegistrationBody; noticePeriod?: { startDate: string; endDate: string } } = {},
  ): Promise<string> {
    const body = options.body ?? buildSubmitBody(options.villageCode ?? villageOf(t.county), status === 'approved' ? { wishes: { resettlementType: 'scattered' } } : {});
    const residentId = options.residentId ?? new Types.ObjectId().toString();
    const id = await create({ residentId, body });
    if (status === 'submitted') return id;
    if (status === 'withdrawn') return (await registrations.withdraw(residentId, id)).id;
    if (status === 'returned') return (await registrations.returnForCorrection(admin, id, '缺少户口本照片')).id;
    if (status === 'rejected') return (await registrations.reject(admin, id, '不在隐患点范围内')).id;
    await registrations.accept(admin, id);
    if (status === 'accepted') return id;
    await registrations.verify(admin, id, visit);
    if (status === 'verified') return id;
    const notice = await publicize([id], options.noticePeriod);
    if (status === 'publicizing') return id;
    endNoticePeriod(t, notice);
    return (await registrations.approve(admin, id, {})).id;
  }

  return { admin, visit, create, inStatus, publicize };
}

/**
 * Changes stored registrations the API cannot (dates moved into the past, fields taken out), then
 * bumps their change token as every writer around the service must, so servers read them again.
 */
export async function editStoredRegistrations(t: TestApp, ids: string[], update: object): Promise<void> {
  await t.connection.db!.collection('registrations').updateMany({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } }, update);
  await createChangeToken(t.connection, REGISTRATION_SUMMARIES_CHANGE_TOKEN).bump();
}
