import { addDays, chinaDate } from '../china-date';
import { CHINA_HOLIDAY_ARRANGEMENTS, type HolidayArrangements } from './calendar-data';

/**
 * The China working-day calendar: Monday to Friday, less the public holidays, plus the weekend days
 * worked instead (调休上班). Every date is a China calendar date (YYYY-MM-DD, UTC+8); instants are
 * turned into dates with `chinaDate`, never with the machine's time zone.
 *
 * A year the data holds no notice for is counted as plain Monday-to-Friday weeks, so its holidays
 * count as working days. That keeps deadlines coming when the county is late with the next year's
 * data; to make sure someone notices, `calendarCovers` answers for a year and `requestDeadlines`
 * names the years it had to assume.
 */
export type WorkingDayCalendar = {
  /** Years whose notice the data holds. */
  readonly years: ReadonlySet<number>;
  readonly daysOff: ReadonlySet<string>;
  readonly makeUpWorkdays: ReadonlySet<string>;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The round trip rejects dates such as 2025-02-30 that `Date.parse` would roll over. */
const isDate = (value: string) => DATE.test(value) && !Number.isNaN(Date.parse(value)) && addDays(value, 0) === value;
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const yearOf = (date: string) => Number(date.slice(0, 4));

function assertDate(date: string): void {
  if (!isDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
}

/** No festival has ever been this long; a longer range is a mistyped month. */
const MAX_DAYS_OFF = 14;

function compile(data: HolidayArrangements): { calendar: WorkingDayCalendar; problems: string[] } {
  const problems: string[] = [];
  const years = new Set<number>();
  const daysOff = new Map<string, string>();
  const makeUpWorkdays = new Map<string, string>();
  for (const [key, { festivals }] of Object.entries(data)) {
    if (!/^\d{4}$/.test(key)) {
      problems.push(`年份“${key}”应为四位数字`);
      continue;
    }
    const year = Number(key);
    years.add(year);
    for (const { name, off, makeUpWorkdays: worked } of festivals) {
      const label = `${year}年${name}`;
      const [from, to] = off;
      const usable = (date: string): boolean => {
        if (!isDate(date)) problems.push(`${label}：“${date}”不是有效日期，应写成 YYYY-MM-DD`);
        else if (Math.abs(yearOf(date) - year) > 1) problems.push(`${label}：${date} 不在 ${year} 年前后，请核对年份`);
        else return true;
        return false;
      };
      const valid = [from, to, ...worked].filter(usable);
      if (valid.includes(from) && valid.includes(to)) {
        const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
        if (days < 1) problems.push(`${label}：放假结束日期 ${to} 早于开始日期 ${from}`);
        else if (days > MAX_DAYS_OFF) problems.push(`${label}：放假 ${days} 天，超过 ${MAX_DAYS_OFF} 天，请核对月份`);
        else for (let day = from; day <= to; day = addDays(day, 1)) daysOff.set(day, label);
      }
      for (const date of worked.filter((date) => valid.includes(date))) {
        if (!isWeekend(date)) problems.push(`${label}：调休上班日 ${date} 不是周六或周日`);
        makeUpWorkdays.set(date, label);
      }
    }
  }
  for (const [date, label] of makeUpWorkdays) {
    if (daysOff.has(date)) problems.push(`${label}：调休上班日 ${date} 同时是${daysOff.get(date)}的放假日`);
  }
  return { calendar: { years, daysOff: new Set(daysOff.keys()), makeUpWorkdays: new Set(makeUpWorkdays.keys()) }, problems };
}

/** What is wrong with holiday data (in Chinese, for whoever edits it); empty when it can be used. */
export const calendarDataProblems = (data: HolidayArrangements): string[] => compile(data).problems;

/** The calendar for `data`; throws listing every problem, so bad data fails at start-up. */
export function buildWorkingDayCalendar(data: HolidayArrangements): WorkingDayCalendar {
  const { calendar, problems } = compile(data);
  if (problems.length > 0) throw new Error(`节假日安排数据有误：\n${problems.join('\n')}`);
  return calendar;
}

/** The calendar of the State Council's notices kept in `calendar-data.ts`. */
export const chinaWorkingDayCalendar = buildWorkingDayCalendar(CHINA_HOLIDAY_ARRANGEMENTS);

/** Whether the calendar holds the notice for `year`; when not, that year's holidays count as working days. */
export const calendarCovers = (year: number, calendar = chinaWorkingDayCalendar): boolean => calendar.years.has(year);

export function isWorkingDay(date: string, calendar = chinaWorkingDayCalendar): boolean {
  assertDate(date);
  if (calendar.makeUpWorkdays.has(date)) return true;
  if (calendar.daysOff.has(date)) return false;
  return !isWeekend(date);
}

/** The `n`-th working day after `date` (`date` itself when `n` is 0), whether or not `date` is one. */
export function addWorkingDays(date: string, n: number, calendar = chinaWorkingDayCalendar): string {
  assertDate(date);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days to add must be a whole number, 0 or more: ${n}`);
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) counted += 1;
  }
  return day;
}

/**
 * Working days after `from` up to and including `to`, so that
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`; negative when `to` is before `from`.
 */
export function workingDaysBetween(from: string, to: string, calendar = chinaWorkingDayCalendar): number {
  assertDate(from);
  assertDate(to);
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day, calendar)) count += 1;
  return count;
}

/** Working days a township has to first reply to a resident's request (诉求), and to finish it. */
export const REQUEST_FIRST_REPLY_WORKING_DAYS = 3;
export const REQUEST_DONE_WORKING_DAYS = 15;

export type RequestDeadlines = {
  /** Last China day for the first reply. */
  firstReplyDue: string;
  /** Last China day for the request to be done. */
  doneDue: string;
  /** Years the count ran through that the calendar has no notice for (their holidays counted as working days); log a warning when not empty. */
  uncoveredYears: number[];
};

/**
 * A request is counted from the China date it was submitted on (UTC+8, whatever the server's time
 * zone): day 1 is the next working day after that date, so the rest of the submission day is a
 * bonus and a request sent on a Saturday or during a holiday gets the same days as one sent on the
 * last working day before it. A due date is met until the end of that China day (`isOverdue`).
 */
export function requestDeadlines(submittedAt: Date, calendar = chinaWorkingDayCalendar): RequestDeadlines {
  const submitted = chinaDate(submittedAt);
  const doneDue = addWorkingDays(submitted, REQUEST_DONE_WORKING_DAYS, calendar);
  const uncoveredYears: number[] = [];
  for (let year = yearOf(addDays(submitted, 1)); year <= yearOf(doneDue); year += 1) {
    if (!calendarCovers(year, calendar)) uncoveredYears.push(year);
  }
  return { firstReplyDue: addWorkingDays(submitted, REQUEST_FIRST_REPLY_WORKING_DAYS, calendar), doneDue, uncoveredYears };
}

/** Whether the China day `due` (YYYY-MM-DD) is over at `now`: overdue from midnight China time. */
export function isOverdue(due: string, now = new Date()): boolean {
  assertDate(due);
  return chinaDate(now) > due;
}
