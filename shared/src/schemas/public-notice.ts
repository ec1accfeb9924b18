import { z } from 'zod';
import { objectIdSchema, paginationQuerySchema } from './common';
import { dateOnlySchema, type ResettlementType } from './registration';
import { divisionCodeSchema } from './staff';

/** Public notice (公示) of verified households before approval. */
export const MIN_NOTICE_DAYS = 5;

export const createPublicNoticeBodySchema = z
  .object({
    title: z.string('请输入公示标题').trim().min(4, '请输入公示标题').max(60, '标题最多 60 个字'),
    intro: z.string().trim().max(1000, '说明最多 1000 个字').default(''),
    startDate: dateOnlySchema,
    endDate: dateOnlySchema,
    registrationIds: z
      .array(objectIdSchema, '请选择要公示的登记')
      .min(1, '请至少选择一户')
      .max(500, '一次最多公示 500 户')
      .refine((ids) => new Set(ids).size === ids.length, '登记不能重复'),
  })
  .superRefine((body, ctx) => {
    const days = (Date.parse(body.endDate) - Date.parse(body.startDate)) / 86_400_000 + 1;
    if (!(days >= MIN_NOTICE_DAYS)) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: `公示期至少 ${MIN_NOTICE_DAYS} 天（含首尾）` });
    }
  });

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

export type PublicNotice = PublicNoticeSummary & { intro: string; entries: PublicNoticeEntry[] };

/** The answer to publishing: households whose registration changed meanwhile are left off the notice and named here. */
export type CreatedPublicNotice = PublicNotice & { skipped: { registrationId: string; headName: string }[] };
