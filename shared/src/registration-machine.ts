import { addDays } from './china-date';
import { periodDays } from './dated-period';
import type { StaffRole } from './roles';

/**
 * The registration workflow (意愿登记 → 审批). The server refuses every transition this table does
 * not allow; both front ends read it to decide which buttons to show.
 *
 * A draft lives on the resident's phone; the server first sees a registration when it is submitted.
 */
export const REGISTRATION_STATUSES = [
  'submitted',
  'accepted',
  'verified',
  'publicizing',
  'approved',
  'returned',
  'rejected',
  'withdrawn',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  verified: '已核实',
  publicizing: '公示中',
  approved: '审批通过',
  returned: '退回补正',
  rejected: '不予通过',
  withdrawn: '已撤回',
};

/** Where a registration starts once submitted, and where a corrected one goes back to. */
export const SUBMITTED_STATUS = 'submitted' satisfies RegistrationStatus;

/** Statuses after which the household may register again. */
export const ENDED_STATUSES: readonly RegistrationStatus[] = ['rejected', 'withdrawn'];

export const REGISTRATION_ACTIONS = [
  'submit',
  'resubmit',
  'withdraw',
  'accept',
  'verify',
  'return',
  'reject',
  'dismissDuplicate',
  'publicize',
  'approve',
] as const;
export type RegistrationAction = (typeof REGISTRATION_ACTIONS)[number];

export const REGISTRATION_ACTION_LABELS: Record<RegistrationAction, string> = {
  submit: '提交登记',
  resubmit: '修改后重新提交',
  withdraw: '撤回登记',
  accept: '受理',
  verify: '入户核实',
  return: '退回补正',
  reject: '不予通过',
  dismissDuplicate: '同户重复登记，不予受理',
  publicize: '进入公示',
  approve: '审批通过',
};

/** Who acts: the household itself (resident, or a village cadre filling in for it) or a staff role. */
export type RegistrationActor = 'household' | StaffRole;

type Transition = { from: readonly RegistrationStatus[]; to: RegistrationStatus; by: readonly RegistrationActor[] };

const TRANSITIONS: Record<Exclude<RegistrationAction, 'submit'>, Transition> = {
  resubmit: { from: ['returned'], to: SUBMITTED_STATUS, by: ['household'] },
  withdraw: { from: ['submitted'], to: 'withdrawn', by: ['household'] },
  accept: { from: ['submitted'], to: 'accepted', by: ['township_staff', 'county_admin'] },
  verify: { from: ['accepted'], to: 'verified', by: ['township_staff', 'county_admin'] },
  return: { from: ['submitted', 'accepted', 'verified', 'publicizing'], to: 'returned', by: ['township_staff', 'county_admin'] },
  reject: { from: ['submitted', 'accepted', 'verified', 'publicizing'], to: 'rejected', by: ['county_admin'] },
  /** When one household was registered more than once, staff keep one and close the others before acceptance. */
  dismissDuplicate: { from: ['submitted', 'returned'], to: 'rejected', by: ['township_staff', 'county_admin'] },
  publicize: { from: ['verified'], to: 'publicizing', by: ['township_staff', 'county_admin'] },
  approve: { from: ['publicizing'], to: 'approved', by: ['county_admin'] },
};

/** Township staff hand a case back while it is still at township level; the county can at any step. */
const TOWNSHIP_RETURN_FROM: readonly RegistrationStatus[] = ['submitted', 'accepted', 'verified'];

/** The status an allowed transition leads to, or null when the machine refuses it. */
export function nextStatus(
  status: RegistrationStatus,
  action: Exclude<RegistrationAction, 'submit'>,
  actor: RegistrationActor,
): RegistrationStatus | null {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(status) || !transition.by.includes(actor)) return null;
  if (action === 'return' && actor === 'township_staff' && !TOWNSHIP_RETURN_FROM.includes(status)) return null;
  return transition.to;
}

/**
 * Every action `actor` may take on a registration in `status` by itself (publicize happens through a
 * notice; a duplicate is dismissed by keeping another registration of its household).
 */
export function allowedActions(status: RegistrationStatus, actor: RegistrationActor): Exclude<RegistrationAction, 'submit'>[] {
  return (Object.keys(TRANSITIONS) as Exclude<RegistrationAction, 'submit'>[]).filter(
    (action) => action !== 'dismissDuplicate' && nextStatus(status, action, actor) !== null,
  );
}

/** Statuses the machine can reach an `action` from, for conditional updates. */
export function statusesAllowing(action: Exclude<RegistrationAction, 'submit'>, actor: RegistrationActor): RegistrationStatus[] {
  return REGISTRATION_STATUSES.filter((status) => nextStatus(status, action, actor) !== null);
}

/**
 * What the resident should do or expect next, shown under the status in "我的登记", with how long
 * the step usually takes. The durations are the offices' usual working times, said as "一般" because
 * they are no deadline the system enforces; the township's phone is shown beside them.
 */
export const RESIDENT_NEXT_STEP: Record<RegistrationStatus, string> = {
  submitted: '登记已提交，等待乡镇受理，一般 5 个工作日内受理。受理前您可以撤回。',
  accepted: '乡镇已受理，一般 10 个工作日内会有工作人员上门核实，请保持电话畅通。',
  verified: '入户核实已完成，等待乡镇安排公示，一般 1 个月内。公示名单会张贴在村里。',
  publicizing: '正在公示。公示期满、没有异议的，县里一般 10 个工作日内审批。',
  approved: '审批已通过，请留意安置点分配和搬迁安排。',
  returned: '登记被退回，请按退回原因修改后重新提交。',
  rejected: '登记未获通过，原因见下方。如有疑问可咨询乡镇。',
  withdrawn: '您已撤回登记。如需搬迁，可以重新登记。',
};

/** Where the village cadre who entered a registration reads otherwise: they cannot withdraw it. */
export const CADRE_NEXT_STEP: Partial<Record<RegistrationStatus, string>> = {
  submitted: '登记已提交，等待乡镇受理，一般 5 个工作日内受理。',
};

export type ApprovalBlocker = 'NOTICE_PERIOD_NOT_ENDED' | 'NOTICE_PERIOD_TOO_SHORT' | 'OBJECTION_OPEN';

/**
 * Why a registration on public notice cannot be approved on `rule.today` (China's date), or null.
 * Its notice must have ended before today, and the household must have been on it, open to
 * objections, for the county's whole minimum period: counted from the later of the notice's first
 * day and the day the registration was put on it (`publicizedOn`), so dates that were already past
 * when the notice went out count for nothing. No objection may be open. (Site places are checked
 * when approval reserves one.)
 */
export function approvalBlocker(
  registration: NoticeFacts & { openObjections: number },
  rule: { today: string; minDays: number },
): ApprovalBlocker | null {
  const days = daysOnNotice(registration);
  if (days === null || registration.noticeEndDate! >= rule.today) return 'NOTICE_PERIOD_NOT_ENDED';
  if (days < rule.minDays) return 'NOTICE_PERIOD_TOO_SHORT';
  if (registration.openObjections > 0) return 'OBJECTION_OPEN';
  return null;
}

type NoticeFacts = { noticeStartDate?: string | null; noticeEndDate?: string | null; publicizedOn: string | null };

/**
 * The days the household has been open to objections on its notice: from the later of the
 * notice's first day and the day it was put on it, to the notice's last day. Null without a notice.
 */
export function daysOnNotice(registration: NoticeFacts): number | null {
  const { noticeStartDate: start, noticeEndDate: end, publicizedOn } = registration;
  if (!start || !end) return null;
  return periodDays(publicizedOn && publicizedOn > start ? publicizedOn : start, end);
}

/**
 * The first day `approvalBlocker` lets the calendar pass: the day after the notice ends. Null when
 * no day ever will, because the household's time on notice is shorter than `minDays` (it needs a
 * new notice). Open objections are left out: they hold approval up whatever the date.
 */
export function approvableFrom(registration: NoticeFacts, minDays: number): string | null {
  const days = daysOnNotice(registration);
  if (days === null || days < minDays) return null;
  return addDays(registration.noticeEndDate!, 1);
}
