import { Text, View } from '@tarojs/components';
import { REGISTRATION_ACTION_LABELS, REGISTRATION_STATUS_LABELS, type TimelineEntry } from '@anqian/shared';
import { formatDate } from '@/lib/format-date';

function entryTitle(entry: TimelineEntry): string {
  if (entry.action === 'submit' || entry.action === 'resubmit' || entry.action === 'withdraw') {
    return REGISTRATION_ACTION_LABELS[entry.action];
  }
  return REGISTRATION_STATUS_LABELS[entry.to];
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatDate(iso)} ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** Every step the registration went through, newest last, with who acted and why. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <View className='rg-timeline'>
      {entries.map((entry, index) => (
        <View key={`${entry.at}-${index}`} className='rg-timeline__item'>
          <Text className='rg-timeline__title'>{entryTitle(entry)}</Text>
          <Text className='rg-timeline__meta'>{`${formatTime(entry.at)}，${entry.actorLabel}`}</Text>
          {entry.reason ? <Reason entry={entry} reason={entry.reason} /> : null}
        </View>
      ))}
    </View>
  );
}

/** Return and reject reasons ask the resident to act and stand out; other notes stay quiet. */
function Reason({ entry, reason }: { entry: TimelineEntry; reason: string }) {
  if (entry.to === 'returned' || entry.to === 'rejected') {
    return (
      <Text className='rg-timeline__reason'>{`${entry.to === 'returned' ? '退回原因' : '不予通过的原因'}：${reason}`}</Text>
    );
  }
  return <Text className='rg-timeline__reason rg-timeline__reason--note'>{`说明：${reason}`}</Text>;
}
