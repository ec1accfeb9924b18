import { addDays } from './china-date';
import { approvableFrom, approvalBlocker, nextStatus, SUBMITTED_STATUS } from './registration-machine';

describe('approvalBlocker', () => {
  const rule = { today: '2026-12-04', minDays: 7 };
  const onNotice = { noticeStartDate: '2026-11-27', noticeEndDate: '2026-12-03', publicizedOn: '2026-11-26', openObjections: 0 };

  test('a registration on a notice of the minimum length that ended yesterday, with no open objection, can be approved', () => {
    expect(approvalBlocker(onNotice, rule)).toBeNull();
  });

  test.each([
    ['ends today', { noticeEndDate: '2026-12-04' }],
    ['ends later', { noticeEndDate: '2026-12-10' }],
    ['does not exist', { noticeStartDate: null, noticeEndDate: null }],
  ])('a notice that %s blocks approval', (_, change) => {
    expect(approvalBlocker({ ...onNotice, ...change }, rule)).toBe('NOTICE_PERIOD_NOT_ENDED');
  });

  test.each([
    ['is shorter than the minimum', { noticeStartDate: '2026-11-28' }],
    // Published on 2026-03-10 with dates already past: the objection window never existed (issue 10).
    ['was already over when the household was put on it', { noticeStartDate: '2026-01-01', noticeEndDate: '2026-01-05', publicizedOn: '2026-03-10' }],
    ['had begun days before the household was put on it', { publicizedOn: '2026-11-29' }],
  ])('a notice that %s blocks approval', (_, change) => {
    expect(approvalBlocker({ ...onNotice, ...change }, rule)).toBe('NOTICE_PERIOD_TOO_SHORT');
  });

  test('an open objection blocks approval after the period', () => {
    expect(approvalBlocker({ ...onNotice, openObjections: 1 }, rule)).toBe('OBJECTION_OPEN');
  });
});

describe('approvableFrom', () => {
  const onNotice = { noticeStartDate: '2026-11-27', noticeEndDate: '2026-12-03', publicizedOn: '2026-11-26' };

  test('is the first day approvalBlocker lets pass, and the day before it does not', () => {
    const from = approvableFrom(onNotice, 7)!;
    expect(from).toBe('2026-12-04');
    expect(approvalBlocker({ ...onNotice, openObjections: 0 }, { today: from, minDays: 7 })).toBeNull();
    expect(approvalBlocker({ ...onNotice, openObjections: 0 }, { today: addDays(from, -1), minDays: 7 })).toBe('NOTICE_PERIOD_NOT_ENDED');
  });

  test('is null when no day will do: no notice, or too short a time on it', () => {
    expect(approvableFrom({ noticeStartDate: null, noticeEndDate: null, publicizedOn: null }, 7)).toBeNull();
    expect(approvableFrom({ ...onNotice, publicizedOn: '2026-11-29' }, 7)).toBeNull();
  });
});

test('a corrected registration goes back to where a submitted one starts', () => {
  expect(nextStatus('returned', 'resubmit', 'household')).toBe(SUBMITTED_STATUS);
});
