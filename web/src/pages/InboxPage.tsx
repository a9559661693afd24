import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ok, type Schemas } from '../api/client';
import { useMe } from '../auth/session';
import { formatDate } from '../lib/format';

type Deadline = Schemas['DeadlineDto'];
type PlanStep = Schemas['InboxPlanStepDto'];
type CaseGroup = Schemas['InboxCaseGroupDto'];

const STATUS: Record<Deadline['status'], { color: string; label: string }> = {
  overdue: { color: 'red', label: 'Quá hạn' },
  due_soon: { color: 'orange', label: 'Sắp đến hạn' },
  upcoming: { color: 'blue', label: 'Còn hạn' },
};

/** Where an item opens: a household's file at its step; other records are listed with their project. */
function recordLink(d: Deadline): string | null {
  if (d.entityType === 'case') return `/ho-so/${d.entityId}`;
  if (d.entityType === 'plan') return `/phuong-an/${d.entityId}`;
  return null;
}

function daysText(days: number): string {
  if (days < 0) return `quá ${-days} ngày`;
  if (days === 0) return 'hôm nay';
  return `còn ${days} ngày`;
}

/**
 * Việc cần làm: what waits for the user's role — plan steps with the first day the law allows them and what blocks
 * them, households grouped by the step they wait for (one click opens the list at that step), and the statutory
 * deadlines of the user's agency (GET /deadlines: payment within 30 days, posting, persuasion, complaints, reports).
 */
export function InboxPage() {
  const me = useMe();
  const [filter, setFilter] = useState<'mine' | 'all'>('mine');
  const inbox = useQuery({ queryKey: ['inbox'], queryFn: () => ok(api.GET('/api/v1/inbox')) });
  const deadlines = useQuery({
    queryKey: ['deadlines'],
    queryFn: () => ok(api.GET('/api/v1/deadlines', { params: { query: { limit: 500 } } })),
  });
  const mine = (d: Deadline) => agencyRoles[d.agencyKind]?.includes(me.role) ?? false;
  const items = (deadlines.data?.items ?? []).filter((d) => filter === 'all' || mine(d));
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Việc cần làm
      </Typography.Title>
      {inbox.error && <Alert type="error" showIcon message={inbox.error.message} />}
      <Card size="small" title="Phương án chờ bạn thực hiện">
        <Table<PlanStep>
          size="small"
          loading={inbox.isPending}
          rowKey={(p) => `${p.planId}.${p.action}`}
          dataSource={inbox.data?.plans}
          pagination={false}
          locale={{ emptyText: 'Không có phương án nào chờ vai trò của bạn.' }}
          columns={[
            { title: 'Dự án', dataIndex: 'projectCode', width: 110 },
            {
              title: 'Phương án',
              key: 'plan',
              render: (_, p) => <Link to={`/phuong-an/${p.planId}`}>{`${p.planCode} — ${p.planName}`}</Link>,
            },
            { title: 'Bước', dataIndex: 'label', width: 260 },
            {
              title: 'Được làm từ ngày',
              dataIndex: 'earliestOn',
              width: 140,
              render: (d: string | null) =>
                d ? d > today ? <Tag color="orange">{formatDate(d)}</Tag> : formatDate(d) : 'ngay',
            },
            {
              title: 'Vướng mắc',
              dataIndex: 'blockedBy',
              render: (b: string | null) => (b ? <Typography.Text type="danger">{b}</Typography.Text> : ''),
            },
          ]}
        />
      </Card>
      <Card size="small" title="Hồ sơ hộ chờ bước của bạn">
        <Table<CaseGroup>
          size="small"
          loading={inbox.isPending}
          rowKey={(g) => `${g.projectId}.${g.state}`}
          dataSource={inbox.data?.cases}
          pagination={false}
          locale={{ emptyText: 'Không có hồ sơ nào chờ vai trò của bạn.' }}
          columns={[
            { title: 'Dự án', dataIndex: 'projectCode', width: 110 },
            { title: 'Đang ở bước', dataIndex: 'stateLabel', width: 260 },
            {
              title: 'Số hộ',
              dataIndex: 'count',
              width: 90,
              align: 'right',
              render: (n: number, g) => (
                <Link to={`/ho-so?du-an=${encodeURIComponent(g.projectCode)}&buoc=${encodeURIComponent(g.state)}`}>
                  {n.toLocaleString('vi-VN')} hộ
                </Link>
              ),
            },
            { title: 'Bước tiếp theo của bạn', dataIndex: 'steps', render: (steps: string[]) => steps.join('; ') },
          ]}
        />
      </Card>
      {deadlines.error && <Alert type="error" showIcon message={deadlines.error.message} />}
      <Card
        size="small"
        title={`Thời hạn theo quy định — đến ngày ${formatDate(deadlines.data?.asOf)}`}
        extra={
          <Segmented
            value={filter}
            onChange={(v) => setFilter(v as 'mine' | 'all')}
            options={[
              { value: 'mine', label: 'Của cơ quan tôi' },
              { value: 'all', label: 'Tất cả' },
            ]}
          />
        }
      >
        <Table<Deadline>
          size="small"
          loading={deadlines.isPending}
          rowKey={(d) => `${d.kind}.${d.entityType}.${d.entityId}`}
          dataSource={items}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: 'Không có việc nào đến hạn.' }}
          columns={[
            {
              title: 'Tình trạng',
              dataIndex: 'status',
              width: 120,
              render: (s: Deadline['status']) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag>,
            },
            {
              title: 'Việc',
              dataIndex: 'label',
              render: (label: string, d) => {
                const to = recordLink(d);
                return to ? <Link to={to}>{label}</Link> : label;
              },
            },
            { title: 'Dự án', dataIndex: 'projectCode', width: 110 },
            { title: 'Cơ quan', dataIndex: 'agencyLabel', width: 180 },
            { title: 'Hạn', dataIndex: 'dueOn', width: 100, render: formatDate },
            { title: 'Còn lại', dataIndex: 'daysLeft', width: 110, render: daysText },
            { title: 'Căn cứ', dataIndex: 'basis', ellipsis: true },
          ]}
        />
      </Card>
    </Space>
  );
}

/** Which roles act for which agency kind (the `agencyKind` of a deadline). */
const agencyRoles: Record<string, string[]> = {
  land_fund_center: ['center_staff', 'center_lead'],
  people_committee: ['district_leader'],
  land_office: ['land_office'],
  commune_committee: ['commune_officer'],
  provincial_committee: [],
};
