import { z } from 'zod';
import { paginationQuerySchema } from './common';
import { divisionCodeSchema } from './staff';

/** Resettlement sites (安置点), managed by the county. */
export const SITE_TYPES = ['centralized', 'urban'] as const;
export const SITE_TYPE_LABELS: Record<(typeof SITE_TYPES)[number], string> = {
  centralized: '集中安置点',
  urban: '城镇安置小区',
};

export const CONSTRUCTION_STATUSES = ['planned', 'under_construction', 'completed', 'occupied'] as const;
export const CONSTRUCTION_STATUS_LABELS: Record<(typeof CONSTRUCTION_STATUSES)[number], string> = {
  planned: '规划中',
  under_construction: '在建',
  completed: '已建成',
  occupied: '已入住',
};

export const SITE_FACILITIES = ['school', 'clinic', 'market', 'workshop', 'community_center', 'bus', 'elderly_care'] as const;
export const SITE_FACILITY_LABELS: Record<(typeof SITE_FACILITIES)[number], string> = {
  school: '学校',
  clinic: '卫生院',
  market: '农贸市场',
  workshop: '帮扶车间',
  community_center: '社区服务中心',
  bus: '公交站',
  elderly_care: '养老服务站',
};

const siteFields = {
  name: z.string('请输入安置点名称').trim().min(2, '请输入安置点名称').max(50, '名称最多 50 个字'),
  townshipCode: divisionCodeSchema,
  type: z.enum(SITE_TYPES, '请选择安置点类型'),
  capacity: z.number('请输入可安置户数（数字）').int('可安置户数应为整数').min(1, '可安置户数至少 1 户').max(10000, '可安置户数最多 10000 户'),
  facilities: z
    .array(z.enum(SITE_FACILITIES, '配套设施不正确'))
    .max(SITE_FACILITIES.length)
    .refine((list) => new Set(list).size === list.length, '配套设施不能重复'),
  constructionStatus: z.enum(CONSTRUCTION_STATUSES, '请选择建设状态'),
  address: z.string().trim().max(100, '地址最多 100 个字'),
};

export const siteBodySchema = z.object({
  ...siteFields,
  facilities: siteFields.facilities.default([]),
  address: siteFields.address.default(''),
});
/** Built from the fields without defaults: a partial update must not reset what it leaves out. */
export const updateSiteBodySchema = z
  .object(siteFields)
  .partial()
  .refine((body) => Object.values(body).some((value) => value !== undefined), '请至少修改一项');

export const listSitesQuerySchema = paginationQuerySchema.extend({
  townshipCode: divisionCodeSchema.optional(),
  constructionStatus: z.enum(CONSTRUCTION_STATUSES, '建设状态不正确').optional(),
  q: z.string().trim().max(50, '搜索词太长').optional(),
});

export type SiteBody = z.input<typeof siteBodySchema>;
export type UpdateSiteBody = z.input<typeof updateSiteBodySchema>;
export type ListSitesQuery = z.output<typeof listSitesQuerySchema>;

export type Site = {
  id: string;
  name: string;
  townshipCode: string;
  townshipName: string;
  type: (typeof SITE_TYPES)[number];
  capacity: number;
  assigned: number;
  remaining: number;
  facilities: (typeof SITE_FACILITIES)[number][];
  constructionStatus: (typeof CONSTRUCTION_STATUSES)[number];
  address: string;
  updatedAt: string;
};
