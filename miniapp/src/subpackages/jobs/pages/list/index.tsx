import Taro, { useReachBottom } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { JOB_CATEGORIES, JOB_CATEGORY_LABELS, type JobCategory } from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { EmptyState } from '@/components/empty-state';
import { Notice } from '@/components/notice';
import { ListSkeleton } from '@/components/list-skeleton';
import { CategoryTabs } from '@/components/category-tabs';
import { PostingFilters, type FilterChoices } from '@/features/jobs/components/posting-filters';
import { PostingRow } from '@/features/jobs/components/posting-row';
import { loadHomeTownship, saveHomeTownship, type HomeTownship } from '@/features/jobs/home-township';
import { MAX_KEYWORD_LENGTH, normaliseKeyword } from '@/features/jobs/posting-query';
import { usePostingList } from '@/features/jobs/use-posting-list';
import { useSession } from '@/lib/auth';
import { ROUTES } from '@/lib/routes';
import '@/features/jobs/components/jobs.scss';
import '@/styles/cards.scss';

/** Open postings are public, like policies: finding work needs no sign-in. */
export default function JobListPage() {
  return (
    <PageShell>
      <Jobs />
    </PageShell>
  );
}

const NO_FILTERS: FilterChoices = { near: '', minPay: 0, foodAndLodging: '', sort: 'newest' };

function Jobs() {
  const { signedIn } = useSession();
  const [typed, setTyped] = useState('');
  const [keyword, setKeyword] = useState('');
  const [category, setCategory] = useState<JobCategory | ''>('');
  const [choices, setChoices] = useState<FilterChoices>(NO_FILTERS);
  const [home, setHome] = useState<HomeTownship | null>(loadHomeTownship);
  const list = usePostingList({
    category: category || undefined,
    near: choices.near || undefined,
    homeCode: home?.code,
    minPay: choices.minPay,
    foodAndLodging: choices.foodAndLodging || undefined,
    q: keyword,
    sort: choices.sort,
  });
  useReachBottom(list.loadMore);

  const search = () => setKeyword(normaliseKeyword(typed));
  const clear = () => {
    setTyped('');
    setKeyword('');
  };
  const clearAll = () => {
    clear();
    setCategory('');
    setChoices(NO_FILTERS);
  };
  const chooseHome = (township: HomeTownship) => {
    saveHomeTownship(township);
    setHome(township);
  };
  const filtered = Boolean(keyword || category || choices.near || choices.minPay || choices.foodAndLodging);

  return (
    <View>
      {signedIn ? (
        <View className='rg-card'>
          <Text className='rg-card__text'>投递前先填好求职信息，以后每个岗位点一下就能投递。</Text>
          <View className='jb-actions'>
            <ActionButton variant='secondary' onClick={() => Taro.navigateTo({ url: ROUTES.resume })}>
              求职信息
            </ActionButton>
            <ActionButton variant='secondary' onClick={() => Taro.navigateTo({ url: ROUTES.jobApplications })}>
              我的求职
            </ActionButton>
          </View>
        </View>
      ) : null}

      <View className='jb-search'>
        <Input
          className='jb-search__input'
          value={typed}
          placeholder='搜岗位名称或单位'
          placeholderClass='rg-input__placeholder'
          confirmType='search'
          maxlength={MAX_KEYWORD_LENGTH}
          onInput={(event) => setTyped(event.detail.value)}
          onConfirm={search}
        />
        <ActionButton onClick={search}>搜索</ActionButton>
      </View>
      <CategoryTabs categories={JOB_CATEGORIES} labels={JOB_CATEGORY_LABELS} value={category} onChange={setCategory} />
      <PostingFilters choices={choices} onChange={setChoices} home={home} onHome={chooseHome} />

      {keyword ? (
        <Notice tone='info' actionText='清除搜索' onAction={clear}>
          {list.initialLoading ? `正在搜索“${keyword}”…` : `搜索“${keyword}”，找到 ${list.total} 个岗位`}
        </Notice>
      ) : null}
      {choices.near === 'township' && !home ? <Notice tone='warning'>请在上面选一下您家所在的乡镇，再看离家近的岗位。</Notice> : null}

      {list.initialLoading ? <ListSkeleton /> : null}
      {!list.initialLoading && !list.error && list.items.length === 0 ? (
        <View>
          <EmptyState
            title={filtered ? '没有符合条件的岗位' : '暂时没有招聘中的岗位'}
            description={filtered ? '少选几个条件试试，或者换个词搜索。' : '人社局发布新岗位后会显示在这里，也可以去看看招聘会。'}
          />
          {filtered ? (
            <ActionButton variant='secondary' onClick={clearAll}>
              清除全部条件
            </ActionButton>
          ) : (
            <ActionButton variant='secondary' onClick={() => Taro.navigateTo({ url: ROUTES.jobFairs })}>
              看看招聘会
            </ActionButton>
          )}
        </View>
      ) : null}

      {list.items.map((posting) => (
        <PostingRow key={posting.id} posting={posting} onOpen={() => Taro.navigateTo({ url: `${ROUTES.jobDetail}?id=${encodeURIComponent(posting.id)}` })} />
      ))}

      {list.error ? (
        <Notice tone='error' actionText='重试' onAction={list.retry}>
          {`${list.items.length > 0 ? '更多' : ''}岗位没有加载出来：${list.error}`}
        </Notice>
      ) : null}
      {list.hasMore && !list.error ? (
        <ActionButton variant='secondary' loading={list.loadingMore} onClick={list.loadMore}>
          {list.loadingMore ? '正在加载…' : `加载更多（已显示 ${list.items.length} / ${list.total}）`}
        </ActionButton>
      ) : null}
      {!list.hasMore && list.items.length > 0 ? <Text className='jb-end'>{`已全部显示，共 ${list.total} 个岗位`}</Text> : null}
    </View>
  );
}
