import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { ResidentAnnouncementSummary } from '@anqian/shared';
import { useSession } from '@/lib/auth';
import { formatChinaTime } from '@/lib/format-date';
import { ROUTES } from '@/lib/routes';
import { useBackOnPage } from '@/lib/use-back-on-page';
import { getLiveAlert } from '../announcements-api';
import './hazard-alert-banner.scss';

/**
 * The live 地质灾害预警 of the resident's area, on top of the home page until it expires; checked
 * again each time the resident comes back to the page. The API knows the area only of a signed-in
 * resident, so signed out there is nothing to show. A failed check shows nothing rather than an
 * error over the home page; the next visit checks again.
 */
export function HazardAlertBanner() {
  const { signedIn } = useSession();
  const [alert, setAlert] = useState<ResidentAnnouncementSummary | null>(null);

  const check = useCallback(() => {
    if (!signedIn) {
      setAlert(null);
      return;
    }
    getLiveAlert().then(setAlert, () => undefined);
  }, [signedIn]);

  useEffect(check, [check]);
  useBackOnPage(check);

  if (!alert) return null;
  return (
    <View className='an-alert' onClick={() => void Taro.navigateTo({ url: `${ROUTES.announcementDetail}?id=${encodeURIComponent(alert.id)}` })}>
      <Text className='an-alert__label'>地质灾害预警</Text>
      <Text className='an-alert__title'>{alert.title}</Text>
      <Text className='an-alert__meta'>{`${alert.divisionName} · ${formatChinaTime(alert.publishedAt, { withYear: false })}发布`}</Text>
      <Text className='an-alert__more'>点这里看详细内容 ›</Text>
    </View>
  );
}
