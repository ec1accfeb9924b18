/**
 * The two state machines of the job board: a posting (岗位) and a resident's application to it
 * (求职投递). The server refuses every transition these tables do not allow (409) and turns each
 * allowed one into a conditional update on the current status; both front ends read them to decide
 * which buttons to show.
 */

export const JOB_POSTING_STATUSES = ['draft', 'published', 'closed'] as const;
export type JobPostingStatus = (typeof JOB_POSTING_STATUSES)[number];

export const JOB_POSTING_STATUS_LABELS: Record<JobPostingStatus, string> = {
  draft: '草稿',
  published: '招聘中',
  closed: '已结束',
};

/** `close` is hr_staff by hand; the others happen on their own (the closing date, the last hire, a suspended employer). */
export const JOB_POSTING_ACTIONS = ['publish', 'close', 'expire', 'fill', 'employerSuspended'] as const;
export type JobPostingAction = (typeof JOB_POSTING_ACTIONS)[number];

export type JobPostingClosedReason = 'manual' | 'expired' | 'filled' | 'employer_suspended';

export const JOB_POSTING_CLOSED_REASON_LABELS: Record<JobPostingClosedReason, string> = {
  manual: '人社局手动结束',
  expired: '已过截止日期',
  filled: '已招满',
  employer_suspended: '用工单位已暂停合作',
};

const POSTING_TRANSITIONS: Record<JobPostingAction, { from: readonly JobPostingStatus[]; to: JobPostingStatus; reason?: JobPostingClosedReason }> = {
  publish: { from: ['draft'], to: 'published' },
  close: { from: ['published'], to: 'closed', reason: 'manual' },
  expire: { from: ['published'], to: 'closed', reason: 'expired' },
  fill: { from: ['published'], to: 'closed', reason: 'filled' },
  employerSuspended: { from: ['published'], to: 'closed', reason: 'employer_suspended' },
};

/** The status an allowed posting transition leads to and, for a closing, why; null when refused. */
export function nextPostingStatus(status: JobPostingStatus, action: JobPostingAction): { to: JobPostingStatus; reason: JobPostingClosedReason | null } | null {
  const transition = POSTING_TRANSITIONS[action];
  return transition.from.includes(status) ? { to: transition.to, reason: transition.reason ?? null } : null;
}

/** Statuses a posting action is allowed from, for the filter of a conditional update. */
export const postingStatusesAllowing = (action: JobPostingAction): JobPostingStatus[] => [...POSTING_TRANSITIONS[action].from];

/** A draft or an open posting can be edited; a closed one is history. */
export const POSTING_EDITABLE_STATUSES: readonly JobPostingStatus[] = ['draft', 'published'];

export const JOB_APPLICATION_STATUSES = ['submitted', 'viewed', 'invited', 'hired', 'rejected', 'withdrawn'] as const;
export type JobApplicationStatus = (typeof JOB_APPLICATION_STATUSES)[number];

export const JOB_APPLICATION_STATUS_LABELS: Record<JobApplicationStatus, string> = {
  submitted: '已投递',
  viewed: '已查看',
  invited: '邀请面试',
  hired: '已录用',
  rejected: '未录用',
  withdrawn: '已撤回',
};

export const JOB_APPLICATION_ACTIONS = ['view', 'invite', 'hire', 'reject', 'withdraw'] as const;
export type JobApplicationAction = (typeof JOB_APPLICATION_ACTIONS)[number];
/** The actions of the human-resources bureau, each with a message to the resident. */
export type StaffJobApplicationAction = Exclude<JobApplicationAction, 'withdraw'>;
export const STAFF_JOB_APPLICATION_ACTIONS = ['view', 'invite', 'hire', 'reject'] as const satisfies readonly StaffJobApplicationAction[];

export const JOB_APPLICATION_ACTION_LABELS: Record<JobApplicationAction, string> = {
  view: '标为已查看',
  invite: '邀请面试',
  hire: '录用',
  reject: '不予录用',
  withdraw: '撤回投递',
};

/** Who acts: the resident who applied, or the bureau's staff. */
export type JobApplicationActor = 'resident' | 'hr_staff';

const APPLICATION_TRANSITIONS: Record<JobApplicationAction, { from: readonly JobApplicationStatus[]; to: JobApplicationStatus; by: JobApplicationActor }> = {
  view: { from: ['submitted'], to: 'viewed', by: 'hr_staff' },
  invite: { from: ['submitted', 'viewed'], to: 'invited', by: 'hr_staff' },
  // A hire on the spot (at a job fair) needs no separate invitation.
  hire: { from: ['submitted', 'viewed', 'invited'], to: 'hired', by: 'hr_staff' },
  reject: { from: ['submitted', 'viewed', 'invited'], to: 'rejected', by: 'hr_staff' },
  // Before an outcome only: a hire or a refusal is the bureau's record.
  withdraw: { from: ['submitted', 'viewed', 'invited'], to: 'withdrawn', by: 'resident' },
};

export function nextApplicationStatus(status: JobApplicationStatus, action: JobApplicationAction, actor: JobApplicationActor): JobApplicationStatus | null {
  const transition = APPLICATION_TRANSITIONS[action];
  return transition.from.includes(status) && transition.by === actor ? transition.to : null;
}

export function allowedApplicationActions(status: JobApplicationStatus, actor: JobApplicationActor): JobApplicationAction[] {
  return JOB_APPLICATION_ACTIONS.filter((action) => nextApplicationStatus(status, action, actor) !== null);
}

export const applicationStatusesAllowing = (action: JobApplicationAction): JobApplicationStatus[] => [...APPLICATION_TRANSITIONS[action].from];

/** Statuses with an outcome: the application is over. */
export const APPLICATION_FINAL_STATUSES: readonly JobApplicationStatus[] = ['hired', 'rejected', 'withdrawn'];

/** Shown under each status in 我的求职. */
export const APPLICATION_NEXT_STEP: Record<JobApplicationStatus, string> = {
  submitted: '已投递，等待人社局和用工单位查看。结果出来前您可以撤回。',
  viewed: '用工单位已查看您的求职信息，请保持电话畅通。',
  invited: '用工单位邀请您面试，请按留言的时间地点前往，可拨打单位联系电话确认。',
  hired: '恭喜，您已被录用，请按单位通知办理入职。',
  rejected: '这次未被录用，可以看看其他岗位。',
  withdrawn: '您已撤回这次投递。',
};
