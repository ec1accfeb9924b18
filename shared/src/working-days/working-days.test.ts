import { addDays } from '../china-date';
import { CHINA_HOLIDAY_ARRANGEMENTS, type HolidayArrangements } from './calendar-data';
import {
  addWorkingDays,
  buildWorkingDayCalendar,
  calendarCovers,
  calendarDataProblems,
  isOverdue,
  isWorkingDay,
  requestDeadlines,
  workingDaysBetween,
} from './working-days';

/** An instant given as China wall-clock time. */
const china = (dateTime: string) => new Date(`${dateTime}+08:00`);

describe('isWorkingDay', () => {
  test('a weekday is a working day and a weekend is not, outside any festival', () => {
    expect(isWorkingDay('2025-03-14')).toBe(true); // Friday
    expect(isWorkingDay('2025-03-15')).toBe(false); // Saturday
    expect(isWorkingDay('2025-03-16')).toBe(false); // Sunday
  });

  test('a weekday off for a festival is not, a weekend worked instead is', () => {
    expect(isWorkingDay('2025-10-01')).toBe(false); // Wednesday, 国庆
    expect(isWorkingDay('2025-10-08')).toBe(false); // Wednesday, last day of 国庆/中秋
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday worked
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday worked
    expect(isWorkingDay('2025-10-12')).toBe(false); // the Sunday after stays off
    expect(isWorkingDay('2026-02-23')).toBe(false); // Monday, last day of 春节 2026
  });

  test('refuses what is not a calendar date', () => {
    expect(() => isWorkingDay('2025-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('2025/10/01')).toThrow(RangeError);
  });
});

describe('the holiday data', () => {
  test('is usable as published', () => {
    expect(calendarDataProblems(CHINA_HOLIDAY_ARRANGEMENTS)).toEqual([]);
  });

  // 365 days, 104 of them Saturdays and Sundays in both years, less the 13 statutory holidays of
  // 全国年节及纪念日放假办法 (2024 revision): 调休 moves days but never adds or removes one.
  test.each([2025, 2026])('gives %i the 248 working days the statutory holidays leave', (year) => {
    expect(workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toBe(365 - 104 - 13);
  });

  test('names each mistake in a year the county typed in', () => {
    const typed: HolidayArrangements = {
      2027: {
        source: 'test',
        festivals: [
          { name: '春节', off: ['2027-02-05', '2027-02-11'], makeUpWorkdays: ['2027-02-15', '2027-02-20'] },
          { name: '清明节', off: ['2027-04-05', '2027-04-03'], makeUpWorkdays: [] },
          { name: '劳动节', off: ['2027-05-01', '2027-06-05'], makeUpWorkdays: ['2027-05-01'] },
          { name: '国庆节', off: ['2027-10-01', '2027-10-07'], makeUpWorkdays: ['2027-09-31', '2072-10-09'] },
        ],
      },
    };
    const problems = calendarDataProblems(typed);
    expect(problems).toEqual(
      expect.arrayContaining([
        '2027年春节：调休上班日 2027-02-15 不是周六或周日',
        '2027年清明节：放假结束日期 2027-04-03 早于开始日期 2027-04-05',
        '2027年劳动节：放假 36 天，超过 14 天，请核对月份',
        '2027年国庆节：“2027-09-31”不是有效日期，应写成 YYYY-MM-DD',
        '2027年国庆节：2072-10-09 不在 2027 年前后，请核对年份',
      ]),
    );
    expect(problems).toHaveLength(5);
    expect(() => buildWorkingDayCalendar(typed)).toThrow(/节假日安排数据有误/);
  });

  test('refuses a day listed both off and worked', () => {
    const clash: HolidayArrangements = {
      2025: { source: 'test', festivals: [{ name: '国庆节', off: ['2025-10-01', '2025-10-12'], makeUpWorkdays: ['2025-10-11'] }] },
    };
    expect(calendarDataProblems(clash)).toEqual(['2025年国庆节：调休上班日 2025-10-11 同时是2025年国庆节的放假日']);
  });

  test('lets a festival reach into the neighbouring year, as 元旦 sometimes does', () => {
    const data: HolidayArrangements = {
      2023: { source: 'test', festivals: [{ name: '元旦', off: ['2022-12-31', '2023-01-02'], makeUpWorkdays: [] }] },
    };
    const calendar = buildWorkingDayCalendar(data);
    expect(isWorkingDay('2023-01-02', calendar)).toBe(false); // a Monday
    expect(calendarCovers(2022, calendar)).toBe(false);
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  test('skip a festival and count the weekend worked after it', () => {
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
    expect(addWorkingDays('2025-09-30', 4)).toBe('2025-10-13');
    expect(workingDaysBetween('2025-09-30', '2025-10-08')).toBe(0);
    expect(workingDaysBetween('2025-09-30', '2025-10-11')).toBe(3);
    expect(workingDaysBetween('2025-10-11', '2025-09-30')).toBe(-3);
  });

  test('adding none leaves the date, even one that is not a working day', () => {
    expect(addWorkingDays('2025-10-01', 0)).toBe('2025-10-01');
    expect(() => addWorkingDays('2025-10-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-10-01', 1.5)).toThrow(RangeError);
  });

  test('undo each other on every day of 2025 and 2026', () => {
    const mismatches: string[] = [];
    for (let day = '2025-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
      for (const n of [1, 3, 15]) if (workingDaysBetween(day, addWorkingDays(day, n)) !== n) mismatches.push(`${day} + ${n}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('requestDeadlines', () => {
  test('a request sent the day before 国庆 2025 is first due on the Saturday worked after it', () => {
    expect(requestDeadlines(china('2025-09-30T10:00:00'))).toEqual({ firstReplyDue: '2025-10-11', doneDue: '2025-10-28', uncoveredYears: [] });
  });

  test('a request sent the Friday before 国庆 2025 counts the Sunday worked before it', () => {
    expect(requestDeadlines(china('2025-09-26T16:00:00')).firstReplyDue).toBe('2025-09-30');
  });

  test('across 春节 2025, both weekend days worked count', () => {
    // Day 1 is Sunday 26 January (worked), day 2 Monday 27, then the holiday to 4 February.
    expect(requestDeadlines(china('2025-01-24T09:00:00'))).toEqual({ firstReplyDue: '2025-02-05', doneDue: '2025-02-20', uncoveredYears: [] });
    // Sent during the holiday: day 1 is the first day back; Saturday 8 February is day 4.
    expect(requestDeadlines(china('2025-01-30T12:00:00')).firstReplyDue).toBe('2025-02-07');
    expect(requestDeadlines(china('2025-02-05T12:00:00')).firstReplyDue).toBe('2025-02-08');
  });

  test('across 春节 2026, as the 2026 notice has it', () => {
    expect(requestDeadlines(china('2026-02-13T09:00:00')).firstReplyDue).toBe('2026-02-25');
  });

  test('a request sent at the weekend gets the same days as one sent on the Friday', () => {
    const friday = requestDeadlines(china('2025-03-14T09:00:00'));
    expect(requestDeadlines(china('2025-03-15T11:00:00'))).toEqual(friday);
    expect(requestDeadlines(china('2025-03-16T22:00:00'))).toEqual(friday);
    // Fifteen working days from Monday 17 March run into 清明 (Friday 4 April off).
    expect(friday).toEqual({ firstReplyDue: '2025-03-19', doneDue: '2025-04-07', uncoveredYears: [] });
  });

  test('the day turns at midnight China time, not UTC', () => {
    // 23:59:59 on Friday 10 October in China, the same day in UTC: day 1 is Saturday 11 (worked).
    const lateFriday = new Date('2025-10-10T15:59:59.999Z');
    expect(requestDeadlines(lateFriday).firstReplyDue).toBe('2025-10-14');
    // 00:00 on Saturday 11 October in China, still Friday in UTC: the Saturday is the submission day.
    const saturdayMidnight = new Date('2025-10-10T16:00:00Z');
    expect(requestDeadlines(saturdayMidnight).firstReplyDue).toBe('2025-10-15');
  });

  test('a year without data counts its weekdays as working days, and says so', () => {
    // Built here, so that the test still holds once the county adds 2027 to the data.
    const through2026 = buildWorkingDayCalendar({ 2025: CHINA_HOLIDAY_ARRANGEMENTS[2025], 2026: CHINA_HOLIDAY_ARRANGEMENTS[2026] });
    expect(calendarCovers(2026, through2026)).toBe(true);
    expect(calendarCovers(2027, through2026)).toBe(false);
    expect(isWorkingDay('2027-10-01', through2026)).toBe(true); // 国庆, a Friday, unknown to the data
    expect(isWorkingDay('2027-10-02', through2026)).toBe(false);
    // First reply still within 2026, but the count to done runs into 2027.
    expect(requestDeadlines(china('2026-12-25T09:00:00'), through2026)).toEqual({
      firstReplyDue: '2026-12-30',
      doneDue: '2027-01-15',
      uncoveredYears: [2027],
    });
    expect(requestDeadlines(china('2027-09-30T09:00:00'), through2026).uncoveredYears).toEqual([2027]);
  });

  test('with a calendar of 2025 only, 春节 2026 counts as working days and 2026 is named', () => {
    const only2025 = buildWorkingDayCalendar({ 2025: CHINA_HOLIDAY_ARRANGEMENTS[2025] });
    expect(requestDeadlines(china('2026-02-13T09:00:00'), only2025)).toEqual({
      firstReplyDue: '2026-02-18',
      doneDue: '2026-03-06',
      uncoveredYears: [2026],
    });
  });
});

describe('isOverdue', () => {
  test('a due date is met until midnight China time', () => {
    expect(isOverdue('2025-10-11', new Date('2025-10-11T15:59:59.999Z'))).toBe(false);
    expect(isOverdue('2025-10-11', new Date('2025-10-11T16:00:00Z'))).toBe(true);
    expect(isOverdue('2025-10-11', china('2025-10-09T08:00:00'))).toBe(false);
  });
});
