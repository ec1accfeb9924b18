import {
  type Course,
  type CourseSession,
  fenToYuan,
  type ResidentRegistration,
  type ResidentTrainingApplication,
  type TrainingApplicationStatus,
  type TrainingEligibility,
  trainingEligibility,
  type TrainingMemberChoice,
} from '@anqian/shared';
import { shortDivisionName } from '@/lib/division-names';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** `2026-05-16` → `5月16日`, or `5月16日（星期六）` with the weekday; read as a calendar date, whatever the phone's time zone. */
export function dayLabel(date: string, { weekday = false } = {}): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  const name = weekday ? `（星期${WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]}）` : '';
  return `${month}月${day}日${name}`;
}

export const sessionWhen = (session: CourseSession): string => `${dayLabel(session.date, { weekday: true })} ${session.startTime}-${session.endTime}`;

export function courseDates(course: Pick<Course, 'firstDate' | 'lastDate' | 'sessions'>): string {
  const span = course.firstDate === course.lastDate ? dayLabel(course.firstDate) : `${dayLabel(course.firstDate)} 至 ${dayLabel(course.lastDate)}`;
  return `${span}，共 ${course.sessions.length} 次课`;
}

/** The division, unless the address already starts with it (`狮山镇安置点…`). */
export function placeText(course: Pick<Course, 'divisionName' | 'address'>): string {
  const division = shortDivisionName(course.divisionName);
  return course.address.startsWith(division) ? course.address : `${division} ${course.address}`;
}

export const costText = (course: Pick<Course, 'costFen'>): string => (course.costFen === 0 ? '免费' : `个人要交 ${fenToYuan(course.costFen)} 元`);

export const committedHires = (course: Pick<Course, 'partners'>): number => course.partners.reduce((sum, partner) => sum + partner.committedHires, 0);

/** `2 家单位合作，承诺招用 30 人`; null without partner employers. */
export function partnerSummary(course: Pick<Course, 'partners'>): string | null {
  if (course.partners.length === 0) return null;
  const hires = committedHires(course);
  return `${course.partners.length} 家单位合作${hires > 0 ? `，学完承诺招用 ${hires} 人` : ''}`;
}

/** Places as a resident weighs them: how many are left, or that a full course still takes a waitlist. */
export function placesText(course: Pick<Course, 'acceptingApplications' | 'placesLeft' | 'capacity'>): { text: string; full: boolean } {
  if (course.placesLeft > 0) return { text: `还剩 ${course.placesLeft} 个名额（共 ${course.capacity} 个）`, full: false };
  return { text: course.acceptingApplications ? `已满，可以报名候补（共 ${course.capacity} 个名额）` : `已满（共 ${course.capacity} 个名额）`, full: true };
}

/** Why the 报名 button is not there, in words a resident can act on; null while the course takes applications. */
export function closedReason(course: Pick<Course, 'acceptingApplications' | 'status' | 'cancelReason'>): string | null {
  if (course.acceptingApplications) return null;
  switch (course.status) {
    case 'cancelled':
      return `这个培训班已取消${course.cancelReason ? `：${course.cancelReason}` : '。'}`;
    case 'running':
      return '已经开课，不能再报名了。可以看看其他培训班。';
    case 'finished':
      return '这个培训班已经结业。可以看看其他培训班。';
    default:
      return '报名已经截止，不能再报名了。可以看看其他培训班。';
  }
}

/** Who may apply, in plain words, one sentence a line. */
export function eligibilityLines(course: Pick<Course, 'eligibility'>): string[] {
  const { minAge, maxAge, townshipNames, priorityForRelocated } = course.eligibility;
  const lines = [`年满 ${minAge} 岁、不超过 ${maxAge} 岁的人可以报名。`];
  lines.push(townshipNames.length > 0 ? `只招收${townshipNames.map(shortDivisionName).join('、')}的群众。` : '全县的群众都可以报名。');
  if (priorityForRelocated) lines.push('搬迁已经审批通过的家庭成员优先录取。');
  lines.push('您家的搬迁登记经乡镇核实后，就可以为家里人报名。');
  return lines;
}

export function completionRuleText(course: Pick<Course, 'completion'>): string {
  const { minAttendancePercent, examRequired } = course.completion;
  const attendance = minAttendancePercent >= 100 ? '每次课都要来' : `至少来上 ${minAttendancePercent}% 的课`;
  return `${attendance}${examRequired ? '，考核合格' : ''}，就能结业拿证书。`;
}

/** Where the household lives and whether its relocation was approved, from the resident's verified registrations. */
export type HouseholdFacts = { townshipCode: string | null; approved: boolean };

const VERIFIED = ['verified', 'publicizing', 'approved'];

export function householdFacts(registrations: readonly ResidentRegistration[]): HouseholdFacts {
  const verified = registrations.filter((registration) => VERIFIED.includes(registration.status));
  const townships = new Set(verified.map((registration) => registration.household.townshipCode));
  return { townshipCode: townships.size === 1 ? [...townships][0] : null, approved: verified.some((registration) => registration.status === 'approved') };
}

/**
 * Whether this course takes the member, explained by the shared rule the server decides with. The
 * server's answer stands where the phone lacks a fact (a household in two townships).
 */
export function memberVerdict(course: Pick<Course, 'eligibility'>, member: TrainingMemberChoice, household: HouseholdFacts): TrainingEligibility {
  const { minAge, maxAge, priorityForRelocated, townshipCodes, townshipNames } = course.eligibility;
  const verdict = trainingEligibility(
    { minAge, maxAge, priorityForRelocated, townshipCodes },
    { age: member.age, townshipCode: household.townshipCode, approvedRelocated: household.approved },
    townshipNames.map(shortDivisionName),
  );
  if (verdict.eligible === member.eligible) return verdict;
  return member.eligible ? { eligible: true, priority: member.priority } : { eligible: false, reason: member.reason ?? '这个培训班不招收这位家人' };
}

/** A trainee who met the completion rule of a finished course, or holds the certificate. */
const completed = (application: Pick<ResidentTrainingApplication, 'status' | 'course' | 'completion' | 'certificate'>): boolean =>
  application.status === 'confirmed' && (application.certificate !== null || (application.course.status === 'finished' && application.completion.completed));

/** 待审核 / 已录取 / 候补 第 2 位 / 未通过 / 已退出, and 已结业 once completed. */
export function statusText(application: Pick<ResidentTrainingApplication, 'status' | 'statusLabel' | 'waitlistPosition' | 'course' | 'completion' | 'certificate'>): string {
  if (completed(application)) return '已结业';
  if (application.status === 'waitlisted' && application.waitlistPosition) return `候补 第 ${application.waitlistPosition} 位`;
  return application.statusLabel;
}

/** The colour a status pill takes (classes in training.scss). */
export function statusTone(status: TrainingApplicationStatus): 'info' | 'success' | 'warning' | 'muted' {
  if (status === 'confirmed') return 'success';
  if (status === 'waitlisted' || status === 'pending') return 'warning';
  if (status === 'rejected' || status === 'removed' || status === 'cancelled') return 'muted';
  return 'info';
}

/** The application still holds or waits for a place. */
export const isActive = (application: Pick<ResidentTrainingApplication, 'status'>): boolean => ['pending', 'confirmed', 'waitlisted'].includes(application.status);

/** `已上 3/5 次` for an admitted trainee; null before admission. */
export function attendanceText(application: Pick<ResidentTrainingApplication, 'attendance'>): string | null {
  if (application.attendance.length === 0) return null;
  return `已上 ${application.attendance.filter((session) => session.present).length}/${application.attendance.length} 次`;
}

/** The first session on or after `today` of a course still to be held; null when there is none. */
export function nextSession(application: Pick<ResidentTrainingApplication, 'course' | 'status'>, today: string): CourseSession | null {
  const { course } = application;
  if (application.status !== 'confirmed' || course.status === 'cancelled' || course.status === 'finished') return null;
  return course.sessions.find((session) => session.date >= today) ?? null;
}

/** What the resident should know next about this application, in one sentence. */
export function statusNote(application: ResidentTrainingApplication): string {
  const { course } = application;
  if (course.status === 'cancelled' && isActive(application)) return `培训班已取消${course.cancelReason ? `：${course.cancelReason}` : ''}`;
  switch (application.status) {
    case 'pending':
      return '人社局正在审核，录取后会通知您。';
    case 'waitlisted':
      return '名额已满，正在排队候补。前面有人退出时，会按顺序录取并通知您。';
    case 'rejected':
      return `没有录取${application.reason ? `：${application.reason}` : '。'}`;
    case 'removed':
      return `已移出培训班${application.reason ? `：${application.reason}` : '。'}`;
    case 'cancelled':
      return '已经退出这个培训班。';
    default:
      if (application.certificate) return '已结业，证书已经办好。';
      if (course.status === 'finished') return application.completion.completed ? '已结业，证书办好后会显示在这里。' : `没有达到结业条件：${application.completion.missing ?? ''}`;
      return '已录取，请按时去上课。开课前一天会提醒您。';
  }
}

/** Why the training pages ask for consent to the privacy notice. */
export const TRAINING_CONSENT_WHY = '报名培训要用到家里人的姓名和身份证号（算年龄），需要您先同意隐私保护指引。';
