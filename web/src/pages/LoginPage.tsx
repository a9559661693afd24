import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session';

/** Đăng nhập: a user name and a password; the first screen after it is the user's "Việc cần làm". */
export function LoginPage() {
  const { me, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (me) return <Navigate to={from} replace />;
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Đăng nhập
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          Hệ thống quản lý hồ sơ giải phóng mặt bằng — Trung tâm Phát triển quỹ đất
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form
          layout="vertical"
          onFinish={(v: { username: string; password: string }) => {
            setBusy(true);
            setError(null);
            signIn(v.username.trim(), v.password)
              .then(() => navigate(from, { replace: true }))
              .catch((e: unknown) => setError(e instanceof ApiError ? e.message : 'Không kết nối được máy chủ.'))
              .finally(() => setBusy(false));
          }}
        >
          <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, message: 'Nhập tên đăng nhập.' }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Nhập mật khẩu.' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            Đăng nhập
          </Button>
        </Form>
      </Card>
    </div>
  );
}
