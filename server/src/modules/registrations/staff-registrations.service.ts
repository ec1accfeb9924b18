import { Types } from 'mongoose';
import type { z } from 'zod';
import {
  approvalBlocker,
  type approveBodySchema,
  type ListRegistrationsQuery,
  nextStatus,
  type objectionBodySchema,
  type PublicNoticeEntry,
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_STATUSES,
  type RegistrationAction,
  type RegistrationDetail,
  type RegistrationList,
  type RegistrationStatus,
  type resolveObjectionBodySchema,
  type RevealedHousehold,
  type Visit,
} from '@anqian/shared';
import type { StaffActor } from '../../security/staff-actor';
import { AppError, notFound, validationFailed } from '../../errors';
import { isDuplicateKey } from '../../db/duplicate-key';
import { divisionFilter, isInScope } from '../../security/scope';
import { registrationFilter, registrationSort } from './registration-filter';
import { presentSummary } from './registration.presenter';
import { isCorrectable, noticeFactsOf, type RegistrationRecord } from './registration.model';
import { inAreaOf, photoTarget, registrationNotFound, type RegistrationsDeps, type RegistrationWorkflow, staffOf, transitionRefused } from './registration-workflow';

type StaffAction = Exclude<RegistrationAction, 'submit' | 'resubmit' | 'withdraw' | 'publicize' | 'approve' | 'dismissDuplicate'>;

/** What the resident of a closed duplicate reads, unless staff write their own reason. */
const KEEP_REASON = '经乡镇核对，本份登记不再办理。如有疑问请咨询乡镇。';

/** A notice as registrations remember it. */
export type NoticeRef = { id: string; title: string; startDate: string; endDate: string };

/** What staff do with registrations in the admin console, and what public notices ask of them. */
export function createStaffRegistrations(
  workflow: RegistrationWorkflow,
  deps: Pick<RegistrationsDeps, 'crypto' | 'sites' | 'photos' | 'subsidies' | 'clock' | 'noticeMinDays'> & { approved: (record: RegistrationRecord) => Promise<void> },
) {
  const { store, nameLookups, detail, loadScoped, applyTransition, refusal, notifyResident, activeOfHousehold, refreshClash } = workflow;
  const { findVisible } = store;
  const { summaries } = store;
  const { crypto, sites, photos } = deps;

  /** Why `record` cannot be approved today, as the error to answer with, or null. */
  function approvalBlockerOf(record: RegistrationRecord, today: string): AppError | null {
    const blocker = approvalBlocker({ ...noticeFactsOf(record), openObjections: record.openObjections }, { today, minDays: deps.noticeMinDays });
    if (blocker === 'NOTICE_PERIOD_TOO_SHORT') {
      return new AppError(blocker, `这一户在公示中的时间不足 ${deps.noticeMinDays} 天（从公示开始或列入公示之日算起），不能审批，需要重新公示`);
    }
    return blocker && new AppError(blocker);
  }

  async function staffTransition(
    actor: StaffActor,
    id: string,
    action: StaffAction,
    extra: { reason?: string; visit?: Visit; set?: Record<string, unknown>; guard?: Record<string, unknown> } = {},
  ): Promise<RegistrationDetail> {
    const current = await loadScoped(actor, id);
    if (action === 'return' && nextStatus(current.status, action, actor.role) && !isCorrectable(current)) throw new AppError('REGISTRATION_NOT_CORRECTABLE');
    if (action === 'accept' && current.householdClash) throw new AppError('REGISTRATION_HOUSEHOLD_CLASH');
    const updated =
      (await applyTransition(divisionFilter(actor), current, { action, by: actor.role, actor: staffOf(actor), ...extra })) ?? (await refusal(id, inAreaOf(actor)));
    await notifyResident(updated, extra.reason);
    return detail(actor, updated);
  }

  return {
    async list(actor: StaffActor, query: ListRegistrationsQuery): Promise<RegistrationList> {
      const rule = { today: deps.clock.today(), minDays: deps.noticeMinDays };
      const withoutStatus = registrationFilter(actor, query, { rule, withStatus: false });
      const filter = registrationFilter(actor, query, { rule });
      const [records, counted] = await Promise.all([
        summaries.find(filter, { sort: registrationSort(query.sort), skip: (query.page - 1) * query.pageSize, limit: query.pageSize }),
        summaries.countBy(withoutStatus, 'status'),
      ]);
      const statusCounts = Object.fromEntries(REGISTRATION_STATUSES.map((status) => [status, counted.get(status) ?? 0])) as Record<RegistrationStatus, number>;
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

    /**
     * Taking a registration up gives it the household's lock, so of one household's registrations
     * only one is handled at a time; a household registered more than once waits for `keep`.
     */
    async accept(actor: StaffActor, id: string, note?: string): Promise<RegistrationDetail> {
      try {
        return await staffTransition(actor, id, 'accept', { reason: note, guard: { householdClash: { $ne: true } } });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // Another registration of the household is taken up: two that arrived at the same instant
        // were never marked, so mark them now for staff to keep one.
        await refreshClash((await loadScoped(actor, id)).householdKey);
        throw new AppError('REGISTRATION_HOUSEHOLD_CLASH');
      }
    },

    /**
     * Of a household registered more than once, keeps this registration: every other active one in
     * the caller's area is closed as a duplicate (its resident is told `reason`). Ones outside the
     * area stay for the office that holds them, and the mark stays until they are closed too.
     */
    async keep(actor: StaffActor, id: string, reason = KEEP_REASON): Promise<RegistrationDetail> {
      const kept = await loadScoped(actor, id);
      if (!kept.householdClash) throw new AppError('REGISTRATION_TRANSITION_NOT_ALLOWED', '这一户只有这一份在办的登记，无需选择');
      const others = (await activeOfHousehold(kept.householdKey)).filter((other) => !other._id.equals(kept._id) && isInScope(actor, other.divisionCode));
      const underway = others.find((other) => !nextStatus(other.status, 'dismissDuplicate', actor.role));
      if (underway) {
        const label = REGISTRATION_STATUS_LABELS[underway.status];
        throw new AppError('REGISTRATION_TRANSITION_NOT_ALLOWED', `同户的另一份登记已“${label}”，请先退回或办结那一份，再保留这一份`);
      }
      for (const other of others) {
        const closed = await applyTransition(divisionFilter(actor), other, { action: 'dismissDuplicate', by: actor.role, actor: staffOf(actor), reason });
        if (closed) await notifyResident(closed, reason);
      }
      return detail(actor, await loadScoped(actor, id));
    },

    async verify(actor: StaffActor, id: string, visit: Visit): Promise<RegistrationDetail> {
      if (visit.photoIds.length) {
        const { _id, divisionCode } = await loadScoped(actor, id);
        await photos.attach({ ids: visit.photoIds, owner: { kind: 'staff', id: actor.id }, target: photoTarget(_id), divisionCode, field: 'body.visit.photoIds' });
      }
      return staffTransition(actor, id, 'verify', { visit });
    },

    /** The reason is shown to the resident. A returned case goes through a new notice later. */
    returnForCorrection: (actor: StaffActor, id: string, reason: string) =>
      staffTransition(actor, id, 'return', { reason, set: { noticeId: null, noticeTitle: null, noticeStartDate: null, noticeEndDate: null } }),

    reject: (actor: StaffActor, id: string, reason: string) => staffTransition(actor, id, 'reject', { reason }),

    /**
     * Approval after the household was on public notice for the whole minimum period, with no open
     * objection. A site place is reserved first (one conditional decrement, so a site is never
     * overbooked) and given back if the status change then fails. The update only applies while the
     * notice the checks were made on is unchanged.
     */
    async approve(actor: StaffActor, id: string, body: z.output<typeof approveBodySchema>): Promise<RegistrationDetail> {
      const current = await loadScoped(actor, id);
      if (!nextStatus(current.status, 'approve', actor.role)) throw transitionRefused();
      const today = deps.clock.today();
      const blocker = approvalBlockerOf(current, today);
      if (blocker) throw blocker;
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
          guard: { noticeId: current.noticeId, noticeStartDate: current.noticeStartDate, noticeEndDate: current.noticeEndDate, openObjections: 0 },
        });
      } finally {
        if (!approved && body.siteId) await sites.release(body.siteId);
      }
      if (!approved) {
        const now = await loadScoped(actor, id);
        const blockedNow = now.status === current.status && approvalBlockerOf(now, today);
        throw blockedNow || transitionRefused();
      }
      await notifyResident(approved, body.note);
      // What follows the household (the employment ledger) must not undo an approval; the maintenance backfill repairs a miss.
      await deps.approved(approved).catch(() => undefined);
      return detail(actor, approved);
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
