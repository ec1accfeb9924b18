import { JOB_APPLICATION_STATUS_LABELS, type JobApplicationStatus, type ResidentJobApplication } from '@anqian/shared';

export type Step = { label: string; state: 'done' | 'current' | 'todo' };

const PATH: JobApplicationStatus[] = ['submitted', 'viewed', 'invited'];

/**
 * 已投递 → 已查看 → 邀请面试 → 已录用 / 未录用 as the resident follows it: a step is done once the
 * timeline reached it (a rejection can come straight after 已投递, leaving the steps between not
 * done), and the last step reads 有结果 until there is one. A withdrawn application has no steps.
 */
export function applicationSteps(application: Pick<ResidentJobApplication, 'status' | 'timeline'>): Step[] {
  const { status, timeline } = application;
  if (status === 'withdrawn') return [];
  const reached = new Set<JobApplicationStatus>(['submitted', ...timeline.map((event) => event.to)]);
  const outcome = status === 'hired' || status === 'rejected';
  const steps: Step[] = PATH.map((step) => ({
    label: JOB_APPLICATION_STATUS_LABELS[step],
    state: step === status ? 'current' : reached.has(step) ? 'done' : 'todo',
  }));
  steps.push({ label: outcome ? JOB_APPLICATION_STATUS_LABELS[status] : '有结果', state: outcome ? 'current' : 'todo' });
  return steps;
}

/** The colour a status pill takes (classes in jobs.scss). */
export function statusTone(status: JobApplicationStatus): 'info' | 'success' | 'warning' | 'muted' {
  if (status === 'hired') return 'success';
  if (status === 'invited') return 'warning';
  if (status === 'rejected' || status === 'withdrawn') return 'muted';
  return 'info';
}


/** Why the job pages ask for consent to the privacy notice. */
export const JOBS_CONSENT_WHY = '求职信息里有您的姓名和手机号，需要您先同意隐私保护指引。';
