import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Modal, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ok, type Schemas } from '../api/client';
import { refusalText } from '../lib/errors';
import { formatDate, formatDong } from '../lib/format';

type Plan = Schemas['PlanDto'];
type Change = Schemas['CaseChangeDto'];

interface Values {
  valuationDate: Dayjs;
  priceBookId: string;
}

/** "+1.500.000" / "-300.000" / "0": how much a household's amount moved. */
function difference(c: Change): string {
  const before = BigInt(c.netBefore ?? '0');
  const diff = BigInt(c.netAfter) - before;
  return `${diff > 0n ? '+' : ''}${formatDong(diff.toString())}`;
}

/**
 * Tính lại a draft plan: with today's inventories and facts, and — to price it at the day of the recovery decision
 * (LĐĐ 2013 Đ74 k2) — at another valuation date or with another price book in force. The answer lists, household by
 * household, what moved, so the clerk sees the difference before going on.
 */
export function RecomputePlanForm({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [changes, setChanges] = useState<Change[] | null>(null);
  const books = useQuery({
    queryKey: ['price-books'],
    queryFn: () => ok(api.GET('/api/v1/price-books')),
    staleTime: 60_000,
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const valuationDate = v.valuationDate.format('YYYY-MM-DD');
      return ok(
        api.POST('/api/v1/plans/{id}/recompute', {
          params: { path: { id: plan.id } },
          body: {
            version: plan.version,
            valuationDate: valuationDate !== plan.valuationDate ? valuationDate : undefined,
            priceBookId: v.priceBookId !== plan.priceBookId ? v.priceBookId : undefined,
          },
        }),
      );
    },
    onSuccess: async (result) => {
      setRefusal(null);
      setChanges(result.changes);
      await queryClient.invalidateQueries({ queryKey: ['plan', plan.id] });
    },
    onError: (e) => setRefusal(refusalText(e)),
  });
  const active = (books.data ?? []).filter((b) => b.status === 'active' || b.id === plan.priceBookId);
  const moved = (changes ?? []).filter((c) => c.netBefore !== c.netAfter || c.added.length || c.removed.length);
  return (
    <Modal
      open
      width={changes ? 820 : 520}
      title={`Tính lại phương án ${plan.code}`}
      okText={changes ? 'Xong' : 'Tính lại'}
      cancelText="Hủy"
      cancelButtonProps={changes ? { style: { display: 'none' } } : undefined}
      confirmLoading={save.isPending && changes === null}
      onOk={() => (changes ? onClose() : void form.validateFields().then((v) => save.mutate(v)))}
      onCancel={onClose}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} />}
      {changes === null ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ valuationDate: dayjs(plan.valuationDate), priceBookId: plan.priceBookId }}
        >
          <Typography.Paragraph type="secondary">
            Tính lại mọi hộ theo kiểm đếm, thửa đất và thông tin hộ hiện có. Giá đất là giá tại ngày quyết định thu hồi
            đất (Luật Đất đai 2013, Điều 74 khoản 2): khi ngày quyết định dự kiến khác ngày định giá, ghi ngày đó và
            bảng giá có hiệu lực ngày đó.
          </Typography.Paragraph>
          <Form.Item name="valuationDate" label="Ngày định giá" rules={[{ required: true, message: 'Chọn ngày.' }]}>
            <DatePicker format="DD/MM/YYYY" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="priceBookId" label="Bảng giá" rules={[{ required: true, message: 'Chọn bảng giá.' }]}>
            <Select
              loading={books.isPending}
              options={active.map((b) => ({
                value: b.id,
                label: `${b.code} — Quyết định số ${b.decisionNumber} ngày ${formatDate(b.decisionDate)} (từ ${formatDate(b.effectiveFrom)}${b.effectiveTo ? ` đến ${formatDate(b.effectiveTo)}` : ''})`,
              }))}
            />
          </Form.Item>
        </Form>
      ) : (
        <>
          <Alert
            type={moved.length ? 'info' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            message={
              moved.length
                ? `Đã tính lại: ${moved.length} hộ thay đổi số tiền hoặc hạng mục.`
                : 'Đã tính lại: không hộ nào thay đổi số tiền.'
            }
          />
          {moved.length > 0 && (
            <Table
              size="small"
              rowKey="caseId"
              dataSource={moved}
              pagination={moved.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              columns={[
                { title: 'Hộ', dataIndex: 'fullName' },
                { title: 'Trước (đồng)', dataIndex: 'netBefore', align: 'right', render: formatDong },
                { title: 'Sau (đồng)', dataIndex: 'netAfter', align: 'right', render: formatDong },
                { title: 'Chênh lệch', key: 'd', align: 'right', render: (_, c) => difference(c) },
                {
                  title: 'Hạng mục',
                  key: 'items',
                  render: (_, c) =>
                    [
                      c.added.length ? `thêm ${c.added.length}` : '',
                      c.removed.length ? `bỏ ${c.removed.length}` : '',
                      c.changed.length ? `đổi ${c.changed.length}` : '',
                    ]
                      .filter(Boolean)
                      .join(', '),
                },
              ]}
            />
          )}
        </>
      )}
    </Modal>
  );
}
