import { z } from 'zod';
import { birthDateOf } from '../id-number';
import { objectIdSchema, type Page, paginationQuerySchema } from './common';
import type { Relation, WorkAbility } from './household';
import { dateOnlySchema } from './registration';
import { divisionCodeSchema } from './staff';

/** The employment ledger of relocated households (就业台账): one status per working-age member. */

export const EMPLOYMENT_STATUSES = [
  'migrant_in_county',
  'migrant_outside_county',
  'local_job',
  'public_welfare',
  'self_employed',
  'flexible',
  'unemployed',
  'no_ability',
] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export const EMPLOYMENT_STATUS_LABELS: Record<EmploymentStatus, string> = {
  migrant_in_county: '务工（县内）',
  migrant_outside_county: '务工（县外）',
  local_job: '本地就业',
  public_welfare: '公益性岗位',
  self_employed: '自主创业',
  flexible: '灵活就业',
  unemployed: '未就业',
  no_ability: '无劳动能力',
};

/** The statuses that count as "in work" for the employment rate and the zero-employment list. */
export const EMPLOYED_STATUSES: readonly EmploymentStatus[] = ['migrant_in_county', 'migrant_outside_county', 'local_job', 'public_welfare', 'self_employed', 'flexible'];
export const isEmployed = (status: EmploymentStatus | null): boolean => status !== null && EMPLOYED_STATUSES.includes(status);

export const EMPLOYMENT_SOURCES = ['hire', 'staff', 'import'] as const;
export type EmploymentSource = (typeof EMPLOYMENT_SOURCES)[number];
export const EMPLOYMENT_SOURCE_LABELS: Record<EmploymentSource, string> = { hire: '平台录用', staff: '工作人员录入', import: '台账导入' };

export const WORKING_AGE_MIN = 16;
export const WORKING_AGE_MAX = 60;

/** Whole years on `date` (YYYY-MM-DD) for a birth date (YYYY-MM-DD), as `ageFromIdNumber` counts them. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  return y - by - (m > bm || (m === bm && d >= bd) ? 0 : 1);
}

/** Working age (16–60 inclusive) on `date`, for a birth date taken from an ID number with `birthDateTextOf`. */
export function isWorkingAgeOn(birthDate: string, date: string): boolean {
  const age = ageOn(birthDate, date);
  return age >= WORKING_AGE_MIN && age <= WORKING_AGE_MAX;
}

/**
 * The next day on which a person born on `birthDate` enters or leaves working age after `date`:
 * the 16th birthday, or the 61st. Null once past 60.
 */
export function nextWorkingAgeChange(birthDate: string, date: string): string | null {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const birthday = (years: number) => {
    // 29 February: the birthday is 1 March in a common year.
    const day = new Date(Date.UTC(by + years, bm - 1, bd));
    return day.toISOString().slice(0, 10);
  };
  for (const years of [WORKING_AGE_MIN, WORKING_AGE_MAX + 1]) {
    const day = birthday(years);
    if (day > date) return day;
  }
  return null;
}

/** YYYY-MM-DD of the birth date in an ID number. */
export const birthDateTextOf = (idNumber: string): string => birthDateOf(idNumber)!.toISOString().slice(0, 10);

const noteSchema = z.string('备注格式不正确').trim().max(100, '备注最多 100 个字').default('');

export const setMemberStatusBodySchema = z.object({
  status: z.enum(EMPLOYMENT_STATUSES, '请选择就业状态'),
  /** The day the status began (China date); the server refuses a day after its today. */
  date: dateOnlySchema,
  note: noteSchema,
});
export type SetMemberStatusBody = z.input<typeof setMemberStatusBodySchema>;

export const householdMemberParamsSchema = z.object({
  id: objectIdSchema,
  memberKey: z.string().regex(/^[a-f\d]{24}$/, '成员编号格式不正确'),
});

const filterFields = {
  /** A township or village of the caller's area. */
  divisionCode: divisionCodeSchema.optional(),
  status: z.enum([...EMPLOYMENT_STATUSES, 'unrecorded'], '就业状态不正确').optional(),
  zeroEmployment: z
    .enum(['true', 'false'], 'zeroEmployment 应为 true 或 false')
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
  q: z.string('搜索词格式不正确').trim().max(20, '搜索词最多 20 个字').optional(),
};

export const employmentFilterSchema = z.object(filterFields);
export type EmploymentFilter = z.output<typeof employmentFilterSchema>;

export const listEmploymentQuerySchema = paginationQuerySchema.extend(filterFields);
export type ListEmploymentQuery = z.output<typeof listEmploymentQuerySchema>;

export const exportEmploymentQuerySchema = employmentFilterSchema.extend({
  /** Full ID numbers, so the file can be filled in and imported again; needs the export permission. */
  full: z
    .enum(['true', 'false'], 'full 应为 true 或 false')
    .optional()
    .transform((value) => value === 'true'),
});

export type EmploymentEvent = {
  status: EmploymentStatus;
  date: string;
  source: EmploymentSource;
  by: string;
  note: string;
  at: string;
};

export type EmploymentMember = {
  key: string;
  name: string;
  /** 户主 for the head, else the relation's label. */
  relation: Relation | 'head';
  idNumberMasked: string;
  age: number;
  workAbility: WorkAbility;
  workingAge: boolean;
  status: EmploymentStatus | null;
  statusDate: string | null;
  source: EmploymentSource | null;
  enteredBy: string | null;
  history: EmploymentEvent[];
};

export type EmploymentHousehold = {
  id: string;
  registrationId: string;
  headName: string;
  divisionCode: string;
  villageName: string;
  townshipCode: string;
  townshipName: string;
  members: EmploymentMember[];
  workingAgeCount: number;
  /** Working-age members able to work: not recorded (or registered) as 无劳动能力. */
  labourCount: number;
  employedCount: number;
  /** Working-age members without a status yet. */
  unrecordedCount: number;
  zeroEmployment: boolean;
  updatedAt: string;
};

export type ZeroEmploymentList = {
  total: number;
  byTownship: { code: string; name: string; households: number; villages: { code: string; name: string; households: number }[] }[];
  households: Page<EmploymentHousehold>;
};

export type EmploymentImportRow = {
  row: number;
  idNumberMasked: string;
  name: string;
  result: 'applied' | 'failed';
  problems: { column: string; message: string }[];
};

export type EmploymentImportReport = { total: number; applied: number; failed: number; rows: EmploymentImportRow[] };

/** For the dashboard: the employment rate is employed ÷ working-age members able to work. */
export type EmploymentDashboard = {
  households: number;
  workingAge: number;
  labour: number;
  employed: number;
  /** 0–1, null when nobody is counted yet. */
  rate: number | null;
  zeroEmploymentHouseholds: number;
  byTownship: { code: string; name: string; households: number; labour: number; employed: number; rate: number | null; zeroEmploymentHouseholds: number }[];
};
