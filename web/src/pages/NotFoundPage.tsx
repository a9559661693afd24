import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Đường dẫn này không có trong hệ thống."
      extra={<Button onClick={() => navigate('/')}>Về Việc cần làm</Button>}
    />
  );
}
