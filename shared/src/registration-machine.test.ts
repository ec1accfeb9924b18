import { approvalBlocker, nextStatus, SUBMITTED_STATUS } from './registration-machine';

describe('approvalBlocker', () => {
  const today = '2026-12-04';

  test('a registration whose notice ended yesterday and has no open objection can be approved', () => {
    expect(approvalBlocker({ noticeEndDate: '2026-12-03', openObjections: 0 }, today)).toBeNull();
  });

  test.each([
    ['ends today', '2026-12-04'],
    ['ends later', '2026-12-10'],
    ['has no notice', null],
  ])('a notice that %s blocks approval', (_, noticeEndDate) => {
    expect(approvalBlocker({ noticeEndDate, openObjections: 0 }, today)).toBe('NOTICE_PERIOD_NOT_ENDED');
  });

  test('an open objection blocks approval after the period', () => {
    expect(approvalBlocker({ noticeEndDate: '2026-12-01', openObjections: 1 }, today)).toBe('OBJECTION_OPEN');
  });
});

test('a corrected registration goes back to where a submitted one starts', () => {
  expect(nextStatus('returned', 'resubmit', 'household')).toBe(SUBMITTED_STATUS);
});
