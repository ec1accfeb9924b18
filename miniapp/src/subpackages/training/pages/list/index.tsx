import Taro, { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { TRAINING_CATEGORIES, TRAINING_CATEGORY_LABELS, type TrainingCategory } from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { EmptyState } from '@/components/empty-state';
import { Notice } from '@/components/notice';
import { ListSkeleton } from '@/components/list-skeleton';
import { CategoryTabs } from '@/components/category-tabs';
import { CourseFilters, type Township } from '@/features/training/components/course-filters';
import { CourseRow } from '@/features/training/components/course-row';
import { courseListPath, type CourseFilter } from '@/features/training/course-query';
import { listCourses } from '@/features/training/training-api';
import { usePagedList } from '@/lib/use-paged-list';
import { useSession } from '@/lib/auth';
import { ROUTES } from '@/lib/routes';
import { useBackOnPage } from '@/lib/use-back-on-page';
import '@/features/training/components/training.scss';
import '@/styles/cards.scss';

/** Published courses are public, like job postings: looking needs no sign-in. */
export default function TrainingListPage() {
  return (
    <PageShell>
      <Courses />
    </PageShell>
  );
}

function Courses() {
  const { signedIn } = useSession();
  const [category, setCategory] = useState<TrainingCategory | ''>('');
  const [township, setTownship] = useState<Township | null>(null);
  const [notFull, setNotFull] = useState(false);
  const filter: CourseFilter = { category: category || undefined, townshipCode: township?.code, notFull };
  const list = usePagedList(courseListPath(filter, 1), (page) => listCourses(filter, page));
  useReachBottom(list.loadMore);
  useBackOnPage(list.reload);

  const filtered = Boolean(category || township || notFull);
  const clearAll = () => {
    setCategory('');
    setTownship(null);
    setNotFull(false);
  };

  return (
    <View>
      <View className='rg-card'>
        <Text className='rg-card__text'>人社局组织的免费技能培训，学完发证书；标着「包就业」的，合作单位承诺招用学员。</Text>
        {signedIn ? (
          <ActionButton variant='secondary' onClick={() => void Taro.navigateTo({ url: ROUTES.myTraining })}>
            我的培训
          </ActionButton>
        ) : null}
      </View>
      <CategoryTabs categories={TRAINING_CATEGORIES} labels={TRAINING_CATEGORY_LABELS} value={category} onChange={setCategory} />
      <CourseFilters township={township} onTownship={setTownship} notFull={notFull} onNotFull={setNotFull} />

      {list.initialLoading ? <ListSkeleton /> : null}
      {!list.initialLoading && !list.error && list.items.length === 0 ? (
        <View>
          <EmptyState
            title={filtered ? '没有符合条件的培训班' : '暂时没有正在招生的培训班'}
            description={filtered ? '少选几个条件试试。' : '人社局发布新的培训班后会显示在这里，也可以先去看看招聘岗位。'}
          />
          {filtered ? (
            <ActionButton variant='secondary' onClick={clearAll}>
              清除全部条件
            </ActionButton>
          ) : (
            <ActionButton variant='secondary' onClick={() => void Taro.navigateTo({ url: ROUTES.jobs })}>
              看看招聘岗位
            </ActionButton>
          )}
        </View>
      ) : null}

      {list.items.map((course) => (
        <CourseRow key={course.id} course={course} onOpen={() => void Taro.navigateTo({ url: `${ROUTES.trainingDetail}?id=${encodeURIComponent(course.id)}` })} />
      ))}

      {list.error ? (
        <Notice tone='error' actionText='重试' onAction={list.retry}>
          {`${list.items.length > 0 ? '更多' : ''}培训班没有加载出来：${list.error}`}
        </Notice>
      ) : null}
      {list.hasMore && !list.error ? (
        <ActionButton variant='secondary' loading={list.loadingMore} onClick={list.loadMore}>
          {list.loadingMore ? '正在加载…' : `加载更多（已显示 ${list.items.length} / ${list.total}）`}
        </ActionButton>
      ) : null}
      {!list.hasMore && list.items.length > 0 ? <Text className='tr-end'>{`已全部显示，共 ${list.total} 个培训班`}</Text> : null}
    </View>
  );
}
