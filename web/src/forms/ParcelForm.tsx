import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { FormModal } from '../components/FormModal';
import { parseVnDecimal } from '../../../src/shared/vn-number';
import { api, ok } from '../api/client';
import { useRefusal } from '../lib/errors';

interface Values {
  mapSheet: string;
  parcelNumber: string;
  landTypeCode: string;
  position?: string;
  legalArea?: string;
  measuredArea: string;
  recoveredArea: string;
  origin?: string;
  eligible?: boolean;
  certificateNumber?: string;
}

const area = (label: string, required: boolean) => ({
  rules: [
    ...(required ? [{ required: true, message: `Nhập ${label.toLowerCase()}.` }] : []),
    {
      validator: (_: unknown, v?: string) =>
        !v || parseVnDecimal(v)
          ? Promise.resolve()
          : Promise.reject(new Error(`"${v}" không phải là số (ví dụ 9.222,1).`)),
    },
  ],
});

/** Thêm thửa đất: a parcel of the household, areas typed the Vietnamese way (9.222,1), checked by the API's rules. */
export function ParcelForm({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { refusal, onError } = useRefusal(form, [
    'mapSheet',
    'parcelNumber',
    'landTypeCode',
    'measuredArea',
    'recoveredArea',
    'legalArea',
  ]);
  const landTypes = useQuery({
    queryKey: ['land-types'],
    queryFn: () => ok(api.GET('/api/v1/land-types')),
    staleTime: Infinity,
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      ok(
        api.POST('/api/v1/cases/{caseId}/parcels', {
          params: { path: { caseId } },
          body: {
            mapSheet: v.mapSheet.trim(),
            parcelNumber: v.parcelNumber.trim(),
            landTypeCode: v.landTypeCode,
            position: v.position?.trim() || undefined,
            legalArea: v.legalArea ? parseVnDecimal(v.legalArea)! : undefined,
            measuredArea: parseVnDecimal(v.measuredArea)!,
            recoveredArea: parseVnDecimal(v.recoveredArea)!,
            origin: v.origin?.trim() || undefined,
            eligible: v.eligible ?? true,
            certificateNumber: v.certificateNumber?.trim() || undefined,
          },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['case', caseId] });
      onClose();
    },
    onError,
  });
  return (
    <FormModal
      width={680}
      title="Thêm thửa đất"
      okText="Ghi thửa đất"
      form={form}
      pending={save.isPending}
      refusal={refusal}
      onSubmit={(v) => save.mutate(v)}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ eligible: true, position: 'VT1' }}>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="mapSheet" label="Tờ bản đồ số" rules={[{ required: true, message: 'Nhập số tờ.' }]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="parcelNumber" label="Thửa số" rules={[{ required: true, message: 'Nhập số thửa.' }]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="landTypeCode" label="Loại đất" rules={[{ required: true, message: 'Chọn loại đất.' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                loading={landTypes.isPending}
                options={landTypes.data?.map((t) => ({ value: t.code, label: `${t.code} — ${t.name}` }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="legalArea" label="DT theo GCN (m²)" {...area('diện tích theo GCN', false)}>
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="measuredArea" label="DT đo đạc (m²)" {...area('diện tích đo đạc', true)}>
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="recoveredArea" label="DT thu hồi (m²)" {...area('diện tích thu hồi', true)}>
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="position" label="Vị trí">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="certificateNumber" label="Số GCN">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="eligible" valuePropName="checked" label=" ">
              <Checkbox>Đủ điều kiện bồi thường</Checkbox>
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="origin" label="Nguồn gốc sử dụng đất">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
