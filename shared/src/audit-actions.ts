/**
 * Chinese names of the audit action ids the server records (the `audit:` of each staff write route,
 * plus sign-ins, cadre links and ledger exports recorded by services). The route-table test checks
 * that every route's action is named here, so the audit log viewer never shows a bare id.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.change-password': '修改密码',
  'auth.cadre-link': '村干部绑定小程序',
  'staff.create': '新建账号',
  'staff.update': '修改账号',
  'staff.reset-password': '重置密码',
  'staff.unlock': '解除锁定',
  'staff.disable': '停用账号',
  'staff.enable': '启用账号',
  'staff.reveal-phone': '查看完整手机号',
  'registration.cadre-submit': '村干部代填登记',
  'registration.accept': '受理登记',
  'registration.verify': '入户核实',
  'registration.return': '退回补正',
  'registration.reject': '不予通过',
  'registration.approve': '审批通过',
  'registration.note': '添加内部备注',
  'registration.objection': '登记公示异议',
  'registration.objection-resolve': '处理公示异议',
  'registration.reveal': '查看完整身份信息',
  'registration.export': '导出台账',
  'registration.import': '导入台账',
  'public-notice.create': '发布公示',
  'site.create': '新建安置点',
  'site.update': '修改安置点',
  'photo.upload': '上传照片',
};

export const AUDIT_TARGET_TYPE_LABELS: Record<string, string> = {
  staff: '工作人员账号',
  resident: '群众',
  registration: '搬迁登记',
  'public-notice': '公示',
  site: '安置点',
  photo: '照片',
};
