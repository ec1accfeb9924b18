import type { Readable } from 'node:stream';
import { Types, type Connection } from 'mongoose';
import type { z } from 'zod';
import {
  type AnnouncementAction,
  type AnnouncementAttachment,
  type AnnouncementAttachmentMimeType,
  announcementLevelsFor,
  type AnnouncementReceipts,
  announcementStatusesAllowing,
  type AnnouncementSummary,
  type AnnouncementType,
  announcementTypesFor,
  type AnnouncementUnreadResident,
  ANNOUNCEMENT_EDITABLE_STATUSES,
  type createAnnouncementBodySchema,
  divisionLevel,
  type DivisionNode,
  type ErrorDetail,
  findDivision,
  isWithinDivision,
  type ListAnnouncementsQuery,
  type ListResidentAnnouncementsQuery,
  maskPhone,
  MAX_ANNOUNCEMENT_ATTACHMENT_BYTES,
  nextAnnouncementStatus,
  type Page,
  type ResidentAnnouncementArea,
  type ResidentAnnouncementDetail,
  type ResidentAnnouncementPage,
  type ResidentAnnouncementSummary,
  richTextPlainText,
  type StaffAnnouncementDetail,
  townshipCodeOf,
  type updateAnnouncementBodySchema,
} from '@anqian/shared';
import type { Clock } from '../../clock';
import { createChangeToken, createKeyedTokenCache, createTokenCache } from '../../db/change-token';
import { isDuplicateKey } from '../../db/duplicate-key';
import { escapeRegex } from '../../db/escape-regex';
import { AppError, notFound, validationFailed } from '../../errors';
import { divisionFilter, isInScope, withinDivision } from '../../security/scope';
import type { StaffActor } from '../../security/staff-actor';
import { createFileStore } from '../../uploads/file-store';
import type { ReceivedFile, ReceiveOptions } from '../../uploads/received-file';
import type { DivisionsService } from '../divisions/divisions.service';
import type { NotificationsService } from '../notifications/notifications.service';
import { attachmentName } from '../policies/policies.service';
import { sanitizeRichText } from '../policies/rich-text-sanitizer';
import {
  announcementModels,
  type AnnouncementAttachmentRecord,
  type AnnouncementAudienceRecord,
  type AnnouncementRecord,
} from './announcement.model';
import { presentAnnouncementSummary, presentResidentDetail, presentResidentSummary, presentStaffAnnouncement } from './announcement.presenter';

type CreateBody = z.output<typeof createAnnouncementBodySchema>;
type UpdateBody = z.output<typeof updateAnnouncementBodySchema>;
type Area = { source: 'household' | 'chosen'; villageCodes: string[]; townshipCodes: string[] };

export type AnnouncementFile = { name: string; mimeType: AnnouncementAttachmentMimeType; size: number; stream: Readable };

export type AnnouncementsDeps = {
  connection: Connection;
  divisions: DivisionsService;
  notifications: NotificationsService;
  /** Villages of the resident's registrations (the household file). */
  villagesOf: (residentId: string) => Promise<string[]>;
  /** The resident's bound phone in full, or null. */
  phoneOf: (residentId: string) => Promise<string | null>;
  uploadDir: string;
  clock: Clock;
};

/** A resident's household villages are looked up again after this long (their registrations may have moved). */
const AREA_REFRESH_MS = 10 * 60_000;
/** Residents' areas, and the announcements each has opened, remembered; beyond this the memory starts again. */
const RESIDENTS_REMEMBERED = 50_000;

/** One read receipt per resident and announcement, under this id. */
const receiptId = (announcementId: string, residentId: string) => `${announcementId}:${residentId}`;
const UNATTACHED_ATTACHMENT_TTL_MS = 24 * 60 * 60_000;
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const announcementNotFound = () => notFound('通知公告不存在');
const refused = (message?: string) => new AppError('ANNOUNCEMENT_TRANSITION_NOT_ALLOWED', message);

/** What the bytes say, never the name or the declared type. */
function sniffAttachmentType(head: Buffer): AnnouncementAttachmentMimeType | null {
  if (head.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return 'application/pdf';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

/**
 * Who may publish to `divisionCode` an announcement of `type`, as the refusal naming the field;
 * null when allowed. The area must lie in the caller's own (the one scope checker) at a level the
 * role publishes to; hr_staff publish only the job and training types, county-wide.
 */
function publishRefusal(actor: StaffActor, divisionCode: string, type: AnnouncementType): AppError | null {
  if (!isInScope(actor, divisionCode) || !announcementLevelsFor(actor.role).includes(divisionLevel(divisionCode))) {
    return new AppError('OUT_OF_SCOPE', '只能向本辖区发布通知公告', [{ field: 'body.divisionCode', message: '不在您可以发布的范围内' }]);
  }
  if (!announcementTypesFor(actor.role).includes(type)) {
    return new AppError('FORBIDDEN', '人社局只能向全县发布通知和政策宣传', [{ field: 'body.type', message: '您不能发布这一类公告' }]);
  }
  return null;
}

const mayEdit = (actor: StaffActor, record: Pick<AnnouncementRecord, 'divisionCode' | 'type'>) => publishRefusal(actor, record.divisionCode, record.type) === null;

/** The audience query of an area: everyone for the county, else residents with a village in it. */
function audienceFilter(divisionCode: string): Record<string, unknown> {
  switch (divisionLevel(divisionCode)) {
    case 'county':
      return {};
    case 'township':
      return { townshipCodes: divisionCode };
    case 'village':
      return { villageCodes: divisionCode };
  }
}

/** The resident's village inside `divisionCode`, for counts by village; '' when none. */
const villageWithin = (villageCodes: readonly string[], divisionCode: string) => villageCodes.find((code) => isWithinDivision(code, divisionCode)) ?? '';

/** Announcements (通知公告): publishing to an area, residents' lists with read receipts, hazard alerts. */
export function createAnnouncementsService(deps: AnnouncementsDeps) {
  const { Announcement, AnnouncementAttachment, AnnouncementRead, AnnouncementAudience } = announcementModels(deps.connection);
  const { divisions, notifications, clock } = deps;
  const files = createFileStore(deps.uploadDir, 'announcement-attachments');
  const changes = createChangeToken(deps.connection, 'announcements');

  /** 武定县, 某某镇, or 某某镇某某村. */
  async function areaName(code: string): Promise<string> {
    const township = townshipCodeOf(code);
    const name = await divisions.nameOf(code);
    return township && township !== code ? `${await divisions.nameOf(township)}${name}` : name;
  }

  /** Published announcements, in memory until one is published, changed or withdrawn. */
  const published = createTokenCache(changes, async () => {
    const records = await Announcement.find({ status: 'published' }).lean<AnnouncementRecord[]>();
    return Promise.all(
      records.map(async (record) => {
        // Presented once per load: the excerpt is the body's plain text, too dear to make per request.
        const summary = presentResidentSummary(record, await areaName(record.divisionCode), false);
        return { record, summary };
      }),
    );
  });

  async function staffDetail(actor: StaffActor, record: AnnouncementRecord): Promise<StaffAnnouncementDetail> {
    return presentStaffAnnouncement(record, await areaName(record.divisionCode), clock.now(), mayEdit(actor, record));
  }

  async function loadForStaff(actor: StaffActor, id: string): Promise<AnnouncementRecord> {
    const record = await Announcement.findById(id).lean<AnnouncementRecord>();
    if (!record || !isInScope(actor, record.divisionCode)) throw announcementNotFound();
    return record;
  }

  async function loadEditable(actor: StaffActor, id: string): Promise<AnnouncementRecord> {
    const record = await loadForStaff(actor, id);
    const refusal = publishRefusal(actor, record.divisionCode, record.type);
    if (refusal) throw new AppError(refusal.code, refusal.code === 'FORBIDDEN' ? refusal.message : '只能管理本辖区内的通知公告');
    return record;
  }

  async function assertArea(actor: StaffActor, divisionCode: string, type: AnnouncementType): Promise<void> {
    await divisions.assertExists(divisionCode, 'body.divisionCode');
    const refusal = publishRefusal(actor, divisionCode, type);
    if (refusal) throw refusal;
  }

  function sanitizeBody(html: string): string {
    const clean = sanitizeRichText(html);
    if (!richTextPlainText(clean) && !clean.includes('<img')) throw validationFailed([{ field: 'body.bodyHtml', message: '正文没有可显示的内容' }]);
    return clean;
  }

  /** Times as stored: the expiry must lie ahead, and after the set publishing time. */
  function checkTimes(times: { publishAt: Date | null; expiresAt: Date | null; type: AnnouncementType }): void {
    const problems: ErrorDetail[] = [];
    if (times.expiresAt && times.expiresAt.getTime() <= clock.now().getTime()) problems.push({ field: 'body.expiresAt', message: '失效时间已过，请重新设置' });
    else if (times.expiresAt && times.publishAt && times.expiresAt <= times.publishAt) problems.push({ field: 'body.expiresAt', message: '失效时间应晚于发布时间' });
    if (times.type === 'hazard_alert' && !times.expiresAt) problems.push({ field: 'body.expiresAt', message: '地质灾害预警请设置失效时间（预警解除的时间）' });
    if (problems.length) throw validationFailed(problems);
  }

  /** Uploads the caller made, or ones this announcement already lists. */
  async function resolveAttachments(actor: StaffActor, ids: string[], announcementId: string | null): Promise<AnnouncementAttachmentRecord[]> {
    const records = await Promise.all(ids.map((id) => AnnouncementAttachment.findById(id).lean<AnnouncementAttachmentRecord>()));
    const problems: ErrorDetail[] = [];
    records.forEach((record, index) => {
      const allowed = record && (record.uploaderId === actor.id || (announcementId !== null && record.announcementIds.includes(announcementId)));
      if (!allowed) problems.push({ field: `body.attachmentIds.${index}`, message: '附件不存在或不是您上传的' });
    });
    if (problems.length) throw validationFailed(problems);
    return records as AnnouncementAttachmentRecord[];
  }

  const refOf = (record: AnnouncementAttachmentRecord) => ({ id: record._id.toString(), name: record.name, size: record.size, mimeType: record.mimeType });

  async function markAttached(records: AnnouncementAttachmentRecord[], announcementId: string): Promise<void> {
    if (records.length) await AnnouncementAttachment.updateMany({ _id: { $in: records.map((record) => record._id) } }, { $addToSet: { announcementIds: announcementId } });
  }

  // The audience: who lives where, for the residents' lists, hazard alerts and read receipts.

  /**
   * Residents' stored areas (null: none stored), kept in memory until an area changes anywhere
   * (`announcement-audience` is bumped after every write that changes one). A look at the
   * household that finds the same villages only moves `syncedAt`, here and in the database,
   * without a bump: another process's copy then looks once more itself.
   */
  const audienceChanges = createChangeToken(deps.connection, 'announcement-audience');
  const storedAreas = createKeyedTokenCache<AnnouncementAudienceRecord | null>(audienceChanges, RESIDENTS_REMEMBERED);

  /**
   * The announcements each resident has opened, kept in memory until a first opening in another
   * process (`announcement-receipts` is bumped after every new receipt); a first opening in this
   * process adds itself to the memory it keeps.
   */
  const receiptChanges = createChangeToken(deps.connection, 'announcement-receipts');
  const openedBy = createKeyedTokenCache<ReadonlySet<string>>(receiptChanges, RESIDENTS_REMEMBERED);
  const openedOf = (residentId: string) =>
    openedBy.get(residentId, async () => {
      const receipts = await AnnouncementRead.find({ residentId }, { announcementId: 1 }).lean<{ announcementId: string }[]>();
      return new Set(receipts.map((receipt) => receipt.announcementId));
    });

  const sameArea = (stored: AnnouncementAudienceRecord, area: Area) =>
    stored.source === area.source && stored.villageCodes.join() === area.villageCodes.join() && stored.townshipCodes.join() === area.townshipCodes.join();

  async function saveArea(residentId: string, area: Area, stored: AnnouncementAudienceRecord | null = null): Promise<void> {
    if (stored && sameArea(stored, area)) return touchArea(stored);
    await AnnouncementAudience.updateOne({ _id: residentId }, { $set: { ...area, syncedAt: clock.now() } }, { upsert: true });
    await audienceChanges.bump();
  }

  /** The area still holds: only the time it was last looked at moves. */
  async function touchArea(stored: AnnouncementAudienceRecord): Promise<void> {
    const syncedAt = clock.now();
    await AnnouncementAudience.updateOne({ _id: stored._id }, { $set: { syncedAt } });
    await storedAreas.replace(stored._id, stored, { ...stored, syncedAt });
  }

  const storedAreaOf = (residentId: string) =>
    storedAreas.get(residentId, async () => AnnouncementAudience.findById(residentId).lean<AnnouncementAudienceRecord>());

  /**
   * The resident's area: the villages of their registrations when they have any (looked up again
   * after ten minutes), else the village they chose; null when neither.
   */
  async function areaOf(residentId: string): Promise<Area | null> {
    const stored = await storedAreaOf(residentId);
    if (stored && clock.now().getTime() - stored.syncedAt.getTime() < AREA_REFRESH_MS) return stored;
    const villageCodes = (await deps.villagesOf(residentId)).sort();
    if (villageCodes.length > 0) {
      const area: Area = { source: 'household', villageCodes, townshipCodes: [...new Set(villageCodes.map((code) => townshipCodeOf(code)!))] };
      await saveArea(residentId, area, stored);
      return area;
    }
    if (stored?.source === 'chosen') {
      await touchArea(stored);
      return stored;
    }
    if (stored) {
      await AnnouncementAudience.deleteOne({ _id: residentId, source: 'household' });
      await audienceChanges.bump();
    }
    return null;
  }

  async function presentArea(area: Area | null): Promise<ResidentAnnouncementArea | null> {
    if (!area) return null;
    const villages = await Promise.all(
      area.villageCodes.map(async (code) => {
        const townshipCode = townshipCodeOf(code)!;
        return { code, name: await divisions.nameOf(code), townshipCode, townshipName: await divisions.nameOf(townshipCode) };
      }),
    );
    return { source: area.source, villages };
  }

  /** The county, the resident's townships and villages: the areas whose announcements they see. */
  async function areaCodes(area: Area | null): Promise<Set<string>> {
    return new Set([(await divisions.tree()).code, ...(area?.townshipCodes ?? []), ...(area?.villageCodes ?? [])]);
  }

  const isLive = (record: AnnouncementRecord, now: Date) => record.status === 'published' && (!record.expiresAt || record.expiresAt.getTime() > now.getTime());

  async function queueAlert(record: AnnouncementRecord): Promise<void> {
    const audience = await AnnouncementAudience.find(audienceFilter(record.divisionCode), { _id: 1 }).lean<{ _id: string }[]>();
    await notifications.hazardAlert(
      {
        announcementId: record._id.toString(),
        residentIds: audience.map((entry) => entry._id),
        title: record.title,
        areaName: await areaName(record.divisionCode),
        at: clock.now(),
      },
      async (count) => void (await Announcement.updateOne({ _id: record._id }, { $inc: { alertQueued: count } })),
    );
    await Announcement.updateOne({ _id: record._id }, { $set: { alertQueuedAt: clock.now() } });
  }

  async function transition(record: AnnouncementRecord, action: AnnouncementAction, set: Record<string, unknown> = {}): Promise<AnnouncementRecord> {
    const to = nextAnnouncementStatus(record.status, action);
    if (!to) throw refused();
    const saved = await Announcement.findOneAndUpdate(
      { _id: record._id, status: { $in: announcementStatusesAllowing(action) } },
      { $set: { status: to, ...set } },
      { new: true },
    ).lean<AnnouncementRecord>();
    if (!saved) throw refused();
    await changes.bump();
    // Queued before the publisher gets an answer: a restart cannot lose the alert, and the maintenance job finishes a cut-off run.
    if (saved.status === 'published' && saved.type === 'hazard_alert') {
      await queueAlert(saved);
      return (await Announcement.findById(saved._id).lean<AnnouncementRecord>())!;
    }
    return saved;
  }

  /** The announcement the resident may open: published (also once expired) for their area. */
  async function loadForResident(residentId: string, id: string): Promise<{ record: AnnouncementRecord; area: Area | null }> {
    const [record, area] = await Promise.all([Announcement.findById(id).lean<AnnouncementRecord>(), areaOf(residentId)]);
    if (!record || record.status !== 'published' || !(await areaCodes(area)).has(record.divisionCode)) throw announcementNotFound();
    return { record, area };
  }

  async function villagesUnder(code: string): Promise<DivisionNode[]> {
    const node = findDivision(await divisions.tree(), code);
    if (!node) return [];
    if (node.level === 'village') return [node];
    return node.children.flatMap((child) => (child.level === 'village' ? [child] : child.children));
  }

  /** The residents of the area and whether each has read it, by village. */
  async function audienceOf(record: AnnouncementRecord) {
    const [audience, reads] = await Promise.all([
      AnnouncementAudience.find(audienceFilter(record.divisionCode), { villageCodes: 1, source: 1 }).sort({ _id: 1 }).lean<Pick<AnnouncementAudienceRecord, '_id' | 'villageCodes' | 'source'>[]>(),
      AnnouncementRead.find({ announcementId: record._id.toString() }, { residentId: 1 }).lean<{ residentId: string }[]>(),
    ]);
    const readers = new Set(reads.map((read) => read.residentId));
    return audience.map((entry) => ({ residentId: entry._id, villageCode: villageWithin(entry.villageCodes, record.divisionCode), source: entry.source, read: readers.has(entry._id) }));
  }

  return {
    // Staff (admin console)

    async list(actor: StaffActor, query: ListAnnouncementsQuery): Promise<Page<AnnouncementSummary>> {
      const now = clock.now();
      const filter: Record<string, unknown> = { ...divisionFilter(actor) };
      if (query.divisionCode) filter.$and = [{ divisionCode: withinDivision(query.divisionCode) }];
      if (query.type) filter.type = query.type;
      if (query.q) filter.title = { $regex: escapeRegex(query.q) };
      if (query.status === 'expired') Object.assign(filter, { status: 'published', expiresAt: { $ne: null, $lte: now } });
      else if (query.status === 'published') Object.assign(filter, { status: 'published', $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] });
      else if (query.status) filter.status = query.status;
      const [records, total] = await Promise.all([
        Announcement.find(filter, { bodyHtml: 0 }).sort({ updatedAt: -1, _id: -1 }).skip((query.page - 1) * query.pageSize).limit(query.pageSize).lean<AnnouncementRecord[]>(),
        Announcement.countDocuments(filter),
      ]);
      const items = await Promise.all(records.map(async (record) => presentAnnouncementSummary(record, await areaName(record.divisionCode), now)));
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    get: async (actor: StaffActor, id: string): Promise<StaffAnnouncementDetail> => staffDetail(actor, await loadForStaff(actor, id)),

    async create(actor: StaffActor, body: CreateBody): Promise<StaffAnnouncementDetail> {
      await assertArea(actor, body.divisionCode, body.type);
      const publishAt = body.publishAt ? new Date(body.publishAt) : null;
      const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
      checkTimes({ publishAt, expiresAt, type: body.type });
      const bodyHtml = sanitizeBody(body.bodyHtml);
      const attachments = await resolveAttachments(actor, body.attachmentIds, null);
      const created = await Announcement.create({
        type: body.type,
        title: body.title,
        bodyHtml,
        attachments: attachments.map(refOf),
        pinned: body.pinned,
        mustRead: body.mustRead,
        divisionCode: body.divisionCode,
        status: 'draft',
        publishAt,
        expiresAt,
        createdById: actor.id,
        createdBy: actor.displayName,
      });
      await markAttached(attachments, created._id.toString());
      return staffDetail(actor, created.toObject() as AnnouncementRecord);
    },

    /** Drafts and scheduled announcements; written only if nobody saved it since it was read. */
    async update(actor: StaffActor, id: string, body: UpdateBody): Promise<StaffAnnouncementDetail> {
      const record = await loadEditable(actor, id);
      if (!ANNOUNCEMENT_EDITABLE_STATUSES.includes(record.status)) throw refused('已发布的通知公告不能修改，如有错误请撤回后重新发布');
      const type = body.type ?? record.type;
      const divisionCode = body.divisionCode ?? record.divisionCode;
      if (type !== record.type || divisionCode !== record.divisionCode) await assertArea(actor, divisionCode, type);
      const publishAt = body.publishAt !== undefined ? (body.publishAt ? new Date(body.publishAt) : null) : record.publishAt;
      const expiresAt = body.expiresAt !== undefined ? (body.expiresAt ? new Date(body.expiresAt) : null) : record.expiresAt;
      checkTimes({ publishAt, expiresAt, type });
      if (record.status === 'scheduled' && !publishAt) throw validationFailed([{ field: 'body.publishAt', message: '定时发布的公告请保留发布时间，或先取消定时' }]);
      const attachments = body.attachmentIds ? await resolveAttachments(actor, body.attachmentIds, id) : null;
      const set: Record<string, unknown> = {
        type,
        divisionCode,
        publishAt,
        expiresAt,
        ...(body.title !== undefined && { title: body.title }),
        ...(body.bodyHtml !== undefined && { bodyHtml: sanitizeBody(body.bodyHtml) }),
        ...(body.pinned !== undefined && { pinned: body.pinned }),
        ...(body.mustRead !== undefined && { mustRead: body.mustRead }),
        ...(attachments && { attachments: attachments.map(refOf) }),
      };
      const saved = await Announcement.findOneAndUpdate({ _id: record._id, status: record.status, updatedAt: record.updatedAt }, { $set: set }, { new: true }).lean<AnnouncementRecord>();
      if (!saved) throw refused('通知公告刚被他人修改，请刷新后再改');
      if (attachments) await markAttached(attachments, id);
      return staffDetail(actor, saved);
    },

    /** Now, or at the set time when that lies ahead (the maintenance job publishes it then). */
    async publish(actor: StaffActor, id: string): Promise<StaffAnnouncementDetail> {
      const record = await loadEditable(actor, id);
      const now = clock.now();
      if (record.expiresAt && record.expiresAt.getTime() <= now.getTime()) throw validationFailed([{ field: 'body.expiresAt', message: '失效时间已过，请先修改失效时间' }]);
      if (record.publishAt && record.publishAt.getTime() > now.getTime()) return staffDetail(actor, await transition(record, 'schedule'));
      return staffDetail(actor, await transition(record, 'publish', { publishedAt: now }));
    },

    unschedule: async (actor: StaffActor, id: string) => staffDetail(actor, await transition(await loadEditable(actor, id), 'unschedule')),

    async withdraw(actor: StaffActor, id: string): Promise<StaffAnnouncementDetail> {
      const withdrawn = await transition(await loadEditable(actor, id), 'withdraw', { withdrawnAt: clock.now() });
      if (withdrawn.type !== 'hazard_alert') return staffDetail(actor, withdrawn);
      const cancelled = await notifications.cancelHazardAlert(id);
      const saved = await Announcement.findOneAndUpdate({ _id: withdrawn._id }, { $inc: { alertCancelled: cancelled } }, { new: true }).lean<AnnouncementRecord>();
      return staffDetail(actor, saved!);
    },

    async receipts(actor: StaffActor, id: string): Promise<AnnouncementReceipts> {
      const record = await loadEditable(actor, id);
      const audience = await audienceOf(record);
      const byVillage = new Map<string, { audience: number; read: number }>();
      for (const village of await villagesUnder(record.divisionCode)) byVillage.set(village.code, { audience: 0, read: 0 });
      for (const entry of audience) {
        const counts = byVillage.get(entry.villageCode) ?? { audience: 0, read: 0 };
        counts.audience += 1;
        if (entry.read) counts.read += 1;
        byVillage.set(entry.villageCode, counts);
      }
      const read = audience.filter((entry) => entry.read).length;
      return {
        audience: audience.length,
        read,
        unread: audience.length - read,
        byVillage: await Promise.all(
          // Villages with residents first, most unread on top, so cadres see where to call.
          [...byVillage]
            .sort(([codeA, a], [codeB, b]) => b.audience - b.read - (a.audience - a.read) || b.audience - a.audience || codeA.localeCompare(codeB))
            .map(async ([villageCode, counts]) => ({
            villageCode,
            villageName: villageCode ? await areaName(villageCode) : '未选择村',
            audience: counts.audience,
            read: counts.read,
            unread: counts.audience - counts.read,
          })),
        ),
      };
    },

    async unreadResidents(actor: StaffActor, id: string, query: { page: number; pageSize: number; villageCode?: string }): Promise<Page<AnnouncementUnreadResident>> {
      const record = await loadEditable(actor, id);
      const unread = (await audienceOf(record))
        .filter((entry) => !entry.read && (!query.villageCode || entry.villageCode === query.villageCode))
        .sort((a, b) => a.villageCode.localeCompare(b.villageCode) || a.residentId.localeCompare(b.residentId));
      const start = (query.page - 1) * query.pageSize;
      const items = await Promise.all(
        unread.slice(start, start + query.pageSize).map(async (entry) => {
          const phone = await deps.phoneOf(entry.residentId);
          return {
            residentId: entry.residentId,
            villageCode: entry.villageCode,
            villageName: entry.villageCode ? await areaName(entry.villageCode) : '未选择村',
            phoneMasked: phone ? maskPhone(phone) : null,
            source: entry.source,
          };
        }),
      );
      return { items, total: unread.length, page: query.page, pageSize: query.pageSize };
    },

    /** The full phone of a resident of the announcement's area, for an audited reveal. */
    async revealPhone(actor: StaffActor, id: string, residentId: string): Promise<{ phone: string; title: string }> {
      const record = await loadEditable(actor, id);
      const entry = await AnnouncementAudience.findOne({ _id: residentId, ...audienceFilter(record.divisionCode) }, { _id: 1 }).lean();
      if (!entry) throw notFound('该群众不在这条公告的范围内');
      const phone = await deps.phoneOf(residentId);
      if (!phone) throw notFound('该群众没有绑定手机号');
      return { phone, title: record.title };
    },

    // Residents (mini-program)

    async listForResident(residentId: string, query: ListResidentAnnouncementsQuery): Promise<ResidentAnnouncementPage> {
      const now = clock.now();
      const area = await areaOf(residentId);
      const codes = await areaCodes(area);
      const visible = (await published())
        .filter(({ record }) => isLive(record, now) && codes.has(record.divisionCode))
        .sort((a, b) => Number(b.record.pinned) - Number(a.record.pinned) || b.record.publishedAt!.getTime() - a.record.publishedAt!.getTime() || (b.record._id.toString() < a.record._id.toString() ? -1 : 1));
      const mine = query.type ? visible.filter(({ record }) => record.type === query.type) : visible;
      const read = await openedOf(residentId);
      const start = (query.page - 1) * query.pageSize;
      return {
        items: mine.slice(start, start + query.pageSize).map(({ summary }) => ({ ...summary, read: read.has(summary.id) })),
        total: mine.length,
        page: query.page,
        pageSize: query.pageSize,
        area: await presentArea(area),
        unread: visible.filter(({ summary }) => !read.has(summary.id)).length,
      };
    },

    /** Opening it is reading it: one receipt per resident and announcement, however often it is opened. */
    async getForResident(residentId: string, id: string): Promise<ResidentAnnouncementDetail> {
      const { record, area } = await loadForResident(residentId, id);
      try {
        const receipt = await AnnouncementRead.updateOne(
          { _id: receiptId(id, residentId) },
          { $setOnInsert: { announcementId: id, residentId, villageCode: villageWithin(area?.villageCodes ?? [], record.divisionCode), readAt: clock.now() } },
          { upsert: true },
        );
        if (receipt.upsertedCount) await openedBy.changedHere(residentId, (opened) => new Set(opened).add(id));
      } catch (error) {
        // The same resident opened it at the same moment elsewhere: that opening wrote the receipt.
        if (!isDuplicateKey(error)) throw error;
      }
      return presentResidentDetail(record, await areaName(record.divisionCode));
    },

    /** The newest live hazard alert of the resident's area, for the top of the home page; null when none. */
    async liveAlert(residentId: string): Promise<{ alert: ResidentAnnouncementSummary | null }> {
      const now = clock.now();
      const codes = await areaCodes(await areaOf(residentId));
      const live = (await published())
        .filter(({ record }) => record.type === 'hazard_alert' && isLive(record, now) && codes.has(record.divisionCode))
        .sort((a, b) => b.record.publishedAt!.getTime() - a.record.publishedAt!.getTime());
      if (live.length === 0) return { alert: null };
      const { summary } = live[0];
      return { alert: { ...summary, read: (await openedOf(residentId)).has(summary.id) } };
    },

    area: async (residentId: string) => ({ area: await presentArea(await areaOf(residentId)) }),

    /** A resident without a household file chooses their village; with one, the household decides. */
    async chooseArea(residentId: string, villageCode: string): Promise<{ area: ResidentAnnouncementArea | null }> {
      await divisions.assertExists(villageCode, 'body.villageCode', 'village');
      const current = await areaOf(residentId);
      if (current?.source === 'household') throw new AppError('ANNOUNCEMENT_AREA_FROM_HOUSEHOLD');
      const area: Area = { source: 'chosen', villageCodes: [villageCode], townshipCodes: [townshipCodeOf(villageCode)!] };
      await saveArea(residentId, area);
      return { area: await presentArea(area) };
    },

    // Attachments

    attachmentReceiveOptions: {
      field: 'file',
      maxBytes: MAX_ANNOUNCEMENT_ATTACHMENT_BYTES,
      tempDir: files.tempDir,
      tooLargeMessage: `附件不能超过 ${MAX_ANNOUNCEMENT_ATTACHMENT_BYTES / 1024 / 1024} MB，请压缩后上传`,
      missingMessage: '请选择要上传的 PDF 文件或图片',
    } satisfies ReceiveOptions,

    async uploadAttachment(actor: StaffActor, file: ReceivedFile): Promise<AnnouncementAttachment> {
      const mimeType = sniffAttachmentType(file.head);
      if (!mimeType) {
        await file.discard();
        throw new AppError('ANNOUNCEMENT_ATTACHMENT_INVALID', undefined, [{ field: 'file', message: '文件内容不是 PDF、JPG、PNG 或 WebP' }]);
      }
      const id = new Types.ObjectId();
      return files.keep(file, id.toString(), async (relative) => {
        const created = await AnnouncementAttachment.create({ _id: id, uploaderId: actor.id, name: attachmentName(file.filename), size: file.size, mimeType, sha256: file.sha256, path: relative });
        return refOf(created.toObject() as AnnouncementAttachmentRecord);
      });
    },

    /** The file, when the viewer uploaded it or may open an announcement that lists it; else 404. */
    async openAttachment(viewer: { kind: 'staff'; actor: StaffActor } | { kind: 'resident'; id: string }, id: string): Promise<AnnouncementFile> {
      const record = await AnnouncementAttachment.findById(id).lean<AnnouncementAttachmentRecord>();
      if (!record) throw notFound('附件不存在');
      let allowed = viewer.kind === 'staff' && record.uploaderId === viewer.actor.id;
      for (const announcementId of record.announcementIds) {
        if (allowed) break;
        if (viewer.kind === 'staff') {
          const owner = await Announcement.findById(announcementId, { divisionCode: 1 }).lean<Pick<AnnouncementRecord, 'divisionCode'>>();
          allowed = Boolean(owner && isInScope(viewer.actor, owner.divisionCode));
        } else {
          allowed = await loadForResident(viewer.id, announcementId).then(
            () => true,
            () => false,
          );
        }
      }
      if (!allowed) throw notFound('附件不存在');
      const stored = await files.open(record.path);
      if (!stored) throw notFound('附件不存在');
      return { name: record.name, mimeType: record.mimeType, ...stored };
    },

    // Maintenance

    /**
     * Scheduled announcements whose time has come go out, one conditional update each (two
     * processes never publish one twice), and hazard alerts a stopped process left half-queued are
     * queued to the end.
     */
    async publishDue(): Promise<{ published: number; alerts: number }> {
      const now = clock.now();
      let count = 0;
      for (;;) {
        const due = await Announcement.findOneAndUpdate(
          { status: { $in: announcementStatusesAllowing('publishDue') }, publishAt: { $lte: now } },
          { $set: { status: 'published', publishedAt: now } },
          { new: true },
        ).lean<AnnouncementRecord>();
        if (!due) break;
        count += 1;
        await changes.bump();
      }
      const unfinished = await Announcement.find({ type: 'hazard_alert', status: 'published', alertQueuedAt: null }).lean<AnnouncementRecord[]>();
      const live = unfinished.filter((record) => isLive(record, now));
      for (const record of live) await queueAlert(record);
      if (live.length) await changes.bump();
      return { published: count, alerts: live.length };
    },

    /** Uploads no announcement lists, a day after their upload. */
    async purgeUnattachedAttachments(now = new Date()): Promise<number> {
      const cutoff = new Date(now.getTime() - UNATTACHED_ATTACHMENT_TTL_MS);
      const stale = await AnnouncementAttachment.find({ announcementIds: { $size: 0 }, createdAt: { $lt: cutoff } }, { path: 1 }).lean<AnnouncementAttachmentRecord[]>();
      let removed = 0;
      for (const attachment of stale) {
        const { deletedCount } = await AnnouncementAttachment.deleteOne({ _id: attachment._id, announcementIds: { $size: 0 } });
        if (deletedCount === 0) continue;
        await files.remove(attachment.path);
        removed += 1;
      }
      return removed;
    },
  };
}

export type AnnouncementsService = ReturnType<typeof createAnnouncementsService>;
