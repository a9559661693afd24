import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, DatePicker, Form, Input, Select, Space, Table, Tag, Typography, message } from 'antd';
import { FormModal } from '../components/FormModal';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ok, type Schemas } from '../api/client';
import { useMe } from '../auth/session';
import { useRefusal } from '../lib/errors';
import { formatDate } from '../lib/format';
import { useAgencies } from '../lib/queries';

type Signatory = Schemas['SignatoryDto'];

/** The bodies that issue documents the system prints: the People's Committee and the Center. */
const ISSUING_KINDS = ['people_committee', 'land_fund_center'];

interface NewValues {
  agency: string;
  fullName: string;
  title: string;
  deputy: boolean;
  effectiveFrom: Dayjs;
  basis: string;
}

function NewSignatoryForm(props: { agencies: Schemas['AgencyDto'][]; agency: string; onClose: () => void }) {
  const { agencies, agency, onClose } = props;
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewValues>();
  const { refusal, onError } = useRefusal(form, ['agency', 'fullName', 'title', 'effectiveFrom', 'basis']);
  const save = useMutation({
    mutationFn: (v: NewValues) =>
      ok(
        api.POST('/api/v1/signatories', {
          body: {
            agency: v.agency,
            fullName: v.fullName.trim(),
            title: v.title.trim(),
            deputy: v.deputy,
            effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
            basis: v.basis.trim(),
          },
        }),
      ),
    onSuccess: async (s) => {
      await queryClient.invalidateQueries({ queryKey: ['signatories'] });
      void message.success(`Đã ghi ${s.title} ${s.fullName}.`);
      onClose();
    },
    onError,
  });
  return (
    <FormModal
      title="Ghi người ký"
      okText="Ghi"
      form={form}
      pending={save.isPending}
      refusal={refusal}
      onSubmit={(v) => save.mutate(v)}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ deputy: false, agency }}>
        <Form.Item name="agency" label="Cơ quan" rules={[{ required: true, message: 'Chọn cơ quan.' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={agencies.map((a) => ({ value: a.code, label: a.name }))}
          />
        </Form.Item>
        <Form.Item
          name="fullName"
          label="Họ và tên"
          rules={[{ required: true, whitespace: true, message: 'Ghi họ và tên.' }]}
        >
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item
          name="title"
          label="Chức vụ"
          rules={[{ required: true, whitespace: true, message: 'Ghi chức vụ (Chủ tịch, Phó Chủ tịch, Giám đốc…).' }]}
        >
          <Input maxLength={80} placeholder="Chủ tịch, Phó Chủ tịch, Giám đốc, Phó Giám đốc…" />
        </Form.Item>
        <Form.Item name="deputy" valuePropName="checked" extra="Cấp phó ký thay người đứng đầu (KT.).">
          <Checkbox>Cấp phó</Checkbox>
        </Form.Item>
        <Form.Item
          name="effectiveFrom"
          label="Giữ chức từ ngày"
          rules={[{ required: true, message: 'Chọn ngày bắt đầu giữ chức.' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name="basis"
          label="Văn bản giao chức vụ"
          rules={[
            { required: true, whitespace: true, message: 'Ghi nghị quyết bầu, quyết định bổ nhiệm hoặc phân công.' },
          ]}
        >
          <Input maxLength={300} placeholder="Nghị quyết số …/NQ-HĐND ngày … về việc bầu Chủ tịch UBND huyện" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function EndTermForm({ s, onClose }: { s: Signatory; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ effectiveTo: Dayjs }>();
  const { refusal, onError } = useRefusal(form, ['effectiveTo']);
  const save = useMutation({
    mutationFn: (v: { effectiveTo: Dayjs }) =>
      ok(
        api.POST('/api/v1/signatories/{id}/end', {
          params: { path: { id: s.id } },
          body: { effectiveTo: v.effectiveTo.format('YYYY-MM-DD') },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['signatories'] });
      onClose();
    },
    onError,
  });
  return (
    <FormModal
      title={`Thôi giữ chức: ${s.title} ${s.fullName}`}
      okText="Ghi"
      form={form}
      pending={save.isPending}
      refusal={refusal}
      onSubmit={(v) => save.mutate(v)}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ effectiveTo: dayjs() }}>
        <Form.Item
          name="effectiveTo"
          label="Ngày cuối cùng giữ chức"
          rules={[{ required: true, message: 'Chọn ngày.' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: 180 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/**
 * Người ký văn bản: who holds each office of the bodies whose documents the system prints, and since when — the
 * data a decision's signature block is drawn from on its date. The administrator records a new holder from the act
 * that gave the office, and the last day of a term; nothing is deleted (old documents keep their signer).
 */
export function SignatoriesPage() {
  const me = useMe();
  const agencies = useAgencies();
  const [adding, setAdding] = useState<string | null>(null);
  const [ending, setEnding] = useState<Signatory | null>(null);
  const list = useQuery({ queryKey: ['signatories'], queryFn: () => ok(api.GET('/api/v1/signatories')) });
  const issuing = (agencies.data ?? []).filter((a) => ISSUING_KINDS.includes(a.kind));
  const today = dayjs().format('YYYY-MM-DD');
  const inOffice = (s: Signatory) => s.effectiveFrom <= today && (s.effectiveTo === null || today <= s.effectiveTo);
  const admin = me.role === 'admin';
  // The bodies with office holders recorded (the district's People's Committee and the Center); another body gets
  // its card once its first holder is recorded.
  const recorded = issuing.filter((a) => (list.data ?? []).some((s) => s.agencyId === a.id));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Người ký văn bản
        </Typography.Title>
        {admin && issuing.length > 0 && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding((recorded[0] ?? issuing[0]).code)}>
            Ghi người ký cho cơ quan khác
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Văn bản do hệ thống ban hành được ký bởi người đứng đầu cơ quan đang giữ chức vào ngày ban hành, hoặc cấp phó
        được chọn khi ban hành (ký thay, KT.).
      </Typography.Paragraph>
      {recorded.map((a) => {
        const rows = (list.data ?? []).filter((s) => s.agencyId === a.id);
        return (
          <Card
            key={a.id}
            size="small"
            title={a.name}
            extra={
              admin ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(a.code)}>
                  Ghi người ký
                </Button>
              ) : undefined
            }
          >
            <Table
              size="small"
              rowKey="id"
              loading={list.isPending}
              dataSource={rows}
              pagination={false}
              columns={[
                { title: 'Họ và tên', dataIndex: 'fullName' },
                {
                  title: 'Chức vụ',
                  dataIndex: 'title',
                  render: (t: string, s) => (s.deputy ? `${t} (ký thay)` : t),
                },
                { title: 'Từ ngày', dataIndex: 'effectiveFrom', width: 110, render: formatDate },
                {
                  title: 'Đến ngày',
                  dataIndex: 'effectiveTo',
                  width: 110,
                  render: (d: string | null) => (d ? formatDate(d) : ''),
                },
                {
                  title: 'Trạng thái',
                  key: 'state',
                  width: 130,
                  render: (_, s) =>
                    inOffice(s) ? <Tag color="green">Đang giữ chức</Tag> : <Tag>Không còn giữ chức</Tag>,
                },
                { title: 'Căn cứ', dataIndex: 'basis', ellipsis: true },
                ...(admin
                  ? [
                      {
                        title: '',
                        key: 'end',
                        width: 130,
                        render: (_: unknown, s: Signatory) =>
                          s.effectiveTo === null ? (
                            <Button size="small" onClick={() => setEnding(s)}>
                              Thôi giữ chức
                            </Button>
                          ) : null,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        );
      })}
      {adding && <NewSignatoryForm agencies={issuing} agency={adding} onClose={() => setAdding(null)} />}
      {ending && <EndTermForm s={ending} onClose={() => setEnding(null)} />}
    </Space>
  );
}
