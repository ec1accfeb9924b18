import { Text } from '@tarojs/components';
import type { RegistrationStatus } from '@anqian/shared';

export function StatusBadge({ status, label }: { status: RegistrationStatus; label: string }) {
  return <Text className={`rg-status rg-status--${status}`}>{label}</Text>;
}
