import { AUDIT_ACTION_LABELS } from '@anqian/shared';

export { AUDIT_TARGET_TYPE_LABELS as TARGET_TYPE_LABELS } from '@anqian/shared';

export const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }));

/** An id missing from the labels is shown as is, so a new server action never disappears from the log. */
export function actionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
