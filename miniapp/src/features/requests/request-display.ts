import {
  chinaDate,
  type ErrorDetail,
  REQUEST_FIRST_REPLY_WORKING_DAYS,
  requestDeadlines,
  type RequestCategory,
  type RequestStage,
  type ResidentRequest,
} from '@anqian/shared';

/** Why the request pages ask for consent to the privacy notice. */
export const REQUESTS_CONSENT_WHY = '诉求里有您写的情况、照片和住址，需要您先同意隐私保护指引。';

/** One plain line under each category, so the resident knows which one fits. */
export const CATEGORY_HINTS: Record<RequestCategory, string> = {
  inquiry: '想问政策、补助、办事怎么办',
  help: '生活上遇到困难，需要帮一把',
  complaint: '对办事、服务或工程不满意',
  repair: '安置房、水电、道路等坏了要修',
  suggestion: '对搬迁、安置有好的想法',
};

/** The colour a stage pill takes (classes in requests.scss). */
export function stageTone(stage: RequestStage): 'info' | 'warning' | 'success' | 'muted' {
  if (stage === 'replied') return 'success';
  if (stage === 'processing') return 'warning';
  if (stage === 'closed' || stage === 'withdrawn') return 'muted';
  return 'info';
}

/**
 * The promise while the resident waits for a first answer: the township replies within 3 working
 * days, counted on the same holiday calendar the server uses. Null once answered or reopened.
 */
export function replyPromise(request: Pick<ResidentRequest, 'stage' | 'replyCount' | 'submittedAt'>): string | null {
  if (request.replyCount > 0 || (request.stage !== 'submitted' && request.stage !== 'processing')) return null;
  const { firstReplyDue } = requestDeadlines(new Date(request.submittedAt));
  const [year, month, day] = firstReplyDue.split('-').map(Number);
  const late = firstReplyDue < chinaDate() ? '，已经过了，可以打乡镇电话问一问' : '';
  return `乡镇一般在 ${REQUEST_FIRST_REPLY_WORKING_DAYS} 个工作日内答复（最晚 ${year}年${month}月${day}日${late}）。`;
}

/** The fields of the new-request form that can carry a message. */
export type RequestField = 'category' | 'text' | 'photos' | 'village' | 'registration';
export type RequestFieldErrors = Partial<Record<RequestField, string>>;

const SERVER_FIELDS: [RegExp, RequestField][] = [
  [/^body\.category/, 'category'],
  [/^body\.text/, 'text'],
  [/^body\.photoIds/, 'photos'],
  [/^body\.place\.registrationId/, 'registration'],
  [/^body\.place/, 'village'],
];

/** The server's 400 details (`body.place.villageCode`) as the form's fields; the rest stays general. */
export function fieldErrorsFromServer(details: readonly ErrorDetail[]): { fields: RequestFieldErrors; other: string[] } {
  const fields: RequestFieldErrors = {};
  const other: string[] = [];
  for (const { field, message } of details) {
    const match = SERVER_FIELDS.find(([pattern]) => pattern.test(field));
    if (match) fields[match[1]] ??= match[1] === 'village' ? '请选择诉求所在的村（社区）' : message;
    else other.push(message);
  }
  return { fields, other };
}
