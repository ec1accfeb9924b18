import { Button, type ButtonProps } from '@tarojs/components';
import { classNames } from '@/lib/class-names';

type Props = Omit<ButtonProps, 'type' | 'size' | 'plain'> & {
  variant?: 'primary' | 'secondary' | 'danger';
};

/** The one button style: full width, at least one tap target high, never smaller text than the body. */
export function ActionButton({ variant = 'primary', className, loading, disabled, children, ...rest }: Props) {
  const inactive = Boolean(disabled || loading);
  return (
    <Button
      className={classNames('aq-btn', `aq-btn--${variant}`, inactive && 'aq-btn--inactive', className)}
      loading={loading}
      disabled={inactive}
      {...rest}
    >
      {children}
    </Button>
  );
}
