import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { FormModal } from '../components/FormModal';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, ok, type Schemas } from '../api/client';
import { refusalText } from '../lib/errors';

interface Values {
  communeId: string;
  batch?: string;
  kind: 'household' | 'individual' | 'organisation';
  fullName: string;
  cccd?: string;
  birthYear?: number;
  address?: string;
  poorHousehold?: boolean;
  policyFamily?: boolean;
  directlyFarming?: boolean;
  members?: { fullName: string; relation: string; birthYear?: number }[];
}

/** The land-user fields the API names in a refusal, as they are named in this form. */
const FIELDS: Record<string, keyof Values> = {
  communeId: 'communeId',
  batch: 'batch',
  'landUser.fullName': 'fullName',
  'landUser.cccd': 'cccd',
  'landUser.birthYear': 'birthYear',
  'landUser.address': 'address',
};

/**
 * Thêm hộ: registers a household in a project — its land user (a known CCCD is reused, never under another name),
 * its members, its commune and đợt — then opens its file to add parcels and the inventory.
 */
export function NewCaseForm({ project, onClose }: { project: Schemas['ProjectDto']; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const [refusal, setRefusal] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: Values) =>
      ok(
        api.POST('/api/v1/projects/{projectId}/cases', {
          params: { path: { projectId: project.id } },
          body: {
            communeId: v.communeId,
            batch: v.batch?.trim() || undefined,
            landUser: {
              kind: v.kind,
              fullName: v.fullName.trim(),
              cccd: v.cccd?.trim() || undefined,
              birthYear: v.birthYear ?? undefined,
              address: v.address?.trim() || undefined,
              poorHousehold: v.poorHousehold ?? false,
              policyFamily: v.policyFamily ?? false,
              directlyFarming: v.directlyFarming ?? false,
              members: (v.members ?? [])
                .filter((m) => m?.fullName?.trim())
                .map((m) => ({
                  fullName: m.fullName.trim(),
                  relation: m.relation?.trim() || 'Thành viên',
                  birthYear: m.birthYear ?? null,
                  livesOnLand: true,
                  farmsLand: v.directlyFarming ?? false,
                })),
            },
          },
        }),
      ),
    onSuccess: (c) => {
      onClose();
      navigate(`/ho-so/${c.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError && Array.isArray(e.details.problems)) {
        // Validation: each refused field gets its message next to it.
        const fields = (e.details.problems as { field: string; message: string }[])
          .filter((d) => FIELDS[d.field])
          .map((d) => ({ name: FIELDS[d.field], errors: [d.message] }));
        form.setFields(fields);
        setRefusal(fields.length ? null : e.message);
      } else if (e instanceof ApiError && e.field && FIELDS[e.field]) {
        form.setFields([{ name: FIELDS[e.field], errors: [e.message] }]);
        setRefusal(null);
      } else setRefusal(refusalText(e));
    },
  });
  return (
    <FormModal
      width={760}
      title={`Thêm hộ vào dự án ${project.code}`}
      okText="Ghi hồ sơ"
      form={form}
      pending={save.isPending}
      refusal={refusal}
      onSubmit={(v) => save.mutate(v)}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'household', members: [] }}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="kind" label="Loại">
              <Select
                options={[
                  { value: 'household', label: 'Hộ gia đình' },
                  { value: 'individual', label: 'Cá nhân' },
                  { value: 'organisation', label: 'Tổ chức' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="fullName"
              label="Họ tên chủ hộ / tên tổ chức"
              rules={[{ required: true, message: 'Nhập họ tên.' }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="cccd"
              label="Số CCCD"
              rules={[{ pattern: /^\d{12}$/, message: 'Số CCCD phải gồm đúng 12 chữ số.' }]}
            >
              <Input maxLength={12} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="birthYear" label="Năm sinh">
              <InputNumber min={1900} max={2100} controls={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="address" label="Địa chỉ thường trú">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="communeId" label="Xã" rules={[{ required: true, message: 'Chọn xã.' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={project.communes.map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="batch" label="Đợt">
              <Input maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
        <Space wrap style={{ marginBottom: 12 }}>
          <Form.Item name="poorHousehold" valuePropName="checked" noStyle>
            <Checkbox>Hộ nghèo</Checkbox>
          </Form.Item>
          <Form.Item name="policyFamily" valuePropName="checked" noStyle>
            <Checkbox>Gia đình chính sách</Checkbox>
          </Form.Item>
          <Form.Item name="directlyFarming" valuePropName="checked" noStyle>
            <Checkbox>Trực tiếp sản xuất nông nghiệp</Checkbox>
          </Form.Item>
        </Space>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Space key={key} align="baseline">
                  <Form.Item name={[name, 'fullName']} rules={[{ required: true, message: 'Nhập họ tên.' }]}>
                    <Input placeholder="Họ tên thành viên" style={{ width: 260 }} aria-label="Họ tên thành viên" />
                  </Form.Item>
                  <Form.Item name={[name, 'relation']}>
                    <Input placeholder="Quan hệ với chủ hộ" style={{ width: 180 }} aria-label="Quan hệ với chủ hộ" />
                  </Form.Item>
                  <Form.Item name={[name, 'birthYear']}>
                    <InputNumber
                      placeholder="Năm sinh"
                      min={1900}
                      max={2100}
                      controls={false}
                      aria-label="Năm sinh thành viên"
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(name)} aria-label="Bỏ thành viên" />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ relation: '' })}>
                Thêm thành viên hộ
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}
