import type { ReactNode } from 'react';
import { EmptyState } from '@/components/empty-state';
import { Notice } from '@/components/notice';
import type { Remote } from '@/lib/use-remote';

type Props<T> = { remote: Remote<T>; what: string; children: (data: T) => ReactNode };

/** Loading and failure for one fetched thing, so each page only describes the loaded state. */
export function LoadState<T>({ remote, what, children }: Props<T>) {
  if (remote.data !== null) return <>{children(remote.data)}</>;
  if (remote.loading) return <EmptyState title='正在加载…' description={`正在读取${what}，请稍候。`} />;
  return (
    <Notice tone='error' actionText='重试' onAction={remote.reload}>
      {`${what}没有加载出来：${remote.error ?? '请稍后再试'}`}
    </Notice>
  );
}
