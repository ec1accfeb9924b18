import { REGISTRATION_STATUS_LABELS, type RegistrationAction, type ResidentRegistration } from '@anqian/shared';

/** A change staff made to one of the resident's registrations, as the 消息 tab lists it. */
export type StatusMessage = {
  key: string;
  registrationId: string;
  title: string;
  text: string;
  at: string;
};

/** The household's own steps (submit, correct, withdraw) are what the resident did, not news to them. */
const OWN_ACTIONS: readonly RegistrationAction[] = ['submit', 'resubmit', 'withdraw'];

const WHAT_HAPPENED: Partial<Record<ResidentRegistration['status'], string>> = {
  accepted: '乡镇已受理，工作人员会上门核实，请保持电话畅通。',
  verified: '上门核实已完成，下一步进入公示。',
  publicizing: '已进入公示，公示期满没有异议后由县里审批。',
  approved: '审批已通过，请留意安置点分配和搬迁安排。',
  returned: '登记被退回，请按退回原因修改后重新提交。',
  rejected: '登记没有通过。',
};

/**
 * The same status changes WeChat subscribe messages announce, read from the registrations' own
 * history so the list is complete even when the resident allowed no WeChat message. Newest first.
 */
export function statusMessages(registrations: readonly ResidentRegistration[]): StatusMessage[] {
  return registrations
    .flatMap((registration) =>
      registration.timeline
        .filter((entry) => !OWN_ACTIONS.includes(entry.action))
        .map((entry, index) => {
          const reason = entry.reason?.trim();
          const reasonLabel = entry.to === 'returned' ? '退回原因' : entry.to === 'rejected' ? '原因' : '说明';
          return {
            key: `${registration.id}-${entry.at}-${index}`,
            registrationId: registration.id,
            title: `${registration.household.head.name}户的搬迁登记：${REGISTRATION_STATUS_LABELS[entry.to]}`,
            text: [WHAT_HAPPENED[entry.to], reason ? `${reasonLabel}：${reason}` : null].filter(Boolean).join(''),
            at: entry.at,
          };
        }),
    )
    .sort((a, b) => b.at.localeCompare(a.at));
}
