import { Card, Descriptions, Flex, Typography } from 'antd';
import { RELOCATION_STAFF_ROLES, STAFF_ROLE_LABELS, type StaffRole } from '@anqian/shared';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { EmploymentOverview } from '@/features/dashboard/components/employment-overview';
import { RegistrationOverview } from '@/features/dashboard/components/registration-overview';
import { RequestOverview } from '@/features/dashboard/components/request-overview';
import { TrainingOverview } from '@/features/dashboard/components/training-overview';

/** What each role looks after, in the words used in county offices. */
const ROLE_DUTIES: Record<StaffRole, string> = {
  county_admin: '管理全县工作人员账号、查看审计日志，并统筹全县避险搬迁工作',
  township_staff: '办理本乡镇群众的搬迁登记、审核和安置事务',
  village_cadre: '协助本村群众登记、核实家庭情况并跟进搬迁进度',
  hr_staff: '负责搬迁群众的就业培训和岗位推荐',
};

export function DashboardPage() {
  useDocumentTitle('工作台');
  const session = useCurrentSession();
  const { user } = session;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          您好，{user.displayName}
        </Typography.Title>
        <Typography.Paragraph>
          欢迎使用安迁通管理后台。您是<Typography.Text strong>{STAFF_ROLE_LABELS[user.role]}</Typography.Text>，负责
          <Typography.Text strong>{user.divisionName}</Typography.Text>范围内的工作：{ROLE_DUTIES[user.role]}。
        </Typography.Paragraph>
        <Descriptions
          size="small"
          column={3}
          style={{ maxWidth: 900 }}
          items={[
            { key: 'division', label: '管辖区划', children: user.divisionName },
            { key: 'role', label: '角色', children: STAFF_ROLE_LABELS[user.role] },
            { key: 'lastLogin', label: '本次登录', children: formatDateTime(user.lastLoginAt) },
          ]}
        />
        {!hasRole(session, RELOCATION_STAFF_ROLES) && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
            更多就业服务功能正在陆续上线。
          </Typography.Paragraph>
        )}
      </Card>
      {hasRole(session, RELOCATION_STAFF_ROLES) && <RequestOverview />}
      {hasRole(session, RELOCATION_STAFF_ROLES) && <RegistrationOverview />}
      <EmploymentOverview />
      {hasRole(session, ['hr_staff', 'county_admin']) && <TrainingOverview />}
    </Flex>
  );
}
