import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Descriptions, Empty, Progress, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ok, type Schemas, tokenStore } from '../api/client';
import { formatArea, formatDate, formatPercent } from '../lib/format';

type Summary = Schemas['ProjectProgressSummaryDto'];
type Milestone = Schemas['MilestoneProgressDto'];
type Stages = Schemas['HouseholdsByStageDto'];

const MILESTONE_STATUS: Record<Milestone['status'], { color: string; label: string }> = {
  met: { color: 'green', label: 'Đã đạt' },
  missed: { color: 'red', label: 'Không đạt' },
  on_track: { color: 'blue', label: 'Đúng tiến độ' },
  at_risk: { color: 'orange', label: 'Có nguy cơ chậm' },
};

export function MilestoneTag({ m }: { m: Milestone | null }) {
  if (!m) return <Typography.Text type="secondary">Chưa có mốc</Typography.Text>;
  const s = MILESTONE_STATUS[m.status];
  return <Tag color={s.color}>{s.label}</Tag>;
}

const STAGES: [keyof Stages, string][] = [
  ['notified', 'Đã nhận thông báo'],
  ['inventoried', 'Đã kiểm đếm'],
  ['planApproved', 'Đã duyệt phương án'],
  ['paid', 'Đã chi trả'],
  ['handedOver', 'Đã bàn giao'],
  ['enforced', 'Phải cưỡng chế'],
];

/** The chart of a project as the server draws it (SVG), fetched with the session's token. */
function ProgressChart({ projectId, asOf }: { projectId: string; asOf: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    void fetch(`/api/v1/projects/${projectId}/progress/chart.svg?asOf=${asOf}`, {
      headers: { Authorization: `Bearer ${tokenStore.get() ?? ''}` },
    })
      .then((r) => (r.ok ? r.blob() : null))
      .then((b) => {
        if (!b || cancelled) return;
        objectUrl = URL.createObjectURL(b);
        setUrl(objectUrl);
      });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [projectId, asOf]);
  return url ? (
    <img src={url} alt="Biểu đồ tiến độ bàn giao mặt bằng" style={{ width: '100%', maxWidth: 900 }} />
  ) : null;
}

function ProjectDetail({ projectId, asOf }: { projectId: string; asOf: string }) {
  const p = useQuery({
    queryKey: ['progress', projectId, asOf],
    queryFn: () =>
      ok(api.GET('/api/v1/projects/{projectId}/progress', { params: { path: { projectId }, query: { asOf } } })),
  });
  if (p.error) return <Alert type="error" showIcon message={p.error.message} />;
  if (!p.data) return <Card loading />;
  const d = p.data;
  const stageColumns = STAGES.map(([key, title]) => ({
    title,
    key,
    align: 'right' as const,
    render: (_: unknown, r: { households: Stages }) => r.households[key],
  }));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={`${d.code} — ${d.name}`}>
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <ProgressChart projectId={projectId} asOf={asOf} />
          </Col>
          <Col xs={24} xl={10}>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label="Diện tích cần thu hồi">{formatArea(d.areaToRecover)} m²</Descriptions.Item>
              <Descriptions.Item label="Đã bàn giao">
                {formatArea(d.handedOver)} m² ({formatPercent(d.handedOverPercent)})
              </Descriptions.Item>
              {STAGES.map(([key, label]) => (
                <Descriptions.Item key={key} label={`Số hộ ${label.toLowerCase()}`}>
                  {d.households[key]} / {d.households.total}
                </Descriptions.Item>
              ))}
            </Descriptions>
            <Table<Milestone>
              style={{ marginTop: 12 }}
              size="small"
              pagination={false}
              rowKey="dueDate"
              dataSource={d.milestones}
              columns={[
                { title: 'Mốc', dataIndex: 'dueDate', render: formatDate },
                { title: 'Mục tiêu', dataIndex: 'targetPercent', render: formatPercent, align: 'right' },
                { title: 'Thực tế', dataIndex: 'actualPercent', render: formatPercent, align: 'right' },
                { title: 'Dự báo đạt', dataIndex: 'forecastDate', render: formatDate },
                { title: 'Tình trạng', key: 's', render: (_, m) => <MilestoneTag m={m} /> },
              ]}
            />
          </Col>
        </Row>
      </Card>
      <Card size="small" title="Theo xã">
        <Table
          size="small"
          pagination={false}
          rowKey="communeId"
          dataSource={d.byCommune}
          columns={[
            { title: 'Xã', dataIndex: 'communeName' },
            { title: 'Số hộ', dataIndex: 'cases', align: 'right' },
            { title: 'Diện tích (m²)', dataIndex: 'area', align: 'right', render: formatArea },
            { title: 'Đã bàn giao (m²)', dataIndex: 'handedOver', align: 'right', render: formatArea },
            { title: '%', dataIndex: 'handedOverPercent', align: 'right', render: formatPercent },
            ...stageColumns,
          ]}
        />
      </Card>
      <Card size="small" title="Theo đợt">
        <Table
          size="small"
          pagination={false}
          rowKey={(b) => b.batch ?? ''}
          dataSource={d.byBatch}
          columns={[
            { title: 'Đợt', dataIndex: 'batch', render: (b: string | null) => b ?? '(chưa xếp đợt)' },
            { title: 'Số hộ', dataIndex: 'cases', align: 'right' },
            { title: 'Diện tích (m²)', dataIndex: 'area', align: 'right', render: formatArea },
            { title: 'Đã bàn giao (m²)', dataIndex: 'handedOver', align: 'right', render: formatArea },
            { title: '%', dataIndex: 'handedOverPercent', align: 'right', render: formatPercent },
            ...stageColumns,
          ]}
        />
      </Card>
      <Card size="small" title="Hộ chưa bàn giao chặn tiến độ (đường găng)">
        <Table
          size="small"
          pagination={false}
          rowKey="caseId"
          dataSource={d.criticalPath}
          locale={{ emptyText: 'Không còn hộ nào chưa bàn giao.' }}
          columns={[
            {
              title: 'Hộ',
              dataIndex: 'fullName',
              render: (name: string, c) => <Link to={`/ho-so/${c.caseId}`}>{name}</Link>,
            },
            { title: 'Còn phải bàn giao (m²)', dataIndex: 'remaining', align: 'right', render: formatArea },
            { title: 'Vướng mắc', dataIndex: 'blockingReason' },
          ]}
        />
      </Card>
    </Space>
  );
}

/**
 * Tiến độ: every project the user may see against its next milestone, and one project in detail (chart, by commune,
 * by đợt, households by stage, the households holding the site back), as of a chosen date.
 */
export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const asOf: Dayjs = params.get('ngay') ? dayjs(params.get('ngay')) : dayjs();
  const asOfIso = asOf.format('YYYY-MM-DD');
  const all = useQuery({
    queryKey: ['progress', 'all', asOfIso],
    queryFn: () => ok(api.GET('/api/v1/progress', { params: { query: { asOf: asOfIso } } })),
  });
  const selected = params.get('du-an') ?? all.data?.projects[0]?.code ?? null;
  const project = all.data?.projects.find((p) => p.code === selected) ?? null;
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Tiến độ giải phóng mặt bằng
        </Typography.Title>
        <Space>
          <span>Số liệu đến ngày</span>
          <DatePicker
            value={asOf}
            format="DD/MM/YYYY"
            allowClear={false}
            onChange={(d) => set('ngay', d ? d.format('YYYY-MM-DD') : null)}
            aria-label="Số liệu đến ngày"
          />
        </Space>
      </Space>
      {all.error && <Alert type="error" showIcon message={all.error.message} />}
      <Table<Summary>
        size="small"
        loading={all.isPending}
        pagination={false}
        rowKey="projectId"
        dataSource={all.data?.projects}
        locale={{ emptyText: <Empty description="Không có dự án nào trong phạm vi của bạn." /> }}
        rowClassName={(p) => (p.code === selected ? 'ant-table-row-selected' : '')}
        onRow={(p) => ({ onClick: () => set('du-an', p.code), style: { cursor: 'pointer' } })}
        columns={[
          { title: 'Mã', dataIndex: 'code', width: 110 },
          { title: 'Dự án', dataIndex: 'name' },
          {
            title: 'Đã bàn giao',
            key: 'h',
            width: 220,
            render: (_, p) => (
              <Space direction="vertical" size={0} style={{ width: '100%' }}>
                <span>
                  {formatArea(p.handedOver)} / {formatArea(p.areaToRecover)} m²
                </span>
                <Progress
                  percent={Number(p.handedOverPercent)}
                  size="small"
                  format={() => formatPercent(p.handedOverPercent)}
                />
              </Space>
            ),
          },
          {
            title: 'Số hộ đã bàn giao',
            key: 'hh',
            align: 'right',
            width: 120,
            render: (_, p) => `${p.householdsHandedOver} / ${p.householdsTotal}`,
          },
          {
            title: 'Mốc tiếp theo',
            key: 'm',
            width: 170,
            render: (_, p) =>
              p.nextMilestone
                ? `${formatPercent(p.nextMilestone.targetPercent)} trước ${formatDate(p.nextMilestone.dueDate)}`
                : '',
          },
          { title: 'Dự báo đạt', key: 'f', width: 110, render: (_, p) => formatDate(p.nextMilestone?.forecastDate) },
          { title: 'Tình trạng', key: 's', width: 150, render: (_, p) => <MilestoneTag m={p.nextMilestone} /> },
        ]}
      />
      {project && <ProjectDetail projectId={project.projectId} asOf={asOfIso} />}
    </Space>
  );
}
