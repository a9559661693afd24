import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Modal, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Decimal } from 'decimal.js';
import { useState } from 'react';
import { parseVnDecimal } from '../../../src/shared/vn-number';
import { api, ok, type Schemas } from '../api/client';
import { refusalText } from '../lib/errors';
import { formatArea } from '../lib/format';

/**
 * Bàn giao mặt bằng: the day and, per parcel, the area handed over in this act (the rest of its recovered area offered;
 * typed the Vietnamese way). The API records it with its biên bản, which the worker renders.
 */
export function HandoverForm(props: {
  caseId: string;
  parcels: Schemas['ParcelDto'][];
  handed: Record<string, string>;
  onClose: () => void;
}) {
  const { caseId, parcels, handed, onClose } = props;
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [on, setOn] = useState<Dayjs>(dayjs());
  const rest = (p: Schemas['ParcelDto']) => new Decimal(p.recoveredArea).minus(handed[p.id] ?? '0');
  const open = parcels.filter((p) => rest(p).gt(0));
  const [areas, setAreas] = useState<Record<string, string>>(() =>
    Object.fromEntries(open.map((p) => [p.id, formatArea(rest(p).toFixed())])),
  );
  const save = useMutation({
    mutationFn: () => {
      const rows = open
        .map((p) => ({ parcelId: p.id, area: parseVnDecimal(areas[p.id] ?? '') }))
        .filter((r) => r.area && new Decimal(r.area).gt(0));
      if (rows.length === 0) throw new Error('Nhập diện tích bàn giao của ít nhất một thửa.');
      return ok(
        api.POST('/api/v1/cases/{caseId}/handover', {
          params: { path: { caseId } },
          body: { handedOverOn: on.format('YYYY-MM-DD'), parcels: rows as { parcelId: string; area: string }[] },
        }),
      );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['case', caseId] });
      onClose();
    },
    onError: (e) => setRefusal(e instanceof Error && !('code' in e) ? e.message : refusalText(e)),
  });
  return (
    <Modal
      open
      width={640}
      title="Bàn giao mặt bằng"
      okText="Ghi nhận bàn giao"
      cancelText="Hủy"
      confirmLoading={save.isPending}
      onOk={() => save.mutate()}
      onCancel={onClose}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label="Ngày bàn giao">
          <DatePicker
            aria-label="Ngày bàn giao"
            format="DD/MM/YYYY"
            allowClear={false}
            value={on}
            onChange={(d) => d && setOn(d)}
          />
        </Form.Item>
      </Form>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={open}
        columns={[
          { title: 'Thửa', key: 't', render: (_, p) => `Tờ ${p.mapSheet}, thửa ${p.parcelNumber} (${p.landTypeCode})` },
          {
            title: 'Còn phải bàn giao (m²)',
            key: 'r',
            align: 'right',
            render: (_, p) => formatArea(rest(p).toFixed()),
          },
          {
            title: 'Bàn giao lần này (m²)',
            key: 'a',
            width: 170,
            render: (_, p) => (
              <Input
                aria-label={`Diện tích bàn giao thửa ${p.parcelNumber}`}
                value={areas[p.id] ?? ''}
                status={areas[p.id] && !parseVnDecimal(areas[p.id]) ? 'error' : undefined}
                onChange={(e) => setAreas((a) => ({ ...a, [p.id]: e.target.value }))}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}
