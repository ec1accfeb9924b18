import Taro, { useReachBottom } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { chinaDate, POLICY_CATEGORIES, POLICY_CATEGORY_LABELS, type PolicyCategory } from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { EmptyState } from '@/components/empty-state';
import { Notice } from '@/components/notice';
import { CategoryTabs } from '@/components/category-tabs';
import { ListSkeleton } from '@/components/list-skeleton';
import { PolicyRow } from '@/features/policies/components/policy-row';
import { MAX_KEYWORD_LENGTH, normaliseKeyword } from '@/features/policies/policy-query';
import { usePolicyList } from '@/features/policies/use-policy-list';
import { ROUTES } from '@/lib/routes';
import '@/features/policies/components/policies.scss';

/** Published policies are public: reading them needs no sign-in. */
export default function PolicyListPage() {
  return (
    <PageShell>
      <Policies />
    </PageShell>
  );
}

function Policies() {
  const [typed, setTyped] = useState('');
  const [keyword, setKeyword] = useState('');
  const [category, setCategory] = useState<PolicyCategory | ''>('');
  const list = usePolicyList(category || undefined, keyword);
  const today = chinaDate();
  useReachBottom(list.loadMore);

  const search = () => setKeyword(normaliseKeyword(typed));
  const clear = () => {
    setTyped('');
    setKeyword('');
  };

  return (
    <View>
      <View className='pl-search'>
        <Input
          className='pl-search__input'
          value={typed}
          placeholder='搜标题、文号或内容'
          placeholderClass='rg-input__placeholder'
          confirmType='search'
          maxlength={MAX_KEYWORD_LENGTH}
          onInput={(event) => setTyped(event.detail.value)}
          onConfirm={search}
        />
        <ActionButton onClick={search}>搜索</ActionButton>
      </View>
      <CategoryTabs categories={POLICY_CATEGORIES} labels={POLICY_CATEGORY_LABELS} value={category} onChange={setCategory} />

      {keyword ? (
        <Notice tone='info' actionText='清除搜索' onAction={clear}>
          {list.initialLoading ? `正在搜索“${keyword}”…` : `搜索“${keyword}”，找到 ${list.total} 份文件`}
        </Notice>
      ) : null}

      {list.initialLoading ? <ListSkeleton /> : null}
      {!list.initialLoading && !list.error && list.items.length === 0 ? (
        <EmptyState
          title={keyword ? '没有找到相关政策' : '暂无政策文件'}
          description={keyword ? '换个说法试试，比如搜“补助”“拆旧”或文号。' : '这个类别下还没有发布的政策文件。'}
        />
      ) : null}

      {list.items.map((policy) => (
        <PolicyRow
          key={policy.id}
          policy={policy}
          today={today}
          onOpen={() => Taro.navigateTo({ url: `${ROUTES.policyDetail}?id=${encodeURIComponent(policy.id)}` })}
        />
      ))}

      {list.error ? (
        <Notice tone='error' actionText='重试' onAction={list.retry}>
          {`${list.items.length > 0 ? '更多' : ''}政策文件没有加载出来：${list.error}`}
        </Notice>
      ) : null}
      {list.hasMore && !list.error ? (
        <ActionButton variant='secondary' loading={list.loadingMore} onClick={list.loadMore}>
          {list.loadingMore ? '正在加载…' : `加载更多（已显示 ${list.items.length} / ${list.total}）`}
        </ActionButton>
      ) : null}
      {!list.hasMore && list.items.length > 0 ? <Text className='pl-end'>{`已全部显示，共 ${list.total} 份`}</Text> : null}
    </View>
  );
}
