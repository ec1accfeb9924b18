import qrcode from 'qrcode-generator';

/** A run of dark modules in one row: from column `start`, `length` modules wide. */
export type QrRun = { start: number; length: number };

/** The modules of a QR code as runs per row, plus the 4-module quiet zone the standard asks for. */
export type QrMatrix = { size: number; quietZone: number; rows: QrRun[][] };

export const QUIET_ZONE = 4;

/**
 * Encodes `payload` (the server-signed ticket) with error correction M, enough for a cracked phone
 * screen. Dark modules next to each other in a row become one run, so the page draws a few hundred
 * blocks instead of thousands of cells, on WeChat and in the browser alike.
 */
export function qrMatrix(payload: string): QrMatrix {
  const code = qrcode(0, 'M');
  code.addData(payload, 'Byte');
  code.make();
  const size = code.getModuleCount();
  const rows: QrRun[][] = [];
  for (let row = 0; row < size; row += 1) {
    const runs: QrRun[] = [];
    for (let column = 0; column < size; column += 1) {
      if (!code.isDark(row, column)) continue;
      const last = runs.at(-1);
      if (last && last.start + last.length === column) last.length += 1;
      else runs.push({ start: column, length: 1 });
    }
    rows.push(runs);
  }
  return { size, quietZone: QUIET_ZONE, rows };
}

/** Whether the module at (row, column) is dark, read back from the runs. */
export function isDark(matrix: QrMatrix, row: number, column: number): boolean {
  return (matrix.rows[row] ?? []).some((run) => column >= run.start && column < run.start + run.length);
}
