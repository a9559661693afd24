import { CalculatorOutlined, FilePdfOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  message,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PLAN_EDITORS } from '../../../src/shared/roles';
import { api, ApiError, ok, openFile, type Schemas } from '../api/client';
import { useMe } from '../auth/session';
import { NextStepButtons } from '../components/NextStepButtons';
import { SignerField } from '../components/SignerField';
import { RecomputePlanForm } from '../forms/RecomputePlanForm';
import { refusalText } from '../lib/errors';
import { formatDate, formatDong } from '../lib/format';
import { DOCUMENT_TYPE_LABELS } from '../lib/labels';

type Step = Schemas['PlanNextStepDto'];
type PlanCase = Schemas['PlanCaseDto'];
type Opinion = 'agree' | 'disagree' | 'other' | 'absent';

const OPINIONS: { value: Opinion; label: string }[] = [
  { value: 'agree', label: 'Đồng ý' },
  { value: 'disagree', label: 'Không đồng ý' },
  { value: 'other', label: 'Ý kiến khác' },
  { value: 'absent', label: 'Vắng mặt' },
];

interface StepValues {
  occurredOn: Dayjs;
  places?: string[];
  outcome?: 'agree' | 'return';
  comments?: string;
  opinions?: Record<string, Opinion>;
  dialogueCaseIds?: string[];
  signatoryId?: string;
}

/** The form of a plan step: its date, and what the step carries (places, each household's opinion, an outcome…). */
function PlanStepForm(props: { planId: string; version: number; step: Step; cases: PlanCase[]; onClose: () => void }) {
  const { planId, step, cases, onClose } = props;
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StepValues>();
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(props.version);
  const needs = (f: string) => step.requiredFields.includes(f);
  const save = useMutation({
    mutationFn: (v: StepValues) =>
      ok(
        api.POST('/api/v1/plans/{id}/transitions', {
          params: { path: { id: planId } },
          body: {
            action: step.action,
            version,
            occurredOn: v.occurredOn.format('YYYY-MM-DD'),
            places: needs('places') ? v.places : undefined,
            outcome: needs('outcome') ? v.outcome : undefined,
            comments: v.comments?.trim() || undefined,
            opinions: needs('opinions')
              ? cases.map((c) => ({ caseId: c.caseId, opinion: v.opinions?.[c.caseId] ?? 'agree' }))
              : undefined,
            dialogueCaseIds: needs('dialogueCaseIds') ? v.dialogueCaseIds : undefined,
            signatoryId: step.signer ? v.signatoryId : undefined,
          },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['plan', planId] });
      void message.success(`Đã ghi nhận: ${step.label}.`);
      onClose();
    },
    onError: (e) => {
      const err = e instanceof ApiError ? e : null;
      setRefusal(err);
      const field = err?.field;
      if (
        err &&
        field &&
        ['occurredOn', 'places', 'outcome', 'comments', 'dialogueCaseIds', 'signatoryId'].includes(field)
      )
        form.setFields([{ name: field as keyof StepValues, errors: [err.message] }]);
    },
  });
  // A stale version: fetch the plan again and keep what was typed, so the clerk only saves again.
  // Saving waits for the fresh version (a click in between would be refused again).
  const reload = useMutation({
    mutationFn: () => ok(api.GET('/api/v1/plans/{id}', { params: { path: { id: planId } } })),
    onSuccess: async (fresh) => {
      setVersion(fresh.version);
      setRefusal(null);
      await queryClient.invalidateQueries({ queryKey: ['plan', planId] });
    },
    onError: (e) => setRefusal(e instanceof ApiError ? e : null),
  });
  const earliest = step.earliestOn ? dayjs(step.earliestOn) : null;
  const disagreeing = cases.filter((c) => c.opinion === 'disagree');
  return (
    <Modal
      open
      width={needs('opinions') ? 760 : 520}
      title={step.label}
      okText="Ghi nhận"
      cancelText="Hủy"
      confirmLoading={save.isPending || reload.isPending}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      onCancel={onClose}
      destroyOnHidden
    >
      {refusal && !refusal.field && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={refusalText(refusal)}
          action={
            refusal.code === 'CONCURRENCY.STALE_VERSION' ? (
              <Button size="small" icon={<ReloadOutlined />} loading={reload.isPending} onClick={() => reload.mutate()}>
                Tải lại
              </Button>
            ) : undefined
          }
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          occurredOn: earliest && earliest.isAfter(dayjs()) ? earliest : dayjs(),
          outcome: 'agree',
          dialogueCaseIds: disagreeing.map((c) => c.caseId),
        }}
      >
        <Form.Item
          name="occurredOn"
          label="Ngày thực hiện"
          extra={earliest ? `Sớm nhất ngày ${earliest.format('DD/MM/YYYY')} theo quy định.` : undefined}
          rules={[{ required: true, message: 'Chọn ngày.' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: 180 }} />
        </Form.Item>
        {step.signer && <SignerField signer={step.signer} />}
        {needs('places') && (
          <Form.Item
            name="places"
            label="Địa điểm niêm yết"
            rules={[{ required: true, message: 'Ghi ít nhất một địa điểm niêm yết.' }]}
          >
            <Select
              mode="tags"
              placeholder="Trụ sở UBND xã…, nhà văn hóa thôn… (Enter sau mỗi địa điểm)"
              open={false}
            />
          </Form.Item>
        )}
        {needs('comments') && (
          <Form.Item
            name="comments"
            label="Lý do trả lại, nội dung cần sửa"
            rules={[{ required: true, whitespace: true, message: 'Trả lại phương án phải ghi ý kiến cần sửa.' }]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        )}
        {needs('outcome') && (
          <>
            <Form.Item name="outcome" label="Kết quả thẩm định">
              <Radio.Group
                options={[
                  { value: 'agree', label: 'Thống nhất' },
                  { value: 'return', label: 'Trả lại để sửa' },
                ]}
              />
            </Form.Item>
            <Form.Item noStyle dependencies={['outcome']}>
              {({ getFieldValue }) =>
                getFieldValue('outcome') === 'return' ? (
                  <Form.Item
                    name="comments"
                    label="Ý kiến cần sửa"
                    rules={[{ required: true, message: 'Trả lại phương án phải ghi ý kiến cần sửa.' }]}
                  >
                    <Input.TextArea rows={3} maxLength={4000} />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
          </>
        )}
        {needs('opinions') && (
          <Table
            size="small"
            rowKey="caseId"
            pagination={cases.length > 10 ? { pageSize: 10 } : false}
            dataSource={cases}
            columns={[
              { title: 'Hộ', dataIndex: 'fullName' },
              { title: 'Xã', dataIndex: 'communeName', width: 120 },
              {
                title: 'Ý kiến',
                key: 'o',
                width: 200,
                render: (_, c) => (
                  <Form.Item name={['opinions', c.caseId]} initialValue={c.opinion ?? 'agree'} noStyle>
                    <Select options={OPINIONS} style={{ width: 180 }} aria-label={`Ý kiến của ${c.fullName}`} />
                  </Form.Item>
                ),
              },
            ]}
          />
        )}
        {needs('dialogueCaseIds') && (
          <Form.Item
            name="dialogueCaseIds"
            label="Các hộ đã được đối thoại"
            rules={[{ required: true, message: 'Chọn các hộ đã được đối thoại.' }]}
          >
            <Checkbox.Group options={disagreeing.map((c) => ({ value: c.caseId, label: c.fullName }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/**
 * Phương án: a compensation plan with its figures and findings, the steps it went through, its decisions (PDF), and
 * the steps the procedure offers next as buttons (who, from which day, what blocks them).
 */
export function PlanPage() {
  const { planId = '' } = useParams();
  const me = useMe();
  const [step, setStep] = useState<Step | null>(null);
  const [recomputing, setRecomputing] = useState(false);
  const path = { params: { path: { id: planId } } };
  const plan = useQuery({ queryKey: ['plan', planId], queryFn: () => ok(api.GET('/api/v1/plans/{id}', path)) });
  const next = useQuery({
    queryKey: ['plan', planId, 'next'],
    queryFn: () => ok(api.GET('/api/v1/plans/{id}/next-steps', path)),
  });
  const history = useQuery({
    queryKey: ['plan', planId, 'history'],
    queryFn: () => ok(api.GET('/api/v1/plans/{id}/transitions', path)),
  });
  const cases = useQuery({
    queryKey: ['plan', planId, 'cases'],
    queryFn: () => ok(api.GET('/api/v1/plans/{id}/cases', path)),
  });
  const documents = useQuery({
    queryKey: ['plan', planId, 'documents'],
    queryFn: () => ok(api.GET('/api/v1/documents', { params: { query: { planId } } })),
  });
  if (plan.error)
    return <Alert type="error" showIcon message={plan.error.message} action={<Link to="/">Về Việc cần làm</Link>} />;
  if (!plan.data) return <Card loading />;
  const p = plan.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {p.code} — {p.name}
        </Typography.Title>
        <Tag color="blue">{p.statusLabel}</Tag>
      </div>
      <Card size="small" title="Bước tiếp theo">
        <NextStepButtons steps={next.data ?? []} onPick={setStep} />
        {next.data?.some((s) => s.mine && s.blockedBy) && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            message={next.data
              .filter((s) => s.mine && s.blockedBy)
              .map((s) => `${s.label}: ${s.blockedBy}`)
              .join(' ')}
          />
        )}
      </Card>
      {step && (
        <PlanStepForm
          planId={planId}
          version={p.version}
          step={step}
          cases={cases.data ?? []}
          onClose={() => setStep(null)}
        />
      )}
      {recomputing && <RecomputePlanForm plan={p} onClose={() => setRecomputing(false)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title="Số liệu phương án"
            extra={
              p.status === 'DRAFT' && (PLAN_EDITORS as readonly string[]).includes(me.role) ? (
                <Button size="small" icon={<CalculatorOutlined />} onClick={() => setRecomputing(true)}>
                  Tính lại
                </Button>
              ) : undefined
            }
          >
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="Số hộ">{p.caseCount}</Descriptions.Item>
              <Descriptions.Item label="Tổng bồi thường, hỗ trợ">{formatDong(p.gross)} đồng</Descriptions.Item>
              <Descriptions.Item label="Tổng số tiền chi trả">{formatDong(p.net)} đồng</Descriptions.Item>
              <Descriptions.Item label="Bảng giá">{p.priceBookCode}</Descriptions.Item>
              <Descriptions.Item label="Ngày định giá">{formatDate(p.valuationDate)}</Descriptions.Item>
              {p.postedOn && <Descriptions.Item label="Niêm yết từ">{formatDate(p.postedOn)}</Descriptions.Item>}
              {p.approvedOn && (
                <Descriptions.Item label="Phê duyệt">
                  Quyết định số {p.approvalNumber} ngày {formatDate(p.approvedOn)}
                </Descriptions.Item>
              )}
              {p.returnComments && <Descriptions.Item label="Ý kiến khi trả lại">{p.returnComments}</Descriptions.Item>}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="Các bước đã thực hiện">
            <Timeline
              items={(history.data ?? []).map((t) => ({
                children: (
                  <span>
                    <b>{formatDate(t.occurredOn)}</b> — {t.actionLabel} → {t.toStateLabel}
                  </span>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {p.findings.length > 0 && (
        <Card size="small" title="Kiểm tra phương án">
          <Space direction="vertical">
            {p.findings.map((f, i) => (
              <Alert
                key={`${f.code}.${f.caseId ?? ''}.${i}`}
                type={f.severity === 'blocking' ? 'error' : 'warning'}
                showIcon
                message={f.message}
                action={f.caseId ? <Link to={`/ho-so/${f.caseId}`}>Mở hồ sơ</Link> : undefined}
              />
            ))}
          </Space>
        </Card>
      )}
      <Card size="small" title="Văn bản">
        {(documents.data ?? []).length === 0 ? (
          <Typography.Text type="secondary">Chưa có văn bản (quyết định được ban hành khi phê duyệt).</Typography.Text>
        ) : (
          <Space direction="vertical">
            {documents.data!.slice(0, 50).map((d) => (
              <Button
                key={d.id}
                type="link"
                size="small"
                icon={<FilePdfOutlined />}
                style={{ padding: 0 }}
                disabled={d.status !== 'rendered'}
                onClick={() =>
                  void openFile(`/api/v1/documents/${d.id}/file`).catch((e: Error) => void message.error(e.message))
                }
              >
                {DOCUMENT_TYPE_LABELS[d.type] ?? d.type} số {d.number} ngày {formatDate(d.issuedOn)}
                {d.signedBy ? ` · Người ký: ${d.signedBy}` : ''}
              </Button>
            ))}
          </Space>
        )}
      </Card>
      <Card size="small" title={`Các hộ trong phương án (${p.caseCount})`}>
        <Table
          size="small"
          rowKey="caseId"
          loading={cases.isPending}
          dataSource={cases.data}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            {
              title: 'Hộ',
              dataIndex: 'fullName',
              render: (n: string, c) => <Link to={`/ho-so/${c.caseId}`}>{n}</Link>,
            },
            { title: 'Xã', dataIndex: 'communeName', width: 140 },
            { title: 'Bồi thường, hỗ trợ (đồng)', dataIndex: 'gross', align: 'right', render: formatDong },
            { title: 'Khấu trừ (đồng)', dataIndex: 'debt', align: 'right', render: formatDong },
            { title: 'Chi trả (đồng)', dataIndex: 'net', align: 'right', render: formatDong },
            {
              title: 'Ý kiến',
              dataIndex: 'opinion',
              width: 130,
              render: (o: string | null) => OPINIONS.find((x) => x.value === o)?.label ?? '',
            },
          ]}
        />
      </Card>
    </Space>
  );
}
