import { trainingCompletion, trainingEligibility, type TrainingEligibilityRule } from './training-rules';

const rule: TrainingEligibilityRule = { minAge: 18, maxAge: 50, priorityForRelocated: true, townshipCodes: [] };
const candidate = { age: 30, townshipCode: '530123101000', approvedRelocated: false };

describe('trainingEligibility', () => {
  it('admits people inside the age range, with priority only for approved relocated households', () => {
    expect(trainingEligibility(rule, candidate)).toEqual({ eligible: true, priority: false });
    expect(trainingEligibility(rule, { ...candidate, approvedRelocated: true })).toEqual({ eligible: true, priority: true });
    expect(trainingEligibility({ ...rule, priorityForRelocated: false }, { ...candidate, approvedRelocated: true })).toEqual({ eligible: true, priority: false });
    expect(trainingEligibility(rule, { ...candidate, age: 18 })).toMatchObject({ eligible: true });
    expect(trainingEligibility(rule, { ...candidate, age: 50 })).toMatchObject({ eligible: true });
  });

  it('says in plain words why someone too young or too old may not apply', () => {
    expect(trainingEligibility(rule, { ...candidate, age: 17 })).toEqual({ eligible: false, reason: expect.stringContaining('年龄还不够') });
    expect(trainingEligibility(rule, { ...candidate, age: 51 })).toEqual({ eligible: false, reason: expect.stringContaining('超过了年龄') });
  });

  it('never lets a course widen the county range of 16 to 60', () => {
    const wide = { ...rule, minAge: 10, maxAge: 70 };
    expect(trainingEligibility(wide, { ...candidate, age: 15 })).toMatchObject({ eligible: false, reason: expect.stringContaining('16 岁到 60 岁') });
    expect(trainingEligibility(wide, { ...candidate, age: 61 })).toMatchObject({ eligible: false });
  });

  it('keeps a township-only course to its townships, naming them', () => {
    const local = { ...rule, townshipCodes: ['530123102000'] };
    expect(trainingEligibility(local, candidate, ['龙泉镇'])).toEqual({ eligible: false, reason: expect.stringContaining('龙泉镇') });
    expect(trainingEligibility(local, { ...candidate, townshipCode: null })).toMatchObject({ eligible: false });
    expect(trainingEligibility(local, { ...candidate, townshipCode: '530123102000' })).toMatchObject({ eligible: true });
  });
});

describe('trainingCompletion', () => {
  it('needs the share of sessions the rule asks for, rounded up to whole sessions', () => {
    const eighty = { minAttendancePercent: 80, examRequired: false };
    expect(trainingCompletion(eighty, { sessions: 10, attended: 8, examPassed: null })).toEqual({ completed: true, attendanceShare: 0.8, sessionsNeeded: 8, missing: null });
    expect(trainingCompletion(eighty, { sessions: 10, attended: 7, examPassed: null })).toMatchObject({ completed: false, missing: '出勤 7 次，至少要 8 次' });
    expect(trainingCompletion(eighty, { sessions: 6, attended: 4, examPassed: null })).toMatchObject({ completed: false, sessionsNeeded: 5 });
    expect(trainingCompletion({ minAttendancePercent: 100, examRequired: false }, { sessions: 3, attended: 3, examPassed: null }).completed).toBe(true);
  });

  it('needs a passed exam when the rule asks for one', () => {
    const exam = { minAttendancePercent: 50, examRequired: true };
    expect(trainingCompletion(exam, { sessions: 4, attended: 4, examPassed: null })).toMatchObject({ completed: false, missing: '还没有考核成绩' });
    expect(trainingCompletion(exam, { sessions: 4, attended: 4, examPassed: false })).toMatchObject({ completed: false, missing: '考核没有通过' });
    expect(trainingCompletion(exam, { sessions: 4, attended: 1, examPassed: false })).toMatchObject({ missing: '出勤 1 次，至少要 2 次，考核没有通过' });
    expect(trainingCompletion(exam, { sessions: 4, attended: 2, examPassed: true }).completed).toBe(true);
  });
});
