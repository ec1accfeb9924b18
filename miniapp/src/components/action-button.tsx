import { Button, View, type ButtonProps } from '@tarojs/components';
import { classNames } from '@/lib/class-names';

type Props = Omit<ButtonProps, 'type' | 'size' | 'plain' | 'loading'> & {
  variant?: 'primary' | 'secondary' | 'danger';
  /** Busy: shows our own spinner and ignores taps. */
  loading?: boolean;
};

/**
 * The one button style: full width, at least one tap target high, never smaller text than the body.
 * The spinner is ours rather than Button's `loading`: on H5 that prop makes the web component insert
 * a node among React's children and the page stops updating. It is always rendered (hidden when
 * idle) so the children never change shape.
 */
export function ActionButton({ variant = 'primary', className, loading, disabled, children, ...rest }: Props) {
  const inactive = Boolean(disabled || loading);
  return (
    <Button
      className={classNames('aq-btn', `aq-btn--${variant}`, inactive && 'aq-btn--inactive', className)}
      disabled={inactive}
      {...rest}
    >
      <View className={classNames('aq-spinner', !loading && 'aq-spinner--idle')} />
      {children}
    </Button>
  );
}
