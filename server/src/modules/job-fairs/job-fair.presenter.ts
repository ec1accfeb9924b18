import type { JobFair, JobFairEmployer, JobFairPhase, JobFairPosting, SignupCounts } from '@anqian/shared';
import type { JobFairRecord } from './job-fair.model';

export function fairPhase(fair: JobFairRecord, counts: SignupCounts | undefined, now: Date): JobFairPhase {
  if (fair.status === 'cancelled') return 'cancelled';
  if (fair.status === 'draft') return 'draft';
  if (now.getTime() >= fair.endsAt.getTime()) return 'ended';
  if (now.getTime() >= fair.startsAt.getTime()) return 'started';
  return counts && counts.remaining <= 0 ? 'full' : 'open';
}

export function presentJobFair(
  fair: JobFairRecord,
  extra: { counts: SignupCounts | undefined; employers: JobFairEmployer[]; postings: JobFairPosting[]; now: Date },
): JobFair {
  const taken = extra.counts?.taken ?? 0;
  return {
    id: fair._id.toString(),
    title: fair.title,
    date: fair.date,
    startTime: fair.startTime,
    endTime: fair.endTime,
    startsAt: fair.startsAt.toISOString(),
    endsAt: fair.endsAt.toISOString(),
    venue: fair.venue,
    organiser: fair.organiser,
    description: fair.description ?? '',
    capacity: fair.capacity,
    taken,
    remaining: extra.counts?.remaining ?? fair.capacity - taken,
    status: fair.status,
    phase: fairPhase(fair, extra.counts, extra.now),
    employers: extra.employers,
    postings: extra.postings,
    cancelReason: fair.cancelReason ?? null,
    publishedAt: fair.publishedAt ? fair.publishedAt.toISOString() : null,
    createdAt: fair.createdAt.toISOString(),
    updatedAt: fair.updatedAt.toISOString(),
  };
}
