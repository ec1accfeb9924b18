import { useState } from 'react';
import { Button, Popconfirm, Space, Typography } from 'antd';

type Props = {
  /** The masked number, or null when there is none (then `noPhone` is shown). */
  masked: string | null;
  noPhone: string;
  /** Whose number it is, for the button's accessible name. */
  owner: string;
  /** Why a reveal is logged, in the confirmation. */
  auditNote: string;
  reveal: () => Promise<{ phone: string }>;
  revealing: boolean;
};

/** Masked by default; the full number is fetched on demand, and the server audits every reveal. */
export function RevealPhoneCell({ masked, noPhone, owner, auditNote, reveal, revealing }: Props) {
  const [phone, setPhone] = useState<string | null>(null);
  if (!masked) return <Typography.Text type="secondary">{noPhone}</Typography.Text>;
  if (phone) {
    return (
      <Space size={4}>
        <Typography.Text copyable={{ text: phone, tooltips: ['复制', '已复制'] }}>{phone}</Typography.Text>
        <Button type="link" size="small" onClick={() => setPhone(null)}>
          隐藏
        </Button>
      </Space>
    );
  }
  return (
    <Space size={4}>
      <span>{masked}</span>
      <Popconfirm
        title="查看完整手机号？"
        description={auditNote}
        okText="查看"
        cancelText="取消"
        onConfirm={() =>
          reveal()
            .then((result) => setPhone(result.phone))
            // The API client has already shown the failure.
            .catch(() => undefined)
        }
      >
        <Button type="link" size="small" loading={revealing} aria-label={`查看${owner}的完整手机号`}>
          查看
        </Button>
      </Popconfirm>
    </Space>
  );
}
