/**
 * Chinese names for the server's audit action ids (the `audit:` field of each staff write route).
 * An id missing here is shown as is, so a new server action never disappears from the log.
 */
export const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.change-password': '修改密码',
  'staff.create': '新建账号',
  'staff.update': '修改账号',
  'staff.reset-password': '重置密码',
  'staff.unlock': '解除锁定',
  'staff.disable': '停用账号',
  'staff.enable': '启用账号',
  'staff.reveal-phone': '查看完整手机号',
};

export const ACTION_OPTIONS = Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }));

export const TARGET_TYPE_LABELS: Record<string, string> = {
  staff: '工作人员账号',
  resident: '群众',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}
