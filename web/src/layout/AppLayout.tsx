import {
  AlertOutlined,
  DashboardOutlined,
  FileExcelOutlined,
  FolderOpenOutlined,
  IdcardOutlined,
  LogoutOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { CASE_EDITORS } from '../../../src/shared/roles';
import { useSession } from '../auth/session';
import { useAgencies, useCommunes } from '../lib/queries';

interface MenuEntry {
  key: string;
  label: string;
  icon: ReactNode;
  roles?: readonly string[];
}

/** What each role sees in the menu (the API still checks every call). */
const MENU: MenuEntry[] = [
  { key: '/', label: 'Việc cần làm', icon: <AlertOutlined /> },
  { key: '/tien-do', label: 'Tiến độ', icon: <DashboardOutlined /> },
  {
    key: '/ho-so',
    label: 'Hồ sơ hộ',
    icon: <FolderOpenOutlined />,
  },
  // Case editors only: the API refuses the import to anyone else.
  { key: '/nhap-excel', label: 'Nhập từ Excel', icon: <FileExcelOutlined />, roles: CASE_EDITORS },
  // Who signs the documents: kept by the administrator, read by those who issue them.
  {
    key: '/nguoi-ky',
    label: 'Người ký văn bản',
    icon: <IdcardOutlined />,
    roles: ['admin', 'center_staff', 'center_lead', 'district_leader', 'land_office'],
  },
];

export function menuFor(role: string): MenuEntry[] {
  return MENU.filter((m) => !m.roles || m.roles.includes(role));
}

/** The frame of every screen after sign-in: who is signed in, in what role and scope, and the role's menu. */
export function AppLayout() {
  const { me, loading, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const communes = useCommunes();
  const agencies = useAgencies();
  if (loading) return <Spin fullscreen />;
  if (!me) return <Navigate to="/dang-nhap" replace state={{ from: location.pathname + location.search }} />;
  const scope =
    me.role === 'commune_officer'
      ? (communes.data ?? [])
          .filter((c) => me.communeIds.includes(c.id))
          .map((c) => `${c.kind} ${c.name}`)
          .join(', ')
      : me.role === 'investor'
        ? (agencies.data?.find((a) => a.id === me.agencyId)?.name ?? '')
        : '';
  const items = menuFor(me.role);
  const selected = items
    .map((i) => i.key)
    .filter((k) => (k === '/' ? location.pathname === '/' : location.pathname.startsWith(k)));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 20 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>
          GPMB · Giải phóng mặt bằng
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Space size="middle" style={{ color: '#fff' }} data-testid="current-user">
          <UserOutlined />
          <span>
            <b>{me.displayName}</b> · {me.roleLabel}
            {scope ? ` · ${scope}` : ''}
          </span>
          <Button
            size="small"
            icon={<LogoutOutlined />}
            onClick={() => void signOut().then(() => navigate('/dang-nhap'))}
          >
            Đăng xuất
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={190} theme="light" breakpoint="lg" collapsedWidth={56}>
          <Menu
            mode="inline"
            selectedKeys={selected}
            items={items.map(({ key, label, icon }) => ({ key, label, icon }))}
            onClick={({ key }) => navigate(key)}
            aria-label="Menu chính"
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 20, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
