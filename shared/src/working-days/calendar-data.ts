/**
 * Public holidays and make-up working days (调休上班) as the State Council announces them each
 * year, usually in November for the year after. Updating a year, or adding the next one, is a data
 * edit here and nothing else: copy each festival line of the notice as it reads. Dates are China
 * calendar dates (YYYY-MM-DD). The data is checked when it is loaded (see
 * `calendarDataProblems`), so a mistyped date stops the server at start-up instead of moving
 * deadlines.
 */

/** One festival line of the notice, e.g. "春节：1月28日至2月4日放假调休……1月26日（周日）、2月8日（周六）上班". */
export type FestivalArrangement = {
  name: string;
  /** First and last day off, both included. Weekend days inside the range may be listed. */
  off: readonly [string, string];
  /** Saturdays and Sundays worked instead. */
  makeUpWorkdays: readonly string[];
};

export type YearArrangement = {
  /** The notice the data was copied from, so whoever updates it can check it against the source. */
  source: string;
  festivals: readonly FestivalArrangement[];
};

/**
 * Keyed by year. A festival may reach into the neighbouring year (元旦 off from 31 December, a
 * Saturday in December worked for it); it is listed under the year of its notice.
 */
export type HolidayArrangements = Readonly<Record<number, YearArrangement>>;

export const CHINA_HOLIDAY_ARRANGEMENTS: HolidayArrangements = {
  2025: {
    source: '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）',
    festivals: [
      { name: '元旦', off: ['2025-01-01', '2025-01-01'], makeUpWorkdays: [] },
      { name: '春节', off: ['2025-01-28', '2025-02-04'], makeUpWorkdays: ['2025-01-26', '2025-02-08'] },
      { name: '清明节', off: ['2025-04-04', '2025-04-06'], makeUpWorkdays: [] },
      { name: '劳动节', off: ['2025-05-01', '2025-05-05'], makeUpWorkdays: ['2025-04-27'] },
      { name: '端午节', off: ['2025-05-31', '2025-06-02'], makeUpWorkdays: [] },
      { name: '国庆节、中秋节', off: ['2025-10-01', '2025-10-08'], makeUpWorkdays: ['2025-09-28', '2025-10-11'] },
    ],
  },
  2026: {
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    festivals: [
      { name: '元旦', off: ['2026-01-01', '2026-01-03'], makeUpWorkdays: ['2026-01-04'] },
      { name: '春节', off: ['2026-02-15', '2026-02-23'], makeUpWorkdays: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', off: ['2026-04-04', '2026-04-06'], makeUpWorkdays: [] },
      { name: '劳动节', off: ['2026-05-01', '2026-05-05'], makeUpWorkdays: ['2026-05-09'] },
      { name: '端午节', off: ['2026-06-19', '2026-06-21'], makeUpWorkdays: [] },
      { name: '中秋节', off: ['2026-09-25', '2026-09-27'], makeUpWorkdays: [] },
      { name: '国庆节', off: ['2026-10-01', '2026-10-07'], makeUpWorkdays: ['2026-09-20', '2026-10-10'] },
    ],
  },
};
