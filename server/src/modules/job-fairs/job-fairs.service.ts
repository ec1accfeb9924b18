import ExcelJS from 'exceljs';
import { Types, type Connection } from 'mongoose';
import type { z } from 'zod';
import {
  type JobFair,
  type JobFairEmployer,
  type jobFairBodySchema,
  type JobFairPosting,
  type JobFairStats,
  type ListJobFairsQuery,
  type Page,
  type ResidentJobFairSignup,
  type ResidentSignup,
  SIGNUP_STATUS_LABELS,
  type SignUpBody,
  type StaffSignup,
  type updateJobFairBodySchema,
} from '@anqian/shared';
import type { Clock } from '../../clock';
import { AppError, notFound, validationFailed } from '../../errors';
import type { StaffActor } from '../../security/staff-actor';
import { chinaTime } from '../notifications/notifications.service';
import type { SignupsService } from '../signups/signups.service';
import { jobFairModel, type JobFairRecord } from './job-fair.model';
import { presentJobFair } from './job-fair.presenter';

type CreateBody = z.output<typeof jobFairBodySchema>;
type UpdateBody = z.output<typeof updateJobFairBodySchema>;

/**
 * Where participating employers and postings are looked up (the employers and jobs modules).
 * Each answers the ids it knows; an id missing from the answer is refused, naming the field.
 */
export type FairDirectory = {
  employers(ids: string[]): Promise<Map<string, JobFairEmployer>>;
  postings(ids: string[]): Promise<Map<string, JobFairPosting>>;
  /** Applications to these postings made on `date`, and the hires among them. */
  applicationsOnDay(postingIds: string[], date: string): Promise<{ applications: number; hires: number }>;
};

export type JobFairsDeps = { connection: Connection; clock: Clock; signups: SignupsService; directory: FairDirectory };

/** `date` at `time` in China (UTC+8, no daylight saving). */
const chinaInstant = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

const roundRate = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

/** Job fairs: the bureau's side (create, edit, publish, cancel, check-in, stats) and the residents'. */
export function createJobFairsService(deps: JobFairsDeps) {
  const Fair = jobFairModel(deps.connection);
  const { clock, signups, directory } = deps;

  async function present(fairs: JobFairRecord[]): Promise<JobFair[]> {
    const counts = await signups.counts(fairs.map((fair) => fair._id));
    const employerIds = [...new Set(fairs.flatMap((fair) => fair.employerIds.map(String)))];
    const postingIds = [...new Set(fairs.flatMap((fair) => fair.postingIds.map(String)))];
    const [employers, postings] = await Promise.all([directory.employers(employerIds), directory.postings(postingIds)]);
    const now = clock.now();
    return fairs.map((fair) =>
      presentJobFair(fair, {
        counts: counts.get(fair._id.toString()),
        employers: fair.employerIds.flatMap((id) => employers.get(id.toString()) ?? []),
        postings: fair.postingIds.flatMap((id) => postings.get(id.toString()) ?? []),
        now,
      }),
    );
  }
  const presentOne = async (fair: JobFairRecord) => (await present([fair]))[0];

  async function load(id: string): Promise<JobFairRecord> {
    const fair = await Fair.findById(id).lean<JobFairRecord>();
    if (!fair) throw notFound('招聘会不存在');
    return fair;
  }

  /** Drafts are the bureau's own: residents see published (and cancelled, to learn why) fairs. */
  async function loadVisible(id: string): Promise<JobFairRecord> {
    const fair = await load(id);
    if (fair.status === 'draft') throw notFound('招聘会不存在');
    return fair;
  }

  function assertNotPast(date: string, startTime: string) {
    if (date < clock.today()) throw validationFailed([{ field: 'body.date', message: '举办日期不能早于今天' }]);
    if (chinaInstant(date, startTime).getTime() <= clock.now().getTime()) {
      throw validationFailed([{ field: 'body.startTime', message: '开始时间已过，请选择稍后的时间' }]);
    }
  }

  async function assertParticipants(body: { employerIds?: string[]; postingIds?: string[] }) {
    const details: { field: string; message: string }[] = [];
    if (body.employerIds?.length) {
      const known = await directory.employers(body.employerIds);
      body.employerIds.forEach((id, index) => {
        if (!known.has(id.toLowerCase())) details.push({ field: `body.employerIds.${index}`, message: '用工单位不存在' });
      });
    }
    if (body.postingIds?.length) {
      const known = await directory.postings(body.postingIds);
      body.postingIds.forEach((id, index) => {
        if (!known.has(id.toLowerCase())) details.push({ field: `body.postingIds.${index}`, message: '岗位不存在' });
      });
    }
    if (details.length) throw validationFailed(details);
  }

  const defineEvent = (fair: JobFairRecord) =>
    signups.defineEvent({
      id: fair._id.toString(),
      kind: 'job_fair',
      title: fair.title,
      place: fair.venue,
      startsAt: fair.startsAt,
      capacity: fair.capacity,
      open: fair.status === 'published',
    });

  const transitionRefused = (message?: string) => new AppError('JOB_FAIR_TRANSITION_NOT_ALLOWED', message);

  return {
    async list(query: ListJobFairsQuery): Promise<Page<JobFair>> {
      const filter = query.status ? { status: query.status } : {};
      const [fairs, total] = await Promise.all([
        Fair.find(filter).sort({ startsAt: -1, _id: -1 }).skip((query.page - 1) * query.pageSize).limit(query.pageSize).lean<JobFairRecord[]>(),
        Fair.countDocuments(filter),
      ]);
      return { items: await present(fairs), total, page: query.page, pageSize: query.pageSize };
    },

    get: async (id: string): Promise<JobFair> => presentOne(await load(id)),

    async create(actor: StaffActor, body: CreateBody): Promise<JobFair> {
      assertNotPast(body.date, body.startTime);
      await assertParticipants(body);
      const _id = new Types.ObjectId();
      const fair = {
        _id,
        ...body,
        startsAt: chinaInstant(body.date, body.startTime),
        endsAt: chinaInstant(body.date, body.endTime),
        employerIds: body.employerIds.map((id) => new Types.ObjectId(id)),
        postingIds: body.postingIds.map((id) => new Types.ObjectId(id)),
        status: 'draft' as const,
        createdBy: actor.id,
      };
      // The places exist before the fair does, so a fair is never without its count.
      await signups.defineEvent({ id: _id.toString(), kind: 'job_fair', title: fair.title, place: fair.venue, startsAt: fair.startsAt, capacity: fair.capacity, open: false });
      const created = await Fair.create(fair);
      return presentOne(created.toObject() as JobFairRecord);
    },

    /**
     * Drafts and published fairs that have not started can be edited; a new date or time may not be
     * in the past, and the capacity may not drop below the places taken (409).
     */
    async update(id: string, body: UpdateBody): Promise<JobFair> {
      const fair = await load(id);
      if (fair.status === 'cancelled') throw transitionRefused('已取消的招聘会不能修改');
      if (fair.startsAt.getTime() <= clock.now().getTime()) throw transitionRefused('招聘会已开始，不能再修改');
      const date = body.date ?? fair.date;
      const startTime = body.startTime ?? fair.startTime;
      const endTime = body.endTime ?? fair.endTime;
      if (endTime <= startTime) throw validationFailed([{ field: body.endTime ? 'body.endTime' : 'body.startTime', message: '结束时间应晚于开始时间' }]);
      if (body.date || body.startTime) assertNotPast(date, startTime);
      await assertParticipants(body);
      const { employerIds, postingIds, ...rest } = body;
      const set = {
        ...rest,
        startsAt: chinaInstant(date, startTime),
        endsAt: chinaInstant(date, endTime),
        ...(employerIds && { employerIds: employerIds.map((value) => new Types.ObjectId(value)) }),
        ...(postingIds && { postingIds: postingIds.map((value) => new Types.ObjectId(value)) }),
      };
      await defineEvent({ ...fair, ...set });
      const updated = await Fair.findOneAndUpdate({ _id: fair._id, status: { $ne: 'cancelled' } }, { $set: set }, { new: true }).lean<JobFairRecord>();
      if (!updated) {
        await defineEvent(fair).catch(() => undefined);
        throw transitionRefused('已取消的招聘会不能修改');
      }
      return presentOne(updated);
    },

    /** A draft whose start is still ahead opens for sign-up. */
    async publish(id: string): Promise<JobFair> {
      const fair = await load(id);
      if (fair.status !== 'draft') throw transitionRefused();
      if (fair.startsAt.getTime() <= clock.now().getTime()) throw transitionRefused('招聘会开始时间已过，请先修改时间再发布');
      const published = await Fair.findOneAndUpdate({ _id: fair._id, status: 'draft' }, { $set: { status: 'published', publishedAt: clock.now() } }, { new: true }).lean<JobFairRecord>();
      if (!published) throw transitionRefused();
      await defineEvent(published);
      return presentOne(published);
    },

    /** Before its end, a draft or published fair can be cancelled with a reason residents see; sign-up closes. */
    async cancel(id: string, reason: string): Promise<JobFair> {
      const fair = await load(id);
      if (fair.status === 'cancelled' || fair.endsAt.getTime() <= clock.now().getTime()) throw transitionRefused();
      const cancelled = await Fair.findOneAndUpdate(
        { _id: fair._id, status: { $in: ['draft', 'published'] } },
        { $set: { status: 'cancelled', cancelReason: reason, cancelledAt: clock.now() } },
        { new: true },
      ).lean<JobFairRecord>();
      if (!cancelled) throw transitionRefused();
      await defineEvent(cancelled);
      return presentOne(cancelled);
    },

    /** Published fairs that have not started, soonest first. */
    async listForResidents(query: { page: number; pageSize: number }): Promise<Page<JobFair>> {
      const filter = { status: 'published', startsAt: { $gt: clock.now() } };
      const [fairs, total] = await Promise.all([
        Fair.find(filter).sort({ startsAt: 1, _id: 1 }).skip((query.page - 1) * query.pageSize).limit(query.pageSize).lean<JobFairRecord[]>(),
        Fair.countDocuments(filter),
      ]);
      return { items: await present(fairs), total, page: query.page, pageSize: query.pageSize };
    },

    getForResidents: async (id: string): Promise<JobFair> => presentOne(await loadVisible(id)),

    async signUp(residentId: string, id: string, body: SignUpBody): Promise<{ created: boolean; signup: ResidentSignup }> {
      await loadVisible(id);
      return signups.signUp(id, residentId, body);
    },

    async mySignup(residentId: string, id: string): Promise<ResidentJobFairSignup> {
      const fair = await loadVisible(id);
      const signup = await signups.mineFor(id, residentId);
      if (!signup) throw notFound('还没有报名这场招聘会');
      return { ...signup, fair: await presentOne(fair) };
    },

    async mySignups(residentId: string): Promise<{ items: ResidentJobFairSignup[] }> {
      const mine = await signups.mine(residentId, 'job_fair');
      const fairs = await Fair.find({ _id: { $in: mine.map((signup) => signup.eventId) } }).lean<JobFairRecord[]>();
      const presented = new Map((await present(fairs)).map((fair) => [fair.id, fair]));
      return { items: mine.flatMap((signup) => (presented.has(signup.eventId) ? [{ ...signup, fair: presented.get(signup.eventId)! }] : [])) };
    },

    async cancelSignup(residentId: string, id: string): Promise<ResidentJobFairSignup> {
      const fair = await loadVisible(id);
      const signup = await signups.cancel(id, residentId);
      return { ...signup, fair: await presentOne(fair) };
    },

    /** At the door, from the fair's day on: QR payload or short code; a cancelled fair checks nobody in. */
    async checkIn(actor: StaffActor, id: string, ticket: string): Promise<{ signup: StaffSignup; fair: JobFair }> {
      const fair = await load(id);
      if (fair.status !== 'published') throw transitionRefused('招聘会未发布或已取消，不能签到');
      if (fair.date > clock.today()) throw transitionRefused(`招聘会在 ${fair.date} 举办，当天才能签到`);
      const signup = await signups.checkIn(id, ticket, actor);
      return { signup, fair: await presentOne(fair) };
    },

    async stats(id: string): Promise<JobFairStats> {
      const fair = await load(id);
      const [counts, outcome] = await Promise.all([signups.stats(id), directory.applicationsOnDay(fair.postingIds.map(String), fair.date)]);
      return {
        fairId: id,
        capacity: fair.capacity,
        signedUp: counts.confirmed,
        checkedIn: counts.checkedIn,
        cancelled: counts.cancelled,
        checkInRate: roundRate(counts.checkedIn, counts.confirmed),
        ...outcome,
      };
    },

    /** The sign-up and check-in sheet: one row per sign-up (phones masked), then the totals. */
    async exportSheet(id: string): Promise<{ filename: string; content: Buffer; rows: number; title: string }> {
      const fair = await load(id);
      const roster = await signups.roster(id);
      const stats = await this.stats(id);
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('报名签到表', { views: [{ state: 'frozen', ySplit: 3 }] });
      sheet.columns = [
        { key: 'index', width: 6 },
        { key: 'name', width: 14 },
        { key: 'phone', width: 16 },
        { key: 'code', width: 12 },
        { key: 'status', width: 10 },
        { key: 'signedUpAt', width: 20 },
        { key: 'checkedInAt', width: 20 },
        { key: 'checkedInBy', width: 14 },
      ];
      sheet.addRow([`${fair.title}（${fair.date} ${fair.startTime}-${fair.endTime}，${fair.venue}）`]).font = { bold: true, size: 13 };
      sheet.addRow([`可报名 ${fair.capacity} 人，报名 ${stats.signedUp} 人，签到 ${stats.checkedIn} 人，取消 ${stats.cancelled} 人；当天投递本场岗位 ${stats.applications} 份，录用 ${stats.hires} 人；导出于 ${chinaTime(clock.now())}`]);
      const header = sheet.addRow(['序号', '姓名', '手机号', '电子票号', '状态', '报名时间', '签到时间', '签到人']);
      header.font = { bold: true };
      roster.forEach((signup, index) => {
        sheet.addRow({
          index: index + 1,
          name: signup.name,
          phone: signup.phoneMasked ?? '',
          code: signup.code,
          status: signup.checkedInAt ? '已签到' : SIGNUP_STATUS_LABELS[signup.status],
          signedUpAt: chinaTime(new Date(signup.createdAt)),
          checkedInAt: signup.checkedInAt ? chinaTime(new Date(signup.checkedInAt)) : '',
          checkedInBy: signup.checkedInBy ?? '',
        });
      });
      return {
        filename: `${fair.title}-报名签到表.xlsx`,
        content: Buffer.from(await workbook.xlsx.writeBuffer()),
        rows: roster.length,
        title: fair.title,
      };
    },
  };
}

export type JobFairsService = ReturnType<typeof createJobFairsService>;
