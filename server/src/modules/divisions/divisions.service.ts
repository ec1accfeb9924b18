import type { Connection } from 'mongoose';
import { divisionLevel, type DivisionNode } from '@anqian/shared';
import { AppError } from '../../errors';
import { divisionModel } from './division.model';
import { readCountyDivisions, type DivisionRow } from './division-source';

function buildTree(rows: DivisionRow[]): DivisionNode {
  const nodes = new Map(rows.map((row) => [row.code, { code: row.code, name: row.name, level: row.level, children: [] as DivisionNode[] }]));
  let root: DivisionNode | undefined;
  for (const row of rows) {
    const node = nodes.get(row.code)!;
    if (row.parentCode) nodes.get(row.parentCode)?.children.push(node);
    else root = node;
  }
  if (!root) throw new Error('division data has no county');
  const sort = (node: DivisionNode) => {
    node.children.sort((a, b) => a.code.localeCompare(b.code));
    node.children.forEach(sort);
  };
  sort(root);
  return root;
}

/** Reference data: seeded once from the national data, then served from memory. */
export function createDivisionsService(connection: Connection, countyCode: string) {
  const Division = divisionModel(connection);
  let cache: { tree: DivisionNode; names: Map<string, string> } | null = null;

  async function load() {
    if (cache) return cache;
    let rows: DivisionRow[] = (await Division.find({}).lean()).map((d) => ({
      code: d._id,
      name: d.name,
      level: d.level as DivisionRow['level'],
      parentCode: d.parentCode ?? null,
    }));
    if (rows.length === 0) {
      rows = await readCountyDivisions(countyCode);
      await Division.insertMany(rows.map(({ code, ...rest }) => ({ _id: code, ...rest })), { ordered: false });
    }
    cache = { tree: buildTree(rows), names: new Map(rows.map((row) => [row.code, row.name])) };
    return cache;
  }

  return {
    ensureSeeded: async () => void (await load()),
    tree: async () => (await load()).tree,
    async nameOf(code: string): Promise<string> {
      return (await load()).names.get(code) ?? code;
    },
    /** Refuses a code that is not in this county or not at the level a role needs. */
    async assertExists(code: string, field: string, level?: DivisionNode['level']): Promise<void> {
      const { names } = await load();
      if (!names.has(code)) {
        throw new AppError('VALIDATION_FAILED', undefined, [{ field, message: '本县没有这个行政区划' }]);
      }
      if (level && divisionLevel(code) !== level) {
        const label = { county: '县', township: '乡镇', village: '村（社区）' }[level];
        throw new AppError('VALIDATION_FAILED', undefined, [{ field, message: `该角色应绑定到${label}一级` }]);
      }
    },
  };
}

export type DivisionsService = ReturnType<typeof createDivisionsService>;
