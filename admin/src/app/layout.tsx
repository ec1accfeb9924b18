import { useState, type ReactNode } from 'react';
import { Button, Flex, Layout, Menu, Progress, Space, Tag, Typography, theme, type MenuProps } from 'antd';
import {
  AccountBookOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  LogoutOutlined,
  MessageOutlined,
  NotificationOutlined,
  PhoneOutlined,
  ProfileOutlined,
  ReadOutlined,
  ShopOutlined,
  SoundOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate, useNavigation } from 'react-router-dom';
import { AREA_OFFICE_ROLES, COUNTY_ADMIN_ROLES, RELOCATION_STAFF_ROLES, STAFF_ROLE_LABELS, type StaffRole } from '@anqian/shared';
import { useCurrentSession, useLogout } from '@/lib/auth';

type NavItem = { path: string; label: string; icon: ReactNode; roles?: readonly StaffRole[] };

/** The single place that decides which areas each role sees; routes enforce the same roles. */
const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: '工作台', icon: <DashboardOutlined /> },
  { path: '/registrations', label: '搬迁登记', icon: <FileTextOutlined />, roles: RELOCATION_STAFF_ROLES },
  { path: '/public-notices', label: '公示管理', icon: <NotificationOutlined />, roles: RELOCATION_STAFF_ROLES },
  { path: '/sites', label: '安置点', icon: <EnvironmentOutlined />, roles: RELOCATION_STAFF_ROLES },
  { path: '/announcements', label: '通知公告', icon: <SoundOutlined /> },
  { path: '/resident-requests', label: '群众诉求', icon: <MessageOutlined />, roles: RELOCATION_STAFF_ROLES },
  { path: '/policies', label: '政策文件', icon: <BookOutlined /> },
  { path: '/job-postings', label: '岗位管理', icon: <SolutionOutlined /> },
  { path: '/employers', label: '用工单位', icon: <ShopOutlined /> },
  { path: '/job-fairs', label: '招聘会', icon: <CalendarOutlined /> },
  { path: '/employment', label: '就业台账', icon: <ProfileOutlined /> },
  { path: '/training', label: '技能培训', icon: <ReadOutlined /> },
  { path: '/subsidy-rule-sets', label: '补助标准', icon: <AccountBookOutlined />, roles: AREA_OFFICE_ROLES },
  { path: '/township-contacts', label: '乡镇电话', icon: <PhoneOutlined />, roles: COUNTY_ADMIN_ROLES },
  { path: '/staff', label: '人员管理', icon: <TeamOutlined />, roles: COUNTY_ADMIN_ROLES },
  { path: '/audit-logs', label: '审计日志', icon: <AuditOutlined />, roles: COUNTY_ADMIN_ROLES },
  { path: '/account', label: '我的账号', icon: <UserOutlined /> },
];

function selectedKey(pathname: string): string {
  const match = NAV_ITEMS.filter((item) => item.path !== '/' && pathname.startsWith(item.path));
  return match[0]?.path ?? '/';
}

export function AppLayout() {
  const session = useCurrentSession();
  const location = useLocation();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const { user } = session;

  const items: MenuProps['items'] = NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(user.role)).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: <Link to={item.path}>{item.label}</Link>,
  }));

  const signOut = () => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208}>
        <Flex align="center" justify="center" style={{ height: 64, color: '#fff', fontSize: collapsed ? 16 : 18, fontWeight: 600 }}>
          {collapsed ? '安迁' : '安迁通管理后台'}
        </Flex>
        <nav aria-label="主菜单">
          <Menu theme="dark" mode="inline" selectedKeys={[selectedKey(location.pathname)]} items={items} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            paddingInline: 24,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: 'relative',
          }}
        >
          {navigation.state === 'loading' && (
            <Progress percent={100} status="active" showInfo={false} size="small" style={{ position: 'absolute', top: -8, left: 0, right: 0 }} />
          )}
          <Flex align="center" justify="flex-end" style={{ height: '100%' }}>
            <Space size="middle">
              <Typography.Text strong>{user.displayName}</Typography.Text>
              <Tag color="blue">{STAFF_ROLE_LABELS[user.role]}</Tag>
              <Typography.Text type="secondary">{user.divisionName}</Typography.Text>
              <Button icon={<LogoutOutlined />} onClick={signOut} loading={logout.isPending}>
                退出登录
              </Button>
            </Space>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
