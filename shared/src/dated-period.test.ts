import { noticePeriodProblems } from './schemas/public-notice';
import { periodDays, periodProblems } from './dated-period';

const rule = { today: '2026-03-10', minDays: 7, label: '公示期' };

describe('periodProblems', () => {
  test('counts both ends', () => {
    expect(periodDays('2026-03-10', '2026-03-16')).toBe(7);
    expect(periodDays('2026-02-26', '2026-03-04')).toBe(7);
  });

  test('accepts a period from today that lasts the minimum', () => {
    expect(periodProblems({ start: '2026-03-10', end: '2026-03-16' }, rule)).toEqual({});
  });

  test('names the start of a period that began before today, however long it is', () => {
    expect(periodProblems({ start: '2026-01-01', end: '2026-01-05' }, rule)).toEqual({ start: '公示期开始日期不能早于今天（2026-03-10）', end: expect.any(String) });
    expect(periodProblems({ start: '2026-03-09', end: '2026-04-30' }, rule)).toEqual({ start: '公示期开始日期不能早于今天（2026-03-10）' });
  });

  test('names the end of a period shorter than the minimum, or ending before it starts', () => {
    expect(periodProblems({ start: '2026-03-12', end: '2026-03-17' }, rule)).toEqual({ end: '公示期至少 7 天（含首尾两天），最早到 2026-03-18 结束' });
    expect(periodProblems({ start: '2026-03-12', end: '2026-03-01' }, rule)).toEqual({ end: expect.stringContaining('至少 7 天') });
  });

  test('leaves values that are not dates to the schema', () => {
    expect(periodProblems({ start: undefined, end: 'soon' }, rule)).toEqual({});
  });

  test('reads a notice body by its field names', () => {
    expect(noticePeriodProblems({ startDate: '2026-03-09', endDate: '2026-03-10' }, { today: '2026-03-10', minDays: 7 })).toEqual({
      startDate: expect.stringContaining('不能早于今天'),
      endDate: expect.stringContaining('至少 7 天'),
    });
  });
});
