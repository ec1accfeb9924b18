import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import { chinaDate, type PolicyDetail, type PolicyVersion } from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { EmptyState } from '@/components/empty-state';
import { Notice } from '@/components/notice';
import { PolicyContent } from '@/features/policies/components/policy-content';
import { getPolicy, getPolicyVersion } from '@/features/policies/policies-api';
import { formatChinaDay } from '@/features/policies/policy-display';
import { ROUTES } from '@/lib/routes';
import { useRemote, type Remote } from '@/lib/use-remote';
import '@/features/policies/components/policies.scss';

export default function PolicyDetailPage() {
  const { params } = useRouter();
  const version = Number(params.version);
  let content;
  if (!params.id) content = <Notice tone='error'>没有指定要查看的政策文件。</Notice>;
  else if (Number.isInteger(version) && version > 0) content = <Version id={params.id} version={version} />;
  else content = <Current id={params.id} />;
  return <PageShell>{content}</PageShell>;
}

function Current({ id }: { id: string }) {
  const load = useCallback(() => getPolicy(id), [id]);
  const policy = useRemote(load);
  return (
    <Loaded remote={policy}>
      {(detail) => (
        <View>
          <PolicyContent
            policy={detail}
            today={chinaDate()}
            owner={detail.divisionName}
            banner={detail.status === 'archived' ? '这份文件已归档，不再执行，仅供查阅。' : undefined}
          />
          <History policy={detail} />
        </View>
      )}
    </Loaded>
  );
}

function Version({ id, version }: { id: string; version: number }) {
  const load = useCallback(() => getPolicyVersion(id, version), [id, version]);
  const policy = useRemote(load);
  return (
    <Loaded remote={policy}>
      {(shown: PolicyVersion) => (
        <PolicyContent
          policy={shown}
          today={chinaDate()}
          banner={shown.current ? undefined : `这是第 ${shown.version} 版（${formatChinaDay(shown.editedAt)}保存），已被新版本代替，仅供查阅。`}
        />
      )}
    </Loaded>
  );
}

function History({ policy }: { policy: PolicyDetail }) {
  if (policy.history.length === 0) return null;
  return (
    <View className='pl-card'>
      <Text className='pl-card__title'>{`历史版本（当前为第 ${policy.version} 版）`}</Text>
      {policy.history.map((entry) => (
        <View
          key={entry.version}
          className='pl-history__row'
          onClick={() => Taro.navigateTo({ url: `${ROUTES.policyDetail}?id=${encodeURIComponent(policy.id)}&version=${entry.version}` })}
        >
          <Text>{`第 ${entry.version} 版 · ${formatChinaDay(entry.editedAt)}`}</Text>
          <Text className='pl-history__open'>查看 ›</Text>
        </View>
      ))}
    </View>
  );
}

function Loaded<T>({ remote, children }: { remote: Remote<T>; children: (data: T) => JSX.Element }) {
  if (remote.data !== null) return children(remote.data);
  if (remote.loading) return <EmptyState title='正在加载…' description='正在读取政策文件，请稍候。' />;
  return (
    <Notice tone='error' actionText='重试' onAction={remote.reload}>
      {`政策文件没有加载出来：${remote.error ?? '请稍后再试'}`}
    </Notice>
  );
}
