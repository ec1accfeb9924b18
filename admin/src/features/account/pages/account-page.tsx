import { App, Card, Descriptions, Flex, Tag } from 'antd';
import { STAFF_ROLE_LABELS } from '@anqian/shared';
import { ChangePasswordForm } from '@/components/change-password-form';
import { useCurrentSession } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';

export function AccountPage() {
  useDocumentTitle('我的账号');
  const { user } = useCurrentSession();
  const { message } = App.useApp();

  return (
    <Flex vertical gap={24}>
      <Card title="我的账号">
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'username', label: '用户名', children: user.username },
            { key: 'displayName', label: '姓名', children: user.displayName },
            { key: 'role', label: '角色', children: <Tag color="blue">{STAFF_ROLE_LABELS[user.role]}</Tag> },
            { key: 'division', label: '所属区划', children: user.divisionName },
            { key: 'phone', label: '手机号', children: user.phoneMasked ?? '未填写' },
            { key: 'lastLogin', label: '本次登录', children: formatDateTime(user.lastLoginAt) },
            { key: 'createdAt', label: '账号创建时间', children: formatDateTime(user.createdAt) },
          ]}
        />
      </Card>
      <Card title="修改密码">
        <ChangePasswordForm username={user.username} onSuccess={() => void message.success('密码已修改，下次登录请使用新密码')} />
      </Card>
    </Flex>
  );
}
