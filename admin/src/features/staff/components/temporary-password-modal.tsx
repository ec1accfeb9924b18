import { Alert, Button, Descriptions, Modal, Typography } from 'antd';

export type TemporaryPasswordNotice = {
  reason: 'created' | 'reset';
  username: string;
  displayName: string;
  temporaryPassword: string;
};

type Props = {
  notice: TemporaryPasswordNotice | null;
  onClose: () => void;
};

/**
 * The server returns a temporary password exactly once and keeps only its hash, so this dialog is
 * the only chance to pass it on. It closes only through the explicit button.
 */
export function TemporaryPasswordModal({ notice, onClose }: Props) {
  return (
    <Modal
      open={notice !== null}
      title={notice?.reason === 'reset' ? '密码已重置' : '账号已创建'}
      onCancel={onClose}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          我已记下
        </Button>
      }
    >
      {notice && (
        <>
          <Alert
            type="warning"
            showIcon
            title="临时密码只显示这一次"
            description="请当面或通过电话告知本人，不要通过聊天群发送。对方登录后必须立即设置新密码。"
            style={{ marginBottom: 16 }}
          />
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'username', label: '用户名', children: notice.username },
              { key: 'displayName', label: '姓名', children: notice.displayName },
              {
                key: 'password',
                label: '临时密码',
                children: (
                  <Typography.Text code copyable={{ text: notice.temporaryPassword, tooltips: ['复制', '已复制'] }} style={{ fontSize: 16 }}>
                    {notice.temporaryPassword}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
