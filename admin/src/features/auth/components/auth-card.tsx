import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

/** The centred frame shared by the sign-in and forced password change pages. */
export function AuthCard({ children, width = 400 }: { children: ReactNode; width?: number }) {
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 24, background: '#f0f4fa' }}>
      <main style={{ width: '100%', maxWidth: width }}>{children}</main>
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
        安迁通 · 仅限授权工作人员使用，所有操作均记入审计日志
      </Typography.Text>
    </Flex>
  );
}
