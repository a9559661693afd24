import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ok, type Schemas } from '../api/client';
import { FormModal } from '../components/FormModal';
import { SignerField } from '../components/SignerField';
import { useRefusal } from '../lib/errors';

interface Values {
  issuedOn: Dayjs;
  surveyFrom: Dayjs;
  surveyTo: Dayjs;
  signatoryId?: string;
}

/**
 * Thông báo thu hồi đất (LĐĐ 2013 Đ67, Đ69 k1 a) for the households chosen in the list: one notice each, numbered by
 * the district People's Committee and signed by its Chairman in office on the day (or a deputy chosen here), with the
 * survey period the notice announces. The households then receive it (the "Giao thông báo" step of each file).
 */
export function RecoveryNoticeForm(props: {
  project: Schemas['ProjectDto'];
  caseIds: string[];
  onDone: () => void;
  onClose: () => void;
}) {
  const { project, caseIds, onDone, onClose } = props;
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { refusal, onError } = useRefusal(form, ['issuedOn', 'surveyFrom', 'surveyTo', 'signatoryId']);
  const issuer = useQuery({
    queryKey: ['issuer', 'people_committee', project.communes[0]?.id],
    enabled: project.communes.length > 0,
    staleTime: Infinity,
    queryFn: () =>
      ok(
        api.GET('/api/v1/agencies/issuer', {
          params: { query: { kind: 'people_committee', placeId: project.communes[0].id } },
        }),
      ),
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      ok(
        api.POST('/api/v1/projects/{projectId}/recovery-notices', {
          params: { path: { projectId: project.id } },
          body: {
            issuedOn: v.issuedOn.format('YYYY-MM-DD'),
            surveyFrom: v.surveyFrom.format('YYYY-MM-DD'),
            surveyTo: v.surveyTo.format('YYYY-MM-DD'),
            caseIds,
            signatoryId: v.signatoryId,
          },
        }),
      ),
    onSuccess: async (issued) => {
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      void message.success(`Đã ban hành ${issued.length} thông báo thu hồi đất (số ${issued[0]?.number ?? ''}…).`);
      onDone();
      onClose();
    },
    onError,
  });
  return (
    <FormModal
      title="Ban hành thông báo thu hồi đất"
      okText={`Ban hành ${caseIds.length} thông báo`}
      form={form}
      pending={save.isPending}
      refusal={refusal}
      onSubmit={(v) => save.mutate(v)}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">
        Mỗi hộ được chọn nhận một thông báo riêng ({caseIds.length} hộ), ghi thửa đất, diện tích dự kiến thu hồi và thời
        gian điều tra, khảo sát, đo đạc, kiểm đếm.
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ issuedOn: dayjs() }}>
        <Form.Item name="issuedOn" label="Ngày ban hành" rules={[{ required: true, message: 'Chọn ngày.' }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: 180 }} />
        </Form.Item>
        {issuer.data && <SignerField signer={issuer.data} dateField="issuedOn" />}
        <Form.Item
          name="surveyFrom"
          label="Kiểm đếm từ ngày"
          rules={[{ required: true, message: 'Chọn ngày bắt đầu kiểm đếm.' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name="surveyTo"
          label="Kiểm đếm đến ngày"
          rules={[{ required: true, message: 'Chọn ngày kết thúc kiểm đếm.' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: 180 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
