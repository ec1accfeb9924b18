import { readFileSync, statSync } from 'node:fs';
import { chinaDate } from '@anqian/shared';
import type { Config } from './config';

/**
 * The server's one source of the time and of China's calendar date. Services that decide by the
 * date (public-notice periods, approval, the workflow timeline) read it, so tests can let a period
 * run its course by moving the calendar instead of writing dates into the past.
 */
export type Clock = { now(): Date; today(): string };

const DAY_MS = 86_400_000;

function clockAhead(offsetMs: () => number): Clock {
  const now = () => new Date(Date.now() + offsetMs());
  return { now, today: () => chinaDate(now()) };
}

export const systemClock: Clock = clockAhead(() => 0);

/** `clock` moved by whole days, for the demo data to replay what happened before today. */
export const shiftedClock = (clock: Clock, days: number): Clock => {
  const now = () => new Date(clock.now().getTime() + days * DAY_MS);
  return { now, today: () => chinaDate(now()) };
};

/** The tests' clock: starts at the system time and only moves forward. */
export function movableClock() {
  let offsetMs = 0;
  return {
    ...clockAhead(() => offsetMs),
    advanceDays(days: number) {
      if (!(days > 0)) throw new Error('the calendar only moves forward');
      offsetMs += days * DAY_MS;
    },
  };
}

export type MovableClock = ReturnType<typeof movableClock>;

/**
 * Ahead of the system clock by the number of days written in `file` (none while it does not
 * exist), read at every call so that a browser test can move a running server's calendar. The
 * configuration refuses `CLOCK_OFFSET_FILE` in production.
 */
function fileOffsetClock(file: string): Clock {
  return clockAhead(() => {
    // A stat, not a failed read: an error's stack costs more than the whole request.
    if (!statSync(file, { throwIfNoEntry: false })) return 0;
    const text = readFileSync(file, 'utf8').trim();
    const days = Number(text);
    if (!Number.isFinite(days)) throw new Error(`${file} should hold a number of days, not "${text}"`);
    return days * DAY_MS;
  });
}

export const clockFor = (config: Config): Clock => (config.clockOffsetFile ? fileOffsetClock(config.clockOffsetFile) : systemClock);
