import { Types } from 'mongoose';
import type { z } from 'zod';
import {
  approvalBlocker,
  type approveBodySchema,
  chinaDate,
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
import { divisionFilter } from '../../security/scope';
import { registrationFilter, registrationSort } from './registration-filter';
import { presentSummary } from './registration.presenter';
import { isCorrectable, type RegistrationRecord } from './registration.model';
import type { RegistrationSummaryRecord } from './registration-summary.model';
import { inAreaOf, registrationNotFound, type RegistrationsDeps, type RegistrationWorkflow, staffOf, transitionRefused } from './registration-workflow';

type StaffAction = Exclude<RegistrationAction, 'submit' | 'resubmit' | 'withdraw' | 'publicize' | 'approve'>;

/** A notice as registrations remember it. */
export type NoticeRef = { id: string; title: string; startDate: string; endDate: string };

/** What staff do with registrations in the admin console, and what public notices ask of them. */
export function createStaffRegistrations(workflow: RegistrationWorkflow, deps: Pick<RegistrationsDeps, 'crypto' | 'sites' | 'photos' | 'subsidies'>) {
  const { store, nameLookups, detail, loadScoped, applyTransition, refusal, notifyResident } = workflow;
  const { findVisible } = store;
  const { Summary } = store.summaries;
  const { crypto, sites, photos } = deps;

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

  return {
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
