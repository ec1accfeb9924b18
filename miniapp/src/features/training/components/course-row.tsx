import { Text, View } from '@tarojs/components';
import type { Course } from '@anqian/shared';
import { classNames } from '@/lib/class-names';
import { committedHires, courseDates, partnerSummary, placeText, placesText } from '../course-display';
import './training.scss';

/** Places left, or 已满 with the waitlist still open. */
export function Places({ course }: { course: Course }) {
  const places = placesText(course);
  return <Text className={classNames('tr-places', places.full && 'tr-places--full')}>{places.text}</Text>;
}

type Props = { course: Course; onOpen: () => void; badge?: { text: string; tone: string } };

export function CourseRow({ course, onOpen, badge }: Props) {
  const partners = partnerSummary(course);
  return (
    <View className='tr-row' onClick={onOpen}>
      <View className='tr-row__top'>
        <Text className='tr-row__title'>{course.title}</Text>
        {badge ? (
          <Text className={`tr-pill tr-pill--${badge.tone}`}>{badge.text}</Text>
        ) : (
          <Text className={classNames('tr-pill', course.acceptingApplications ? 'tr-pill--success' : 'tr-pill--muted')}>{course.statusLabel}</Text>
        )}
      </View>
      <View className='tr-badges'>
        <Text className='tr-badge'>{course.categoryLabel}</Text>
        {committedHires(course) > 0 ? <Text className='tr-badge tr-badge--warm'>包就业</Text> : null}
        {course.costFen === 0 ? <Text className='tr-badge tr-badge--ok'>免费</Text> : null}
      </View>
      <Text className='tr-row__meta'>{`时间：${courseDates(course)}`}</Text>
      <Text className='tr-row__meta'>{`地点：${placeText(course)}`}</Text>
      {partners ? <Text className='tr-row__meta'>{partners}</Text> : null}
      {course.status === 'published' ? <Places course={course} /> : null}
      <Text className='tr-row__more'>查看详情 ›</Text>
    </View>
  );
}
