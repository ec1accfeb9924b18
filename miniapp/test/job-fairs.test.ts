/**
 * The e-ticket's QR code as the mini-program draws it, and what a resident is told when a fair
 * cannot be signed up for.
 */
import type { JobFair } from '@anqian/shared';
import { canCancel, closedReason, fairWhen } from '../src/features/job-fairs/fair-display';
import { isDark, qrMatrix, QUIET_ZONE } from '../src/features/job-fairs/qr-matrix';

const PAYLOAD = 'AQT1:F:6650aa00000000000000aa01:6650bb00000000000000bb02:kF3t9Qz1Xw2Lr8Yp0aBcDe';

describe('ticket QR code', () => {
  const matrix = qrMatrix(PAYLOAD);

  it('is a valid QR size with a quiet zone around it', () => {
    expect((matrix.size - 17) % 4).toBe(0);
    expect(matrix.size).toBeGreaterThanOrEqual(21);
    expect(matrix.quietZone).toBe(QUIET_ZONE);
    expect(matrix.rows).toHaveLength(matrix.size);
  });

  it('has the three finder squares a scanner looks for, in the corners', () => {
    const finder = (top: number, left: number) => {
      for (let row = 0; row < 7; row += 1) {
        for (let column = 0; column < 7; column += 1) {
          const ring = row === 0 || row === 6 || column === 0 || column === 6;
          const centre = row >= 2 && row <= 4 && column >= 2 && column <= 4;
          expect([row, column, isDark(matrix, top + row, left + column)]).toEqual([row, column, ring || centre]);
        }
      }
    };
    finder(0, 0);
    finder(0, matrix.size - 7);
    finder(matrix.size - 7, 0);
    // The bottom-right corner has no finder square.
    expect(isDark(matrix, matrix.size - 1, matrix.size - 1) && isDark(matrix, matrix.size - 7, matrix.size - 1) && isDark(matrix, matrix.size - 1, matrix.size - 7)).toBe(false);
  });

  it('draws runs of neighbouring dark modules, never two touching runs in a row', () => {
    for (const runs of matrix.rows) {
      for (let index = 1; index < runs.length; index += 1) expect(runs[index].start).toBeGreaterThan(runs[index - 1].start + runs[index - 1].length);
    }
    const blocks = matrix.rows.reduce((sum, runs) => sum + runs.length, 0);
    const modules = matrix.rows.reduce((sum, runs) => sum + runs.reduce((width, run) => width + run.length, 0), 0);
    expect(blocks).toBeLessThan(modules);
  });

  it('differs for another ticket', () => {
    const other = qrMatrix(PAYLOAD.replace('bb02', 'bb03'));
    expect(other.rows).not.toEqual(matrix.rows);
  });
});

describe('fair display', () => {
  const fair = (phase: JobFair['phase'], cancelReason: string | null = null) => ({ phase, cancelReason });

  it('says the date with its weekday and the hours', () => {
    expect(fairWhen({ date: '2026-05-16', startTime: '09:00', endTime: '12:00' })).toBe('5月16日（星期六） 09:00-12:00');
  });

  it('explains 已满 and 已截止, and gives the bureau reason for a cancelled fair', () => {
    expect(closedReason(fair('open'))).toBeNull();
    expect(closedReason(fair('full'))).toMatch(/^已满/);
    expect(closedReason(fair('started'))).toMatch(/^已截止/);
    expect(closedReason(fair('ended'))).toMatch(/^已截止/);
    expect(closedReason(fair('cancelled', '暴雨预警'))).toBe('这场招聘会已取消：暴雨预警');
  });

  it('lets a sign-up be cancelled only before the fair starts and before check-in', () => {
    const signup = { status: 'confirmed' as const, checkedInAt: null };
    expect(canCancel(fair('open'), signup)).toBe(true);
    expect(canCancel(fair('full'), signup)).toBe(true);
    expect(canCancel(fair('started'), signup)).toBe(false);
    expect(canCancel(fair('open'), { ...signup, checkedInAt: '2026-05-16T01:05:00.000Z' })).toBe(false);
    expect(canCancel(fair('open'), { ...signup, status: 'cancelled' })).toBe(false);
    expect(canCancel(fair('open'), { ...signup, status: 'waitlisted' })).toBe(true);
  });
});
