import { z } from 'zod';

export const objectIdSchema = z.string().regex(/^[a-f\d]{24}$/i, '编号格式不正确');

export const idParamsSchema = z.object({ id: objectIdSchema });

export const paginationQuerySchema = z.object({
  page: z.coerce.number().int('页码应为整数').min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce.number().int('每页条数应为整数').min(1, '每页至少 1 条').max(100, '每页最多 100 条').default(20),
});

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
