import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Select, Space, Table, Typography, Upload, message } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, openFile, postForm } from '../api/client';
import { useProjects } from '../lib/queries';

interface Problem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

interface Imported {
  households: number;
  parcels: number;
  inventories: number;
  items: number;
}

/**
 * Nhập từ Excel: the template to fill, then the whole file checked before anything is written — every refusal
 * named by sheet, row and column — or every household, parcel and inventory item written in one go.
 */
export function ImportPage() {
  const projects = useProjects();
  const queryClient = useQueryClient();
  const [code, setCode] = useState<string | null>(null);
  const project = projects.data?.find((p) => p.code === (code ?? projects.data?.[0]?.code)) ?? null;
  const run = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return postForm<Imported>(`/api/v1/projects/${project!.id}/cases/import`, body);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
  const refusal = run.error instanceof ApiError ? run.error : null;
  const problems = (refusal?.details.problems as Problem[] | undefined) ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Nhập hồ sơ từ Excel
      </Typography.Title>
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>
            Điền mẫu gồm ba trang: <b>Hộ</b>, <b>Thửa đất</b>, <b>Kiểm đếm</b>. Số có thể gõ kiểu Việt Nam (20.000;
            9222,1), ngày dd/mm/yyyy. Hệ thống kiểm tra cả tệp trước: có một lỗi thì không dữ liệu nào được nhập.
          </Typography.Paragraph>
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void openFile('/api/v1/cases/import-template.xlsx', 'Mẫu nhập hồ sơ GPMB.xlsx').catch(
                  (e: Error) => void message.error(e.message),
                )
              }
            >
              Tải mẫu Excel
            </Button>
            <span>Nhập vào dự án</span>
            <Select
              aria-label="Dự án nhập vào"
              style={{ width: 360 }}
              loading={projects.isPending}
              value={project?.code}
              onChange={(v: string) => {
                setCode(v);
                run.reset();
              }}
              options={projects.data?.map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }))}
            />
          </Space>
          <Upload.Dragger
            accept=".xlsx"
            multiple={false}
            showUploadList={false}
            disabled={!project || run.isPending}
            beforeUpload={(file) => {
              run.mutate(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {run.isPending ? 'Đang kiểm tra tệp…' : 'Kéo tệp .xlsx vào đây hoặc bấm để chọn tệp'}
            </p>
          </Upload.Dragger>
        </Space>
      </Card>
      {run.isSuccess && (
        <Alert
          type="success"
          showIcon
          message="Đã nhập xong."
          description={
            <Descriptions size="small" column={4}>
              <Descriptions.Item label="Hộ">{run.data.households}</Descriptions.Item>
              <Descriptions.Item label="Thửa đất">{run.data.parcels}</Descriptions.Item>
              <Descriptions.Item label="Biên bản kiểm đếm">{run.data.inventories}</Descriptions.Item>
              <Descriptions.Item label="Tài sản">{run.data.items}</Descriptions.Item>
            </Descriptions>
          }
          action={project ? <Link to={`/ho-so?du-an=${encodeURIComponent(project.code)}`}>Xem hồ sơ</Link> : undefined}
        />
      )}
      {run.isError && (
        <Alert
          type="error"
          showIcon
          message={run.error instanceof ApiError ? run.error.message : 'Không nhập được tệp.'}
        />
      )}
      {problems.length > 0 && (
        <Table<Problem>
          size="small"
          rowKey={(p) => `${p.sheet}.${p.row}.${p.column}.${p.message}`}
          dataSource={problems}
          pagination={problems.length > 50 ? { pageSize: 50 } : false}
          columns={[
            { title: 'Trang', dataIndex: 'sheet', width: 150 },
            { title: 'Dòng', dataIndex: 'row', width: 70, align: 'right' },
            { title: 'Cột', dataIndex: 'column', width: 200 },
            { title: 'Lỗi', dataIndex: 'message' },
          ]}
        />
      )}
    </Space>
  );
}
