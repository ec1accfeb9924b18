import {
  HAZARD_TYPE_LABELS,
  HOUSE_STRUCTURE_LABELS,
  RELATION_LABELS,
  RESETTLEMENT_TYPE_LABELS,
  SPECIAL_STATUS_LABELS,
  WILLINGNESS_LABELS,
  WORK_ABILITY_LABELS,
} from '@anqian/shared';

/**
 * The columns of the county's ledger (台账): what the export writes, one row per household, and
 * what the import template asks for. Headers are the contract with the people filling them in.
 */

export const LEDGER_SHEET = '登记台账';
export const IMPORT_SHEET = '登记信息';
export const NOTES_SHEET = '填写说明';
/** A row whose 序号 says this is the template's example and is never imported. */
export const EXAMPLE_MARK = '示例';
export const MAX_IMPORT_MEMBERS = 8;

export const EXPORT_COLUMNS = [
  { key: 'serial', header: '序号', width: 7 },
  { key: 'township', header: '乡镇', width: 12 },
  { key: 'village', header: '村（社区）', width: 14 },
  { key: 'headName', header: '户主姓名', width: 10 },
  { key: 'headIdNumber', header: '户主身份证号', width: 21 },
  { key: 'phone', header: '联系电话', width: 14 },
  { key: 'memberCount', header: '家庭人口', width: 9 },
  { key: 'members', header: '家庭成员（姓名/关系/身份证号）', width: 60 },
  { key: 'labourCount', header: '劳动力人数', width: 10 },
  { key: 'dibaoCount', header: '低保人数', width: 9 },
  { key: 'tekunCount', header: '特困人数', width: 9 },
  { key: 'disabledCount', header: '残疾人数', width: 9 },
  { key: 'address', header: '住址', width: 24 },
  { key: 'hazardType', header: '隐患类型', width: 11 },
  { key: 'hazardPoint', header: '隐患点编号', width: 16 },
  { key: 'houseStructure', header: '房屋结构', width: 11 },
  { key: 'floorArea', header: '建筑面积（㎡）', width: 13 },
  { key: 'yearBuilt', header: '建造年份', width: 9 },
  { key: 'willingness', header: '搬迁意愿', width: 9 },
  { key: 'resettlementType', header: '安置方式', width: 10 },
  { key: 'preferredSite', header: '意向安置点', width: 18 },
  { key: 'preferredMoveMonth', header: '意向搬迁时间', width: 12 },
  { key: 'status', header: '登记状态', width: 10 },
  { key: 'submittedDate', header: '提交日期', width: 12 },
  { key: 'noticeStart', header: '公示开始日期', width: 12 },
  { key: 'noticeEnd', header: '公示结束日期', width: 12 },
  { key: 'approvedDate', header: '审批日期', width: 12 },
  { key: 'assignedSite', header: '安置点', width: 18 },
  { key: 'subsidyTotal', header: '核定补助合计（元）', width: 16 },
  { key: 'subsidyLines', header: '补助明细（元）', width: 50 },
  { key: 'subsidyRuleSet', header: '补助标准', width: 22 },
  { key: 'source', header: '登记方式', width: 10 },
] as const;

export type ExportColumnKey = (typeof EXPORT_COLUMNS)[number]['key'];

/** The second sheet of the export: every person of every household on the first, the head first. */
export const MEMBERS_SHEET = '家庭成员';
export const MEMBER_COLUMNS = [
  { key: 'serial', header: '序号', width: 7 },
  { key: 'township', header: '乡镇', width: 12 },
  { key: 'village', header: '村（社区）', width: 14 },
  { key: 'headName', header: '户主姓名', width: 10 },
  { key: 'headIdNumber', header: '户主身份证号', width: 21 },
  { key: 'name', header: '姓名', width: 10 },
  { key: 'relation', header: '与户主关系', width: 10 },
  { key: 'idNumber', header: '身份证号', width: 21 },
  { key: 'gender', header: '性别', width: 6 },
  { key: 'birthDate', header: '出生日期', width: 12 },
  { key: 'workAbility', header: '劳动能力', width: 12 },
  { key: 'specialStatus', header: '特殊情况', width: 16 },
  { key: 'status', header: '登记状态', width: 10 },
] as const;

export type MemberColumnKey = (typeof MEMBER_COLUMNS)[number]['key'];

export const SOURCE_LABELS: Record<'resident' | 'cadre' | 'import', string> = {
  resident: '群众自主登记',
  cadre: '村干部代填',
  import: '台账导入',
};

/** Where a value goes in the household / wishes input, for naming a field in an error. */
export type ImportColumn = {
  header: string;
  /** Dotted path in `{ household, wishes }`, as zod reports issues. */
  path: string;
  required: boolean;
  width: number;
  /** The values a person may choose, shown as a drop-down and accepted by label. */
  choices?: Record<string, string>;
  /** Spreadsheet programs turn long digit strings into numbers; these columns are text. */
  text?: boolean;
  note: string;
};

const SPECIAL_NOTE = `可填多项，用顿号分隔：${Object.values(SPECIAL_STATUS_LABELS).join('、')}；没有则留空`;

const memberColumns = (n: number): ImportColumn[] => {
  const base = `household.members.${n - 1}`;
  return [
    { header: `成员${n}姓名`, path: `${base}.name`, required: false, width: 10, note: '户主以外的家庭成员，没有则留空' },
    { header: `成员${n}与户主关系`, path: `${base}.relation`, required: false, width: 12, choices: RELATION_LABELS, note: '' },
    { header: `成员${n}身份证号`, path: `${base}.idNumber`, required: false, width: 21, text: true, note: '' },
    { header: `成员${n}劳动能力`, path: `${base}.workAbility`, required: false, width: 12, choices: WORK_ABILITY_LABELS, note: '' },
    { header: `成员${n}特殊情况`, path: `${base}.specialStatus`, required: false, width: 12, note: SPECIAL_NOTE },
  ];
};

export const IMPORT_COLUMNS: ImportColumn[] = [
  { header: '序号', path: '', required: false, width: 7, note: `可留空；填“${EXAMPLE_MARK}”的行不会导入` },
  { header: '乡镇', path: 'household.townshipName', required: true, width: 12, note: '乡镇全称，如 城关镇' },
  { header: '村（社区）', path: 'household.villageCode', required: true, width: 14, note: '村（社区）全称，或 12 位行政区划代码' },
  { header: '户主姓名', path: 'household.head.name', required: true, width: 10, note: '' },
  { header: '户主身份证号', path: 'household.head.idNumber', required: true, width: 21, text: true, note: '18 位，请保持文本格式，否则 Excel 会改掉后几位' },
  { header: '联系电话', path: 'household.head.phone', required: true, width: 14, text: true, note: '11 位手机号' },
  { header: '户主劳动能力', path: 'household.head.workAbility', required: true, width: 12, choices: WORK_ABILITY_LABELS, note: '' },
  { header: '户主特殊情况', path: 'household.head.specialStatus', required: false, width: 12, note: SPECIAL_NOTE },
  { header: '住址', path: 'household.address', required: true, width: 24, note: '组、门牌号等' },
  { header: '隐患类型', path: 'household.hazard.type', required: true, width: 11, choices: HAZARD_TYPE_LABELS, note: '' },
  { header: '隐患点编号', path: 'household.hazard.pointNumber', required: false, width: 16, text: true, note: '字母、数字和短横线，不知道可留空' },
  { header: '房屋结构', path: 'household.house.structure', required: true, width: 11, choices: HOUSE_STRUCTURE_LABELS, note: '' },
  { header: '建筑面积（㎡）', path: 'household.house.floorArea', required: true, width: 13, note: '数字，最多两位小数' },
  { header: '建造年份', path: 'household.house.yearBuilt', required: true, width: 9, note: '四位年份，如 1992' },
  { header: '搬迁意愿', path: 'wishes.willingness', required: true, width: 9, choices: WILLINGNESS_LABELS, note: '' },
  { header: '安置方式', path: 'wishes.resettlementType', required: false, width: 10, choices: RESETTLEMENT_TYPE_LABELS, note: '不愿意搬迁时可留空，其余必填' },
  { header: '意向安置点', path: 'wishes.preferredSiteId', required: false, width: 18, note: '安置点全称，只有集中安置可填' },
  { header: '意向搬迁时间', path: 'wishes.preferredMoveMonth', required: false, width: 12, text: true, note: '年-月，如 2026-10' },
  { header: '原因说明', path: 'wishes.reasons', required: false, width: 24, note: '不愿意搬迁时必填' },
  ...Array.from({ length: MAX_IMPORT_MEMBERS }, (_, i) => memberColumns(i + 1)).flat(),
];

/** The column label for an issue path like `household.members.2.idNumber`. */
export function columnLabel(path: string): string {
  const exact = IMPORT_COLUMNS.find((column) => column.path && column.path === path);
  if (exact) return exact.header;
  const member = /^household\.members\.(\d+)/.exec(path);
  if (member) return Number(member[1]) < MAX_IMPORT_MEMBERS ? `成员${Number(member[1]) + 1}` : '家庭成员';
  const parent = IMPORT_COLUMNS.find((column) => column.path && path.startsWith(`${column.path}.`));
  return parent?.header ?? (path.startsWith('household.members') ? '家庭成员' : path);
}

/** Label → value for a column with choices; accepts the label or the stored value itself. */
export function choiceValue(choices: Record<string, string>, text: string): string | undefined {
  if (Object.hasOwn(choices, text)) return text;
  return Object.entries(choices).find(([, label]) => label === text)?.[0];
}

export const SPECIAL_STATUS_SEPARATOR = /[、,，;；/\s]+/;
