import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useDisplayMode } from '@/features/display/display-mode';
import { PrivacyPopup } from '@/features/privacy/components/privacy-popup';
import { classNames } from '@/lib/class-names';

/**
 * Every page renders inside this shell: it carries the display-mode class that switches the size
 * tokens (see styles/_tokens.scss) and hosts the WeChat privacy popup.
 */
export function PageShell({ className, children }: { className?: string; children: ReactNode }) {
  const { largeText } = useDisplayMode();
  return (
    <View className={classNames('aq-page', largeText && 'aq-page--large', className)}>
      {children}
      <PrivacyPopup />
    </View>
  );
}
