/**
 * Who may join a training course and who completed one: pure rules shared by the server (which
 * decides) and the mini-program (which explains before anyone taps 报名).
 */

/** The working age the county trains for; a course may narrow it, never widen it. */
export const TRAINING_AGE_MIN = 16;
export const TRAINING_AGE_MAX = 60;

export type TrainingEligibilityRule = {
  minAge: number;
  maxAge: number;
  /** Members of approved relocated households are admitted first. */
  priorityForRelocated: boolean;
  /** Only people of these townships may apply; empty for the whole county. */
  townshipCodes: readonly string[];
};

export type TrainingCandidate = {
  /** Full years, from the ID number. */
  age: number;
  townshipCode: string | null;
  /** The household's relocation registration is approved (审批通过). */
  approvedRelocated: boolean;
};

export type TrainingEligibility = { eligible: true; priority: boolean } | { eligible: false; reason: string };

/**
 * Whether the candidate may apply, and with priority; a refusal says why in words a resident
 * understands. `townshipNames` names the allowed townships in the refusal when given.
 */
export function trainingEligibility(rule: TrainingEligibilityRule, candidate: TrainingCandidate, townshipNames: readonly string[] = []): TrainingEligibility {
  const minAge = Math.max(rule.minAge, TRAINING_AGE_MIN);
  const maxAge = Math.min(rule.maxAge, TRAINING_AGE_MAX);
  if (candidate.age < minAge) return { eligible: false, reason: `这个培训班只招收 ${minAge} 岁到 ${maxAge} 岁的人，报名的人现在 ${candidate.age} 岁，年龄还不够` };
  if (candidate.age > maxAge) return { eligible: false, reason: `这个培训班只招收 ${minAge} 岁到 ${maxAge} 岁的人，报名的人现在 ${candidate.age} 岁，超过了年龄` };
  if (rule.townshipCodes.length > 0 && (!candidate.townshipCode || !rule.townshipCodes.includes(candidate.townshipCode))) {
    const where = townshipNames.length ? townshipNames.join('、') : '指定乡镇';
    return { eligible: false, reason: `这个培训班只招收${where}的群众，报名的人不在这些乡镇` };
  }
  return { eligible: true, priority: rule.priorityForRelocated && candidate.approvedRelocated };
}

export type TrainingCompletionRule = {
  /** Share of sessions attended needed, in whole percent (80 = at least 80%). */
  minAttendancePercent: number;
  examRequired: boolean;
};

export type TrainingProgress = { sessions: number; attended: number; examPassed: boolean | null };

export type TrainingCompletion = {
  completed: boolean;
  /** Sessions attended per session held, 0 to 1. */
  attendanceShare: number;
  /** The fewest sessions that meet the rule. */
  sessionsNeeded: number;
  /** What is still missing, in plain words; null once completed. */
  missing: string | null;
};

/** Whether the trainee completed the course under its rule. */
export function trainingCompletion(rule: TrainingCompletionRule, progress: TrainingProgress): TrainingCompletion {
  const sessionsNeeded = Math.ceil((progress.sessions * rule.minAttendancePercent) / 100 - 1e-9);
  const attendanceShare = progress.sessions === 0 ? 0 : Math.round((progress.attended / progress.sessions) * 1000) / 1000;
  const problems: string[] = [];
  if (progress.attended < sessionsNeeded) problems.push(`出勤 ${progress.attended} 次，至少要 ${sessionsNeeded} 次`);
  if (rule.examRequired && progress.examPassed !== true) problems.push(progress.examPassed === false ? '考核没有通过' : '还没有考核成绩');
  return { completed: problems.length === 0, attendanceShare, sessionsNeeded, missing: problems.length ? problems.join('，') : null };
}
