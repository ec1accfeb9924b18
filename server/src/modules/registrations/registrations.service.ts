import { createHash } from 'node:crypto';
import { Types, type Connection } from 'mongoose';
import type { z } from 'zod';
import {
  approvalBlocker,
  type approveBodySchema,
  chinaDate,
  divisionLevel,
  ENDED_STATUSES,
  type Household,
  type ListRegistrationsQuery,
  nextStatus,
  type objectionBodySchema,
  type PublicNoticeEntry,
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_STATUSES,
  type RegistrationAction,
  type RegistrationActor,
  type RegistrationDetail,
  type RegistrationList,
  type RegistrationStatus,
  type ResidentRegistration,
  type resolveObjectionBodySchema,
  type resubmitRegistrationBodySchema,
  type RevealedHousehold,
  type submitRegistrationBodySchema,
  SUBMITTED_STATUS,
  type Visit,
  type Wishes,
} from '@anqian/shared';
import type { StaffActor } from '../../security/staff-actor';
import { isDuplicateKey } from '../../db/duplicate-key';
import { AppError, notFound, validationFailed } from '../../errors';
import type { FieldCrypto } from '../../security/field-crypto';
import { divisionFilter, isInScope } from '../../security/scope';
import type { DivisionsService } from '../divisions/divisions.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { PhotoOwner, PhotosService } from '../photos/photos.service';
import type { SitesService } from '../sites/sites.service';
import type { SubsidiesService, SubsidyBasis } from '../subsidies/subsidies.service';
import { householdRecord } from './household-record';
import { registrationFilter, registrationSort } from './registration-filter';
import { presentDetail, presentForResident, presentSummary, type Lookups, type ResidentViewer } from './registration.presenter';
import { isCorrectable, type RegistrationRecord } from './registration.model';
import { createRegistrationStore, type Visible } from './registration-store';
import type { RegistrationSummaryRecord } from './registration-summary.model';

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

type SubmitBody = z.output<typeof submitRegistrationBodySchema>;
type ResubmitBody = z.output<typeof resubmitRegistrationBodySchema>;
type StaffAction = Exclude<RegistrationAction, 'submit' | 'resubmit' | 'withdraw' | 'publicize' | 'approve'>;
type TimelineActor = { kind: 'resident' | 'cadre' | 'staff'; id: string; name: string; role: string | null };

/** A notice as registrations remember it. */
export type NoticeRef = { id: string; title: string; startDate: string; endDate: string };

/**
 * The id a registration gets from its idempotency key, so a retried submit is found by id and a
 * racing duplicate clashes on `_id`; a ledger import resumed with the same file finds its rows.
 */
const registrationIdFor = (idempotencyKey: string) => new Types.ObjectId(createHash('sha256').update(idempotencyKey).digest().subarray(0, 12));

const transitionRefused = () => new AppError('REGISTRATION_TRANSITION_NOT_ALLOWED');
const registrationNotFound = () => notFound('登记不存在');
const staffOf = (actor: StaffActor): TimelineActor => ({ kind: 'staff', id: actor.id, name: actor.displayName, role: actor.role });

const inAreaOf = (actor: StaffActor): Visible => (record) => isInScope(actor, record.divisionCode);
const ownedBy = (residentId: string): Visible => (record) => record.residentId?.toString() === residentId;
const enteredBy = (cadre: StaffActor): Visible => (record) => record.source === 'cadre' && record.enteredBy?.staffId === cadre.id;

export function createRegistrationsService(deps: {
  connection: Connection;
  crypto: FieldCrypto;
  divisions: DivisionsService;
  sites: SitesService;
  photos: PhotosService;
  notifications: NotificationsService;
  subsidies: Pick<SubsidiesService, 'snapshotFor'>;
}) {
  const store = createRegistrationStore(deps.connection);
  const { Registration, summaries, findVisible } = store;
  const { Summary } = summaries;
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

  async function staffTransition(
    actor: StaffActor,
    id: string,
    action: StaffAction,
    extra: { reason?: string; visit?: Visit; set?: Record<string, unknown> } = {},
  ): Promise<RegistrationDetail> {
    const current = await loadScoped(actor, id);
    if (action === 'return' && nextStatus(current.status, action, actor.role) && !isCorrectable(current)) throw new AppError('REGISTRATION_NOT_CORRECTABLE');
    const updated =
      (await applyTransition(divisionFilter(actor), current, { action, by: actor.role, actor: staffOf(actor), ...extra })) ?? (await refusal(id, inAreaOf(actor)));
    await notifyResident(updated, extra.reason);
    return detail(actor, updated);
  }

  const ownedScope = (residentId: string) => ({ residentId });

  /** The full registrations behind a summary filter, newest first. */
  async function fullRecords(filter: Record<string, unknown>): Promise<RegistrationRecord[]> {
    const found = await Summary.find(filter, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
    return Registration.find({ _id: { $in: found.map(({ _id }) => _id) } })
      .sort({ submittedAt: -1, _id: -1 })
      .lean<RegistrationRecord[]>();
  }

  return {
    create,
    reconcileSummaries: summaries.reconcile,

    // Residents and village cadres (mini-program)

    async submitAsResident(residentId: string, body: SubmitBody): Promise<{ registration: ResidentRegistration; created: boolean }> {
      const { record, created } = await submit({
        body,
        source: 'resident',
        residentId,
        submitter: { kind: 'resident', id: residentId, name: body.household.head.name },
        idempotencyKey: `resident:${residentId}:${body.idempotencyKey}`,
        photoOwner: { kind: 'resident', id: residentId },
      });
      return { registration: await forResident(record), created };
    },

    /** A village cadre registers a household of their own village from their WeChat. */
    async submitAsCadre(cadre: StaffActor, residentId: string, body: SubmitBody): Promise<{ registration: ResidentRegistration; created: boolean }> {
      if (body.household.villageCode !== cadre.divisionCode) throw new AppError('OUT_OF_SCOPE', '只能为本村的农户登记');
      const { record, created } = await submit({
        body,
        source: 'cadre',
        residentId: null,
        enteredBy: { staffId: cadre.id, name: cadre.displayName },
        submitter: { kind: 'cadre', id: cadre.id, name: cadre.displayName, role: cadre.role },
        idempotencyKey: `cadre:${cadre.id}:${body.idempotencyKey}`,
        photoOwner: { kind: 'resident', id: residentId },
      });
      return { registration: await forResident(record, 'cadre'), created };
    },

    async listOwn(residentId: string): Promise<{ items: ResidentRegistration[] }> {
      const records = await fullRecords({ residentId });
      const found = await lookups(records);
      return { items: records.map((record) => presentForResident(record, found)) };
    },

    async listEnteredBy(cadre: StaffActor): Promise<{ items: ResidentRegistration[] }> {
      const records = await fullRecords({ enteredByStaffId: cadre.id });
      const found = await lookups(records);
      return { items: records.map((record) => presentForResident(record, found, 'cadre')) };
    },

    async getOwn(residentId: string, id: string): Promise<ResidentRegistration> {
      return forResident(await loadVisible(id, ownedBy(residentId)));
    },

    async getEnteredBy(cadre: StaffActor, id: string): Promise<ResidentRegistration> {
      return forResident(await loadVisible(id, enteredBy(cadre)), 'cadre');
    },

    /** Villages the resident has registered in, for their default public-notice list. */
    async villagesOf(residentId: string): Promise<string[]> {
      const records = await Summary.find({ residentId }, { divisionCode: 1 }).lean<{ divisionCode: string }[]>();
      return [...new Set(records.map((record) => record.divisionCode))];
    },

    /** A returned registration, corrected: the household and wishes are replaced as a whole. */
    async resubmit(residentId: string, id: string, body: ResubmitBody): Promise<ResidentRegistration> {
      return resubmit(id, body, {
        visible: ownedBy(residentId),
        scope: ownedScope(residentId),
        actor: { kind: 'resident', id: residentId, name: body.household.head.name, role: null },
        photoOwner: { kind: 'resident', id: residentId },
      });
    },

    /** The cadre who entered a registration corrects it when it is returned; `residentId` is their WeChat sign-in. */
    async resubmitAsCadre(cadre: StaffActor, residentId: string, id: string, body: ResubmitBody): Promise<ResidentRegistration> {
      if (body.household.villageCode !== cadre.divisionCode) throw new AppError('OUT_OF_SCOPE', '只能为本村的农户登记');
      return resubmit(
        id,
        body,
        {
          visible: enteredBy(cadre),
          scope: { 'enteredBy.staffId': cadre.id },
          actor: { kind: 'cadre', id: cadre.id, name: cadre.displayName, role: cadre.role },
          photoOwner: { kind: 'resident', id: residentId },
        },
        'cadre',
      );
    },

    async withdraw(residentId: string, id: string): Promise<ResidentRegistration> {
      const current = await loadVisible(id, ownedBy(residentId));
      const updated = await applyTransition(ownedScope(residentId), current, {
        action: 'withdraw',
        by: 'household',
        actor: { kind: 'resident', id: residentId, name: current.household.head.name, role: null },
      });
      return forResident(updated ?? (await refusal(id, ownedBy(residentId))));
    },

    // Staff (admin console)

    async list(actor: StaffActor, query: ListRegistrationsQuery): Promise<RegistrationList> {
      const withoutStatus = registrationFilter(actor, query, false);
      const filter = registrationFilter(actor, query);
      const [records, groups] = await Promise.all([
        Summary.find(filter)
          .sort(registrationSort(query.sort))
          .skip((query.page - 1) * query.pageSize)
          .limit(query.pageSize)
          .lean<RegistrationSummaryRecord[]>(),
        Summary.aggregate<{ _id: RegistrationStatus; count: number }>([
          { $match: withoutStatus },
          { $group: { _id: '$status', count: { $sum: 1 } } },
        ]),
      ]);
      const statusCounts = Object.fromEntries(REGISTRATION_STATUSES.map((status) => [status, 0])) as Record<RegistrationStatus, number>;
      for (const group of groups) statusCounts[group._id] = group.count;
      // The counts are taken under every filter but status, so the total follows from them.
      const total = query.status ? statusCounts[query.status] : Object.values(statusCounts).reduce((sum, count) => sum + count, 0);
      const found = await nameLookups(records);
      return { items: records.map((record) => presentSummary(record, found)), total, page: query.page, pageSize: query.pageSize, statusCounts };
    },

    get: async (actor: StaffActor, id: string): Promise<RegistrationDetail> => detail(actor, await loadScoped(actor, id)),

    async reveal(actor: StaffActor, id: string): Promise<RevealedHousehold> {
      const { household } = await loadScoped(actor, id);
      return {
        head: { name: household.head.name, idNumber: crypto.decrypt(household.head.idNumber.enc), phone: crypto.decrypt(household.head.phone.enc) },
        members: household.members.map((member) => ({ name: member.name, idNumber: crypto.decrypt(member.idNumber.enc) })),
      };
    },

    accept: (actor: StaffActor, id: string, note?: string) => staffTransition(actor, id, 'accept', { reason: note }),

    async verify(actor: StaffActor, id: string, visit: Visit): Promise<RegistrationDetail> {
      if (visit.photoIds.length) {
        const { divisionCode } = await loadScoped(actor, id);
        await photos.attach({ ids: visit.photoIds, owner: { kind: 'staff', id: actor.id }, divisionCode, field: 'body.visit.photoIds' });
      }
      return staffTransition(actor, id, 'verify', { visit });
    },

    /** The reason is shown to the resident. A returned case goes through a new notice later. */
    returnForCorrection: (actor: StaffActor, id: string, reason: string) =>
      staffTransition(actor, id, 'return', { reason, set: { noticeId: null, noticeTitle: null, noticeStartDate: null, noticeEndDate: null } }),

    reject: (actor: StaffActor, id: string, reason: string) => staffTransition(actor, id, 'reject', { reason }),

    /**
     * Approval after the notice period, with no open objection. A site place is reserved first
     * (one conditional decrement, so a site is never overbooked) and given back if the status
     * change then fails.
     */
    async approve(actor: StaffActor, id: string, body: z.output<typeof approveBodySchema>): Promise<RegistrationDetail> {
      const current = await loadScoped(actor, id);
      if (!nextStatus(current.status, 'approve', actor.role)) throw transitionRefused();
      const today = chinaDate();
      const blocker = approvalBlocker(current, today);
      if (blocker) throw new AppError(blocker);
      if (current.wishes.resettlementType === 'centralized' && !body.siteId) {
        throw validationFailed([{ field: 'body.siteId', message: '集中安置的农户须指定安置点' }]);
      }
      // The amounts are fixed by the same update that approves, so an approved registration always carries them.
      const subsidy = await deps.subsidies.snapshotFor({ household: current.household, resettlementType: current.wishes.resettlementType }, today);
      if (body.siteId) await sites.reserve(body.siteId, 'body.siteId');
      let approved: RegistrationRecord | null = null;
      try {
        approved = await applyTransition(divisionFilter(actor), current, {
          action: 'approve',
          by: actor.role,
          actor: staffOf(actor),
          reason: body.note,
          set: { assignedSiteId: body.siteId ?? null, ...(subsidy && { subsidy }) },
          guard: { noticeEndDate: { $lt: today }, openObjections: 0 },
        });
      } finally {
        if (!approved && body.siteId) await sites.release(body.siteId);
      }
      if (!approved) {
        const now = await loadScoped(actor, id);
        const blockedNow = now.status === current.status && approvalBlocker(now, today);
        throw blockedNow ? new AppError(blockedNow) : transitionRefused();
      }
      await notifyResident(approved, body.note);
      return detail(actor, approved);
    },

    /** What the subsidies module needs to estimate (or show the fixed amounts of) one registration the viewer may see. */
    async subsidyBasis(viewer: { kind: 'staff'; actor: StaffActor } | { kind: 'resident'; id: string }, id: string): Promise<SubsidyBasis> {
      const record = await loadVisible(id, viewer.kind === 'staff' ? inAreaOf(viewer.actor) : ownedBy(viewer.id));
      return { household: record.household, resettlementType: record.wishes.resettlementType, status: record.status, subsidy: record.subsidy ?? null };
    },

    /** Internal notes: staff only, any status. */
    async addNote(actor: StaffActor, id: string, text: string): Promise<RegistrationDetail> {
      const note = { _id: new Types.ObjectId(), text, authorId: actor.id, authorName: actor.displayName, authorRole: actor.role, at: new Date() };
      const current = await loadScoped(actor, id);
      const updated = await store.guardedUpdate(current._id, divisionFilter(actor), { $push: { notes: note } });
      if (!updated) throw registrationNotFound();
      return detail(actor, updated);
    },

    /** Objections are recorded only while the household is on public notice. */
    async recordObjection(actor: StaffActor, id: string, body: z.output<typeof objectionBodySchema>): Promise<RegistrationDetail> {
      const objection = {
        _id: new Types.ObjectId(),
        raisedBy: body.raisedBy,
        content: body.content,
        recordedById: actor.id,
        recordedBy: actor.displayName,
        recordedAt: new Date(),
        status: 'open',
      };
      const current = await loadScoped(actor, id);
      if (current.status !== 'publicizing') throw transitionRefused();
      const updated = await store.guardedUpdate(
        current._id,
        { ...divisionFilter(actor), status: 'publicizing' },
        { $push: { objections: objection }, $inc: { openObjections: 1 } },
      );
      return detail(actor, updated ?? (await refusal(id, inAreaOf(actor))));
    },

    /**
     * Closes an objection. Upholding it does not change the status by itself: staff then return
     * or reject the registration. Objections are only appended, so an index names one for good.
     */
    async resolveObjection(
      actor: StaffActor,
      id: string,
      objectionId: string,
      body: z.output<typeof resolveObjectionBodySchema>,
    ): Promise<RegistrationDetail> {
      const alreadyResolved = () => new AppError('REGISTRATION_TRANSITION_NOT_ALLOWED', '这条异议已经处理过了');
      const current = await loadScoped(actor, id);
      const index = current.objections.findIndex((objection) => objection._id.toString() === objectionId);
      if (index < 0) throw notFound('异议不存在');
      if (current.objections[index].status !== 'open') throw alreadyResolved();
      const at = `objections.${index}`;
      const updated = await store.guardedUpdate(
        current._id,
        { ...divisionFilter(actor), [`${at}._id`]: current.objections[index]._id, [`${at}.status`]: 'open' },
        {
          $set: { [`${at}.status`]: body.outcome, [`${at}.resolution`]: body.resolution, [`${at}.resolvedBy`]: actor.displayName, [`${at}.resolvedAt`]: new Date() },
          $inc: { openObjections: -1 },
        },
      );
      if (!updated) throw alreadyResolved();
      return detail(actor, updated);
    },

    // Public notices (called by the public-notices service)

    /** What a notice lists for each registration; every one must be in the caller's area and verified. */
    async noticeEntries(actor: StaffActor, ids: string[]): Promise<(PublicNoticeEntry & { villageCode: string })[]> {
      const records = (await Promise.all(ids.map((id) => findVisible(id, inAreaOf(actor))))).filter((record) => record !== null);
      const byId = new Map(records.map((record) => [record._id.toString(), record]));
      const missing = ids.filter((id) => !byId.has(id));
      if (missing.length) throw notFound(`找不到这些登记，或不在您的辖区：${missing.join('、')}`);
      const problems = ids.flatMap((id, index) => {
        const record = byId.get(id)!;
        if (nextStatus(record.status, 'publicize', actor.role)) return [];
        const label = REGISTRATION_STATUS_LABELS[record.status];
        return [{ field: `body.registrationIds.${index}`, message: `${record.household.head.name}户（${id}）当前为“${label}”，只有已核实的登记可以公示` }];
      });
      if (problems.length) throw validationFailed(problems);
      const found = await nameLookups(records);
      return ids.map((id) => {
        const record = byId.get(id)!;
        return {
          registrationId: id,
          headName: record.household.head.name,
          headIdNumberMasked: record.household.head.idNumberMasked,
          memberCount: record.memberCount,
          villageCode: record.divisionCode,
          villageName: found.names.get(record.divisionCode) ?? record.divisionCode,
          ...(record.wishes.resettlementType && { resettlementType: record.wishes.resettlementType }),
        };
      });
    },

    /** Puts one registration on a notice; false when it is no longer verified (changed meanwhile). */
    async publicize(actor: StaffActor, id: string, notice: NoticeRef): Promise<boolean> {
      const current = await findVisible(id, inAreaOf(actor));
      if (!current || !nextStatus(current.status, 'publicize', actor.role)) return false;
      const updated = await applyTransition(divisionFilter(actor), current, {
        action: 'publicize',
        by: actor.role,
        actor: staffOf(actor),
        set: { noticeId: new Types.ObjectId(notice.id), noticeTitle: notice.title, noticeStartDate: notice.startDate, noticeEndDate: notice.endDate },
      });
      if (!updated) return false;
      await notifyResident(updated);
      return true;
    },
  };
}

export type RegistrationsService = ReturnType<typeof createRegistrationsService>;
