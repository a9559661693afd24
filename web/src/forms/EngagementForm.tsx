import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Select } from 'antd';
import { FormModal } from '../components/FormModal';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ok, type Schemas } from '../api/client';
import { useRefusal } from '../lib/errors';
import { ENGAGEMENT_KIND_LABELS } from '../lib/labels';

type Kind = Schemas['CreateEngagementDto']['kind'];
interface Values {
  kind: Kind;
  occurredOn: Dayjs;
  officers: string;
  outcome: string;
}

/**
 * Nhật ký vận động: a meeting, a visit, a dialogue or a persuasion with the household — when, who went (names
 * separated by ";"), and what came of it. A refusal is shown next to the field the server names.
 */
export function EngagementForm({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { refusal, onError } = useRefusal(form, ['kind', 'occurredOn', 'officers', 'outcome']);
  const save = useMutation({
    mutationFn: (v: Values) =>
      ok(
        api.POST('/api/v1/cases/{caseId}/engagements', {
          params: { path: { caseId } },
          body: {
            kind: v.kind,
            occurredOn: v.occurredOn.format('YYYY-MM-DD'),
            officers: v.officers
              .split(';')
              .map((s) => s.trim())
              .filter(Boolean),
            outcome: v.outcome.trim(),
          },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['case', caseId, 'engagements'] });
      onClose();
    },
    onError,
  });
  return (
    <FormModal
      title="Ghi nhận buổi làm việc với hộ"
      okText="Ghi nhận"
      form={form}
      pending={save.isPending}
      refusal={refusal}
      onSubmit={(v) => save.mutate(v)}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'persuasion', occurredOn: dayjs() }}>
        <Form.Item name="kind" label="Hình thức">
          <Select options={Object.entries(ENGAGEMENT_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="occurredOn" label="Ngày" rules={[{ required: true, message: 'Chọn ngày.' }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name="officers"
          label="Cán bộ tham gia"
          extra="Cách nhau bằng dấu chấm phẩy (;)"
          rules={[{ required: true, message: 'Ghi ít nhất một cán bộ tham gia.' }]}
        >
          <Input placeholder="Nguyễn Văn A (Trung tâm); Hoàng Thị B (UBND xã)" />
        </Form.Item>
        <Form.Item name="outcome" label="Kết quả" rules={[{ required: true, message: 'Ghi kết quả buổi làm việc.' }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
