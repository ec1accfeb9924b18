import { JOB_FAIR_PHASE_LABELS, type JobFair, type JobFairPhase, type SignupStatus } from '@anqian/shared';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** `2026-05-16` → `5月16日（星期六）`. */
function fairDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${month}月${day}日（星期${WEEKDAYS[weekday]}）`;
}

export function fairWhen(fair: Pick<JobFair, 'date' | 'startTime' | 'endTime'>): string {
  return `${fairDay(fair.date)} ${fair.startTime}-${fair.endTime}`;
}

export const phaseLabel = (phase: JobFairPhase): string => JOB_FAIR_PHASE_LABELS[phase];

/** Why the 报名 button is not there, in words a resident can act on; null while sign-up is open. */
export function closedReason(fair: Pick<JobFair, 'phase' | 'cancelReason'>): string | null {
  switch (fair.phase) {
    case 'open':
      return null;
    case 'full':
      return '已满：报名人数已经到了上限。已报名的人取消后会空出名额，可以过一会儿再来看看，也可以看看其他场次。';
    case 'started':
    case 'ended':
      return '已截止：招聘会开始后就不能再报名了。没报名也可以直接去现场看看。';
    case 'cancelled':
      return `这场招聘会已取消${fair.cancelReason ? `：${fair.cancelReason}` : '。'}`;
    default:
      return '这场招聘会还没有开始报名。';
  }
}

/** A place held or queued for: the resident has a sign-up to show or cancel, not a form to fill. */
export const holdsPlace = (signup: { status: SignupStatus }): boolean => signup.status === 'confirmed' || signup.status === 'waitlisted';

/** A sign-up can be cancelled before the fair starts and before check-in. */
export function canCancel(fair: Pick<JobFair, 'phase'>, signup: { status: SignupStatus; checkedInAt: string | null }): boolean {
  return holdsPlace(signup) && signup.checkedInAt === null && (fair.phase === 'open' || fair.phase === 'full');
}


/** Why the job-fair pages ask for consent to the privacy notice. */
export const FAIRS_CONSENT_WHY = '报名要用到您的姓名，需要您先同意隐私保护指引。';
