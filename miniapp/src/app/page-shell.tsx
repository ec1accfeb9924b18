import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useDisplayMode } from '@/features/display/display-mode';
import { FirstOpenNotice } from '@/features/privacy/components/first-open-notice';
import { PrivacyPopup } from '@/features/privacy/components/privacy-popup';
import { classNames } from '@/lib/class-names';

/**
 * Every page renders inside this shell: it carries the display-mode class that switches the size
 * tokens (see styles/_tokens.scss) and hosts the privacy notice of a first visit and the WeChat
 * privacy popup. The privacy page itself is the full notice, so it goes without the first-visit one.
 */
export function PageShell(props: { className?: string; children: ReactNode; firstOpenNotice?: boolean }) {
  const { className, children, firstOpenNotice = true } = props;
  const { largeText } = useDisplayMode();
  return (
    <View className={classNames('aq-page', largeText && 'aq-page--large', className)}>
      {children}
      {firstOpenNotice ? <FirstOpenNotice /> : null}
      <PrivacyPopup />
    </View>
  );
}
