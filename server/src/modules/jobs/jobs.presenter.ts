import {
  allowedApplicationActions,
  APPLICATION_NEXT_STEP,
  type JobApplicationAction,
  type JobApplicationEvent,
  type JobApplicationStatus,
  type JobPosting,
  type JobPostingSummary,
  maskPhone,
  type Pay,
  payLabel,
  type ResidentJobApplication,
  type Resume,
  type StaffJobApplication,
  type Workplace,
} from '@anqian/shared';
import type { FieldCrypto } from '../../security/field-crypto';
import type { EmployerRef } from '../employers/employers.service';
import type { ApplicationRecord, PostingRecord, ResumeRecord } from './jobs.model';

/** The stored pay and workplace back in the shape of the schema (only the fields of their kind). */
export function payOf(record: PostingRecord['pay']): Pay {
  if (record.kind === 'monthly') return { kind: 'monthly', minYuan: record.minYuan!, maxYuan: record.maxYuan! };
  if (record.kind === 'daily') return { kind: 'daily', yuan: record.yuan! };
  return { kind: 'piece', yuan: record.yuan!, unit: record.unit! };
}

export function workplaceOf(record: PostingRecord['workplace']): Workplace {
  return record.kind === 'county' ? { kind: 'county', divisionCode: record.divisionCode! } : { kind: 'outside', province: record.province!, city: record.city! };
}

export function presentPostingSummary(posting: PostingRecord, employer: EmployerRef | undefined, workplaceName: string): JobPostingSummary {
  const pay = payOf(posting.pay);
  return {
    id: posting._id.toString(),
    employerId: posting.employerId.toString(),
    employerName: employer?.name ?? '',
    title: posting.title,
    category: posting.category,
    workplace: workplaceOf(posting.workplace),
    workplaceName,
    headcount: posting.headcount,
    hired: posting.hired,
    pay,
    payLabel: payLabel(pay),
    foodAndLodging: posting.foodAndLodging,
    priorityRelocated: posting.priorityRelocated,
    closingDate: posting.closingDate,
    status: posting.status,
    closedReason: posting.closedReason ?? null,
    publishedAt: posting.publishedAt?.toISOString() ?? null,
    updatedAt: posting.updatedAt.toISOString(),
  };
}

export function presentPosting(posting: PostingRecord, employer: EmployerRef | undefined, workplaceName: string): JobPosting {
  return {
    ...presentPostingSummary(posting, employer, workplaceName),
    description: posting.description,
    hours: posting.hours,
    requirements: { ageMin: posting.requirements.ageMin, ageMax: posting.requirements.ageMax, skills: posting.requirements.skills, other: posting.requirements.other },
    transport: posting.transport,
    employer: { name: employer?.name ?? '', industry: employer?.industry ?? '', address: employer?.address ?? '' },
  };
}

export function presentResume(resume: ResumeRecord, crypto: FieldCrypto, age: number | null): Resume {
  return {
    name: resume.name,
    phoneMasked: maskPhone(crypto.decrypt(resume.phone.enc)),
    age,
    skills: resume.skills,
    experience: resume.experience,
    wantedPayYuan: resume.wantedPayYuan ?? null,
    wantedPlace: resume.wantedPlace,
    availableFrom: resume.availableFrom ?? null,
    freeText: resume.freeText,
    member: resume.member ? { key: resume.member.key!, name: resume.member.name!, relation: resume.member.relation! } : null,
    updatedAt: resume.updatedAt.toISOString(),
  };
}

const eventOf = (event: ApplicationRecord['timeline'][number]): JobApplicationEvent => ({
  action: event.action as JobApplicationAction | 'apply',
  from: (event.from as JobApplicationStatus | null) ?? null,
  to: event.to as JobApplicationStatus,
  at: event.at.toISOString(),
  message: event.message,
});

export function presentStaffApplication(application: ApplicationRecord, posting: { title: string; employerName: string }, crypto: FieldCrypto): StaffJobApplication {
  const { resume } = application;
  return {
    id: application._id.toString(),
    postingId: application.postingId.toString(),
    postingTitle: posting.title,
    employerName: posting.employerName,
    status: application.status,
    resume: {
      name: resume.name,
      phoneMasked: maskPhone(crypto.decrypt(resume.phone.enc)),
      age: resume.age ?? null,
      skills: resume.skills,
      experience: resume.experience,
      wantedPayYuan: resume.wantedPayYuan ?? null,
      wantedPlace: resume.wantedPlace,
      availableFrom: resume.availableFrom ?? null,
      freeText: resume.freeText,
    },
    timeline: application.timeline.map((event) => ({ ...eventOf(event), by: event.by })),
    allowedActions: allowedApplicationActions(application.status, 'hr_staff'),
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
  };
}

export function presentResidentApplication(
  application: ApplicationRecord,
  posting: ResidentJobApplication['posting'],
  employerContact: ResidentJobApplication['employerContact'],
): ResidentJobApplication {
  const timeline = application.timeline.map(eventOf);
  const lastMessage = [...timeline].reverse().find((event) => event.action !== 'apply' && event.action !== 'withdraw' && event.message);
  return {
    id: application._id.toString(),
    posting,
    status: application.status,
    nextStep: APPLICATION_NEXT_STEP[application.status],
    message: lastMessage?.message ?? '',
    timeline,
    employerContact,
    canWithdraw: allowedApplicationActions(application.status, 'resident').includes('withdraw'),
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
  };
}
