import Taro from '@tarojs/taro';
import type { SubscribeTemplateKey } from '@anqian/shared';
import { request } from '@/lib/request';

type Templates = Partial<Record<SubscribeTemplateKey, string>>;

let templates: Templates | null = null;

/**
 * WeChat only shows the subscribe prompt when it is asked for during a tap, so the template ids
 * must already be here when the resident taps 提交: load them when the form opens.
 */
export async function prefetchSubscribeTemplates(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || templates) return;
  try {
    templates = await request<Templates>('/resident/subscribe-templates', { retryPrompt: false });
  } catch {
    // Without the ids the resident simply gets no WeChat message; the status is still in 我的登记.
  }
}

/**
 * Ask for one message of each kind in `keys` (only what the tap is about: a registration's status,
 * not job news) and tell the server which were accepted. Call it first thing in the tap handler.
 * Never throws: a refusal must not block the submit. H5 has no subscribe messages, so it does
 * nothing there.
 */
export async function askForMessages(keys: readonly SubscribeTemplateKey[]): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || !templates) return;
  const wanted = keys.flatMap((key) => (templates?.[key] ? [[key, templates[key]] as const] : []));
  if (wanted.length === 0) return;
  try {
    const result = (await Taro.requestSubscribeMessage({
      tmplIds: wanted.map(([, id]) => id),
    } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
    const accepted = wanted.filter(([, id]) => result[id] === 'accept').map(([key]) => key);
    if (accepted.length > 0) {
      await request<void>('/resident/subscriptions', { method: 'POST', data: { accepted }, retryPrompt: false });
    }
  } catch {
    // Refused, switched off in WeChat settings, or offline: carry on with the submit.
  }
}
