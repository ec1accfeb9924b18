import { z } from 'zod';
import { periodProblems } from '../dated-period';
import { objectIdSchema, paginationQuerySchema } from './common';
import { dateOnlySchema, type ResettlementType } from './registration';
import { divisionCodeSchema } from './staff';
import type { TownshipContact } from './township-contact';

/** Public notice (公示) of verified households before approval. */
export const NOTICE_PERIOD_LABEL = '公示期';

/**
 * The shape of a new notice. Its period is checked against the server's date and the county's
 * minimum (`noticePeriodProblems`), which a static schema cannot know: the route declares the two
 * dates as a period and the service checks them again for every other caller.
 */
export const createPublicNoticeBodySchema = z.object({
  title: z.string('请输入公示标题').trim().min(4, '请输入公示标题').max(60, '标题最多 60 个字'),
  intro: z.string().trim().max(1000, '说明最多 1000 个字').default(''),
  startDate: dateOnlySchema,
  endDate: dateOnlySchema,
  registrationIds: z
    .array(objectIdSchema, '请选择要公示的登记')
    .min(1, '请至少选择一户')
    .max(500, '一次最多公示 500 户')
    .refine((ids) => new Set(ids).size === ids.length, '登记不能重复'),
});

/** What the admin console needs to offer a valid period: the server's today and the county's minimum. */
export type NoticePeriodRule = { today: string; minDays: number };

/** Why a notice cannot run from `startDate` to `endDate` when published on `rule.today`, by field. */
export function noticePeriodProblems(period: { startDate: unknown; endDate: unknown }, rule: NoticePeriodRule): { startDate?: string; endDate?: string } {
  const problems = periodProblems({ start: period.startDate, end: period.endDate }, { ...rule, label: NOTICE_PERIOD_LABEL });
  return { ...(problems.start && { startDate: problems.start }), ...(problems.end && { endDate: problems.end }) };
}

export const listPublicNoticesQuerySchema = paginationQuerySchema.extend({
  villageCode: divisionCodeSchema.optional(),
});

export type CreatePublicNoticeBody = z.input<typeof createPublicNoticeBodySchema>;

export type PublicNoticeEntry = {
  registrationId: string;
  headName: string;
  headIdNumberMasked: string;
  memberCount: number;
  villageName: string;
  resettlementType?: ResettlementType;
};

export type PublicNoticeSummary = {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
  /** upcoming / open / ended, from today's date against the period. */
  phase: 'upcoming' | 'open' | 'ended';
  householdCount: number;
  townshipNames: string[];
  publishedBy: string;
  publishedAt: string;
};

/** `contacts`: the office phone of each township on the notice, as set today, for objections. */
export type PublicNotice = PublicNoticeSummary & { intro: string; entries: PublicNoticeEntry[]; contacts: TownshipContact[] };

/** The answer to publishing: households whose registration changed meanwhile are left off the notice and named here. */
export type CreatedPublicNotice = PublicNotice & { skipped: { registrationId: string; headName: string }[] };
