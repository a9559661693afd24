import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, ok, type Schemas } from '../api/client';
import { formatDate } from '../lib/format';

/**
 * Người ký of the document a step issues (issue 18 §12): the head of the issuing body in office on the step's date
 * signs unless a deputy is chosen to sign for them (KT.). Reads the document's date from the form (`dateField`,
 * `occurredOn` by default) and sets `signatoryId` (empty: the head). Says so before saving when no head is recorded
 * for that day.
 */
export function SignerField(props: { signer: Schemas['SignerChoiceDto']; dateField?: string }) {
  const { signer, dateField = 'occurredOn' } = props;
  const form = Form.useFormInstance();
  const occurredOn = Form.useWatch<Dayjs | undefined>(dateField, form);
  const on = occurredOn?.format('YYYY-MM-DD');
  const holders = useQuery({
    queryKey: ['signatories', signer.agencyCode, on],
    enabled: Boolean(on),
    queryFn: () => ok(api.GET('/api/v1/signatories', { params: { query: { agency: signer.agencyCode, on } } })),
  });
  const head = holders.data?.find((s) => !s.deputy);
  const deputies = (holders.data ?? []).filter((s) => s.deputy);
  return (
    <>
      {holders.isSuccess && !head && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`Chưa ghi người đứng đầu ${signer.agencyName} giữ chức ngày ${formatDate(on)}: ghi ở màn hình "Người ký văn bản" trước khi ban hành.`}
        />
      )}
      <Form.Item
        name="signatoryId"
        label="Người ký"
        extra={head ? `Để trống: ${head.title} ${head.fullName} ký.` : undefined}
      >
        <Select
          allowClear
          loading={holders.isFetching}
          placeholder={head ? `${head.title} ${head.fullName}` : 'Người đứng đầu cơ quan'}
          options={deputies.map((d) => ({
            value: d.id,
            label: `KT. ${head?.title ?? 'người đứng đầu'} — ${d.title} ${d.fullName}`,
          }))}
        />
      </Form.Item>
    </>
  );
}
