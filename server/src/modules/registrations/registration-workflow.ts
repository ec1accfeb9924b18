import { createHash } from 'node:crypto';
import { Types, type Connection } from 'mongoose';
import type { z } from 'zod';
import {
  approvableFrom,
  approvalBlocker,
  chinaDate,
  divisionLevel,
  ENDED_STATUSES,
  type Household,
  nextStatus,
  type RegistrationAction,
  type RegistrationActor,
  type RegistrationDetail,
  type RegistrationStatus,
  type ResidentRegistration,
  type resubmitRegistrationBodySchema,
  type submitRegistrationBodySchema,
  SUBMITTED_STATUS,
  type Visit,
  type Wishes,
} from '@anqian/shared';
import type { StaffActor } from '../../security/staff-actor';
import type { Clock } from '../../clock';
import { isDuplicateKey } from '../../db/duplicate-key';
import { AppError, notFound, validationFailed } from '../../errors';
import type { FieldCrypto } from '../../security/field-crypto';
import { isInScope } from '../../security/scope';
import type { DivisionsService } from '../divisions/divisions.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { PhotoOwner, PhotosService } from '../photos/photos.service';
import type { SitesService } from '../sites/sites.service';
import type { SubsidiesService } from '../subsidies/subsidies.service';
import { householdRecord } from './household-record';
import { presentClashing, presentDetail, presentForResident, type Lookups, type ResidentViewer } from './registration.presenter';
import { noticeFactsOf, type RegistrationRecord } from './registration.model';
import { createRegistrationStore, type Visible } from './registration-store';

export type Submitter = { kind: 'resident' | 'cadre' | 'staff'; id: string; name: string; role?: string };

export type NewRegistration = {
  household: Household;
  wishes: Wishes;
  source: 'resident' | 'cadre' | 'import';
  submitter: Submitter;
  residentId?: string | null;
  enteredBy?: { staffId: string; name: string } | null;
  /** Already namespaced by the caller, e.g. `resident:<id>:<client key>`. */
  idempotencyKey: string;
};

export type SubmitBody = z.output<typeof submitRegistrationBodySchema>;
export type ResubmitBody = z.output<typeof resubmitRegistrationBodySchema>;
export type TimelineActor = { kind: 'resident' | 'cadre' | 'staff'; id: string; name: string; role: string | null };

export type RegistrationsDeps = {
  connection: Connection;
  crypto: FieldCrypto;
  divisions: DivisionsService;
  sites: SitesService;
  photos: PhotosService;
  notifications: NotificationsService;
  subsidies: Pick<SubsidiesService, 'snapshotFor'>;
  /** Dates the workflow's steps, so a test that moves the calendar sees a consistent timeline. */
  clock: Clock;
  /** The county's shortest public-notice period, which approval requires. */
  noticeMinDays: number;
};

/**
 * The id a registration gets from its idempotency key, so a retried submit is found by id and a
 * racing duplicate clashes on `_id`; a ledger import resumed with the same file finds its rows.
 */
const registrationIdFor = (idempotencyKey: string) => new Types.ObjectId(createHash('sha256').update(idempotencyKey).digest().subarray(0, 12));

const REPEAT_MESSAGES: Record<NewRegistration['source'], string | undefined> = {
  resident: '您已为这一户提交过登记，请在“我的登记”中查看办理进度',
  cadre: '您已为这一户代填过登记，请在代填记录中查看办理进度',
  import: undefined,
};
const residentIdOf = (input: Pick<NewRegistration, 'residentId'>) => (input.residentId ? new Types.ObjectId(input.residentId) : null);
const repeatRefused = (source: NewRegistration['source']) => new AppError('REGISTRATION_ACTIVE_EXISTS', REPEAT_MESSAGES[source]);

export const transitionRefused = () => new AppError('REGISTRATION_TRANSITION_NOT_ALLOWED');
export const registrationNotFound = () => notFound('登记不存在');
export const staffOf = (actor: StaffActor): TimelineActor => ({ kind: 'staff', id: actor.id, name: actor.displayName, role: actor.role });

/**
 * The unique lock a registration holds in `status`. While submitted it is the submitter's own for
 * the household, so anyone's first submission is stored but nobody's repeat; from acceptance on it
 * is the household's, so staff take up one registration of a household at a time.
 */
type LockHolder = Pick<RegistrationRecord, '_id' | 'householdKey'> & { residentId?: Types.ObjectId | null; enteredBy?: { staffId?: string | null } | null };

function activeLockOf(record: LockHolder, status: RegistrationStatus): string {
  if (ENDED_STATUSES.includes(status)) return `ended:${record._id.toString()}`;
  if (status !== SUBMITTED_STATUS) return record.householdKey;
  if (record.residentId) return `resident:${record.residentId.toString()}:${record.householdKey}`;
  if (record.enteredBy?.staffId) return `cadre:${record.enteredBy.staffId}:${record.householdKey}`;
  return record.householdKey;
}

/** What a registration's photos (household and visits) are attached to. */
export const photoTarget = (id: Types.ObjectId | string) => `registration:${id.toString()}`;

export const inAreaOf = (actor: StaffActor): Visible => (record) => isInScope(actor, record.divisionCode);
export const ownedBy = (residentId: string): Visible => (record) => record.residentId?.toString() === residentId;
export const enteredBy = (cadre: StaffActor): Visible => (record) => record.source === 'cadre' && record.enteredBy?.staffId === cadre.id;

/**
 * What every way into a registration shares: loading it for whoever asks, presenting it, storing a
 * new one, and moving it along the workflow machine with one conditional update.
 */
export function createRegistrationWorkflow(deps: RegistrationsDeps) {
  const store = createRegistrationStore(deps.connection);
  const { Registration, summaries, findVisible } = store;
  const { crypto, divisions, sites, photos, notifications } = deps;

  /** Village and township names only: enough for summaries. */
  async function nameLookups(records: Pick<RegistrationRecord, 'divisionCode' | 'townshipCode'>[]): Promise<Lookups> {
    const codes = new Set(records.flatMap((r) => [r.divisionCode, r.townshipCode]));
    const names = new Map(await Promise.all([...codes].map(async (code) => [code, await divisions.nameOf(code)] as const)));
    return { names, sites: new Map(), photos: new Map(), today: chinaDate() };
  }

  /** Names, sites and photos: what a full registration shows. */
  async function lookups(records: RegistrationRecord[]): Promise<Lookups> {
    const { names } = await nameLookups(records);
    const siteIds = records.flatMap((r) => [r.wishes.preferredSiteId, r.assignedSiteId]).filter((id): id is Types.ObjectId => Boolean(id));
    const photoIds = [
      ...new Set(
        records.flatMap((r) => [...r.household.photoIds, ...r.timeline.flatMap((entry) => entry.visit?.photoIds ?? [])]).map(String),
      ),
    ];
    const photoRefs = photoIds.length ? await photos.refs(photoIds) : [];
    return { names, sites: await sites.refs(siteIds), photos: new Map(photoRefs.map((ref) => [ref.id, ref])), today: chinaDate() };
  }

  async function forResident(record: RegistrationRecord, viewer: ResidentViewer = 'household'): Promise<ResidentRegistration> {
    return presentForResident(record, await lookups([record]), viewer);
  }

  const activeOfHousehold = (householdKey: string) =>
    Registration.find({ householdKey, status: { $nin: ENDED_STATUSES } })
      .sort({ submittedAt: 1, _id: 1 })
      .lean<RegistrationRecord[]>();

  /** This registration and the household's other active ones, for staff to compare and keep one. */
  async function sameHousehold(actor: StaffActor, record: RegistrationRecord): Promise<RegistrationDetail['sameHousehold']> {
    if (!record.householdClash) return undefined;
    const active = await activeOfHousehold(record.householdKey);
    const visible = active.filter((other) => isInScope(actor, other.divisionCode));
    const found = await nameLookups(visible);
    return { registrations: visible.map((other) => presentClashing(other, found)), outsideArea: active.length - visible.length };
  }

  async function detail(actor: StaffActor, record: RegistrationRecord): Promise<RegistrationDetail> {
    const previous = (await summaries.ofHousehold(record.householdKey)).filter(
      (earlier) => !earlier._id.equals(record._id) && ENDED_STATUSES.includes(earlier.status) && isInScope(actor, earlier.divisionCode),
    );
    return presentDetail(record, await lookups([record]), {
      role: actor.role,
      previous,
      sameHousehold: await sameHousehold(actor, record),
      ...(record.status === 'publicizing' && { approval: approvalOutlook(record) }),
    });
  }

  /** When the county may approve a registration on notice, by the same rule `approve` enforces. */
  function approvalOutlook(record: RegistrationRecord) {
    const facts = noticeFactsOf(record);
    const rule = { today: deps.clock.today(), minDays: deps.noticeMinDays };
    return { from: approvableFrom(facts, rule.minDays), blocker: approvalBlocker({ ...facts, openObjections: record.openObjections }, rule) };
  }

  async function loadVisible(id: string, visible: Visible): Promise<RegistrationRecord> {
    const record = await findVisible(id, visible);
    if (!record) throw registrationNotFound();
    return record;
  }

  const loadScoped = (actor: StaffActor, id: string) => loadVisible(id, inAreaOf(actor));

  /**
   * A household must name a village of this county and, if any, an existing site and photos the
   * submitter uploaded for this registration (`id`) and no other.
   */
  async function checkSubmission(id: Types.ObjectId, household: Household, wishes: Wishes, photoOwner: PhotoOwner): Promise<void> {
    await divisions.assertExists(household.villageCode, 'body.household.villageCode');
    if (divisionLevel(household.villageCode) !== 'village') {
      throw validationFailed([{ field: 'body.household.villageCode', message: '请选择所在的村（社区）' }]);
    }
    if (wishes.preferredSiteId) await sites.assertExists(wishes.preferredSiteId, 'body.wishes.preferredSiteId');
    if (household.photoIds.length) {
      await photos.attach({
        ids: household.photoIds,
        owner: photoOwner,
        target: photoTarget(id),
        divisionCode: household.villageCode,
        field: 'body.household.photoIds',
      });
    }
  }

  const findByKey = (idempotencyKey: string) => Registration.findById(registrationIdFor(idempotencyKey)).lean<RegistrationRecord>();

  /**
   * A household may be registered by anyone, so a registration never reveals or blocks another's:
   * the second one is stored like the first and both are marked for staff (`refreshClash`). Only a
   * submitter's own repeat is refused, and a ledger import's row for a household already in hand.
   * One read finds what the key itself stored already (a retry, or one racing the first attempt),
   * answered as it is, or else how many other active registrations the household has.
   */
  async function refuseRepeat(input: Omit<NewRegistration, 'wishes'>, householdKey: string): Promise<{ stored: RegistrationRecord } | { others: number }> {
    const ownId = registrationIdFor(input.idempotencyKey);
    const found = await Registration.find({ $or: [{ _id: ownId }, { householdKey, status: { $nin: ENDED_STATUSES } }] }).lean<RegistrationRecord[]>();
    const same = found.find((other) => other._id.equals(ownId));
    if (same) return { stored: same };
    const repeats =
      input.source === 'import'
        ? found
        : found.filter((other) => (input.source === 'cadre' ? other.enteredBy?.staffId === input.enteredBy?.staffId : other.residentId?.toString() === input.residentId));
    if (repeats.length) throw repeatRefused(input.source);
    return { others: found.length };
  }

  /**
   * Marks every active registration of a household as clashing when there is more than one, and
   * clears the mark when one is left. Run after each change to the household's active set; the
   * unique `activeLock` taken at acceptance is what keeps two from going ahead meanwhile.
   */
  async function refreshClash(householdKey: string): Promise<RegistrationRecord[]> {
    const active = await activeOfHousehold(householdKey);
    const clash = active.length > 1;
    const changed: RegistrationRecord[] = [];
    for (const record of active) {
      if (Boolean(record.householdClash) === clash) continue;
      const updated = await store.guardedUpdate(record._id, {}, { $set: { householdClash: clash } });
      if (updated) changed.push(updated);
    }
    return changed;
  }

  /**
   * Stores a submitted registration. Safe under retries and races: the same idempotency key
   * returns the registration it created (`created: false`).
   */
  async function create(input: NewRegistration): Promise<{ record: RegistrationRecord; created: boolean }> {
    const record = householdRecord(input.household, crypto);
    const before = await refuseRepeat(input, record.householdKey);
    if ('stored' in before) return { record: before.stored, created: false };
    return insert(input, record, before.others);
  }

  /** A retried submit returns what the first one created, before anything is checked or attached again. */
  async function submit(input: Omit<NewRegistration, 'household' | 'wishes'> & { body: SubmitBody; photoOwner: PhotoOwner }) {
    const { household, wishes } = input.body;
    const record = householdRecord(household, crypto);
    const before = await refuseRepeat({ ...input, household }, record.householdKey);
    if ('stored' in before) return { record: before.stored, created: false };
    await checkSubmission(registrationIdFor(input.idempotencyKey), household, wishes, input.photoOwner);
    return insert({ ...input, household, wishes }, record, before.others);
  }

  /**
   * Stores a new registration; `others` active ones of the household were there just before, so
   * the clash mark is set at once. (Two first registrations of one household at the same instant
   * are marked when staff accept one: see `accept`.)
   */
  async function insert(input: NewRegistration, record: ReturnType<typeof householdRecord>, others: number): Promise<{ record: RegistrationRecord; created: boolean }> {
    const id = registrationIdFor(input.idempotencyKey);
    const now = deps.clock.now();
    let stored: RegistrationRecord;
    try {
      stored = await store.insert({
        _id: id,
        ...record,
        activeLock: activeLockOf({ _id: id, householdKey: record.householdKey, residentId: residentIdOf(input), enteredBy: input.enteredBy ?? null }, SUBMITTED_STATUS),
        idempotencyKey: input.idempotencyKey,
        source: input.source,
        residentId: residentIdOf(input),
        enteredBy: input.enteredBy ?? null,
        wishes: input.wishes,
        status: SUBMITTED_STATUS,
        timeline: [{ action: 'submit', from: null, to: SUBMITTED_STATUS, at: now, actor: { ...input.submitter, role: input.submitter.role ?? null } }],
        submittedAt: now,
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Registrations stored before ids came from keys are found by the key itself.
      const raced = (await findByKey(input.idempotencyKey)) ?? (await Registration.findOne({ idempotencyKey: input.idempotencyKey }).lean<RegistrationRecord>());
      if (raced) return { record: raced, created: false };
      throw repeatRefused(input.source);
    }
    if (others === 0) return { record: stored, created: true };
    const marked = (await refreshClash(record.householdKey)).find((changed) => changed._id.equals(id));
    return { record: marked ?? stored, created: true };
  }

  /**
   * Moves one registration along the machine with one conditional update: it only applies if the
   * registration is still in the status it was read in, inside `scope` (plus `guard`), so
   * concurrent changes cannot both win. Returns null when the registration changed meanwhile.
   */
  async function applyTransition(
    scope: Record<string, unknown>,
    current: RegistrationRecord,
    change: {
      action: Exclude<RegistrationAction, 'submit'>;
      by: RegistrationActor;
      actor: TimelineActor;
      reason?: string;
      visit?: Visit;
      set?: Record<string, unknown>;
      guard?: Record<string, unknown>;
    },
  ): Promise<RegistrationRecord | null> {
    const to = nextStatus(current.status, change.action, change.by);
    if (!to) throw transitionRefused();
    const entry = {
      action: change.action,
      from: current.status,
      to,
      at: deps.clock.now(),
      actor: change.actor,
      ...(change.reason && { reason: change.reason }),
      ...(change.visit && { visit: change.visit }),
    };
    const ended = ENDED_STATUSES.includes(to);
    const set: Record<string, unknown> = { status: to, ...change.set };
    set.activeLock = activeLockOf({ ...current, householdKey: (set.householdKey as string | undefined) ?? current.householdKey }, to);
    if (ended) set.householdClash = false;
    const updated = await store.guardedUpdate(current._id, { ...scope, ...change.guard, status: current.status }, { $set: set, $push: { timeline: entry } });
    if (updated && (ended || to === SUBMITTED_STATUS)) await refreshClash(updated.householdKey);
    if (updated && updated.householdKey !== current.householdKey) await refreshClash(current.householdKey);
    return updated;
  }

  /** After a refused conditional update: gone (or out of reach) is 404, anything else 409. */
  async function refusal(id: string, visible: Visible): Promise<never> {
    await loadVisible(id, visible);
    throw transitionRefused();
  }

  /** A returned registration corrected by whoever may act for its household. */
  async function resubmit(
    id: string,
    body: ResubmitBody,
    by: { visible: Visible; scope: Record<string, unknown>; actor: TimelineActor; photoOwner: PhotoOwner },
    viewer: ResidentViewer = 'household',
  ): Promise<ResidentRegistration> {
    const current = await loadVisible(id, by.visible);
    if (!nextStatus(current.status, 'resubmit', 'household')) throw transitionRefused();
    await checkSubmission(current._id, body.household, body.wishes, by.photoOwner);
    const record = householdRecord(body.household, crypto);
    let updated: RegistrationRecord | null;
    try {
      updated = await applyTransition(by.scope, current, { action: 'resubmit', by: 'household', actor: by.actor, set: { ...record, wishes: body.wishes } });
    } catch (error) {
      // The corrected head is a household this submitter already has another registration for.
      if (isDuplicateKey(error)) throw repeatRefused(current.source);
      throw error;
    }
    return forResident(updated ?? (await refusal(id, by.visible)), viewer);
  }

  async function notifyResident(record: RegistrationRecord, reason?: string): Promise<void> {
    if (!record.residentId) return;
    await notifications.registrationStatusChanged({
      residentId: record.residentId.toString(),
      registrationId: record._id.toString(),
      status: record.status,
      ...(reason && { reason }),
      at: new Date(),
    });
  }

  return { store, nameLookups, lookups, forResident, detail, loadVisible, loadScoped, create, submit, applyTransition, refusal, resubmit, notifyResident, activeOfHousehold, refreshClash };
}

export type RegistrationWorkflow = ReturnType<typeof createRegistrationWorkflow>;
