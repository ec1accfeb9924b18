import { z } from 'zod';
import { STAFF_ROLES } from '../roles';
import { DIVISION_CODE_PATTERN } from '../divisions';
import { MOBILE_PATTERN } from '../masking';
import { paginationQuerySchema } from './common';
import { passwordProblems } from '../password-policy';

export const staffRoleSchema = z.enum(STAFF_ROLES, '角色不正确');
export const divisionCodeSchema = z.string().regex(DIVISION_CODE_PATTERN, '行政区划代码应为 12 位数字');

const usernameSchema = z
  .string('请输入用户名')
  .trim()
  .min(3, '用户名至少 3 个字符')
  .max(32, '用户名最多 32 个字符')
  .regex(/^[a-z][a-z0-9_.-]*$/, '用户名只能用小写字母开头，包含小写字母、数字、下划线、点或短横线');
const displayNameSchema = z.string('请输入姓名').trim().min(1, '请输入姓名').max(30, '姓名最多 30 个字');
const phoneSchema = z.string().regex(MOBILE_PATTERN, '请输入 11 位手机号');

export const loginBodySchema = z.object({
  username: z.string('请输入用户名').trim().toLowerCase().min(1, '请输入用户名').max(64, '用户名太长'),
  password: z.string('请输入密码').min(1, '请输入密码').max(128, '密码太长'),
});

export const newPasswordSchema = z.string('请输入新密码').superRefine((value, ctx) => {
  for (const problem of passwordProblems(value)) ctx.addIssue({ code: 'custom', message: `新密码${problem}` });
});

export const changePasswordBodySchema = z.object({
  currentPassword: z.string('请输入当前密码').min(1, '请输入当前密码').max(128, '密码太长'),
  newPassword: newPasswordSchema,
});

export const createStaffBodySchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: staffRoleSchema,
  divisionCode: divisionCodeSchema,
  phone: phoneSchema.optional(),
  /** May export ledgers with full ID numbers and phones (PIPL: a permission of its own). */
  canExportPersonalData: z.boolean('导出权限应为是或否').default(false),
});

export const updateStaffBodySchema = z
  .object({
    displayName: displayNameSchema.optional(),
    role: staffRoleSchema.optional(),
    divisionCode: divisionCodeSchema.optional(),
    phone: phoneSchema.nullable().optional(),
    canExportPersonalData: z.boolean('导出权限应为是或否').optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), '请至少修改一项');

export const listStaffQuerySchema = paginationQuerySchema.extend({
  q: z.string().trim().max(64, '搜索词太长').optional(),
  role: staffRoleSchema.optional(),
  status: z.enum(['active', 'disabled'], '状态不正确').optional(),
  divisionCode: divisionCodeSchema.optional(),
});

export const listAuditQuerySchema = paginationQuerySchema.extend({
  actor: z.string().trim().max(64, '搜索词太长').optional(),
  action: z.string().trim().max(64, '操作名太长').optional(),
  result: z.enum(['success', 'failure'], '结果不正确').optional(),
  from: z.coerce.date('开始时间格式不正确').optional(),
  to: z.coerce.date('结束时间格式不正确').optional(),
});

export type LoginBody = z.infer<typeof loginBodySchema>;
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;
export type CreateStaffBody = z.input<typeof createStaffBodySchema>;
export type UpdateStaffBody = z.infer<typeof updateStaffBodySchema>;
export type ListStaffQuery = z.infer<typeof listStaffQuerySchema>;
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;

export type PasswordChangeReason = 'first_login' | 'reset' | 'expired';

export type StaffUser = {
  id: string;
  username: string;
  displayName: string;
  role: z.infer<typeof staffRoleSchema>;
  divisionCode: string;
  divisionName: string;
  phoneMasked: string | null;
  canExportPersonalData: boolean;
  status: 'active' | 'disabled';
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
};

export type StaffSession = {
  user: StaffUser;
  csrfToken: string;
  passwordChangeRequired: PasswordChangeReason | null;
};

export type AuditEntry = {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string;
  role: string | null;
  divisionCode: string | null;
  ip: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** What a reader knows the target by: the household head, the site, the document. */
  targetName: string | null;
  result: 'success' | 'failure';
  detail: string | null;
  /** What a successful change changed, in words. */
  changes: AuditChange[];
};

/** One changed field: its Chinese label and its value before and after, as text ('' for none). */
export type AuditChange = { field: string; before: string; after: string };
