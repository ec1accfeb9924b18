import { useState } from 'react';
import { Button, Popconfirm, Space, Typography } from 'antd';
import type { StaffUser } from '@anqian/shared';
import { useRevealStaffPhone } from '@/features/staff/api/reveal-staff-phone';

/** Masked by default; the full number is fetched on demand, and the server audits every reveal. */
export function StaffPhoneCell({ user }: { user: StaffUser }) {
  const reveal = useRevealStaffPhone();
  const [phone, setPhone] = useState<string | null>(null);

  if (!user.phoneMasked) return <Typography.Text type="secondary">—</Typography.Text>;
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
      <span>{user.phoneMasked}</span>
      <Popconfirm
        title="查看完整手机号？"
        description="查看行为会记入审计日志，请仅在工作需要时查看。"
        okText="查看"
        cancelText="取消"
        onConfirm={() =>
          reveal
            .mutateAsync(user.id)
            .then((result) => setPhone(result.phone))
            // The API client has already shown the failure.
            .catch(() => undefined)
        }
      >
        <Button type="link" size="small" loading={reveal.isPending} aria-label={`查看${user.displayName}的完整手机号`}>
          查看
        </Button>
      </Popconfirm>
    </Space>
  );
}
