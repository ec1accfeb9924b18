import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { Types, type Connection } from 'mongoose';
import type { z } from 'zod';
import {
  addWorkingDays,
  chinaDate,
  chinaWorkingDayCalendar,
  divisionLevel,
  type ListOwnRequestsQuery,
  type ListRequestsQuery,
  MAX_OPEN_REQUESTS,
  nextRequestStatus,
  type Page,
  type RequestAction,
  type RequestAssignee,
  type RequestCategory,
  REQUEST_CATEGORIES,
  REQUEST_CATEGORY_LABELS,
  type RequestFilter,
  REQUEST_OPEN_STATUSES,
  type RequestPlace,
  type RequestReminder,
  requestDeadlines,
  type RequestStats,
  type RequestStatus,
  REQUEST_STATUSES,
  REQUEST_STAGE_LABELS,
  REQUEST_STATUS_LABELS,
  requestStatusesAllowing,
  type ResidentRequest,
  type ResidentRequestSummary,
  type StaffRequestDetail,
  type StaffRequestSummary,
  type submitRequestBodySchema,
  townshipCodeOf,
  type WorkingDayCalendar,
} from '@anqian/shared';
import type { Clock } from '../../clock';
import { isDuplicateKey } from '../../db/duplicate-key';
import { AppError, notFound, validationFailed } from '../../errors';
import { WechatApiError, WechatUnavailableError, type WechatClient } from '../../integrations/wechat/wechat-client';
import { divisionFilter, isInScope, withinDivision } from '../../security/scope';
import type { StaffActor } from '../../security/staff-actor';
import type { DivisionsService } from '../divisions/divisions.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { PhotosService } from '../photos/photos.service';
import type { RegistrationsService } from '../registrations/registrations.service';
import type { ResidentService } from '../residents/resident.service';
import type { SitesService } from '../sites/sites.service';
import type { StaffService } from '../staff/staff.service';
import { type RequestRecord, residentRequestModels } from './resident-request.model';
import {
  isRequestOverdue,
  NO_DUE,
  presentForResident,
  presentResidentSummary,
  presentStaffDetail,
  presentStaffSummary,
  reopenDeadline,
  type StaffNames,
} from './resident-request.presenter';

type SubmitBody = z.output<typeof submitRequestBodySchema>;
type Actor = { kind: 'resident' | 'staff' | 'system'; id: string | null; name: string; role: string | null };

export type ResidentRequestsDeps = {
  connection: Connection;
  clock: Clock;
  divisions: DivisionsService;
  sites: Pick<SitesService, 'assertExists' | 'refs'>;
  photos: Pick<PhotosService, 'attach' | 'refs'>;
  registrations: Pick<RegistrationsService, 'getOwn'>;
  residents: Pick<ResidentService, 'openidOf' | 'me'>;
  staff: Pick<StaffService, 'findById' | 'list'>;
  notifications: Pick<NotificationsService, 'requestReplied'>;
  wechat: Pick<WechatClient, 'checkText'>;
  /** Checks a resident's text as them; this openid stands in if their own is unknown. */
  contentCheckOpenid: string;
  /** The China working-day calendar; tests pass one with holidays ahead of their clock. */
  calendar?: WorkingDayCalendar;
};

/** The WeChat check's "comment" scene: a user's text read by others (here, the township). */
const COMMENT_SCENE = 2;
const EXPORT_MAX_ROWS = 20_000;
const requestNotFound = () => notFound('诉求不存在');
const refused = () => new AppError('REQUEST_TRANSITION_NOT_ALLOWED');
const openStatuses = [...REQUEST_OPEN_STATUSES];

const requestIdFor = (residentId: string, key: string) => new Types.ObjectId(createHash('sha256').update(`request:${residentId}:${key}`).digest().subarray(0, 12));
const slotOf = (residentId: string, slot: number) => `${residentId}:${slot}`;
const doneSlot = (id: Types.ObjectId) => `done:${id.toString()}`;
const staffActor = (actor: StaffActor): Actor => ({ kind: 'staff', id: actor.id, name: actor.displayName, role: actor.role });
const residentActor = (residentId: string): Actor => ({ kind: 'resident', id: residentId, name: '群众', role: null });
const SYSTEM: Actor = { kind: 'system', id: null, name: '系统', role: null };

/** Township staff and the county handle requests; village cadres read their village's and add notes. */
const handles = (actor: StaffActor) => actor.role === 'township_staff' || actor.role === 'county_admin';

/**
 * What a staff member may see, through the one scope checker: offices by the request's current
 * handler (so a transferred request leaves the old township's inbox), village cadres by the place.
 */
export function requestScope(actor: StaffActor): Record<string, unknown> {
  return actor.role === 'village_cadre' ? divisionFilter(actor, 'villageCode') : divisionFilter(actor, 'handlerCode');
}

export function createResidentRequestsService(deps: ResidentRequestsDeps) {
  const { Request, Reminder } = residentRequestModels(deps.connection);
  const { clock, divisions } = deps;
  const calendar = deps.calendar ?? chinaWorkingDayCalendar;

  async function namesOf(record: Pick<RequestRecord, 'villageCode' | 'townshipCode' | 'handlerCode'>): Promise<StaffNames> {
    const [village, township, handler] = await Promise.all([divisions.nameOf(record.villageCode), divisions.nameOf(record.townshipCode), divisions.nameOf(record.handlerCode)]);
    return { village, township, handler };
  }

  async function placeOf(record: RequestRecord): Promise<RequestPlace> {
    const names = await namesOf(record);
    const site = record.siteId ? (await deps.sites.refs([record.siteId])).get(record.siteId.toString()) : undefined;
    return {
      villageCode: record.villageCode,
      villageName: names.village,
      townshipName: names.township,
      site: site ? { id: site.id, name: site.name } : null,
      registration: record.registrationId ? { id: record.registrationId.toString(), label: record.registrationLabel ?? '搬迁登记' } : null,
    };
  }

  const photosOf = (record: RequestRecord) => (record.photoIds.length ? deps.photos.refs(record.photoIds) : Promise.resolve([]));

  async function forResident(record: RequestRecord): Promise<ResidentRequest> {
    return presentForResident(record, await placeOf(record), await photosOf(record), clock.now());
  }

  async function forStaff(actor: StaffActor, record: RequestRecord): Promise<StaffRequestDetail> {
    const status = record.status as RequestStatus;
    const office = handles(actor) && isInScope(actor, record.handlerCode);
    const may = (action: RequestAction) => office && nextRequestStatus(status, action, 'staff') !== null;
    const [names, place, photos, resident] = await Promise.all([namesOf(record), placeOf(record), photosOf(record), deps.residents.me(record.residentId).catch(() => null)]);
    return presentStaffDetail(record, {
      names,
      place,
      photos,
      residentPhoneMasked: resident?.phoneMasked ?? null,
      today: clock.today(),
      can: { assign: may('assign'), transfer: may('transfer'), reply: may('reply'), close: may('close'), note: true },
    });
  }

  async function loadOwn(residentId: string, id: string): Promise<RequestRecord> {
    const record = await Request.findOne({ _id: id, residentId }).lean<RequestRecord>();
    if (!record) throw requestNotFound();
    return record;
  }

  async function loadForStaff(actor: StaffActor, id: string): Promise<RequestRecord> {
    const record = await Request.findOne({ _id: id, ...requestScope(actor) }).lean<RequestRecord>();
    if (!record) throw requestNotFound();
    return record;
  }

  /** A request the caller's office handles; a village cadre may read it but not act for the township. */
  async function loadForOffice(actor: StaffActor, id: string): Promise<RequestRecord> {
    const record = await loadForStaff(actor, id);
    if (!handles(actor)) throw new AppError('FORBIDDEN', '村干部可以查看本村的诉求和添加内部备注，答复、分派、转办和办结由乡镇办理');
    return record;
  }

  /** Open slots 0..9 the resident has not taken; empty at the limit. */
  async function freeSlots(residentId: string): Promise<number[]> {
    const open = await Request.find({ residentId, status: { $in: openStatuses } }, { openSlot: 1 }).lean<{ openSlot: string }[]>();
    const taken = new Set(open.map((record) => record.openSlot));
    return Array.from({ length: MAX_OPEN_REQUESTS }, (_, slot) => slot).filter((slot) => !taken.has(slotOf(residentId, slot)));
  }

  const openLimit = () => new AppError('REQUEST_OPEN_LIMIT');

  async function checkText(residentId: string, text: string, field: string): Promise<void> {
    const openid = (await deps.residents.openidOf(residentId)) ?? deps.contentCheckOpenid;
    let suggest: string;
    try {
      suggest = (await deps.wechat.checkText({ openid, scene: COMMENT_SCENE, content: text })).suggest;
    } catch (error) {
      if (error instanceof WechatApiError || error instanceof WechatUnavailableError) throw new AppError('WECHAT_UNAVAILABLE', '微信内容安全检测暂时不可用，请稍后再提交');
      throw error;
    }
    if (suggest !== 'pass') throw validationFailed([{ field, message: '诉求内容未通过微信内容安全检测，请修改后再提交' }]);
  }

  async function checkPlace(residentId: string, place: SubmitBody['place']): Promise<string | null> {
    await divisions.assertExists(place.villageCode, 'body.place.villageCode');
    if (divisionLevel(place.villageCode) !== 'village') throw validationFailed([{ field: 'body.place.villageCode', message: '请选择所在的村（社区）' }]);
    if (place.siteId) await deps.sites.assertExists(place.siteId, 'body.place.siteId');
    if (!place.registrationId) return null;
    try {
      const registration = await deps.registrations.getOwn(residentId, place.registrationId);
      return `${registration.household.head.name}户搬迁登记`;
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw validationFailed([{ field: 'body.place.registrationId', message: '登记不存在或不是您的登记' }]);
      throw error;
    }
  }

  /**
   * One conditional update for one step of the machine; null when the status (or anything else in
   * `filter`) changed meanwhile.
   */
  async function step(record: RequestRecord, action: RequestAction, actor: Actor, change: { set?: Record<string, unknown>; push?: Record<string, unknown>; filter?: Record<string, unknown>; detail?: string | null; to?: RequestStatus }) {
    const from = record.status as RequestStatus;
    const allowed = nextRequestStatus(from, action, actor.kind, Boolean(record.assignee));
    if (!allowed) throw refused();
    const to = change.to ?? allowed;
    const now = clock.now();
    const entry = { action, from, to, at: now, actor, detail: change.detail ?? null };
    return Request.findOneAndUpdate(
      { _id: record._id, status: { $in: requestStatusesAllowing(action) }, ...change.filter },
      { $set: { status: to, ...change.set }, $push: { steps: entry, ...change.push } },
      { new: true },
    ).lean<RequestRecord>();
  }

  function handledSince(record: RequestRecord, now: Date) {
    return record.handlingSince ?? now;
  }

  async function residentRequestFilter(actor: StaffActor, query: RequestFilter): Promise<Record<string, unknown>> {
    const filter: Record<string, unknown> = { ...requestScope(actor) };
    if (query.status) filter.status = query.status;
    if (query.category) filter.category = query.category;
    if (query.divisionCode) {
      await divisions.assertExists(query.divisionCode, 'query.divisionCode');
      filter.villageCode = withinDivision(query.divisionCode);
    }
    if (query.overdue) filter.nextDue = { $lt: clock.today() };
    if (query.mine) filter['assignee.staffId'] = actor.id;
    return filter;
  }

  const SORTS = {
    newest: { submittedAt: -1, _id: -1 },
    oldest: { submittedAt: 1, _id: 1 },
    due: { nextDue: 1, submittedAt: 1, _id: 1 },
  } as const;

  async function summaries(records: RequestRecord[]): Promise<StaffRequestSummary[]> {
    const today = clock.today();
    return Promise.all(records.map(async (record) => presentStaffSummary(record, await namesOf(record), today)));
  }

  return {
    /**
     * Stores a request. The same key returns the first request (`created: false`) whatever else
     * arrives meanwhile; a new one takes one of the resident's 10 open slots or is refused.
     */
    async submit(residentId: string, body: SubmitBody): Promise<{ request: ResidentRequest; created: boolean }> {
      const id = requestIdFor(residentId, body.idempotencyKey);
      const existing = await Request.findById(id).lean<RequestRecord>();
      if (existing) return { request: await forResident(existing), created: false };
      if ((await freeSlots(residentId)).length === 0) throw openLimit();
      const registrationLabel = await checkPlace(residentId, body.place);
      await checkText(residentId, body.text, 'body.text');
      const townshipCode = townshipCodeOf(body.place.villageCode)!;
      await deps.photos.attach({ ids: body.photoIds, owner: { kind: 'resident', id: residentId }, target: `resident-request:${id.toString()}`, divisionCode: body.place.villageCode, field: 'body.photoIds' });
      const now = clock.now();
      const due = requestDeadlines(now, calendar);
      for (;;) {
        const slots = await freeSlots(residentId);
        const raced = await Request.findById(id).lean<RequestRecord>();
        if (raced) return { request: await forResident(raced), created: false };
        if (slots.length === 0) throw openLimit();
        try {
          const created = await Request.create({
            _id: id,
            residentId,
            idempotencyKey: body.idempotencyKey,
            category: body.category,
            text: body.text,
            photoIds: body.photoIds,
            villageCode: body.place.villageCode,
            townshipCode,
            siteId: body.place.siteId ?? null,
            registrationId: body.place.registrationId ?? null,
            registrationLabel,
            handlerCode: townshipCode,
            status: 'submitted',
            openSlot: slotOf(residentId, slots[0]),
            steps: [{ action: 'submit', from: null, to: 'submitted', at: now, actor: residentActor(residentId) }],
            submittedAt: now,
            firstReplyDue: due.firstReplyDue,
            replyDue: due.firstReplyDue,
            doneDue: due.doneDue,
            nextDue: due.firstReplyDue,
          });
          return { request: await forResident(created.toObject() as RequestRecord), created: true };
        } catch (error) {
          // Either the same key won the race (found at the top of the loop) or another request took this slot.
          if (!isDuplicateKey(error)) throw error;
        }
      }
    },

    async listOwn(residentId: string, query: ListOwnRequestsQuery): Promise<Page<ResidentRequestSummary>> {
      const [records, total] = await Promise.all([
        Request.find({ residentId })
          .sort({ submittedAt: -1, _id: -1 })
          .skip((query.page - 1) * query.pageSize)
          .limit(query.pageSize)
          .lean<RequestRecord[]>(),
        Request.countDocuments({ residentId }),
      ]);
      return { items: records.map(presentResidentSummary), total, page: query.page, pageSize: query.pageSize };
    },

    getOwn: async (residentId: string, id: string) => forResident(await loadOwn(residentId, id)),

    async rate(residentId: string, id: string, body: { score: number; comment: string }): Promise<ResidentRequest> {
      const record = await loadOwn(residentId, id);
      if (record.status !== 'replied' && record.status !== 'closed') throw refused();
      if (record.rating) throw new AppError('REQUEST_ALREADY_RATED');
      const now = clock.now();
      const updated = await Request.findOneAndUpdate(
        { _id: record._id, residentId, status: { $in: ['replied', 'closed'] }, rating: null },
        { $set: { rating: { score: body.score, comment: body.comment, at: now } }, $push: { steps: { action: 'rate', from: null, to: null, at: now, actor: residentActor(residentId), detail: `${body.score} 分` } } },
        { new: true },
      ).lean<RequestRecord>();
      if (!updated) throw new AppError('REQUEST_ALREADY_RATED');
      return forResident(updated);
    },

    /** Once, within 7 days of the last reply; a closed request needs a free open slot again. */
    async reopen(residentId: string, id: string, reason: string): Promise<ResidentRequest> {
      const record = await loadOwn(residentId, id);
      const now = clock.now();
      const until = reopenDeadline(record);
      if (!until || now > until) throw new AppError('REQUEST_REOPEN_NOT_ALLOWED');
      const due = requestDeadlines(now, calendar);
      const to: RequestStatus = record.assignee ? 'assigned' : 'submitted';
      // The reply the window was measured from must still be the last one.
      const window = { residentId, reopenCount: 0, lastRepliedAt: record.lastRepliedAt };
      const set = { reopenedAt: now, reopenCount: 1, handlingSince: now, closedAt: null, replyDue: due.firstReplyDue, doneDue: due.doneDue, nextDue: due.firstReplyDue };
      if (record.status === 'replied') {
        const updated = await step(record, 'reopen', residentActor(residentId), { set, filter: { ...window, status: 'replied' }, detail: reason, to });
        if (!updated) throw new AppError('REQUEST_REOPEN_NOT_ALLOWED');
        return forResident(updated);
      }
      for (const slot of await freeSlots(residentId)) {
        try {
          const updated = await step(record, 'reopen', residentActor(residentId), { set: { ...set, openSlot: slotOf(residentId, slot) }, filter: { ...window, status: 'closed' }, detail: reason, to });
          if (!updated) throw new AppError('REQUEST_REOPEN_NOT_ALLOWED');
          return forResident(updated);
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
      }
      throw openLimit();
    },

    async withdraw(residentId: string, id: string): Promise<ResidentRequest> {
      const record = await loadOwn(residentId, id);
      const updated = await step(record, 'withdraw', residentActor(residentId), {
        set: { openSlot: doneSlot(record._id), closedAt: clock.now(), replyDue: null, nextDue: NO_DUE },
        filter: { residentId },
      });
      if (!updated) throw refused();
      return forResident(updated);
    },

    async list(actor: StaffActor, query: ListRequestsQuery): Promise<Page<StaffRequestSummary>> {
      const filter = await residentRequestFilter(actor, query);
      const [records, total] = await Promise.all([
        Request.find(filter)
          .sort(SORTS[query.sort])
          .skip((query.page - 1) * query.pageSize)
          .limit(query.pageSize)
          .lean<RequestRecord[]>(),
        Request.countDocuments(filter),
      ]);
      return { items: await summaries(records), total, page: query.page, pageSize: query.pageSize };
    },

    get: async (actor: StaffActor, id: string) => forStaff(actor, await loadForStaff(actor, id)),

    /** Colleagues a request can be assigned to: the handling office's own accounts. */
    async assignees(actor: StaffActor, id: string): Promise<RequestAssignee[]> {
      const record = await loadForOffice(actor, id);
      const role = divisionLevel(record.handlerCode) === 'county' ? 'county_admin' : 'township_staff';
      const office: StaffActor = { ...actor, divisionCode: record.handlerCode };
      const page = await deps.staff.list(office, { divisionCode: record.handlerCode, role, status: 'active', page: 1, pageSize: 100 });
      return page.items.filter((user) => user.divisionCode === record.handlerCode).map((user) => ({ id: user.id, displayName: user.displayName }));
    },

    async assign(actor: StaffActor, id: string, staffId: string): Promise<StaffRequestDetail> {
      const record = await loadForOffice(actor, id);
      const colleague = await deps.staff.findById(staffId);
      const role = divisionLevel(record.handlerCode) === 'county' ? 'county_admin' : 'township_staff';
      if (!colleague || colleague.status !== 'active' || colleague.role !== role || colleague.divisionCode !== record.handlerCode) {
        throw validationFailed([{ field: 'body.staffId', message: '只能分派给承办单位（本乡镇或县级）在用的工作人员' }]);
      }
      const now = clock.now();
      const updated = await step(record, 'assign', staffActor(actor), {
        set: { assignee: { staffId: colleague._id.toString(), name: colleague.displayName }, handlingSince: handledSince(record, now) },
        filter: { handlerCode: record.handlerCode },
        detail: `分派给 ${colleague.displayName}`,
      });
      if (!updated) throw refused();
      return forStaff(actor, updated);
    },

    /** To another township or to the county; the receiving office starts from its inbox, the deadlines keep running. */
    async transfer(actor: StaffActor, id: string, body: { divisionCode: string; reason: string }): Promise<StaffRequestDetail> {
      const record = await loadForOffice(actor, id);
      await divisions.assertExists(body.divisionCode, 'body.divisionCode');
      if (divisionLevel(body.divisionCode) === 'village') throw validationFailed([{ field: 'body.divisionCode', message: '只能转办到乡镇或县级' }]);
      if (body.divisionCode === record.handlerCode) throw validationFailed([{ field: 'body.divisionCode', message: '诉求已经在这个单位办理，请选择其他乡镇或县级' }]);
      const now = clock.now();
      const updated = await step(record, 'transfer', staffActor(actor), {
        set: { handlerCode: body.divisionCode, assignee: null, handlingSince: handledSince(record, now) },
        filter: { handlerCode: record.handlerCode },
        detail: `转至 ${await divisions.nameOf(body.divisionCode)}：${body.reason}`,
      });
      if (!updated) throw refused();
      if (updated.photoIds.length && divisionLevel(body.divisionCode) !== 'county') {
        // The receiving township must see the photos too; county staff see every division already.
        await deps.photos.attach({ ids: updated.photoIds, owner: { kind: 'resident', id: updated.residentId }, target: `resident-request:${updated._id.toString()}`, divisionCode: body.divisionCode, field: 'photoIds' });
      }
      return forStaff(actor, updated);
    },

    async addNote(actor: StaffActor, id: string, text: string): Promise<StaffRequestDetail> {
      const record = await loadForStaff(actor, id);
      const note = { text, at: clock.now(), staffId: actor.id, staffName: actor.displayName, role: actor.role };
      const updated = await Request.findOneAndUpdate({ _id: record._id, ...requestScope(actor) }, { $push: { notes: note } }, { new: true }).lean<RequestRecord>();
      if (!updated) throw requestNotFound();
      return forStaff(actor, updated);
    },

    /** Appended with `$push`: two replies at once are both kept, in arrival order. Each one queues a subscribe message. */
    async reply(actor: StaffActor, id: string, text: string): Promise<StaffRequestDetail> {
      const record = await loadForOffice(actor, id);
      const now = clock.now();
      const office = await divisions.nameOf(record.handlerCode);
      const reply = { _id: new Types.ObjectId(), text, at: now, staffId: actor.id, staffName: actor.displayName, office };
      const updated = await step(record, 'reply', staffActor(actor), {
        set: { lastRepliedAt: now, replyDue: null, nextDue: record.doneDue, handlingSince: handledSince(record, now) },
        push: { replies: reply },
        filter: { handlerCode: record.handlerCode },
        to: 'replied',
      });
      if (!updated) throw refused();
      // The first reply in the array is the first one stored; racing replies all name the same one.
      await Request.updateOne({ _id: record._id, firstRepliedAt: null }, { $set: { firstRepliedAt: updated.replies[0].at } });
      await deps.notifications.requestReplied({ residentId: record.residentId, requestId: record._id.toString(), category: REQUEST_CATEGORY_LABELS[record.category], reply: text, at: now });
      return forStaff(actor, (await Request.findById(record._id).lean<RequestRecord>())!);
    },

    async close(actor: StaffActor, id: string): Promise<StaffRequestDetail> {
      const record = await loadForOffice(actor, id);
      const updated = await step(record, 'close', staffActor(actor), {
        set: { openSlot: doneSlot(record._id), closedAt: clock.now(), nextDue: NO_DUE },
        filter: { handlerCode: record.handlerCode },
      });
      if (!updated) throw refused();
      return forStaff(actor, updated);
    },

    async stats(actor: StaffActor, divisionCode?: string): Promise<RequestStats> {
      const filter = await residentRequestFilter(actor, { divisionCode, sort: 'newest' });
      type Row = Pick<RequestRecord, 'category' | 'status' | 'townshipCode' | 'nextDue' | 'submittedAt' | 'firstRepliedAt' | 'firstReplyDue' | 'rating'>;
      const rows = await Request.find(filter, { category: 1, status: 1, townshipCode: 1, nextDue: 1, submittedAt: 1, firstRepliedAt: 1, firstReplyDue: 1, rating: 1 }).lean<Row[]>();
      const today = clock.today();
      const byCategory = Object.fromEntries(REQUEST_CATEGORIES.map((key) => [key, 0])) as Record<RequestCategory, number>;
      const byStatus = Object.fromEntries(REQUEST_STATUSES.map((key) => [key, 0])) as Record<RequestStatus, number>;
      const townships = new Map<string, { total: number; open: number; overdue: number }>();
      const hours: number[] = [];
      let judged = 0;
      let inTime = 0;
      let ratingSum = 0;
      let rated = 0;
      let open = 0;
      let overdue = 0;
      for (const row of rows) {
        byCategory[row.category] += 1;
        byStatus[row.status as RequestStatus] += 1;
        const isOpen = openStatuses.includes(row.status as RequestStatus);
        const late = isOpen && isRequestOverdue(row, today);
        const township = townships.get(row.townshipCode) ?? { total: 0, open: 0, overdue: 0 };
        township.total += 1;
        if (isOpen) township.open += 1;
        if (late) township.overdue += 1;
        townships.set(row.townshipCode, township);
        if (isOpen) open += 1;
        if (late) overdue += 1;
        if (row.firstRepliedAt) {
          hours.push((row.firstRepliedAt.getTime() - row.submittedAt.getTime()) / 3_600_000);
          judged += 1;
          if (chinaDate(row.firstRepliedAt) <= row.firstReplyDue) inTime += 1;
        } else if (row.firstReplyDue < today && row.status !== 'withdrawn') judged += 1;
        if (row.rating) {
          ratingSum += row.rating.score;
          rated += 1;
        }
      }
      hours.sort((a, b) => a - b);
      const middle = Math.floor(hours.length / 2);
      const median = hours.length === 0 ? null : hours.length % 2 ? hours[middle] : (hours[middle - 1] + hours[middle]) / 2;
      const byTownship = await Promise.all(
        [...townships].map(async ([code, counts]) => ({ code, name: await divisions.nameOf(code), ...counts })),
      );
      return {
        total: rows.length,
        open,
        overdue,
        byCategory,
        byStatus,
        byTownship: byTownship.sort((a, b) => a.code.localeCompare(b.code)),
        medianFirstReplyHours: median === null ? null : Math.round(median * 10) / 10,
        answeredInTimeShare: judged ? Math.round((inTime / judged) * 1000) / 1000 : null,
        averageRating: rated ? Math.round((ratingSum / rated) * 10) / 10 : null,
        ratedCount: rated,
      };
    },

    /** The filtered inbox as one .xlsx sheet (due dates are China days, times China time). */
    async exportXlsx(actor: StaffActor, query: RequestFilter): Promise<{ filename: string; content: Buffer; rows: number }> {
      const filter = await residentRequestFilter(actor, query);
      const records = await Request.find(filter).sort(SORTS[query.sort]).limit(EXPORT_MAX_ROWS).lean<RequestRecord[]>();
      const items = await summaries(records);
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('群众诉求');
      sheet.columns = [
        { header: '提交时间', key: 'submittedAt', width: 18 },
        { header: '类别', key: 'category', width: 8 },
        { header: '乡镇', key: 'township', width: 12 },
        { header: '村（社区）', key: 'village', width: 14 },
        { header: '内容摘要', key: 'excerpt', width: 44 },
        { header: '状态', key: 'status', width: 10 },
        { header: '群众看到的进度', key: 'stage', width: 14 },
        { header: '承办单位', key: 'handler', width: 12 },
        { header: '承办人', key: 'assignee', width: 10 },
        { header: '答复期限', key: 'replyDue', width: 12 },
        { header: '办结期限', key: 'doneDue', width: 12 },
        { header: '是否超期', key: 'overdue', width: 10 },
        { header: '答复次数', key: 'replies', width: 10 },
        { header: '满意度', key: 'rating', width: 8 },
      ];
      sheet.getRow(1).font = { bold: true };
      const chinaTime = (at: string) => new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
      for (const item of items) {
        sheet.addRow({
          submittedAt: chinaTime(item.submittedAt),
          category: REQUEST_CATEGORY_LABELS[item.category],
          township: item.townshipName,
          village: item.villageName,
          excerpt: item.excerpt,
          status: REQUEST_STATUS_LABELS[item.status],
          stage: REQUEST_STAGE_LABELS[item.stage],
          handler: item.handlerName,
          assignee: item.assignee?.name ?? '',
          replyDue: item.replyDue ?? '',
          doneDue: item.doneDue,
          overdue: item.overdue ? '超期' : '',
          replies: item.replyCount,
          rating: item.rating ?? '',
        });
      }
      const content = Buffer.from(await workbook.xlsx.writeBuffer());
      return { filename: `群众诉求-${clock.today()}.xlsx`, content, rows: items.length };
    },

    /** The caller's "due by the next working day" reminders for requests still open and still theirs. */
    async reminders(actor: StaffActor): Promise<RequestReminder[]> {
      const today = clock.today();
      const reminders = await Reminder.find({ staffId: actor.id, dueDate: { $gte: today } }).sort({ dueDate: 1, createdAt: 1 }).limit(200).lean<{ _id: string; requestId: Types.ObjectId; kind: 'reply' | 'done'; dueDate: string; createdAt: Date }[]>();
      if (reminders.length === 0) return [];
      const records = await Request.find({ _id: { $in: reminders.map((r) => r.requestId) }, status: { $in: openStatuses }, 'assignee.staffId': actor.id }).lean<RequestRecord[]>();
      const byId = new Map(records.map((record) => [record._id.toString(), record]));
      const result: RequestReminder[] = [];
      for (const reminder of reminders) {
        const record = byId.get(reminder.requestId.toString());
        // A reply reminder is spent once the reply went out.
        if (!record || (reminder.kind === 'reply' && record.replyDue !== reminder.dueDate)) continue;
        result.push({
          id: reminder._id,
          requestId: record._id.toString(),
          kind: reminder.kind,
          dueDate: reminder.dueDate,
          category: record.category,
          excerpt: presentResidentSummary(record).excerpt,
          villageName: await divisions.nameOf(record.villageCode),
          createdAt: reminder.createdAt.toISOString(),
        });
      }
      return result;
    },

    /**
     * The daily job: for each open, assigned request whose reply or done deadline falls after today
     * and by the next working day (so Friday warns of Monday), stores one reminder for the assignee.
     * Safe to run every few minutes: each reminder's id is unique.
     */
    async queueDueReminders(): Promise<number> {
      const today = clock.today();
      const next = addWorkingDays(today, 1, calendar);
      const window = { $gt: today, $lte: next };
      const due = await Request.find({ status: { $in: openStatuses }, assignee: { $ne: null }, $or: [{ replyDue: window }, { doneDue: window }] }).lean<RequestRecord[]>();
      let stored = 0;
      for (const record of due) {
        const kinds: { kind: 'reply' | 'done'; date: string }[] = [];
        if (record.replyDue && record.replyDue > today && record.replyDue <= next) kinds.push({ kind: 'reply', date: record.replyDue });
        if (record.doneDue > today && record.doneDue <= next) kinds.push({ kind: 'done', date: record.doneDue });
        for (const { kind, date } of kinds) {
          try {
            await Reminder.create({ _id: `${record._id.toString()}:${kind}:${date}:${record.assignee!.staffId}`, staffId: record.assignee!.staffId, requestId: record._id, kind, dueDate: date });
            stored += 1;
          } catch (error) {
            if (!isDuplicateKey(error)) throw error;
          }
        }
      }
      return stored;
    },

    /** A request answered 7 days ago and not reopened is done (已办结): the reopening window is over. */
    async closeSettled(): Promise<number> {
      const now = clock.now();
      const settled = await Request.find({ status: 'replied', lastRepliedAt: { $lt: new Date(now.getTime() - 7 * 86_400_000) } }).lean<RequestRecord[]>();
      let closed = 0;
      for (const record of settled) {
        const updated = await step(record, 'autoClose', SYSTEM, {
          set: { openSlot: doneSlot(record._id), closedAt: now, nextDue: NO_DUE },
          filter: { lastRepliedAt: record.lastRepliedAt },
        });
        if (updated) closed += 1;
      }
      return closed;
    },
  };
}

export type ResidentRequestsService = ReturnType<typeof createResidentRequestsService>;
