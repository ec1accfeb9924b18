import {
  CERTIFICATE_KIND_LABELS,
  type CertificateKind,
  type Course,
  COURSE_STATUS_LABELS,
  type CourseSession,
  type ResidentSignup,
  type ResidentTrainingApplication,
  type SignupCounts,
  type SignupStatus,
  type StaffTrainingApplication,
  TRAINING_APPLICATION_STATUS_LABELS,
  TRAINING_CATEGORY_LABELS,
  type TrainingCertificate,
  trainingCompletion,
} from '@anqian/shared';
import type { CourseRecord, TraineeRecord } from './training.model';

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);

/** The engine's side of one application, as the staff list needs it. */
export type EngineView = { status: SignupStatus; code: string; phoneMasked: string | null; waitlistPosition: number | null; reason: string | null; contactId: string | null };

export function presentCourse(
  course: CourseRecord,
  extra: { counts: SignupCounts | undefined; employerNames: Map<string, string>; divisionNames: Map<string, string>; accepting: boolean },
): Course {
  const sessions = course.sessions as CourseSession[];
  const counts = extra.counts ?? { capacity: course.capacity, taken: 0, remaining: course.capacity, waitlisted: 0 };
  return {
    id: course._id.toString(),
    title: course.title,
    category: course.category,
    categoryLabel: TRAINING_CATEGORY_LABELS[course.category],
    provider: course.provider,
    partners: course.partners.map((partner) => ({
      employerId: partner.employerId.toString(),
      name: extra.employerNames.get(partner.employerId.toString()) ?? '（单位已删除）',
      committedHires: partner.committedHires,
    })),
    description: course.description,
    divisionCode: course.divisionCode,
    divisionName: extra.divisionNames.get(course.divisionCode) ?? course.divisionCode,
    address: course.address,
    sessions,
    firstDate: sessions[0].date,
    lastDate: sessions[sessions.length - 1].date,
    capacity: course.capacity,
    admitted: counts.taken,
    placesLeft: Math.max(counts.remaining, 0),
    waitlisted: counts.waitlisted,
    signupDeadline: course.signupDeadline,
    eligibility: {
      minAge: course.eligibility.minAge!,
      maxAge: course.eligibility.maxAge!,
      priorityForRelocated: Boolean(course.eligibility.priorityForRelocated),
      townshipCodes: course.eligibility.townshipCodes,
      townshipNames: course.eligibility.townshipCodes.map((code) => extra.divisionNames.get(code) ?? code),
    },
    costFen: course.costFen,
    subsidyFen: course.subsidyFen,
    completion: { minAttendancePercent: course.completion.minAttendancePercent!, examRequired: Boolean(course.completion.examRequired) },
    admission: course.admission,
    status: course.status,
    statusLabel: course.status === 'published' && !extra.accepting ? '报名截止' : COURSE_STATUS_LABELS[course.status],
    acceptingApplications: extra.accepting,
    cancelReason: course.cancelReason ?? null,
    publishedAt: iso(course.publishedAt),
    createdAt: course.createdAt.toISOString(),
    updatedAt: course.updatedAt.toISOString(),
  };
}

export function progressOf(course: CourseRecord, trainee: { attended: number[]; examPassed?: boolean | null }) {
  return trainingCompletion(
    { minAttendancePercent: course.completion.minAttendancePercent!, examRequired: Boolean(course.completion.examRequired) },
    { sessions: course.sessions.length, attended: new Set(trainee.attended).size, examPassed: trainee.examPassed ?? null },
  );
}

function certificateOf(trainee: TraineeRecord): TrainingCertificate | null {
  if (!trainee.certificateNumber || !trainee.certificateKind) return null;
  const kind = trainee.certificateKind as CertificateKind;
  return { kind, kindLabel: CERTIFICATE_KIND_LABELS[kind], number: trainee.certificateNumber };
}

export function presentStaffApplication(trainee: TraineeRecord, course: CourseRecord, engine: EngineView, names: Map<string, string>): StaffTrainingApplication {
  return {
    id: trainee._id.toString(),
    courseId: course._id.toString(),
    status: engine.status,
    statusLabel: TRAINING_APPLICATION_STATUS_LABELS[engine.status],
    name: trainee.name,
    relation: trainee.relation,
    age: trainee.age,
    idNumberMasked: trainee.idNumberMasked,
    phoneMasked: engine.phoneMasked,
    townshipName: trainee.townshipCode ? (names.get(trainee.townshipCode) ?? '') : '',
    villageName: trainee.villageCode ? (names.get(trainee.villageCode) ?? '') : '',
    priority: trainee.priority,
    waitlistPosition: engine.waitlistPosition,
    reason: engine.reason,
    code: engine.code,
    appliedBy: { kind: trainee.appliedBy.kind as 'resident' | 'staff', name: trainee.appliedBy.name ?? '' },
    appliedAt: trainee.createdAt.toISOString(),
    attended: [...new Set(trainee.attended)].sort((a, b) => a - b),
    completion: progressOf(course, trainee),
    examPassed: trainee.examPassed ?? null,
    examScore: trainee.examScore ?? null,
    certificate: certificateOf(trainee),
    hired: trainee.hiredEntered ? { source: 'entered', employerName: trainee.hiredEntered.employerName ?? '' } : null,
  };
}

export function presentResidentApplication(trainee: TraineeRecord, course: Course, record: CourseRecord, signup: ResidentSignup, now: Date): ResidentTrainingApplication {
  const attended = new Set(trainee.attended);
  const admitted = signup.status === 'confirmed';
  return {
    id: trainee._id.toString(),
    course,
    status: signup.status,
    statusLabel: TRAINING_APPLICATION_STATUS_LABELS[signup.status],
    name: trainee.name,
    relation: trainee.relation,
    waitlistPosition: signup.waitlistPosition,
    reason: signup.reason,
    ticket: admitted ? signup.ticket : null,
    attendance: admitted
      ? course.sessions.map((session, i) => ({ session: i + 1, date: session.date, topic: session.topic, present: attended.has(i + 1) }))
      : [],
    completion: progressOf(record, trainee),
    examPassed: trainee.examPassed ?? null,
    certificate: certificateOf(trainee),
    appliedByStaff: trainee.appliedBy.kind === 'staff',
    canWithdraw: ['pending', 'confirmed', 'waitlisted'].includes(signup.status) && record.startsAt.getTime() > now.getTime() && !['cancelled', 'finished'].includes(record.status),
    appliedAt: trainee.createdAt.toISOString(),
  };
}
