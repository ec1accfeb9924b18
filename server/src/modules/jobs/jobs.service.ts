import { Types, type Connection } from 'mongoose';
import type { z } from 'zod';
import {
  addDays,
  ageOn,
  birthDateTextOf,
  applicationStatusesAllowing,
  type createPostingBodySchema,
  type ErrorDetail,
  type JobApplicationStatus,
  type JobPosting,
  type JobPostingAction,
  type JobPostingSummary,
  type ListPostingsQuery,
  type ListResidentPostingsQuery,
  monthlyPayFloor,
  nextApplicationStatus,
  nextPostingStatus,
  type Page,
  type Pay,
  POSTING_EDITABLE_STATUSES,
  postingStatusesAllowing,
  postingTextFields,
  type ResidentJobApplication,
  type Resume,
  type ResumeHouseholdMember,
  type resumeBodySchema,
  type StaffJobApplication,
  type StaffJobApplicationAction,
  type StaffJobPosting,
  startOfChinaDay,
  townshipCodeOf,
  type updatePostingBodySchema,
  type Workplace,
} from '@anqian/shared';
import type { Clock } from '../../clock';
import { isDuplicateKey } from '../../db/duplicate-key';
import { escapeRegex } from '../../db/escape-regex';
import { AppError, notFound, validationFailed } from '../../errors';
import { WechatApiError, WechatUnavailableError, type WechatClient } from '../../integrations/wechat/wechat-client';
import type { FieldCrypto } from '../../security/field-crypto';
import type { StaffActor } from '../../security/staff-actor';
import type { DivisionsService } from '../divisions/divisions.service';
import type { EmployersService } from '../employers/employers.service';
import type { EmploymentService } from '../employment/employment.service';
import type { HouseholdPerson } from '../registrations/household-people';
import type { NotificationsService } from '../notifications/notifications.service';
import { boardPage, createPostingBoard, type BoardEntry } from './posting-board';
import { type ApplicationRecord, jobModels, type PostingRecord, type ResumeRecord } from './jobs.model';
import { presentPosting, presentPostingSummary, presentResidentApplication, presentResume, presentStaffApplication } from './jobs.presenter';

type CreateBody = z.output<typeof createPostingBodySchema>;
type UpdateBody = z.output<typeof updatePostingBodySchema>;
type ResumeBody = z.output<typeof resumeBodySchema>;

export type TextChecker = Pick<WechatClient, 'checkText'>;

const postingNotFound = () => notFound('岗位不存在');
const applicationNotFound = () => notFound('投递记录不存在');
const postingRefused = () => new AppError('JOB_POSTING_TRANSITION_NOT_ALLOWED');
const applicationRefused = () => new AppError('JOB_APPLICATION_TRANSITION_NOT_ALLOWED');
/** The WeChat check's "forum" scene: text that many people will read. */
const FORUM_SCENE = 3;

/** Stored pay: the fields of its kind, the others null, and the monthly floor for sorting. */
const storedPay = (pay: Pay) => ({
  pay: { minYuan: null, maxYuan: null, yuan: null, unit: null, ...pay },
  payFloor: monthlyPayFloor(pay),
});

const storedWorkplace = (workplace: Workplace) =>
  workplace.kind === 'county'
    ? { kind: 'county', divisionCode: workplace.divisionCode, townshipCode: townshipCodeOf(workplace.divisionCode), province: null, city: null }
    : { kind: 'outside', divisionCode: null, townshipCode: null, province: workplace.province, city: workplace.city };

export type JobsDeps = {
  connection: Connection;
  crypto: FieldCrypto;
  divisions: DivisionsService;
  employers: EmployersService;
  notifications: NotificationsService;
  wechat: TextChecker;
  contentCheckOpenid: string;
  clock: Clock;
  /** The members of the resident's own verified registrations: whom the resume may name. */
  householdPeopleOf: (residentId: string) => Promise<HouseholdPerson[]>;
  /** Tells the employment ledger that a named household member was hired. */
  hired: EmploymentService['recordHire'];
};

/** Job postings, the residents' resumes and their applications (求职投递). */
export function createJobsService(deps: JobsDeps) {
  const { Posting, Resume, Application } = jobModels(deps.connection);
  const { crypto, divisions, employers, notifications, clock } = deps;

  async function workplaceName(posting: PostingRecord): Promise<string> {
    const { workplace } = posting;
    if (workplace.kind === 'outside') return `${workplace.province}${workplace.city}`;
    const code = workplace.divisionCode!;
    const township = townshipCodeOf(code);
    const name = await divisions.nameOf(code);
    return township && township !== code ? `${await divisions.nameOf(township)}${name}` : name;
  }

  async function summaries(postings: PostingRecord[]): Promise<JobPostingSummary[]> {
    const refs = await employers.refs([...new Set(postings.map((posting) => posting.employerId.toString()))]);
    return Promise.all(postings.map(async (posting) => presentPostingSummary(posting, refs.get(posting.employerId.toString()), await workplaceName(posting))));
  }

  async function detail(posting: PostingRecord): Promise<JobPosting> {
    return presentPosting(posting, await employers.ref(posting.employerId), await workplaceName(posting));
  }

  async function staffDetail(posting: PostingRecord): Promise<StaffJobPosting> {
    const counts = await Application.aggregate<{ _id: JobApplicationStatus; count: number }>([{ $match: { postingId: posting._id } }, { $group: { _id: '$status', count: { $sum: 1 } } }]);
    return {
      ...(await detail(posting)),
      applicationCounts: Object.fromEntries(counts.map((row) => [row._id, row.count])),
      canEdit: POSTING_EDITABLE_STATUSES.includes(posting.status),
      createdAt: posting.createdAt.toISOString(),
    };
  }

  async function loadPosting(id: string | Types.ObjectId): Promise<PostingRecord> {
    const posting = await Posting.findById(id).lean<PostingRecord>();
    if (!posting) throw postingNotFound();
    return posting;
  }

  /** Every published posting of an active employer; the closing date is checked when a list is asked for. */
  async function loadBoard(): Promise<BoardEntry[]> {
    const [postings, suspended] = await Promise.all([Posting.find({ status: 'published' }).lean<PostingRecord[]>(), employers.suspendedIds()]);
    const hidden = new Set(suspended.map(String));
    const visible = postings.filter((posting) => !hidden.has(posting.employerId.toString()));
    const items = await summaries(visible);
    return visible.map((posting, i) => ({ posting, summary: items[i], text: [posting.title, posting.description, items[i].employerName].join('\n').toLowerCase() }));
  }

  const board = createPostingBoard(deps.connection, loadBoard);

  function assertClosingDate(closingDate: string | undefined) {
    if (closingDate !== undefined && closingDate < clock.today()) {
      throw validationFailed([{ field: 'body.closingDate', message: `截止日期不能早于今天（${clock.today()}）` }]);
    }
  }

  async function assertWorkplace(workplace: Workplace | undefined) {
    if (workplace?.kind === 'county') await divisions.assertExists(workplace.divisionCode, 'body.workplace.divisionCode');
  }

  /**
   * Every text of a posting goes through WeChat's content-security check before residents can
   * read it; a refusal names the field. WeChat being down refuses the publish (503) rather than
   * letting unchecked text out.
   */
  async function checkContent(texts: { path: (string | number)[]; label: string; value: string }[]): Promise<void> {
    const problems: ErrorDetail[] = [];
    for (const field of texts) {
      try {
        const result = await deps.wechat.checkText({ openid: deps.contentCheckOpenid, scene: FORUM_SCENE, content: field.value });
        if (result.suggest !== 'pass') {
          problems.push({ field: `body.${field.path.join('.')}`, message: `“${field.label}”未通过微信内容安全检测，请修改后再发布` });
        }
      } catch (error) {
        if (error instanceof WechatApiError || error instanceof WechatUnavailableError) throw new AppError('WECHAT_UNAVAILABLE', '微信内容安全检测暂时不可用，请稍后再发布');
        throw error;
      }
    }
    if (problems.length) throw validationFailed(problems);
  }

  const postingTexts = (posting: PostingRecord) => postingTextFields({ ...posting, requirements: { skills: posting.requirements.skills, other: posting.requirements.other } });

  /** Moves a posting by the machine with one conditional update on its status. */
  async function transition(id: string, action: JobPostingAction, extraFilter: Record<string, unknown> = {}): Promise<PostingRecord> {
    const posting = await loadPosting(id);
    const next = nextPostingStatus(posting.status, action);
    if (!next) throw postingRefused();
    const now = clock.now();
    const set = next.to === 'published' ? { status: next.to, publishedAt: now } : { status: next.to, closedReason: next.reason, closedAt: now };
    const updated = await Posting.findOneAndUpdate({ _id: posting._id, status: { $in: postingStatusesAllowing(action) }, ...extraFilter }, { $set: set }, { new: true }).lean<PostingRecord>();
    if (!updated) throw postingRefused();
    await board.changed();
    return updated;
  }

  async function loadResume(residentId: string): Promise<ResumeRecord | null> {
    return Resume.findById(residentId).lean<ResumeRecord>();
  }

  /** Age today from the named member's ID number; null when none is named or it is no longer verified. */
  async function resumeAge(residentId: string, resume: ResumeRecord): Promise<number | null> {
    if (!resume.member?.key) return null;
    const person = (await deps.householdPeopleOf(residentId)).find((candidate) => candidate.key === resume.member!.key);
    return person ? ageOn(birthDateTextOf(person.idNumber), clock.today()) : null;
  }

  /** A hire of a resident who named their household member puts that member in work in the ledger. */
  async function recordHireInLedger(actor: StaffActor, application: ApplicationRecord, posting: PostingRecord): Promise<void> {
    const resume = await loadResume(application.residentId);
    if (!resume?.member?.key) return;
    const employer = await employers.ref(posting.employerId);
    await deps.hired({ memberKey: resume.member.key, inCounty: posting.workplace.kind === 'county', postingTitle: posting.title, employerName: employer.name, by: { id: actor.id, name: actor.displayName } });
  }

  async function residentApplication(application: ApplicationRecord): Promise<ResidentJobApplication> {
    const posting = await Posting.findById(application.postingId).lean<PostingRecord>();
    const employer = posting ? (await employers.refs([posting.employerId])).get(posting.employerId.toString()) : undefined;
    const summary = posting
      ? presentPostingSummary(posting, employer, await workplaceName(posting))
      : { id: application.postingId.toString(), title: '（岗位已删除）', employerName: '', payLabel: '', workplaceName: '', status: 'closed' as const };
    const contact = application.invitedAt && posting ? await employers.contactOf(posting.employerId) : null;
    const { id, title, employerName, payLabel, workplaceName: place, status } = summary;
    return presentResidentApplication(application, { id, title, employerName, payLabel, workplaceName: place, status }, contact);
  }

  async function staffApplication(application: ApplicationRecord, posting?: PostingRecord): Promise<StaffJobApplication> {
    const owner = posting ?? (await loadPosting(application.postingId));
    const employer = (await employers.refs([owner.employerId])).get(owner.employerId.toString());
    return presentStaffApplication(application, { title: owner.title, employerName: employer?.name ?? '' }, crypto);
  }

  async function loadApplication(id: string): Promise<ApplicationRecord> {
    const application = await Application.findById(id).lean<ApplicationRecord>();
    if (!application) throw applicationNotFound();
    return application;
  }

  async function notify(application: ApplicationRecord, postingTitle: string, message: string) {
    await notifications.jobApplicationStatusChanged({
      residentId: application.residentId,
      applicationId: application._id.toString(),
      postingTitle,
      status: application.status,
      message,
      at: clock.now(),
    });
  }

  return {
    async list(query: ListPostingsQuery): Promise<Page<JobPostingSummary>> {
      const filter: Record<string, unknown> = {};
      if (query.status) filter.status = query.status;
      if (query.category) filter.category = query.category;
      if (query.employerId) filter.employerId = new Types.ObjectId(query.employerId);
      if (query.q) filter.$or = [{ title: { $regex: escapeRegex(query.q) } }, { employerId: { $in: await employers.idsNamed(query.q) } }];
      const [postings, total] = await Promise.all([
        Posting.find(filter).sort({ updatedAt: -1, _id: -1 }).skip((query.page - 1) * query.pageSize).limit(query.pageSize).lean<PostingRecord[]>(),
        Posting.countDocuments(filter),
      ]);
      return { items: await summaries(postings), total, page: query.page, pageSize: query.pageSize };
    },

    get: async (id: string): Promise<StaffJobPosting> => staffDetail(await loadPosting(id)),

    async create(actor: StaffActor, body: CreateBody): Promise<StaffJobPosting> {
      const employer = await employers.ref(body.employerId, 'body.employerId');
      if (employer.status !== 'active') throw new AppError('EMPLOYER_SUSPENDED');
      assertClosingDate(body.closingDate);
      await assertWorkplace(body.workplace);
      const { employerId, pay, workplace, ...rest } = body;
      const created = await Posting.create({
        ...rest,
        ...storedPay(pay),
        workplace: storedWorkplace(workplace),
        employerId: new Types.ObjectId(employerId),
        hired: 0,
        openings: body.headcount,
        status: 'draft',
        createdBy: actor.id,
      });
      return staffDetail(created.toObject() as PostingRecord);
    },

    /**
     * Drafts and open postings can be edited. The headcount moves `openings` by the same amount in
     * one update guarded by the old values, so it never drops below the hires already made; the
     * texts of an open posting are checked again before residents see them.
     */
    async update(id: string, body: UpdateBody): Promise<StaffJobPosting> {
      assertClosingDate(body.closingDate);
      await assertWorkplace(body.workplace);
      const posting = await loadPosting(id);
      if (!POSTING_EDITABLE_STATUSES.includes(posting.status)) throw postingRefused();
      if (posting.status === 'published') await checkContent(postingTextFields(body));
      const { pay, workplace, headcount, ...rest } = body;
      const set: Record<string, unknown> = { ...rest, ...(pay && storedPay(pay)), ...(workplace && { workplace: storedWorkplace(workplace) }) };
      const filter: Record<string, unknown> = { _id: posting._id, status: { $in: POSTING_EDITABLE_STATUSES } };
      const update: Record<string, unknown> = { $set: set };
      if (headcount !== undefined) {
        if (headcount < posting.hired) throw validationFailed([{ field: 'body.headcount', message: `已录用 ${posting.hired} 人，招聘人数不能少于已录用人数` }]);
        Object.assign(filter, { headcount: posting.headcount, hired: posting.hired });
        set.headcount = headcount;
        update.$inc = { openings: headcount - posting.headcount };
      }
      const updated = await Posting.findOneAndUpdate(filter, update, { new: true }).lean<PostingRecord>();
      if (!updated) throw new AppError('JOB_POSTING_TRANSITION_NOT_ALLOWED', '岗位刚被他人修改或有新的录用，请刷新后再改');
      await board.changed();
      return staffDetail(updated);
    },

    /** A draft goes out once its employer is active, its closing date is not past and every text passes the check. */
    async publish(id: string): Promise<StaffJobPosting> {
      const posting = await loadPosting(id);
      if (!nextPostingStatus(posting.status, 'publish')) throw postingRefused();
      if ((await employers.ref(posting.employerId)).status !== 'active') throw new AppError('EMPLOYER_SUSPENDED');
      if (posting.closingDate < clock.today()) {
        throw validationFailed([{ field: 'body.closingDate', message: `截止日期 ${posting.closingDate} 已过，请先修改截止日期` }]);
      }
      await checkContent(postingTexts(posting));
      return staffDetail(await transition(id, 'publish', { updatedAt: posting.updatedAt }));
    },

    close: async (id: string): Promise<StaffJobPosting> => staffDetail(await transition(id, 'close')),

    /** The maintenance job: open postings past their closing date, and full ones a crash left open. */
    async closeFinishedPostings(): Promise<{ expired: number; filled: number }> {
      const now = clock.now();
      const expired = await Posting.updateMany(
        { status: 'published', closingDate: { $lt: clock.today() } },
        { $set: { status: 'closed', closedReason: 'expired', closedAt: now } },
      );
      const filled = await Posting.updateMany({ status: 'published', openings: { $lte: 0 } }, { $set: { status: 'closed', closedReason: 'filled', closedAt: now } });
      if (expired.modifiedCount + filled.modifiedCount > 0) await board.changed();
      return { expired: expired.modifiedCount, filled: filled.modifiedCount };
    },

    /** The residents' list (no sign-in): open postings of active employers, from the board in memory. */
    async listForResidents(query: ListResidentPostingsQuery): Promise<Page<JobPostingSummary>> {
      const townshipOfHome = query.near === 'township' ? (townshipCodeOf(query.homeCode!) ?? query.homeCode!) : null;
      return boardPage(await board.current(), query, clock.today(), townshipOfHome);
    },

    /** A posting residents may read: published or closed (a closed one says so), never a draft. */
    async getForResidents(id: string): Promise<JobPosting> {
      const posting = await Posting.findById(id).lean<PostingRecord>();
      if (!posting || posting.status === 'draft') throw postingNotFound();
      return detail(posting);
    },

    /** The resume, and the verified household members the resident may say they are. */
    async getResume(residentId: string): Promise<{ resume: Resume | null; householdMembers: ResumeHouseholdMember[] }> {
      const [resume, people] = await Promise.all([loadResume(residentId), deps.householdPeopleOf(residentId)]);
      const today = clock.today();
      const householdMembers = people.map((person) => ({ key: person.key, name: person.name, relation: person.relationLabel, age: ageOn(birthDateTextOf(person.idNumber), today) }));
      return { resume: resume ? presentResume(resume, crypto, await resumeAge(residentId, resume)) : null, householdMembers };
    },

    async saveResume(residentId: string, body: ResumeBody): Promise<Resume> {
      const { phone, memberKey, ...rest } = body;
      let member: { key: string; name: string; relation: string } | null = null;
      if (memberKey) {
        const person = (await deps.householdPeopleOf(residentId)).find((candidate) => candidate.key === memberKey);
        if (!person) throw validationFailed([{ field: 'body.memberKey', message: '请从已核实的家庭成员中选择本人' }]);
        member = { key: person.key, name: person.name, relation: person.relationLabel };
      }
      const saved = await Resume.findOneAndUpdate({ _id: residentId }, { $set: { ...rest, member, phone: crypto.seal(phone) } }, { upsert: true, new: true }).lean<ResumeRecord>();
      return presentResume(saved!, crypto, await resumeAge(residentId, saved!));
    },

    /**
     * One tap: the resume goes with the application. The unique (posting, resident) index makes a
     * second try, however many arrive at once, find the first application; one withdrawn earlier
     * is sent again.
     */
    async apply(residentId: string, postingId: string): Promise<{ created: boolean; application: ResidentJobApplication }> {
      const posting = await Posting.findById(postingId).lean<PostingRecord>();
      if (!posting || posting.status === 'draft') throw postingNotFound();
      const existing = await Application.findOne({ postingId: posting._id, residentId }).lean<ApplicationRecord>();
      if (existing && existing.status !== 'withdrawn') return { created: false, application: await residentApplication(existing) };
      const open = posting.status === 'published' && posting.closingDate >= clock.today() && (await employers.ref(posting.employerId)).status === 'active';
      if (!open) throw new AppError('JOB_POSTING_NOT_OPEN');
      const resume = await loadResume(residentId);
      if (!resume) throw new AppError('RESUME_REQUIRED');
      const now = clock.now();
      const { member: _member, ...sent } = resume;
      const snapshot = { ...sent, age: await resumeAge(residentId, resume) };
      const event = { action: 'apply', from: existing ? 'withdrawn' : null, to: 'submitted', at: now, message: '', by: '本人', byId: residentId };
      if (existing) {
        const again = await Application.findOneAndUpdate(
          { _id: existing._id, status: 'withdrawn' },
          { $set: { status: 'submitted', resume: snapshot, invitedAt: null, appliedAt: now }, $push: { timeline: event } },
          { new: true },
        ).lean<ApplicationRecord>();
        return { created: false, application: await residentApplication(again ?? (await loadApplication(existing._id.toString()))) };
      }
      try {
        const created = await Application.create({ postingId: posting._id, residentId, status: 'submitted', resume: snapshot, timeline: [event], appliedAt: now });
        return { created: true, application: await residentApplication(created.toObject() as ApplicationRecord) };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const first = await Application.findOne({ postingId: posting._id, residentId }).lean<ApplicationRecord>();
        return { created: false, application: await residentApplication(first!) };
      }
    },

    /**
     * What a fair brought its postings: applications made on the fair's day (China date) and how
     * many of those were hired.
     */
    async applicationsOnDay(postingIds: string[], date: string): Promise<{ applications: number; hires: number }> {
      if (postingIds.length === 0) return { applications: 0, hires: 0 };
      const filter = {
        postingId: { $in: postingIds.map((id) => new Types.ObjectId(id)) },
        appliedAt: { $gte: startOfChinaDay(date), $lt: startOfChinaDay(addDays(date, 1)) },
        status: { $ne: 'withdrawn' },
      };
      const [applications, hires] = await Promise.all([Application.countDocuments(filter), Application.countDocuments({ ...filter, status: 'hired' })]);
      return { applications, hires };
    },

    async myApplications(residentId: string): Promise<{ items: ResidentJobApplication[] }> {
      const applications = await Application.find({ residentId }).sort({ createdAt: -1, _id: -1 }).limit(100).lean<ApplicationRecord[]>();
      return { items: await Promise.all(applications.map(residentApplication)) };
    },

    async myApplication(residentId: string, id: string): Promise<ResidentJobApplication> {
      const application = await loadApplication(id);
      if (application.residentId !== residentId) throw applicationNotFound();
      return residentApplication(application);
    },

    async withdraw(residentId: string, id: string): Promise<ResidentJobApplication> {
      const application = await loadApplication(id);
      if (application.residentId !== residentId) throw applicationNotFound();
      if (!nextApplicationStatus(application.status, 'withdraw', 'resident')) throw applicationRefused();
      const event = { action: 'withdraw', from: application.status, to: 'withdrawn', at: clock.now(), message: '', by: '本人', byId: residentId };
      const updated = await Application.findOneAndUpdate(
        { _id: application._id, status: { $in: applicationStatusesAllowing('withdraw') } },
        { $set: { status: 'withdrawn' }, $push: { timeline: event } },
        { new: true },
      ).lean<ApplicationRecord>();
      if (!updated) throw applicationRefused();
      return residentApplication(updated);
    },

    async applicationsOf(postingId: string, query: { page: number; pageSize: number; status?: JobApplicationStatus }): Promise<Page<StaffJobApplication>> {
      const posting = await loadPosting(postingId);
      const filter: Record<string, unknown> = { postingId: posting._id, ...(query.status && { status: query.status }) };
      const [applications, total] = await Promise.all([
        Application.find(filter).sort({ createdAt: -1, _id: -1 }).skip((query.page - 1) * query.pageSize).limit(query.pageSize).lean<ApplicationRecord[]>(),
        Application.countDocuments(filter),
      ]);
      return { items: await Promise.all(applications.map((application) => staffApplication(application, posting))), total, page: query.page, pageSize: query.pageSize };
    },

    getApplication: async (id: string): Promise<StaffJobApplication> => staffApplication(await loadApplication(id)),

    /**
     * The bureau moves an application on, with a message to the resident, and a subscribe message
     * is queued. A hire first takes one of the posting's openings (`openings > 0`, one conditional
     * update) and gives it back if the application changed meanwhile; the last opening closes the
     * posting as filled.
     */
    async act(actor: StaffActor, id: string, action: StaffJobApplicationAction, message: string): Promise<StaffJobApplication> {
      const application = await loadApplication(id);
      const to = nextApplicationStatus(application.status, action, 'hr_staff');
      if (!to) throw applicationRefused();
      let posting = await loadPosting(application.postingId);
      if (action === 'hire') {
        const taken = await Posting.findOneAndUpdate({ _id: posting._id, openings: { $gt: 0 } }, { $inc: { openings: -1, hired: 1 } }, { new: true }).lean<PostingRecord>();
        if (!taken) throw new AppError('JOB_POSTING_FILLED');
        posting = taken;
        await board.changed();
      }
      const now = clock.now();
      const event = { action, from: application.status, to, at: now, message, by: actor.displayName, byId: actor.id };
      const updated = await Application.findOneAndUpdate(
        { _id: application._id, status: { $in: applicationStatusesAllowing(action) } },
        { $set: { status: to, ...(action === 'invite' && { invitedAt: now }) }, $push: { timeline: event } },
        { new: true },
      ).lean<ApplicationRecord>();
      if (!updated) {
        if (action === 'hire') {
          await Posting.updateOne({ _id: posting._id, hired: { $gt: 0 } }, { $inc: { openings: 1, hired: -1 } });
          await board.changed();
        }
        throw applicationRefused();
      }
      if (action === 'hire' && posting.openings <= 0) {
        await Posting.updateOne({ _id: posting._id, status: { $in: postingStatusesAllowing('fill') }, openings: { $lte: 0 } }, { $set: { status: 'closed', closedReason: 'filled', closedAt: now } });
        await board.changed();
      }
      await notify(updated, posting.title, message);
      // The hire stands even if the ledger cannot take it now; staff can record the status by hand.
      if (action === 'hire') await recordHireInLedger(actor, updated, posting).catch(() => undefined);
      return staffApplication(updated);
    },

    /** The applicant's full phone, for an audited reveal. */
    revealApplicantPhone: async (id: string): Promise<{ phone: string }> => ({ phone: crypto.decrypt((await loadApplication(id)).resume.phone.enc) }),
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
