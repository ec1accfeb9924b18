import { allowedApplicationActions, nextApplicationStatus, nextPostingStatus, postingStatusesAllowing } from './job-machines';

describe('the job posting machine', () => {
  test('a draft is published, an open posting closes by hand, at its date, when filled or when its employer is suspended', () => {
    expect(nextPostingStatus('draft', 'publish')).toEqual({ to: 'published', reason: null });
    expect(nextPostingStatus('published', 'close')).toEqual({ to: 'closed', reason: 'manual' });
    expect(nextPostingStatus('published', 'expire')).toEqual({ to: 'closed', reason: 'expired' });
    expect(nextPostingStatus('published', 'fill')).toEqual({ to: 'closed', reason: 'filled' });
    expect(nextPostingStatus('published', 'employerSuspended')).toEqual({ to: 'closed', reason: 'employer_suspended' });
  });

  test.each([
    ['published', 'publish'],
    ['closed', 'publish'],
    ['draft', 'close'],
    ['closed', 'close'],
    ['draft', 'fill'],
  ] as const)('a %s posting cannot %s', (status, action) => {
    expect(nextPostingStatus(status, action)).toBeNull();
  });

  test('conditional updates filter on the statuses the action is allowed from', () => {
    expect(postingStatusesAllowing('close')).toEqual(['published']);
  });
});

describe('the job application machine', () => {
  test('staff move an application from 已投递 through 已查看 and 邀请面试 to 已录用', () => {
    expect(nextApplicationStatus('submitted', 'view', 'hr_staff')).toBe('viewed');
    expect(nextApplicationStatus('viewed', 'invite', 'hr_staff')).toBe('invited');
    expect(nextApplicationStatus('invited', 'hire', 'hr_staff')).toBe('hired');
    expect(nextApplicationStatus('invited', 'reject', 'hr_staff')).toBe('rejected');
  });

  test('the resident withdraws before an outcome, never after, and only the resident can', () => {
    expect(nextApplicationStatus('invited', 'withdraw', 'resident')).toBe('withdrawn');
    expect(nextApplicationStatus('hired', 'withdraw', 'resident')).toBeNull();
    expect(nextApplicationStatus('rejected', 'withdraw', 'resident')).toBeNull();
    expect(nextApplicationStatus('submitted', 'withdraw', 'hr_staff')).toBeNull();
    expect(nextApplicationStatus('submitted', 'hire', 'resident')).toBeNull();
  });

  test('an outcome is final', () => {
    for (const status of ['hired', 'rejected', 'withdrawn'] as const) {
      expect(allowedApplicationActions(status, 'hr_staff')).toEqual([]);
      expect(allowedApplicationActions(status, 'resident')).toEqual([]);
    }
    expect(allowedApplicationActions('viewed', 'hr_staff')).toEqual(['invite', 'hire', 'reject']);
  });
});
