import { addDays } from './china-date';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: unknown): value is string => typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value));

/** Days from `start` to `end` (China calendar days, YYYY-MM-DD), both included. */
export function periodDays(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The earliest last day of a period starting on `start` that lasts `minDays` days. */
export const earliestPeriodEnd = (start: string, minDays: number) => addDays(start, minDays - 1);

/** A period a workflow step runs for, e.g. the 公示期 during which objections may be raised. */
export type PeriodRule = {
  /** China's date on the server's clock. */
  today: string;
  /** The shortest period allowed, both ends included. */
  minDays: number;
  /** What the period is called in messages, e.g. 公示期. */
  label: string;
};

/**
 * What is wrong with a period a workflow step is to run for: it may not start before today (a
 * period already under way, or over, when it is set never gave anyone the time it promises), and it
 * must last at least `minDays` days. Keys name the offending end. Values that are not dates are
 * left to the schema.
 */
export function periodProblems(period: { start: unknown; end: unknown }, rule: PeriodRule): { start?: string; end?: string } {
  const { start, end } = period;
  const problems: { start?: string; end?: string } = {};
  if (isDate(start) && start < rule.today) problems.start = `${rule.label}开始日期不能早于今天（${rule.today}）`;
  if (isDate(start) && isDate(end) && periodDays(start, end) < rule.minDays) {
    problems.end = `${rule.label}至少 ${rule.minDays} 天（含首尾两天），最早到 ${earliestPeriodEnd(start, rule.minDays)} 结束`;
  }
  return problems;
}
