import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ActionButton } from './action-button';

type Props = {
  tone: 'info' | 'warning' | 'error' | 'success';
  children: ReactNode;
  actionText?: string;
  onAction?: () => void;
};

/** An inline message that stays on screen until the situation changes (no toast to miss). */
export function Notice({ tone, children, actionText, onAction }: Props) {
  return (
    <View className={`aq-notice aq-notice--${tone}`}>
      <Text className='aq-notice__text'>{children}</Text>
      {actionText && onAction ? (
        <ActionButton variant='secondary' className='aq-notice__action' onClick={onAction}>
          {actionText}
        </ActionButton>
      ) : null}
    </View>
  );
}
