import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Select, Typography } from 'antd';
import { FormModal } from '../components/FormModal';
import { SignerField } from '../components/SignerField';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { parseVnInteger } from '../../../src/shared/vn-number';
import { api, ok, type Schemas } from '../api/client';
import { useRefusal } from '../lib/errors';
import { formatDong } from '../lib/format';

interface NoticeValues {
  issuedOn: Dayjs;
  paymentOn: Dayjs;
  paymentTime: string;
  place: string;
  handoverBy: Dayjs;
  signatoryId?: string;
}

/** Thông báo chi trả (LĐĐ 2013 Đ69 k3 b): when and where the household is paid, and by when it hands the site over. */
export function PaymentNoticeForm(props: {
  caseId: string;
  /** The Center that issues it: its director signs, or a deputy chosen here. */
  signer: Schemas['SignerChoiceDto'] | null;
  onClose: () => void;
}) {
  const { caseId, signer, onClose } = props;
  const [form] = Form.useForm<NoticeValues>();
  const queryClient = useQueryClient();
  const { refusal, onError } = useRefusal(form, [
    'issuedOn',
    'paymentOn',
    'paymentTime',
    'place',
    'handoverBy',
    'signatoryId',
  ]);
  const save = useMutation({
    mutationFn: (v: NoticeValues) =>
      ok(
        api.POST('/api/v1/cases/{caseId}/payment-notices', {
          params: { path: { caseId } },
          body: {
            issuedOn: v.issuedOn.format('YYYY-MM-DD'),
            paymentOn: v.paymentOn.format('YYYY-MM-DD'),
            paymentTime: v.paymentTime.trim(),
            place: v.place.trim(),
            handoverBy: v.handoverBy.format('YYYY-MM-DD'),
            signatoryId: v.signatoryId,
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
      title="Lập thông báo chi trả"
      okText="Ban hành thông báo"
      form={form}
      pending={save.isPending}
      refusal={refusal}
      onSubmit={(v) => save.mutate(v)}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ issuedOn: dayjs(), paymentTime: '08:00' }}>
        <Form.Item name="issuedOn" label="Ngày ký thông báo" rules={[{ required: true, message: 'Chọn ngày.' }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        {signer && <SignerField signer={signer} dateField="issuedOn" />}
        <Form.Item name="paymentOn" label="Ngày chi trả" rules={[{ required: true, message: 'Chọn ngày.' }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item
          name="paymentTime"
          label="Giờ chi trả"
          rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'Giờ theo dạng 08:00.' }]}
        >
          <Input style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="place" label="Địa điểm chi trả" rules={[{ required: true, message: 'Nhập địa điểm.' }]}>
          <Input maxLength={300} placeholder="Hội trường UBND xã…" />
        </Form.Item>
        <Form.Item name="handoverBy" label="Hạn bàn giao mặt bằng" rules={[{ required: true, message: 'Chọn ngày.' }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface PaymentValues {
  amount: string;
  paidOn: Dayjs;
  method: 'cash' | 'bank_transfer' | 'treasury_deposit';
  voucherNumber: string;
  recipient: string;
}

/**
 * Ghi nhận chi trả: a payment (or a deposit at the Treasury when the household refuses) of whole đồng typed the
 * Vietnamese way (1.234.567). The form keeps one idempotency key while it is open: a double click or a retry after a
 * lost answer records the payment once.
 */
export function PaymentForm(props: {
  caseId: string;
  /** What settles the case if paid today, late amounts included (GET /cases/:id/payments `payableToday`). */
  payable: { amount: string; late: string };
  holder: string;
  onClose: () => void;
}) {
  const { caseId, payable, holder, onClose } = props;
  const [form] = Form.useForm<PaymentValues>();
  const queryClient = useQueryClient();
  const [key] = useState(() => crypto.randomUUID());
  const { refusal, onError } = useRefusal(form, ['amount', 'paidOn', 'method', 'voucherNumber', 'recipient']);
  const save = useMutation({
    mutationFn: (v: PaymentValues) =>
      ok(
        api.POST('/api/v1/cases/{caseId}/payments', {
          params: { path: { caseId }, header: { 'Idempotency-Key': key } },
          body: {
            amount: parseVnInteger(v.amount)!,
            paidOn: v.paidOn.format('YYYY-MM-DD'),
            method: v.method,
            voucherNumber: v.voucherNumber.trim(),
            recipient: v.recipient.trim(),
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
      title="Ghi nhận chi trả"
      okText="Ghi nhận"
      form={form}
      pending={save.isPending}
      refusal={refusal}
      onSubmit={(v) => save.mutate(v)}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ amount: formatDong(payable.amount), paidOn: dayjs(), method: 'cash', recipient: holder }}
      >
        <Form.Item
          name="amount"
          label="Số tiền (đồng)"
          rules={[
            { required: true, message: 'Nhập số tiền.' },
            {
              validator: (_, v?: string) =>
                !v || parseVnInteger(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(`"${v}" không phải là số đồng (ví dụ 1.234.567).`)),
            },
          ]}
        >
          <Input inputMode="numeric" style={{ width: 220 }} />
        </Form.Item>
        {payable.late !== '0' && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
            Chi hôm nay: gồm {formatDong(payable.late)} đồng tiền chậm chi trả (quá hạn 30 ngày kể từ quyết định thu hồi
            đất).
          </Typography.Paragraph>
        )}
        <Form.Item name="paidOn" label="Ngày chi trả" rules={[{ required: true, message: 'Chọn ngày.' }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="method" label="Hình thức">
          <Select
            style={{ width: 260 }}
            options={[
              { value: 'cash', label: 'Tiền mặt' },
              { value: 'bank_transfer', label: 'Chuyển khoản' },
              { value: 'treasury_deposit', label: 'Gửi Kho bạc (hộ không nhận)' },
            ]}
          />
        </Form.Item>
        <Form.Item name="voucherNumber" label="Số chứng từ" rules={[{ required: true, message: 'Nhập số chứng từ.' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="recipient" label="Người nhận" rules={[{ required: true, message: 'Nhập người nhận.' }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
