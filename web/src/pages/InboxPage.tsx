import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ok, type Schemas } from '../api/client';
import { useMe } from '../auth/session';
import { formatDate } from '../lib/format';

type Deadline = Schemas['DeadlineDto'];

const STATUS: Record<Deadline['status'], { color: string; label: string }> = {
  overdue: { color: 'red', label: 'Quá hạn' },
  due_soon: { color: 'orange', label: 'Sắp đến hạn' },
  upcoming: { color: 'blue', label: 'Còn hạn' },
};

/** Where an item opens: a household's file at its step; other records are listed with their project. */
function recordLink(d: Deadline): string | null {
  return d.entityType === 'case' ? `/ho-so/${d.entityId}` : null;
}

function daysText(days: number): string {
  if (days < 0) return `quá ${-days} ngày`;
  if (days === 0) return 'hôm nay';
  return `còn ${days} ngày`;
}

/**
 * Việc cần làm: what waits, with its legal deadline, for the user's agency first — the statutory deadlines the API
 * computes (GET /deadlines: payment within 30 days, posting, persuasion, complaints, the quarterly report).
 */
export function InboxPage() {
  const me = useMe();
  const [filter, setFilter] = useState<'mine' | 'all'>('mine');
  const deadlines = useQuery({
    queryKey: ['deadlines'],
    queryFn: () => ok(api.GET('/api/v1/deadlines', { params: { query: { limit: 500 } } })),
  });
  const mine = (d: Deadline) => agencyRoles[d.agencyKind]?.includes(me.role) ?? false;
  const items = (deadlines.data?.items ?? []).filter((d) => filter === 'all' || mine(d));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Việc cần làm
      </Typography.Title>
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
