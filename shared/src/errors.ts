/**
 * Stable error codes shared by the server (which throws them) and both clients (which may branch
 * on them). Every code has an HTTP status and a default message a resident or staff member can act on.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '提交的内容有误，请按提示修改' },
  INVALID_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  CURRENT_PASSWORD_WRONG: { status: 401, message: '当前密码不正确' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  OUT_OF_SCOPE: { status: 403, message: '只能管理本辖区内的数据' },
  CSRF_INVALID: { status: 403, message: '页面已过期，请刷新后重试' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '请先修改密码' },
  CONSENT_REQUIRED: { status: 403, message: '请先阅读并同意隐私保护指引' },
  SENSITIVE_CONSENT_REQUIRED: { status: 403, message: '请先单独同意处理身份证号等敏感个人信息' },
  NOT_FOUND: { status: 404, message: '要找的内容不存在' },
  METHOD_NOT_ALLOWED: { status: 405, message: '该接口不支持这种请求方式' },
  USERNAME_TAKEN: { status: 409, message: '用户名已被使用' },
  PASSWORD_REUSED: { status: 409, message: '新密码不能与最近 5 次使用过的密码相同' },
  PHONE_CODE_INVALID: { status: 400, message: '手机号授权已失效，请重新授权' },
  WECHAT_CODE_INVALID: { status: 401, message: '微信登录凭证无效或已过期，请重新登录' },
  REGISTRATION_TRANSITION_NOT_ALLOWED: { status: 409, message: '登记当前的状态不允许这个操作，请刷新后查看' },
  REGISTRATION_ACTIVE_EXISTS: { status: 409, message: '这一户已有正在办理的搬迁登记，不能重复登记' },
  REGISTRATION_HOUSEHOLD_CLASH: { status: 409, message: '同一户有多份登记，请先在详情中核对并选定保留哪一份' },
  REGISTRATION_NOT_CORRECTABLE: {
    status: 409,
    message: '这条登记由台账导入，没有群众或村干部能在小程序里补正，不能退回。如信息有误，请县级管理员不予通过，再改正台账重新导入这一户',
  },
  NOTICE_PERIOD_NOT_ENDED: { status: 409, message: '公示期尚未结束，期满后才能审批' },
  NOTICE_PERIOD_TOO_SHORT: { status: 409, message: '这一户在公示中的时间不足规定的公示期，不能审批，需要重新公示' },
  OBJECTION_OPEN: { status: 409, message: '还有未处理的公示异议，处理后才能审批' },
  SITE_FULL: { status: 409, message: '该安置点已满，请选择其他安置点' },
  SITE_CAPACITY_BELOW_ASSIGNED: { status: 409, message: '可安置户数不能少于已分配户数' },
  POLICY_TRANSITION_NOT_ALLOWED: { status: 409, message: '政策文件当前的状态不允许这个操作，请刷新后查看' },
  POLICY_ATTACHMENT_INVALID: { status: 400, message: '附件只能是 PDF 文件' },
  RULE_SET_OVERLAP: { status: 409, message: '补助标准的执行期与已有的补助标准重叠，同一天只能有一套标准' },
  RULE_SET_CHANGED: { status: 409, message: '补助标准已被他人修改，请刷新后再改' },
  RULE_SET_STARTED: { status: 409, message: '已开始执行的补助标准不能删除，可以修改它的截止日期' },
  SUBSIDY_RULES_NOT_SET: { status: 404, message: '当前没有生效的补助标准，请稍后再试或咨询乡镇工作人员' },
  EMPLOYER_CREDIT_CODE_TAKEN: { status: 409, message: '这个统一社会信用代码的用工单位已经登记过，请在列表中搜索' },
  EMPLOYER_SUSPENDED: { status: 409, message: '用工单位已暂停合作，不能为它发布岗位，请先恢复合作' },
  JOB_POSTING_TRANSITION_NOT_ALLOWED: { status: 409, message: '岗位当前的状态不允许这个操作，请刷新后查看' },
  JOB_POSTING_NOT_OPEN: { status: 409, message: '这个岗位已停止招聘，可以看看其他岗位' },
  JOB_POSTING_FILLED: { status: 409, message: '这个岗位已招满，不能再录用，可先增加招聘人数' },
  JOB_APPLICATION_TRANSITION_NOT_ALLOWED: { status: 409, message: '这份投递当前的状态不允许这个操作，请刷新后查看' },
  RESUME_REQUIRED: { status: 409, message: '请先填写求职信息，再投递' },
  SIGNUP_FULL: { status: 409, message: '已满：报名人数已达上限，可以看看其他场次' },
  SIGNUP_CLOSED: { status: 409, message: '报名已截止：活动已开始、已取消或尚未发布' },
  SIGNUP_BUSY: { status: 409, message: '正在为您报名，请稍后到「我的」里查看' },
  SIGNUP_NOT_CANCELLABLE: { status: 409, message: '活动已开始或已签到，不能再取消报名' },
  EVENT_CAPACITY_BELOW_TAKEN: { status: 409, message: '可报名人数不能少于已报名的人数' },
  TICKET_INVALID: { status: 400, message: '电子票无效：二维码或票号不正确，或不是这一场的电子票' },
  TICKET_NOT_VALID: { status: 409, message: '这张电子票的报名已取消，不能签到' },
  TICKET_ALREADY_CHECKED_IN: { status: 409, message: '这张电子票已经签到过，不能重复签到' },
  JOB_FAIR_TRANSITION_NOT_ALLOWED: { status: 409, message: '招聘会当前的状态不允许这个操作，请刷新后查看' },
  PHOTO_TYPE_INVALID: { status: 400, message: '只能上传 JPG、PNG 或 WebP 格式的照片' },
  LEDGER_FILE_INVALID: { status: 400, message: '文件不是有效的 Excel 台账（.xlsx），请使用导出的模板' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容太大' },
  ACCOUNT_LOCKED: { status: 423, message: '密码错误次数过多，账号已锁定 15 分钟，请稍后再试或联系管理员解锁' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  WECHAT_UNAVAILABLE: { status: 503, message: '微信服务暂时不可用，请稍后再试' },
  DATABASE_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
  PDF_FONT_MISSING: {
    status: 503,
    message: '服务器没有安装中文字体，暂时不能生成 PDF。请在打印页点「打印」，在打印窗口里选「另存为 PDF」',
  },
  INTERNAL: { status: 500, message: '服务器出错了，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export type ErrorDetail = { field: string; message: string };

export type ErrorBody = {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[]; requestId?: string };
};
