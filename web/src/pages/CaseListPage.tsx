import { DownloadOutlined, NotificationOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Input, Select, Space, Table, Tooltip, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../auth/session';
import { NewCaseForm } from '../forms/NewCaseForm';
import { RecoveryNoticeForm } from '../forms/RecoveryNoticeForm';
import { CASE_EDITORS, NOTICE_ISSUERS } from '../../../src/shared/roles';
import { api, ok, openFile, type Schemas } from '../api/client';
import { formatArea, formatDate } from '../lib/format';
import { useProjects } from '../lib/queries';
import { CASE_FLAGS, casesQueryOptions, listProject, listQuery, rememberProject } from '../lib/case-list';

type CaseRow = Schemas['CaseSummaryDto'];

/**
 * Hồ sơ hộ: the households of a project, filtered as the API filters them (commune, state, đợt, poor household,
 * policy family, directly farming, name or CCCD without accents), paged, exported to Excel with the same filters.
 * The filters live in the address, so a list can be bookmarked and the back button returns to it.
 */
export function CaseListPage() {
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  // The district's recovery notices are issued from here, for the households chosen in the list.
  const issuesNotices = NOTICE_ISSUERS.includes(me.role);
  const [chosen, setChosen] = useState<string[]>([]);
  const [noticing, setNoticing] = useState(false);
  const projects = useProjects();
  const project = listProject(projects.data, params);
  const code = project?.code ?? null;
  useEffect(() => {
    if (code) rememberProject(code);
    setChosen([]);
  }, [code]);
  const query = listQuery(params);
  const states = useQuery({
    queryKey: ['case-states', project?.id],
    enabled: !!project,
    queryFn: () =>
      ok(api.GET('/api/v1/projects/{projectId}/case-states', { params: { path: { projectId: project!.id } } })),
    staleTime: Infinity,
  });
  const cases = useQuery({
    ...casesQueryOptions(project?.id ?? '', query),
    enabled: !!project,
    placeholderData: (previous) => previous,
  });
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('trang' in changes)) next.delete('trang');
    // The new page is asked for now, while the screen re-renders, not after.
    if (project) void queryClient.prefetchQuery(casesQueryOptions(project.id, listQuery(next)));
    setParams(next, { replace: true });
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Hồ sơ hộ
        </Typography.Title>
        <Space>
          {issuesNotices && (
            <Tooltip
              title={
                chosen.length
                  ? undefined
                  : `Đánh dấu các hộ ở bước "${states.data?.[0]?.label ?? ''}" đã ghi thửa đất để ban hành thông báo.`
              }
            >
              <span>
                <Button
                  icon={<NotificationOutlined />}
                  disabled={!project || chosen.length === 0}
                  onClick={() => setNoticing(true)}
                >
                  Ban hành thông báo thu hồi đất{chosen.length ? ` (${chosen.length} hộ)` : ''}
                </Button>
              </span>
            </Tooltip>
          )}
          {CASE_EDITORS.includes(me.role) && (
            <Button type="primary" icon={<PlusOutlined />} disabled={!project} onClick={() => setAdding(true)}>
              Thêm hộ
            </Button>
          )}
          <Button
            icon={<DownloadOutlined />}
            disabled={!project}
            onClick={() =>
              project &&
              void openFile(
                `/api/v1/projects/${project.id}/cases/export.xlsx`,
                `Danh sách hộ ${project.code}.xlsx`,
              ).catch((e: Error) => void message.error(e.message))
            }
          >
            Xuất Excel
          </Button>
        </Space>
      </Space>
      {adding && project && <NewCaseForm project={project} onClose={() => setAdding(false)} />}
      {noticing && project && (
        <RecoveryNoticeForm
          project={project}
          caseIds={chosen}
          onDone={() => setChosen([])}
          onClose={() => setNoticing(false)}
        />
      )}
      <Space wrap>
        <Select
          aria-label="Dự án"
          style={{ width: 320 }}
          loading={projects.isPending}
          value={code ?? undefined}
          onChange={(v: string) => set({ 'du-an': v, xa: null, buoc: null })}
          options={projects.data?.map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }))}
        />
        <Select
          aria-label="Xã"
          allowClear
          placeholder="Tất cả các xã"
          style={{ width: 180 }}
          value={params.get('xa') ?? undefined}
          onChange={(v?: string) => set({ xa: v ?? null })}
          options={project?.communes.map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select
          aria-label="Bước"
          allowClear
          placeholder="Mọi bước"
          style={{ width: 230 }}
          value={params.get('buoc') ?? undefined}
          onChange={(v?: string) => set({ buoc: v ?? null })}
          options={states.data?.map((s) => ({ value: s.code, label: s.label }))}
        />
        <Input
          aria-label="Đợt"
          placeholder="Đợt"
          style={{ width: 90 }}
          allowClear
          defaultValue={params.get('dot') ?? ''}
          onPressEnter={(e) => set({ dot: e.currentTarget.value.trim() || null })}
          onBlur={(e) => set({ dot: e.currentTarget.value.trim() || null })}
        />
        <Input.Search
          aria-label="Tìm theo tên hoặc CCCD"
          placeholder="Tìm tên, CCCD (gõ không dấu được)"
          style={{ width: 280 }}
          allowClear
          defaultValue={params.get('tim') ?? ''}
          onSearch={(v) => set({ tim: v.trim() || null })}
        />
        {CASE_FLAGS.map(([p, , label]) => (
          <Checkbox
            key={p}
            checked={params.get(p) === '1'}
            onChange={(e) => set({ [p]: e.target.checked ? '1' : null })}
          >
            {label}
          </Checkbox>
        ))}
      </Space>
      {cases.error && <Alert type="error" showIcon message={cases.error.message} />}
      <Table<CaseRow>
        size="small"
        rowKey="id"
        loading={cases.isFetching}
        dataSource={cases.data?.items}
        locale={{ emptyText: 'Không có hồ sơ nào khớp điều kiện lọc.' }}
        rowSelection={
          issuesNotices
            ? {
                selectedRowKeys: chosen,
                preserveSelectedRowKeys: true,
                onChange: (keys) => setChosen(keys as string[]),
                // A notice goes to a household not yet notified, whose parcels are recorded (it states them).
                getCheckboxProps: (c) => ({
                  disabled: c.state !== states.data?.[0]?.code || c.parcelCount === 0,
                  'aria-label': `Chọn ${c.landUser.fullName}`,
                }),
              }
            : undefined
        }
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: cases.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => `${total.toLocaleString('vi-VN')} hồ sơ`,
          onChange: (p, size) => set({ trang: String(p), 'so-dong': String(size) }),
        }}
        columns={[
          {
            title: 'Chủ sử dụng đất',
            key: 'name',
            render: (_, c) => <Link to={`/ho-so/${c.id}`}>{c.landUser.fullName}</Link>,
          },
          { title: 'CCCD', key: 'cccd', width: 140, render: (_, c) => c.landUser.cccd ?? '' },
          { title: 'Xã', dataIndex: 'communeName', width: 130 },
          { title: 'Đợt', dataIndex: 'batch', width: 70 },
          { title: 'Số thửa', dataIndex: 'parcelCount', width: 80, align: 'right' },
          {
            title: 'Diện tích thu hồi (m²)',
            dataIndex: 'recoveredArea',
            width: 160,
            align: 'right',
            render: formatArea,
          },
          { title: 'Bước hiện tại', dataIndex: 'stateLabel', width: 220 },
          { title: 'Nhận thông báo', dataIndex: 'noticeDeliveredOn', width: 130, render: formatDate },
        ]}
      />
    </Space>
  );
}
