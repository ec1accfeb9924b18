import { createHash } from 'node:crypto';
import { Types, type Connection } from 'mongoose';
import type { z } from 'zod';
import {
  chinaDate,
  divisionLevel,
  ENDED_STATUSES,
  type Household,
  nextStatus,
  type RegistrationAction,
  type RegistrationActor,
  type RegistrationDetail,
  type ResidentRegistration,
  type resubmitRegistrationBodySchema,
  type submitRegistrationBodySchema,
  SUBMITTED_STATUS,
  type Visit,
  type Wishes,
} from '@anqian/shared';
import type { StaffActor } from '../../security/staff-actor';
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
import { presentDetail, presentForResident, type Lookups, type ResidentViewer } from './registration.presenter';
import type { RegistrationRecord } from './registration.model';
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
};

/**
 * The id a registration gets from its idempotency key, so a retried submit is found by id and a
 * racing duplicate clashes on `_id`; a ledger import resumed with the same file finds its rows.
 */
const registrationIdFor = (idempotencyKey: string) => new Types.ObjectId(createHash('sha256').update(idempotencyKey).digest().subarray(0, 12));

export const transitionRefused = () => new AppError('REGISTRATION_TRANSITION_NOT_ALLOWED');
export const registrationNotFound = () => notFound('登记不存在');
export const staffOf = (actor: StaffActor): TimelineActor => ({ kind: 'staff', id: actor.id, name: actor.displayName, role: actor.role });

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

  async function detail(actor: StaffActor, record: RegistrationRecord): Promise<RegistrationDetail> {
    const previous = (await summaries.ofHousehold(record.householdKey)).filter(
      (earlier) => !earlier._id.equals(record._id) && isInScope(actor, earlier.divisionCode),
    );
    return presentDetail(record, await lookups([record]), { role: actor.role, previous });
  }

  async function loadVisible(id: string, visible: Visible): Promise<RegistrationRecord> {
    const record = await findVisible(id, visible);
    if (!record) throw registrationNotFound();
    return record;
  }

  const loadScoped = (actor: StaffActor, id: string) => loadVisible(id, inAreaOf(actor));

  /** A household must name a village of this county and, if any, an existing site and the submitter's own photos. */
  async function checkSubmission(household: Household, wishes: Wishes, photoOwner: PhotoOwner): Promise<void> {
    await divisions.assertExists(household.villageCode, 'body.household.villageCode');
    if (divisionLevel(household.villageCode) !== 'village') {
      throw validationFailed([{ field: 'body.household.villageCode', message: '请选择所在的村（社区）' }]);
    }
    if (wishes.preferredSiteId) await sites.assertExists(wishes.preferredSiteId, 'body.wishes.preferredSiteId');
    if (household.photoIds.length) {
      await photos.attach({ ids: household.photoIds, owner: photoOwner, divisionCode: household.villageCode, field: 'body.household.photoIds' });
    }
  }

  const findByKey = (idempotencyKey: string) => Registration.findById(registrationIdFor(idempotencyKey)).lean<RegistrationRecord>();

  /**
   * Stores a submitted registration. Safe under retries and races: the same idempotency key
   * returns the registration it created (`created: false`); another active registration for the
   * same household is refused by the unique `activeLock`.
   */
  async function create(input: NewRegistration): Promise<{ record: RegistrationRecord; created: boolean }> {
    const record = householdRecord(input.household, crypto);
    const now = new Date();
    try {
      const stored = await store.insert({
        _id: registrationIdFor(input.idempotencyKey),
        ...record,
        activeLock: record.householdKey,
        idempotencyKey: input.idempotencyKey,
        source: input.source,
        residentId: input.residentId ?? null,
        enteredBy: input.enteredBy ?? null,
        wishes: input.wishes,
        status: SUBMITTED_STATUS,
        timeline: [{ action: 'submit', from: null, to: SUBMITTED_STATUS, at: now, actor: { ...input.submitter, role: input.submitter.role ?? null } }],
        submittedAt: now,
      });
      return { record: stored, created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Registrations stored before ids came from keys are found by the key itself.
      const raced = (await findByKey(input.idempotencyKey)) ?? (await Registration.findOne({ idempotencyKey: input.idempotencyKey }).lean<RegistrationRecord>());
      if (raced) return { record: raced, created: false };
      throw new AppError('REGISTRATION_ACTIVE_EXISTS');
    }
  }

  /** A retried submit returns what the first one created, before anything is checked or attached again. */
  async function submit(input: Omit<NewRegistration, 'household' | 'wishes'> & { body: SubmitBody; photoOwner: PhotoOwner }) {
    const existing = await findByKey(input.idempotencyKey);
    if (existing) return { record: existing, created: false };
    await checkSubmission(input.body.household, input.body.wishes, input.photoOwner);
    return create({ ...input, household: input.body.household, wishes: input.body.wishes });
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
      at: new Date(),
      actor: change.actor,
      ...(change.reason && { reason: change.reason }),
      ...(change.visit && { visit: change.visit }),
    };
    const set: Record<string, unknown> = { status: to, ...change.set };
    if (ENDED_STATUSES.includes(to)) set.activeLock = `ended:${current._id.toString()}`;
    return store.guardedUpdate(current._id, { ...scope, ...change.guard, status: current.status }, { $set: set, $push: { timeline: entry } });
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
    await checkSubmission(body.household, body.wishes, by.photoOwner);
    const record = householdRecord(body.household, crypto);
    let updated: RegistrationRecord | null;
    try {
      updated = await applyTransition(by.scope, current, {
        action: 'resubmit',
        by: 'household',
        actor: by.actor,
        set: { ...record, activeLock: record.householdKey, wishes: body.wishes },
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new AppError('REGISTRATION_ACTIVE_EXISTS');
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

  return { store, nameLookups, lookups, forResident, detail, loadVisible, loadScoped, create, submit, applyTransition, refusal, resubmit, notifyResident };
}

export type RegistrationWorkflow = ReturnType<typeof createRegistrationWorkflow>;
