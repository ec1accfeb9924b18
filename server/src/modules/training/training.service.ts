import { Types, type Connection } from 'mongoose';
import type { z } from 'zod';
import {
  COURSE_EDITABLE_STATUSES,
  type Course,
  type CourseAction,
  type courseBodySchema,
  type CourseOutcomes,
  courseActionsFrom,
  courseStatusesAllowing,
  type ListCoursesQuery,
  type ListResidentCoursesQuery,
  nextCourseStatus,
  type Page,
  type ResidentTrainingApplication,
  type resultBodySchema,
  type StaffCourse,
  type StaffTrainingApplication,
  type TrainingApplicationList,
  type TrainingApplicationStatus,
  type TrainingCategory,
  TRAINING_CATEGORY_LABELS,
  type TrainingDashboard,
  TRAINING_APPLICATION_STATUSES,
  type TrainingMemberChoice,
  trainingEligibility,
  type updateCourseBodySchema,
} from '@anqian/shared';
import type { Clock } from '../../clock';
import { createChangeToken, createTokenCache } from '../../db/change-token';
import { isDuplicateKey } from '../../db/duplicate-key';
import { AppError, notFound, validationFailed } from '../../errors';
import { isInScope } from '../../security/scope';
import type { StaffActor } from '../../security/staff-actor';
import type { DivisionsService } from '../divisions/divisions.service';
import type { EmployersService } from '../employers/employers.service';
import type { JobsService } from '../jobs/jobs.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { SignupsService } from '../signups/signups.service';
import type { SettledSignupRecord } from '../signups/signup.model';
import type { StaffService } from '../staff/staff.service';
import type { MemberDirectory, TraineeMember } from './member-directory';
import { trainingModels, type CourseRecord, type TraineeRecord } from './training.model';
import { presentCourse, presentResidentApplication, presentStaffApplication, progressOf, type EngineView } from './training.presenter';
import { buildSignInSheet, buildSubsidyRoster } from './training-sheets';

type CreateBody = z.output<typeof courseBodySchema>;
type UpdateBody = z.output<typeof updateCourseBodySchema>;
type ResultBody = z.output<typeof resultBodySchema>;

export type TrainingDeps = {
  connection: Connection;
  clock: Clock;
  signups: SignupsService;
  divisions: Pick<DivisionsService, 'nameOf' | 'assertExists'>;
  employers: Pick<EmployersService, 'refs'>;
  members: MemberDirectory;
  notifications: Pick<NotificationsService, 'trainingStatusChanged'>;
  /** The job board: hires of a resident after a course count as employment after training. */
  jobs: Pick<JobsService, 'myApplications'>;
  staff: Pick<StaffService, 'canExportPersonalData'>;
};

export type TrainingViewer = { kind: 'resident'; residentId: string } | { kind: 'staff'; actor: StaffActor; registrationId: string };

/** `date` at `time` in China (UTC+8, no daylight saving). */
const chinaInstant = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const roundRate = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

const courseNotFound = () => notFound('培训班不存在');
const applicationNotFound = () => notFound('没有找到这份培训报名');
const refused = (message?: string) => new AppError('COURSE_TRANSITION_NOT_ALLOWED', message);

/** Skills training: the bureau's courses, applications through the sign-up engine, attendance, completion. */
export function createTrainingService(deps: TrainingDeps) {
  const { Course: CourseModel, Trainee } = trainingModels(deps.connection);
  const { clock, signups, divisions, members } = deps;

  /** Statuses residents see in the course list. */
  const LISTED = ['published', 'closed', 'running'];
  const courseChanges = createChangeToken(deps.connection, 'training-courses');
  /**
   * The courses residents may list, soonest first, held in memory and loaded again when a course
   * changes (one change-token read a request), as the job board: places left stay live, read for
   * the page only.
   */
  const listedCourses = createTokenCache(courseChanges, () => CourseModel.find({ status: { $in: LISTED } }).sort({ startsAt: 1, _id: 1 }).lean<CourseRecord[]>());

  async function load(id: string): Promise<CourseRecord> {
    const course = await CourseModel.findById(id).lean<CourseRecord>();
    if (!course) throw courseNotFound();
    return course;
  }

  /** Drafts are the bureau's own; residents read every other course (a cancelled one says why). */
  async function loadVisible(id: string): Promise<CourseRecord> {
    const course = await load(id);
    if (course.status === 'draft') throw courseNotFound();
    return course;
  }

  async function loadTrainee(id: string): Promise<TraineeRecord> {
    const trainee = await Trainee.findById(id).lean<TraineeRecord>();
    if (!trainee) throw applicationNotFound();
    return trainee;
  }

  const accepting = (course: CourseRecord, now = clock.now()) =>
    course.status === 'published' && course.signupDeadline >= clock.today() && course.startsAt.getTime() > now.getTime();

  async function present(courses: CourseRecord[]): Promise<Course[]> {
    const counts = await signups.counts(courses.map((course) => course._id));
    const employerRefs = await deps.employers.refs([...new Set(courses.flatMap((course) => course.partners.map((p) => p.employerId.toString())))]);
    const codes = [...new Set(courses.flatMap((course) => [course.divisionCode, ...course.eligibility.townshipCodes]))];
    const names = new Map(await Promise.all(codes.map(async (code) => [code, await divisions.nameOf(code)] as const)));
    const employerNames = new Map([...employerRefs].map(([id, ref]) => [id, ref.name]));
    return courses.map((course) =>
      presentCourse(course, {
        counts: counts.get(course._id.toString()),
        employerNames,
        divisionNames: names,
        accepting: accepting(course),
      }),
    );
  }
  const presentOne = async (course: CourseRecord) => (await present([course]))[0];

  async function presentStaff(course: CourseRecord): Promise<StaffCourse> {
    const [base, engine] = await Promise.all([presentOne(course), signups.listFor(course._id.toString())]);
    return { ...base, pending: engine.filter((signup) => signup.status === 'pending').length, allowedActions: courseActionsFrom(course.status) };
  }

  const defineEvent = (course: Pick<CourseRecord, '_id' | 'title' | 'address' | 'startsAt' | 'capacity' | 'status' | 'admission'>) =>
    signups.defineEvent({
      id: course._id.toString(),
      kind: 'training',
      title: course.title,
      place: course.address,
      startsAt: course.startsAt,
      capacity: course.capacity,
      open: course.status === 'published',
      admitting: course.status === 'published' || course.status === 'closed',
      review: course.admission === 'review',
    });

  function timesOf(sessions: CreateBody['sessions']) {
    const first = sessions[0];
    const last = sessions[sessions.length - 1];
    return { startsAt: chinaInstant(first.date, first.startTime), endsAt: chinaInstant(last.date, last.endTime) };
  }

  async function assertReferences(body: Partial<Pick<CreateBody, 'partners' | 'divisionCode' | 'eligibility' | 'sessions' | 'signupDeadline'>>, checkDates: boolean) {
    const details: { field: string; message: string }[] = [];
    if (body.partners?.length) {
      const known = await deps.employers.refs(body.partners.map((partner) => partner.employerId));
      body.partners.forEach((partner, i) => {
        if (!known.has(partner.employerId.toLowerCase())) details.push({ field: `body.partners.${i}.employerId`, message: '用工单位不存在' });
      });
    }
    if (body.divisionCode) await divisions.assertExists(body.divisionCode, 'body.divisionCode');
    for (const [i, code] of (body.eligibility?.townshipCodes ?? []).entries()) await divisions.assertExists(code, `body.eligibility.townshipCodes.${i}`, 'township');
    if (checkDates && body.sessions && body.sessions[0].date < clock.today()) details.push({ field: 'body.sessions.0.date', message: '第一次课不能早于今天' });
    if (checkDates && body.signupDeadline && body.signupDeadline < clock.today()) details.push({ field: 'body.signupDeadline', message: '报名截止日期不能早于今天' });
    if (details.length) throw validationFailed(details);
  }

  /** A subscribe message to the account that applied; applications staff made (代报名) have none. */
  async function notify(contactId: string | null, course: CourseRecord, status: string, note: string) {
    if (!contactId) return;
    await deps.notifications.trainingStatusChanged({ residentId: contactId, courseId: course._id.toString(), courseTitle: course.title, status, note, at: clock.now() });
  }

  const ADMITTED_NOTE = '请按时参加培训，开课前一天会再提醒您';
  const contactOf = (signup: SettledSignupRecord) => (signup.contactId === undefined ? signup.residentId : (signup.contactId ?? null));

  async function engineView(course: CourseRecord, trainee: TraineeRecord): Promise<EngineView> {
    const signup = await signups.find(course._id.toString(), trainee._id.toString());
    return { status: signup.status, code: signup.code, phoneMasked: signup.phoneMasked, waitlistPosition: signup.waitlistPosition, reason: signup.reason, contactId: signup.contactId };
  }

  async function staffApplication(trainee: TraineeRecord, course?: CourseRecord): Promise<StaffTrainingApplication> {
    const owner = course ?? (await load(trainee.courseId.toString()));
    const names = await namesOf([trainee]);
    return presentStaffApplication(trainee, owner, await engineView(owner, trainee), names);
  }

  async function namesOf(trainees: TraineeRecord[]): Promise<Map<string, string>> {
    const codes = [...new Set(trainees.flatMap((trainee) => [trainee.townshipCode, trainee.villageCode].filter((code): code is string => Boolean(code))))];
    return new Map(await Promise.all(codes.map(async (code) => [code, await divisions.nameOf(code)] as const)));
  }

  async function residentApplication(trainee: TraineeRecord, course?: CourseRecord): Promise<ResidentTrainingApplication> {
    const owner = course ?? (await load(trainee.courseId.toString()));
    const view = await signups.residentView(owner._id.toString(), trainee._id.toString());
    return presentResidentApplication(trainee, await presentOne(owner), owner, view, clock.now());
  }

  /** The resident's own verified household members, and the keys of their applications. */
  async function residentKeys(residentId: string): Promise<TraineeMember[]> {
    return members.ofResident(residentId);
  }

  async function loadOwnTrainee(residentId: string, id: string): Promise<TraineeRecord> {
    const trainee = await loadTrainee(id);
    if (trainee.accountId === residentId) return trainee;
    const keys = new Set((await residentKeys(residentId)).map((member) => member.key));
    if (!keys.has(trainee.memberKey)) throw applicationNotFound();
    return trainee;
  }

  async function loadScopedTrainee(actor: StaffActor, id: string): Promise<TraineeRecord> {
    const trainee = await loadTrainee(id);
    if (!isInScope(actor, trainee.villageCode ?? trainee.townshipCode ?? '')) throw applicationNotFound();
    return trainee;
  }

  async function eligibilityOf(course: CourseRecord, member: TraineeMember) {
    const townshipNames = await Promise.all(course.eligibility.townshipCodes.map((code) => divisions.nameOf(code)));
    return trainingEligibility(
      { minAge: course.eligibility.minAge!, maxAge: course.eligibility.maxAge!, priorityForRelocated: Boolean(course.eligibility.priorityForRelocated), townshipCodes: course.eligibility.townshipCodes },
      { age: member.age, townshipCode: member.townshipCode, approvedRelocated: member.approvedRelocated },
      townshipNames,
    );
  }

  async function transition(id: string, action: CourseAction, extra: Record<string, unknown> = {}): Promise<CourseRecord> {
    const course = await load(id);
    const to = nextCourseStatus(course.status, action);
    if (!to) throw refused();
    const today = clock.today();
    const first = course.sessions[0];
    const last = course.sessions[course.sessions.length - 1];
    if (action === 'publish' && course.startsAt.getTime() <= clock.now().getTime()) throw refused('第一次课的时间已过，请先修改课程安排再发布');
    if (action === 'publish' && course.signupDeadline < today) throw refused('报名截止日期已过，请先修改再发布');
    if (action === 'start' && first.date! > today) throw refused(`第一次课在 ${first.date}，当天才能开课`);
    if (action === 'finish' && last.date! > today) throw refused(`最后一次课在 ${last.date}，上完才能结业`);
    const set = { status: to, ...extra, ...(action === 'publish' && { publishedAt: clock.now() }) };
    const updated = await CourseModel.findOneAndUpdate({ _id: course._id, status: { $in: courseStatusesAllowing(action) } }, { $set: set }, { new: true }).lean<CourseRecord>();
    if (!updated) throw refused();
    await courseChanges.bump();
    await defineEvent(updated);
    if (action === 'finish') await notifyCompleters(updated);
    return updated;
  }

  /** Once the course is finished, each completer is told once (the mark is set by one conditional update). */
  async function notifyCompleters(course: CourseRecord) {
    const admitted = await admittedTrainees(course);
    for (const trainee of admitted) {
      if (!progressOf(course, trainee).completed) continue;
      const won = await Trainee.findOneAndUpdate({ _id: trainee._id, completionNotifiedAt: null }, { $set: { completionNotifiedAt: clock.now() } }).lean<TraineeRecord>();
      if (!won) continue;
      const view = await engineView(course, trainee);
      await notify(view.contactId, course, '已结业', trainee.certificateNumber ? `证书编号 ${trainee.certificateNumber}` : '培训已结业，证书办好后可在我的培训查看');
    }
  }

  async function admittedTrainees(course: CourseRecord): Promise<TraineeRecord[]> {
    const engine = await signups.listFor(course._id.toString());
    const admittedIds = engine.filter((signup) => signup.status === 'confirmed').map((signup) => signup._id);
    return Trainee.find({ _id: { $in: admittedIds } }).sort({ createdAt: 1, _id: 1 }).lean<TraineeRecord[]>();
  }

  async function assertAdmitted(course: CourseRecord, trainee: TraineeRecord) {
    const view = await signups.find(course._id.toString(), trainee._id.toString());
    if (view.status !== 'confirmed') throw new AppError('TRAINING_NOT_ADMITTED');
  }

  function assertSessionHeld(course: CourseRecord, session: number) {
    if (course.status !== 'running' && course.status !== 'finished') throw refused('开课后才能记出勤');
    const held = course.sessions[session - 1];
    if (!held) throw validationFailed([{ field: 'params.session', message: `这个培训班只有 ${course.sessions.length} 次课` }]);
    if (held.date! > clock.today()) throw refused(`第 ${session} 次课在 ${held.date}，还没有上`);
  }

  /** Null when the session was already ticked: one conditional update, so two scans tick it once. */
  async function markPresent(trainee: TraineeRecord, session: number): Promise<TraineeRecord | null> {
    return Trainee.findOneAndUpdate({ _id: trainee._id, attended: { $ne: session } }, { $push: { attended: session } }, { new: true }).lean<TraineeRecord>();
  }

  /** The course's side of an application, under the engine's sign-up id: created once, refreshed on a new application. */
  async function storeTrainee(_id: Types.ObjectId, fields: Record<string, unknown>): Promise<TraineeRecord> {
    for (;;) {
      const updated = await Trainee.findOneAndUpdate({ _id }, { $set: fields }, { new: true }).lean<TraineeRecord>();
      if (updated) return updated;
      try {
        return (await Trainee.create({ _id, ...fields })).toObject() as TraineeRecord;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  }

  async function hiresAfter(course: CourseRecord, trainees: TraineeRecord[]): Promise<Set<string>> {
    const hired = new Set<string>();
    const accounts = [...new Set(trainees.map((trainee) => trainee.accountId).filter((id): id is string => Boolean(id)))];
    for (const accountId of accounts) {
      const { items } = await deps.jobs.myApplications(accountId);
      const after = items.some((application) => application.status === 'hired' && application.timeline.some((event) => event.to === 'hired' && new Date(event.at) >= course.startsAt));
      if (after) for (const trainee of trainees) if (trainee.accountId === accountId) hired.add(trainee._id.toString());
    }
    return hired;
  }

  return {
    async list(query: ListCoursesQuery): Promise<Page<StaffCourse>> {
      const filter: Record<string, unknown> = {};
      if (query.status) filter.status = query.status;
      if (query.category) filter.category = query.category;
      const [courses, total] = await Promise.all([
        CourseModel.find(filter).sort({ startsAt: -1, _id: -1 }).skip((query.page - 1) * query.pageSize).limit(query.pageSize).lean<CourseRecord[]>(),
        CourseModel.countDocuments(filter),
      ]);
      const presented = await present(courses);
      return { items: presented.map((course, i) => ({ ...course, pending: 0, allowedActions: courseActionsFrom(courses[i].status) })), total, page: query.page, pageSize: query.pageSize };
    },

    get: async (id: string): Promise<StaffCourse> => presentStaff(await load(id)),
    title: async (id: string): Promise<string> => (await load(id)).title,

    async create(actor: StaffActor, body: CreateBody): Promise<StaffCourse> {
      await assertReferences(body, true);
      const _id = new Types.ObjectId();
      const course = {
        _id,
        ...body,
        ...timesOf(body.sessions),
        partners: body.partners.map((partner) => ({ employerId: new Types.ObjectId(partner.employerId), committedHires: partner.committedHires })),
        status: 'draft' as const,
        createdBy: actor.id,
      };
      // The places exist before the course does, so a course is never without its count.
      await defineEvent(course);
      const created = await CourseModel.create(course);
      return presentStaff(created.toObject() as CourseRecord);
    },

    /**
     * Until it finishes, a course can be edited; the schedule only before it starts, and the
     * capacity never below the trainees admitted (409). Switching to automatic admission admits
     * those waiting for review at once.
     */
    async update(id: string, body: UpdateBody): Promise<StaffCourse> {
      const course = await load(id);
      if (!COURSE_EDITABLE_STATUSES.includes(course.status)) throw refused('已结业或已取消的培训班不能修改');
      if (course.status === 'running' && (body.sessions || body.signupDeadline)) throw refused('已开课，不能再修改课程安排和报名截止日期');
      const sessions = body.sessions ?? (course.sessions as CreateBody['sessions']);
      const deadline = body.signupDeadline ?? course.signupDeadline;
      if (deadline > sessions[0].date) throw validationFailed([{ field: body.signupDeadline ? 'body.signupDeadline' : 'body.sessions', message: '报名截止日期不能晚于第一次课' }]);
      await assertReferences(body, Boolean(body.sessions || body.signupDeadline));
      const { partners, ...rest } = body;
      const set = {
        ...rest,
        ...(body.sessions && timesOf(body.sessions)),
        ...(partners && { partners: partners.map((partner) => ({ employerId: new Types.ObjectId(partner.employerId), committedHires: partner.committedHires })) }),
      };
      await defineEvent({ ...course, ...set });
      const updated = await CourseModel.findOneAndUpdate({ _id: course._id, status: { $in: COURSE_EDITABLE_STATUSES } }, { $set: set }, { new: true }).lean<CourseRecord>();
      if (!updated) {
        await defineEvent(course).catch(() => undefined);
        throw refused('已结业或已取消的培训班不能修改');
      }
      await courseChanges.bump();
      if (updated.admission === 'auto' && course.admission === 'review' && (updated.status === 'published' || updated.status === 'closed')) await this.admitPending(id);
      return presentStaff(updated);
    },

    /** The maintenance job: a published course whose sign-up deadline has passed is closed for sign-up. */
    async closeSignupsPastDeadline(): Promise<number> {
      const due = await CourseModel.find({ status: 'published', signupDeadline: { $lt: clock.today() } }).lean<CourseRecord[]>();
      let closed = 0;
      for (const course of due) {
        const updated = await CourseModel.findOneAndUpdate({ _id: course._id, status: 'published' }, { $set: { status: 'closed' } }, { new: true }).lean<CourseRecord>();
        if (!updated) continue;
        await defineEvent(updated);
        closed += 1;
      }
      if (closed) await courseChanges.bump();
      return closed;
    },
    publish: async (id: string) => presentStaff(await transition(id, 'publish')),
    close: async (id: string) => presentStaff(await transition(id, 'close')),
    start: async (id: string) => presentStaff(await transition(id, 'start')),
    finish: async (id: string) => presentStaff(await transition(id, 'finish')),
    cancel: async (id: string, reason: string) => presentStaff(await transition(id, 'cancel', { cancelReason: reason })),

    /**
     * Published, closed and running courses for residents, soonest first; filters by category,
     * township, and places left (only courses still taking applications).
     */
    async listForResidents(query: ListResidentCoursesQuery): Promise<Page<Course>> {
      let courses = (await listedCourses()).filter(
        (course) =>
          (!query.category || course.category === query.category) &&
          (!query.townshipCode || course.eligibility.townshipCodes.length === 0 || course.eligibility.townshipCodes.includes(query.townshipCode)),
      );
      if (query.notFull) {
        const now = clock.now();
        const open = courses.filter((course) => accepting(course, now));
        const withPlaces = await signups.withPlacesLeft(open.map((course) => course._id));
        courses = open.filter((course) => withPlaces.has(course._id.toString()));
      }
      const skip = (query.page - 1) * query.pageSize;
      return { items: await present(courses.slice(skip, skip + query.pageSize)), total: courses.length, page: query.page, pageSize: query.pageSize };
    },

    getForResidents: async (id: string): Promise<Course> => presentOne(await loadVisible(id)),

    /** Who the resident (or a staff member, for one household of their area) may apply for, and whether this course takes each. */
    async memberChoices(viewer: TrainingViewer, id: string): Promise<{ items: TrainingMemberChoice[] }> {
      const course = await loadVisible(id);
      const mine = viewer.kind === 'resident' ? await residentKeys(viewer.residentId) : ((await members.ofRegistration(viewer.actor, viewer.registrationId)) ?? []);
      const applied = await Trainee.find({ courseId: course._id, memberKey: { $in: mine.map((member) => member.key) } }).lean<TraineeRecord[]>();
      const appliedIds = new Map(applied.map((trainee) => [trainee.memberKey, trainee._id.toString()]));
      const items = await Promise.all(
        mine.map(async (member): Promise<TrainingMemberChoice> => {
          const verdict = await eligibilityOf(course, member);
          return {
            memberKey: member.key,
            name: member.name,
            relation: member.relation,
            age: member.age,
            eligible: verdict.eligible,
            reason: verdict.eligible ? null : verdict.reason,
            priority: verdict.eligible && verdict.priority,
            applicationId: appliedIds.get(member.key) ?? null,
          };
        }),
      );
      return { items };
    },

    /**
     * An application for one household member: the resident's own verified members, or (代报名) a
     * member of a verified household in the staff member's area. Eligibility is checked with the
     * shared rule; applying again for the same member answers the existing application.
     */
    async apply(viewer: TrainingViewer, id: string, memberKey: string): Promise<{ created: boolean; application: ResidentTrainingApplication }> {
      const course = await loadVisible(id);
      const existing = await Trainee.findOne({ courseId: course._id, memberKey }).lean<TraineeRecord>();
      const candidates = viewer.kind === 'resident' ? await residentKeys(viewer.residentId) : await members.ofRegistration(viewer.actor, viewer.registrationId);
      if (!candidates) throw notFound('本辖区没有这份搬迁登记');
      const member = candidates.find((candidate) => candidate.key === memberKey);
      if (!member) throw new AppError('TRAINING_MEMBER_UNKNOWN');
      if (existing) {
        const current = await signups.find(id, existing._id.toString());
        if (current.status !== 'cancelled') return { created: false, application: await residentApplication(existing, course) };
      }
      if (!accepting(course)) throw new AppError(course.status === 'published' ? 'TRAINING_SIGNUP_CLOSED' : 'SIGNUP_CLOSED');
      const verdict = await eligibilityOf(course, member);
      if (!verdict.eligible) throw new AppError('TRAINING_NOT_ELIGIBLE', verdict.reason);
      const contactId = viewer.kind === 'resident' ? viewer.residentId : null;
      const { created, signup } = await signups.signUp(id, memberKey, { name: member.name }, { contactId, priority: verdict.priority ? 1 : 0 });
      const appliedBy =
        viewer.kind === 'resident'
          ? { kind: 'resident', id: viewer.residentId, name: member.name, role: null }
          : { kind: 'staff', id: viewer.actor.id, name: viewer.actor.displayName, role: viewer.actor.role };
      const fields = {
        courseId: course._id,
        memberKey,
        registrationId: member.registrationId,
        accountId: contactId,
        name: member.name,
        relation: member.relation,
        age: member.age,
        idNumberMasked: member.idNumberMasked,
        townshipCode: member.townshipCode,
        villageCode: member.villageCode,
        priority: verdict.priority,
        appliedBy,
      };
      const trainee = await storeTrainee(new Types.ObjectId(signup.id), fields);
      if (signup.status === 'confirmed') await notify(contactId, course, '已录取', ADMITTED_NOTE);
      return { created: created || !existing, application: await residentApplication(trainee, course) };
    },

    /** 我的培训: applications the resident made and those made for their household members, newest first. */
    async myApplications(residentId: string): Promise<{ items: ResidentTrainingApplication[] }> {
      const keys = (await residentKeys(residentId)).map((member) => member.key);
      const trainees = await Trainee.find({ $or: [{ accountId: residentId }, { memberKey: { $in: keys } }] }).sort({ createdAt: -1, _id: -1 }).limit(100).lean<TraineeRecord[]>();
      return { items: await Promise.all(trainees.map((trainee) => residentApplication(trainee))) };
    },

    myApplication: async (residentId: string, id: string) => residentApplication(await loadOwnTrainee(residentId, id)),

    /** Withdrawing before the first session; an admitted place goes to the first on the waitlist. */
    async withdraw(residentId: string, id: string): Promise<ResidentTrainingApplication> {
      const trainee = await loadOwnTrainee(residentId, id);
      await signups.cancel(trainee.courseId.toString(), trainee.memberKey);
      return residentApplication(trainee);
    },

    /** Applicants of a course: priority first, then by time; township staff and cadres see their area's only. */
    async applications(actor: StaffActor, id: string, query: { status?: TrainingApplicationStatus; page: number; pageSize: number }): Promise<TrainingApplicationList> {
      const course = await load(id);
      const engine = await signups.listFor(id);
      const trainees = await Trainee.find({ courseId: course._id }).lean<TraineeRecord[]>();
      const byId = new Map(trainees.map((trainee) => [trainee._id.toString(), trainee]));
      const visible = engine.filter((signup) => {
        const trainee = byId.get(signup._id.toString());
        return trainee && isInScope(actor, trainee.villageCode ?? trainee.townshipCode ?? '');
      });
      const counts = Object.fromEntries(TRAINING_APPLICATION_STATUSES.map((status) => [status, visible.filter((signup) => signup.status === status).length])) as TrainingApplicationList['counts'];
      const order: Record<TrainingApplicationStatus, number> = { pending: 0, confirmed: 1, waitlisted: 2, rejected: 3, removed: 4, cancelled: 5 };
      const time = (signup: SettledSignupRecord) => (signup.pendingAt ?? signup.createdAt).getTime();
      const sorted = visible
        .filter((signup) => !query.status || signup.status === query.status)
        .sort(
          (a, b) =>
            order[a.status] - order[b.status] ||
            (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
            (b.priority ?? 0) - (a.priority ?? 0) ||
            time(a) - time(b) ||
            a._id.toString().localeCompare(b._id.toString()),
        );
      const page = sorted.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
      const names = await namesOf(page.map((signup) => byId.get(signup._id.toString())!));
      const items = page.map((signup) =>
        presentStaffApplication(
          byId.get(signup._id.toString())!,
          course,
          { status: signup.status, code: signup.code, phoneMasked: signup.phoneMasked ?? null, waitlistPosition: signup.waitlistPosition, reason: signup.reason ?? null, contactId: null },
          names,
        ),
      );
      return { items, total: sorted.length, page: query.page, pageSize: query.pageSize, counts };
    },

    getApplication: async (actor: StaffActor, id: string) => staffApplication(await loadScopedTrainee(actor, id)),

    /** hr_staff admit, reject (with a reason) or remove (with a reason) one applicant. */
    async decide(actor: StaffActor, id: string, decision: 'admit' | 'reject' | 'remove', reason: string | null): Promise<StaffTrainingApplication> {
      const trainee = await loadScopedTrainee(actor, id);
      const course = await load(trainee.courseId.toString());
      if (decision === 'admit' && course.status !== 'published' && course.status !== 'closed') throw refused('开课前才能录取');
      if (decision === 'reject' && course.status !== 'published' && course.status !== 'closed') throw refused('开课前才能审核');
      if (decision === 'remove' && !COURSE_EDITABLE_STATUSES.includes(course.status)) throw refused();
      const moved = await signups.decide(course._id.toString(), id, decision, reason);
      if (moved.status === 'confirmed') await notify(contactOf(moved), course, '已录取', ADMITTED_NOTE);
      return staffApplication(trainee, course);
    },

    /** Fills the places from those waiting for review, priority first then by time; the rest wait in line. */
    async admitPending(id: string): Promise<{ admitted: number; waitlisted: number }> {
      const course = await load(id);
      if (course.status !== 'published' && course.status !== 'closed') throw refused('开课前才能录取');
      const moved = await signups.admitPending(id);
      for (const signup of moved) {
        if (signup.status === 'confirmed') await notify(contactOf(signup), course, '已录取', ADMITTED_NOTE);
      }
      return { admitted: moved.filter((signup) => signup.status === 'confirmed').length, waitlisted: moved.filter((signup) => signup.status === 'waitlisted').length };
    },

    /** The engine moved the first on the waitlist up: tell them. */
    async promoted(event: { eventId: string; contactId: string | null }): Promise<void> {
      const course = await CourseModel.findById(event.eventId).lean<CourseRecord>();
      if (course) await notify(event.contactId, course, '已录取', '候补名额已转为正式录取，请按时参加培训');
    },

    /** Ticks or clears one session for an admitted trainee; each a single update of the trainee's document. */
    async setAttendance(actor: StaffActor, id: string, session: number, present: boolean): Promise<{ application: StaffTrainingApplication; changed: boolean }> {
      const trainee = await loadScopedTrainee(actor, id);
      const course = await load(trainee.courseId.toString());
      assertSessionHeld(course, session);
      await assertAdmitted(course, trainee);
      const changed = present
        ? Boolean(await markPresent(trainee, session))
        : (await Trainee.updateOne({ _id: trainee._id, attended: session }, { $pull: { attended: session } })).modifiedCount > 0;
      return { application: await staffApplication((await loadTrainee(id))!, course), changed };
    },

    /** Check-in at a session with the trainee's e-ticket (QR payload or short code). */
    async checkIn(actor: StaffActor, id: string, session: number, ticket: string): Promise<StaffTrainingApplication> {
      const course = await load(id);
      assertSessionHeld(course, session);
      const signup = await signups.identify(id, ticket);
      if (signup.status !== 'confirmed') throw new AppError('TRAINING_NOT_ADMITTED');
      const trainee = await loadTrainee(signup._id.toString());
      if (!(await markPresent(trainee, session))) {
        throw new AppError('TICKET_ALREADY_CHECKED_IN', `${trainee.name} 第 ${session} 次课已经签到过了`);
      }
      return staffApplication(await loadTrainee(trainee._id.toString()), course);
    },

    /** Exam result and certificate; a certificate only for a trainee who meets the completion rule. */
    async recordResult(actor: StaffActor, id: string, body: ResultBody): Promise<StaffTrainingApplication> {
      const trainee = await loadScopedTrainee(actor, id);
      const course = await load(trainee.courseId.toString());
      if (course.status !== 'running' && course.status !== 'finished') throw refused('开课后才能登记考核和证书');
      await assertAdmitted(course, trainee);
      if (body.certificateNumber) {
        const progress = progressOf(course, { ...trainee, examPassed: body.examPassed });
        if (!progress.completed) throw new AppError('TRAINING_NOT_COMPLETED', `还没有达到结业条件：${progress.missing}`);
      }
      const updated = await Trainee.findOneAndUpdate(
        { _id: trainee._id },
        { $set: { examPassed: body.examPassed, examScore: body.examScore, certificateKind: body.certificateNumber ? body.certificateKind : null, certificateNumber: body.certificateNumber || null } },
        { new: true },
      ).lean<TraineeRecord>();
      if (course.status === 'finished') await notifyCompleters(course);
      return staffApplication(updated!, course);
    },

    /** Employment after training entered by the bureau (when the hire did not go through the job board). */
    async recordHired(actor: StaffActor, id: string, body: { hired: boolean; employerName: string }): Promise<StaffTrainingApplication> {
      const trainee = await loadScopedTrainee(actor, id);
      const course = await load(trainee.courseId.toString());
      await assertAdmitted(course, trainee);
      const hiredEntered = body.hired ? { employerName: body.employerName, at: clock.now(), by: actor.displayName } : null;
      const updated = await Trainee.findOneAndUpdate({ _id: trainee._id }, { $set: { hiredEntered } }, { new: true }).lean<TraineeRecord>();
      return staffApplication(updated!, course);
    },

    async outcomes(id: string): Promise<CourseOutcomes> {
      const course = await load(id);
      const admitted = await admittedTrainees(course);
      const completers = admitted.filter((trainee) => progressOf(course, trainee).completed);
      const throughJobs = await hiresAfter(course, completers);
      const hired = completers.filter((trainee) => trainee.hiredEntered || throughJobs.has(trainee._id.toString())).length;
      return {
        courseId: id,
        admitted: admitted.length,
        completed: completers.length,
        certified: completers.filter((trainee) => trainee.certificateNumber).length,
        hired,
        hiredThroughJobs: throughJobs.size,
        committedHires: course.partners.reduce((sum, partner) => sum + (partner.committedHires ?? 0), 0),
        completionRate: roundRate(completers.length, admitted.length),
        employmentRate: roundRate(hired, completers.length),
        subsidyTotalFen: completers.length * course.subsidyFen,
      };
    },

    /** The printable sign-in sheet: admitted trainees, one column per session. */
    async signInSheet(id: string): Promise<{ filename: string; content: Buffer; rows: number; title: string }> {
      const course = await load(id);
      const admitted = await admittedTrainees(course);
      const names = await namesOf(admitted);
      const content = await buildSignInSheet(course, admitted, names);
      return { filename: `${course.title}-签到表.xlsx`, content, rows: admitted.length, title: course.title };
    },

    /**
     * 培训补贴申领花名册: completers with ID numbers masked, or in full for an account holding the
     * export permission (403 otherwise), attendance, certificate and subsidy, totals in yuan.
     */
    async subsidyRoster(actor: StaffActor, id: string, full: boolean): Promise<{ filename: string; content: Buffer; rows: number; title: string }> {
      if (full && !(await deps.staff.canExportPersonalData(actor.id))) throw new AppError('FORBIDDEN', '没有导出完整身份证号的权限');
      const course = await load(id);
      const completers = (await admittedTrainees(course)).filter((trainee) => progressOf(course, trainee).completed);
      const idNumbers = new Map<string, string>();
      for (const trainee of completers) {
        idNumbers.set(trainee._id.toString(), full ? ((await members.fullIdNumber(actor, trainee.registrationId, trainee.memberKey)) ?? trainee.idNumberMasked) : trainee.idNumberMasked);
      }
      const names = await namesOf(completers);
      const content = await buildSubsidyRoster(course, completers, { idNumbers, names, progressOf: (trainee) => progressOf(course, trainee), exportedAt: clock.now(), full });
      return { filename: `${course.title}-培训补贴申领花名册${full ? '（含完整身份证号）' : ''}.xlsx`, content, rows: completers.length, title: course.title };
    },

    /**
     * Trainees of running and finished courses, completers and employment after training, per
     * category; completion counts finished courses only, whose trainees have had every session.
     */
    async dashboard(): Promise<TrainingDashboard> {
      const courses = await CourseModel.find({ status: { $in: ['running', 'finished'] } }).lean<CourseRecord[]>();
      const rows = new Map<TrainingCategory, TrainingDashboard['byCategory'][number]>();
      let finishedTrainees = 0;
      for (const course of courses) {
        const admitted = await admittedTrainees(course);
        const row = rows.get(course.category) ?? { category: course.category, label: TRAINING_CATEGORY_LABELS[course.category], courses: 0, trainees: 0, completed: 0, hired: 0, employmentRate: 0 };
        row.courses += 1;
        row.trainees += admitted.length;
        if (course.status === 'finished') {
          const completers = admitted.filter((trainee) => progressOf(course, trainee).completed);
          const throughJobs = await hiresAfter(course, completers);
          finishedTrainees += admitted.length;
          row.completed += completers.length;
          row.hired += completers.filter((trainee) => trainee.hiredEntered || throughJobs.has(trainee._id.toString())).length;
        }
        rows.set(course.category, row);
      }
      const byCategory = [...rows.values()].map((row) => ({ ...row, employmentRate: roundRate(row.hired, row.completed) }));
      const sum = (key: 'trainees' | 'completed' | 'hired') => byCategory.reduce((total, row) => total + row[key], 0);
      return { trainees: sum('trainees'), completed: sum('completed'), completionRate: roundRate(sum('completed'), finishedTrainees), hired: sum('hired'), byCategory };
    },
  };
}

export type TrainingService = ReturnType<typeof createTrainingService>;
