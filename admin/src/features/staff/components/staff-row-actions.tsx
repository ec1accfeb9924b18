import { App, Button, Popconfirm, Space } from 'antd';
import type { StaffUser } from '@anqian/shared';
import { useResetStaffPassword } from '@/features/staff/api/reset-staff-password';
import { useSetStaffStatus } from '@/features/staff/api/set-staff-status';
import { useUnlockStaff } from '@/features/staff/api/unlock-staff';
import type { TemporaryPasswordNotice } from '@/features/staff/components/temporary-password-modal';

/** The API client has already shown the failure; the confirmation just closes. */
const ignoreShownError = (): void => undefined;

export function isLocked(user: StaffUser, now = Date.now()): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now;
}

type Props = {
  user: StaffUser;
  isSelf: boolean;
  onEdit: (user: StaffUser) => void;
  onPasswordReset: (notice: TemporaryPasswordNotice) => void;
};

export function StaffRowActions({ user, isSelf, onEdit, onPasswordReset }: Props) {
  const { message } = App.useApp();
  const resetPassword = useResetStaffPassword();
  const unlock = useUnlockStaff();
  const setStatus = useSetStaffStatus();
  const name = user.displayName;

  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => onEdit(user)} aria-label={`编辑${name}`}>
        编辑
      </Button>
      {!isSelf && (
        <Popconfirm
          title={`重置${name}的密码？`}
          description="原密码立即失效，对方须用临时密码登录并设置新密码。"
          okText="重置"
          cancelText="取消"
          onConfirm={() =>
            resetPassword.mutateAsync(user.id).then(({ temporaryPassword }) =>
              onPasswordReset({ reason: 'reset', username: user.username, displayName: name, temporaryPassword }),
            ).catch(ignoreShownError)
          }
        >
          <Button type="link" size="small" aria-label={`重置${name}的密码`}>
            重置密码
          </Button>
        </Popconfirm>
      )}
      {isLocked(user) && (
        <Button
          type="link"
          size="small"
          loading={unlock.isPending}
          aria-label={`解锁${name}`}
          onClick={() => unlock.mutate(user.id, { onSuccess: () => void message.success(`已解锁${name}的账号`) })}
        >
          解锁
        </Button>
      )}
      {!isSelf && user.status === 'active' && (
        <Popconfirm
          title={`停用${name}的账号？`}
          description="停用后该账号立即不能登录，已登录的会话也会失效。"
          okText="停用"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() =>
            setStatus.mutateAsync({ id: user.id, status: 'disabled' }).then(() => void message.success(`已停用${name}的账号`)).catch(ignoreShownError)
          }
        >
          <Button type="link" size="small" danger aria-label={`停用${name}`}>
            停用
          </Button>
        </Popconfirm>
      )}
      {!isSelf && user.status === 'disabled' && (
        <Popconfirm
          title={`启用${name}的账号？`}
          description="启用后该账号可以重新登录。"
          okText="启用"
          cancelText="取消"
          onConfirm={() =>
            setStatus.mutateAsync({ id: user.id, status: 'active' }).then(() => void message.success(`已启用${name}的账号`)).catch(ignoreShownError)
          }
        >
          <Button type="link" size="small" aria-label={`启用${name}`}>
            启用
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
