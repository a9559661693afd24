import { FilePdfOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  message,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Decimal } from 'decimal.js';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CASE_EDITORS } from '../../../src/shared/roles';
import { api, ApiError, ok, openFile, type Schemas } from '../api/client';
import { useMe } from '../auth/session';
import { AttachmentUpload } from '../forms/AttachmentUpload';
import { EngagementForm } from '../forms/EngagementForm';
import { ParcelForm } from '../forms/ParcelForm';
import { HandoverForm } from '../forms/HandoverForm';
import { PaymentForm, PaymentNoticeForm } from '../forms/PaymentForms';
import { NextStepButtons } from '../components/NextStepButtons';
import { SignerField } from '../components/SignerField';
import { refusalText } from '../lib/errors';
import { formatArea, formatDate, formatDong } from '../lib/format';
import {
  DOCUMENT_TYPE_LABELS,
  INVENTORY_STATUS_LABELS,
  LAND_USER_KIND_LABELS,
  PAYMENT_METHOD_LABELS,
} from '../lib/labels';

type Step = Schemas['NextStepDto'];
type Doc = Schemas['DocumentDto'];

/** The form a step needs: its date (not before the day the procedure allows), the document it cites, a note. */
function StepForm({ caseId, step, onClose }: { caseId: string; step: Step; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ occurredOn: Dayjs; documentRef?: string; note?: string; signatoryId?: string }>();
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const save = useMutation({
    mutationFn: (v: { occurredOn: Dayjs; documentRef?: string; note?: string; signatoryId?: string }) =>
      ok(
        api.POST('/api/v1/cases/{id}/transitions', {
          params: { path: { id: caseId } },
          body: {
            action: step.action,
            occurredOn: v.occurredOn.format('YYYY-MM-DD'),
            documentRef: v.documentRef?.trim() || undefined,
            note: v.note?.trim() || undefined,
            // A deputy signing for the Chairman, when the system issues the decision (no number typed).
            signatoryId: step.signer && !v.documentRef?.trim() ? v.signatoryId : undefined,
          },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['case', caseId] });
      void message.success(`Đã ghi nhận: ${step.label}.`);
      onClose();
    },
    onError: (e) => {
      const err = e instanceof ApiError ? e : null;
      setRefusal(err);
      const field = err?.field as 'occurredOn' | 'documentRef' | 'note' | 'signatoryId' | undefined;
      if (field && ['occurredOn', 'documentRef', 'note', 'signatoryId'].includes(field))
        form.setFields([{ name: field, errors: [err!.message] }]);
    },
  });
  const earliest = step.earliestOn ? dayjs(step.earliestOn) : null;
  return (
    <Modal
      open
      title={step.label}
      okText="Ghi nhận"
      cancelText="Hủy"
      confirmLoading={save.isPending}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      onCancel={onClose}
      destroyOnHidden
    >
      {step.waitBasis && (
        <Typography.Paragraph type="secondary">
          Căn cứ: {step.waitBasis}
          {earliest ? `; sớm nhất ngày ${earliest.format('DD/MM/YYYY')}.` : '.'}
        </Typography.Paragraph>
      )}
      {refusal && !refusal.field && (
        <Alert type="error" showIcon message={refusalText(refusal)} style={{ marginBottom: 12 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ occurredOn: earliest && earliest.isAfter(dayjs()) ? earliest : dayjs() }}
      >
        <Form.Item name="occurredOn" label="Ngày thực hiện" rules={[{ required: true, message: 'Chọn ngày.' }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name="documentRef"
          label="Số, ký hiệu văn bản"
          rules={
            step.requiresDocument && !step.systemIssuesDocument
              ? [{ required: true, message: 'Bước này phải ghi số văn bản.' }]
              : []
          }
          extra={
            step.systemIssuesDocument
              ? 'Để trống nếu chưa có quyết định: hệ thống cấp số và tạo quyết định để trình ký.'
              : undefined
          }
        >
          <Input placeholder="Ví dụ: 12/BB-UBND" maxLength={200} />
        </Form.Item>
        {step.signer && (
          <Form.Item noStyle dependencies={['documentRef']}>
            {({ getFieldValue }) =>
              String(getFieldValue('documentRef') ?? '').trim() ? null : <SignerField signer={step.signer!} />
            }
          </Form.Item>
        )}
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DocumentLink({ d }: { d: Doc }) {
  const label = `${DOCUMENT_TYPE_LABELS[d.type] ?? d.type} số ${d.number} ngày ${formatDate(d.issuedOn)}${d.signedBy ? ` · Người ký: ${d.signedBy}` : ''}`;
  if (d.status !== 'rendered') return <Typography.Text type="secondary">{label} (đang tạo tệp)</Typography.Text>;
  return (
    <Button
      type="link"
      size="small"
      icon={<FilePdfOutlined />}
      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
      onClick={() => void openFile(`/api/v1/documents/${d.id}/file`).catch((e: Error) => void message.error(e.message))}
    >
      {label}
    </Button>
  );
}

/**
 * Hồ sơ hộ: one household's file on one page — the land user and members (personal data only where the role may
 * see it), parcels, the steps taken with their documents, inventories, payments, handover, meetings, attached
 * scans — and the steps the procedure offers next, as buttons with the form each needs.
 */
/** The area already handed over of each parcel (exact decimals), from the handover records. */
function handedByParcel(records: { parcelId: string; area: string }[]): Record<string, string> {
  const sums: Record<string, Decimal> = {};
  for (const r of records) sums[r.parcelId] = (sums[r.parcelId] ?? new Decimal(0)).plus(r.area);
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v.toFixed()]));
}

/** Who issues payment notices, records payments and handovers (the Center; the API's rule). */
const PAYERS = ['center_staff', 'center_lead', 'admin'];

export function CaseFilePage() {
  const { caseId = '' } = useParams();
  const me = useMe();
  const [step, setStep] = useState<Step | null>(null);
  const [addingParcel, setAddingParcel] = useState(false);
  const [paying, setPaying] = useState<'notice' | 'payment' | null>(null);
  const [handingOver, setHandingOver] = useState(false);
  const [engaging, setEngaging] = useState(false);
  const detail = useQuery({
    queryKey: ['case', caseId],
    queryFn: () => ok(api.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } } })),
  });
  const part = <T,>(key: string, fn: () => Promise<T>) =>
    useQuery({ queryKey: ['case', caseId, key], queryFn: fn, enabled: detail.isSuccess });
  const path = { params: { path: { caseId } } };
  const parcels = part('parcels', () => ok(api.GET('/api/v1/cases/{caseId}/parcels', path)));
  const inventories = part('inventories', () => ok(api.GET('/api/v1/cases/{caseId}/inventories', path)));
  const payments = part('payments', () => ok(api.GET('/api/v1/cases/{caseId}/payments', path)));
  const handover = part('handover', () => ok(api.GET('/api/v1/cases/{caseId}/handover', path)));
  const engagements = part('engagements', () => ok(api.GET('/api/v1/cases/{caseId}/engagements', path)));
  const attachments = part('attachments', () => ok(api.GET('/api/v1/cases/{caseId}/attachments', path)));
  const planLines = part('plan-lines', () => ok(api.GET('/api/v1/cases/{caseId}/plan-lines', path)));
  // The case's own documents and the minutes of its inventories.
  const inventoryIds = (inventories.data ?? []).map((i) => i.id);
  const documents = useQuery({
    queryKey: ['case', caseId, 'documents', inventoryIds],
    enabled: detail.isSuccess && inventories.isSuccess,
    queryFn: async () => {
      const own = await ok(
        api.GET('/api/v1/documents', { params: { query: { entityType: 'case', entityId: caseId } } }),
      );
      const minutes = await Promise.all(
        inventoryIds.map((id) =>
          ok(api.GET('/api/v1/documents', { params: { query: { entityType: 'inventory', entityId: id } } })),
        ),
      );
      return [...own, ...minutes.flat()].sort((a, b) => a.issuedOn.localeCompare(b.issuedOn));
    },
  });
  if (detail.error)
    return (
      <Alert
        type="error"
        showIcon
        message={detail.error.message}
        action={<Link to="/ho-so">Về danh sách hồ sơ</Link>}
      />
    );
  if (!detail.data) return <Card loading />;
  const c = detail.data;
  const lu = c.landUser;
  const docsByRef = new Map<string, Doc>((documents.data ?? []).map((d) => [d.number, d]));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {lu.fullName}
          </Typography.Title>
          <Typography.Text type="secondary">
            {c.communeName}
            {c.batch ? ` · đợt ${c.batch}` : ''} · <Tag color="blue">{c.stateLabel}</Tag>
          </Typography.Text>
        </div>
        <Button icon={<ReloadOutlined />} onClick={() => void detail.refetch()}>
          Tải lại
        </Button>
      </Space>
      {c.executionSuspendedBy && (
        <Alert type="warning" showIcon message={`Tạm đình chỉ thi hành theo ${c.executionSuspendedBy}.`} />
      )}
      <Card size="small" title="Bước tiếp theo">
        <NextStepButtons steps={c.nextSteps} onPick={setStep} />
      </Card>
      {step && <StepForm caseId={caseId} step={step} onClose={() => setStep(null)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title="Người sử dụng đất">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="Họ tên">{lu.fullName}</Descriptions.Item>
              <Descriptions.Item label="Loại">{LAND_USER_KIND_LABELS[lu.kind] ?? lu.kind}</Descriptions.Item>
              {lu.personalDataHidden ? (
                <Descriptions.Item label="Dữ liệu cá nhân">
                  Vai trò của bạn không được xem CCCD, địa chỉ.
                </Descriptions.Item>
              ) : (
                <>
                  <Descriptions.Item label="CCCD">{lu.cccd ?? ''}</Descriptions.Item>
                  <Descriptions.Item label="Địa chỉ">{lu.address ?? ''}</Descriptions.Item>
                </>
              )}
              <Descriptions.Item label="Số nhân khẩu">{lu.memberCount}</Descriptions.Item>
              <Descriptions.Item label="Diện chính sách">
                {[
                  lu.poorHousehold && 'Hộ nghèo',
                  lu.policyFamily && 'Gia đình chính sách',
                  lu.directlyFarming && 'Trực tiếp sản xuất nông nghiệp',
                ]
                  .filter(Boolean)
                  .join(', ') || 'Không'}
              </Descriptions.Item>
            </Descriptions>
            {lu.members && lu.members.length > 0 && (
              <Table
                size="small"
                pagination={false}
                rowKey={(m) => `${m.fullName}.${m.birthYear ?? ''}`}
                dataSource={lu.members}
                columns={[
                  { title: 'Thành viên', dataIndex: 'fullName' },
                  { title: 'Quan hệ', dataIndex: 'relation' },
                  { title: 'Năm sinh', dataIndex: 'birthYear', width: 90 },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="Các bước đã thực hiện">
            <Timeline
              items={c.transitions.map((t) => ({
                children: (
                  <Space direction="vertical" size={0}>
                    <span>
                      <b>{formatDate(t.occurredOn)}</b> — {t.actionLabel}
                    </span>
                    {t.documentRef &&
                      (docsByRef.get(t.documentRef) ? (
                        <DocumentLink d={docsByRef.get(t.documentRef)!} />
                      ) : (
                        <Typography.Text type="secondary">Văn bản: {t.documentRef}</Typography.Text>
                      ))}
                    {t.note && <Typography.Text type="secondary">{t.note}</Typography.Text>}
                  </Space>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {addingParcel && <ParcelForm caseId={caseId} onClose={() => setAddingParcel(false)} />}
      {handingOver && handover.data && parcels.data && (
        <HandoverForm
          caseId={caseId}
          parcels={parcels.data}
          handed={handedByParcel(handover.data.records as unknown as { parcelId: string; area: string }[])}
          onClose={() => setHandingOver(false)}
        />
      )}
      {paying === 'notice' && (
        <PaymentNoticeForm
          caseId={caseId}
          signer={payments.data?.noticeSigner ?? null}
          onClose={() => setPaying(null)}
        />
      )}
      {paying === 'payment' && payments.data && (
        <PaymentForm
          caseId={caseId}
          payable={payments.data.payableToday}
          holder={lu.fullName}
          onClose={() => setPaying(null)}
        />
      )}
      <Card
        size="small"
        title="Thửa đất"
        extra={
          CASE_EDITORS.includes(me.role) && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAddingParcel(true)}>
              Thêm thửa
            </Button>
          )
        }
      >
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          loading={parcels.isPending}
          dataSource={parcels.data}
          columns={[
            { title: 'Tờ bản đồ', dataIndex: 'mapSheet', width: 100 },
            { title: 'Thửa số', dataIndex: 'parcelNumber', width: 90 },
            { title: 'Loại đất', dataIndex: 'landTypeCode', width: 90 },
            { title: 'Diện tích đo đạc (m²)', dataIndex: 'measuredArea', align: 'right', render: formatArea },
            { title: 'Diện tích thu hồi (m²)', dataIndex: 'recoveredArea', align: 'right', render: formatArea },
            { title: 'Vị trí', dataIndex: 'position', width: 80 },
            { title: 'Đủ điều kiện bồi thường', dataIndex: 'eligible', render: (e: boolean) => (e ? 'Có' : 'Không') },
          ]}
        />
      </Card>
      <Card size="small" title="Kiểm đếm" extra={<Link to={`/ho-so/${caseId}/kiem-dem`}>Mở biên bản kiểm đếm</Link>}>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          loading={inventories.isPending}
          dataSource={inventories.data}
          locale={{ emptyText: 'Chưa kiểm đếm.' }}
          columns={[
            { title: 'Lần', dataIndex: 'revision', width: 60 },
            { title: 'Ngày kiểm đếm', dataIndex: 'surveyedOn', width: 130, render: formatDate },
            {
              title: 'Tình trạng',
              dataIndex: 'status',
              width: 120,
              render: (s: string) => INVENTORY_STATUS_LABELS[s] ?? s,
            },
            { title: 'Số tài sản', key: 'n', width: 100, align: 'right', render: (_, i) => i.items.length },
            { title: 'Ghi chú', dataIndex: 'note' },
          ]}
        />
      </Card>
      {(planLines.data ?? []).map((p) => (
        <Card
          key={p.planId}
          size="small"
          title={
            <span>
              Phương án <Link to={`/phuong-an/${p.planId}`}>{p.planCode}</Link> — {p.statusLabel} — chi trả{' '}
              {formatDong(p.net)} đồng
            </span>
          }
        >
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={p.lines}
            columns={[
              { title: 'Khoản', dataIndex: 'categoryLabel', width: 190 },
              { title: 'Nội dung', dataIndex: 'description' },
              {
                title: 'Khối lượng',
                key: 'q',
                width: 120,
                align: 'right',
                render: (_, l) => `${formatArea(l.quantity)} ${l.unit}`,
              },
              { title: 'Đơn giá (đồng)', dataIndex: 'unitPrice', width: 120, align: 'right', render: formatDong },
              {
                title: 'Thành tiền (đồng)',
                dataIndex: 'amount',
                width: 140,
                align: 'right',
                render: (a: string | null, l) =>
                  a === null ? <Tag color="red">{l.missing ?? 'Thiếu căn cứ'}</Tag> : formatDong(a),
              },
              { title: 'Căn cứ', dataIndex: 'basis', ellipsis: { showTitle: true } },
            ]}
          />
        </Card>
      ))}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title="Chi trả"
            extra={
              PAYERS.includes(me.role) &&
              payments.data && (
                <Space>
                  <Button size="small" onClick={() => setPaying('notice')}>
                    Lập thông báo chi trả
                  </Button>
                  <Button
                    size="small"
                    type="primary"
                    disabled={payments.data.notices.length === 0 || payments.data.outstanding === '0'}
                    onClick={() => setPaying('payment')}
                  >
                    Ghi nhận chi trả
                  </Button>
                </Space>
              )
            }
          >
            {payments.data?.notices.map((n) => (
              <Typography.Paragraph key={n.documentId} style={{ marginBottom: 8 }}>
                Thông báo chi trả số {n.number} ngày {formatDate(n.issuedOn)}: chi trả lúc {n.paymentTime} ngày{' '}
                {formatDate(n.paymentOn)} tại {n.place}; bàn giao mặt bằng trước ngày {formatDate(n.handoverBy)}.
              </Typography.Paragraph>
            ))}
            {payments.data ? (
              <>
                <Descriptions size="small" column={2}>
                  <Descriptions.Item label="Được duyệt">{formatDong(payments.data.approved)} đồng</Descriptions.Item>
                  <Descriptions.Item label="Đã chi">{formatDong(payments.data.paid)} đồng</Descriptions.Item>
                  <Descriptions.Item label="Gửi Kho bạc">{formatDong(payments.data.deposited)} đồng</Descriptions.Item>
                  <Descriptions.Item label="Còn phải chi">
                    {formatDong(payments.data.outstanding)} đồng
                    {payments.data.lateOutstanding !== '0'
                      ? ` (gồm ${formatDong(payments.data.lateOutstanding)} đồng tiền chậm chi trả)`
                      : ''}
                  </Descriptions.Item>
                  <Descriptions.Item label="Hạn chi trả">{formatDate(payments.data.deadline)}</Descriptions.Item>
                  <Descriptions.Item label="Tiền chậm chi trả">
                    {formatDong(payments.data.lateAmount)} đồng (đã chi {formatDong(payments.data.latePaid)} đồng)
                  </Descriptions.Item>
                </Descriptions>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="id"
                  dataSource={payments.data.payments}
                  locale={{ emptyText: 'Chưa chi trả.' }}
                  columns={[
                    { title: 'Ngày', dataIndex: 'paidOn', width: 100, render: formatDate },
                    { title: 'Số tiền (đồng)', dataIndex: 'amount', align: 'right', render: formatDong },
                    { title: 'Hình thức', dataIndex: 'method', render: (m: string) => PAYMENT_METHOD_LABELS[m] ?? m },
                    { title: 'Chứng từ', dataIndex: 'voucherNumber' },
                  ]}
                />
              </>
            ) : payments.error ? (
              <Typography.Text type="secondary">{payments.error.message}</Typography.Text>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title="Bàn giao mặt bằng"
            extra={
              PAYERS.includes(me.role) &&
              handover.data &&
              !handover.data.complete &&
              !handover.data.blockedBy && (
                <Button size="small" type="primary" onClick={() => setHandingOver(true)}>
                  Ghi nhận bàn giao
                </Button>
              )
            }
          >
            {handover.data ? (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label="Diện tích thu hồi">
                  {formatArea(handover.data.recovered)} m²
                </Descriptions.Item>
                <Descriptions.Item label="Đã bàn giao">{formatArea(handover.data.handedOver)} m²</Descriptions.Item>
                <Descriptions.Item label="Tình trạng">
                  {handover.data.complete ? <Tag color="green">Đã bàn giao toàn bộ</Tag> : <Tag>Chưa bàn giao hết</Tag>}
                </Descriptions.Item>
                {!handover.data.complete && handover.data.blockedBy && (
                  <Descriptions.Item label="Chưa nhận bàn giao">{handover.data.blockedBy}</Descriptions.Item>
                )}
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{handover.error?.message ?? ''}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title="Văn bản đã ban hành">
            {(documents.data ?? []).length === 0 ? (
              <Typography.Text type="secondary">Chưa có văn bản.</Typography.Text>
            ) : (
              <Space direction="vertical">
                {documents.data!.map((d) => (
                  <DocumentLink key={d.id} d={d} />
                ))}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title="Vận động, đối thoại"
            extra={
              CASE_EDITORS.includes(me.role) && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setEngaging(true)}>
                  Ghi nhận buổi làm việc
                </Button>
              )
            }
          >
            {engaging && <EngagementForm caseId={caseId} onClose={() => setEngaging(false)} />}
            <Table
              size="small"
              pagination={false}
              rowKey="id"
              dataSource={engagements.data}
              locale={{ emptyText: 'Chưa có buổi làm việc nào.' }}
              columns={[
                { title: 'Ngày', dataIndex: 'occurredOn', width: 100, render: formatDate },
                { title: 'Hình thức', dataIndex: 'kindLabel', width: 150 },
                { title: 'Cán bộ', dataIndex: 'officers', width: 180, render: (o: string[]) => o.join('; ') },
                { title: 'Kết quả', dataIndex: 'outcome' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title="Tệp đính kèm (bản quét có chữ ký)"
        extra={CASE_EDITORS.includes(me.role) && <AttachmentUpload caseId={caseId} />}
      >
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={attachments.data}
          locale={{ emptyText: 'Chưa có tệp.' }}
          columns={[
            {
              title: 'Tệp',
              dataIndex: 'fileName',
              render: (name: string, a) => (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() =>
                    void openFile(`/api/v1/attachments/${a.id}/file`).catch((e: Error) => void message.error(e.message))
                  }
                >
                  {name}
                </Button>
              ),
            },
            { title: 'Mô tả', dataIndex: 'description' },
            { title: 'Ngày tải lên', dataIndex: 'uploadedAt', width: 120, render: formatDate },
          ]}
        />
      </Card>
    </Space>
  );
}
