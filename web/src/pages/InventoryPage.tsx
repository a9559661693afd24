import { DeleteOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  message,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Decimal } from 'decimal.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { parseVnDecimal } from '../../../src/shared/vn-number';
import { CASE_EDITORS } from '../../../src/shared/roles';
import { api, ApiError, ok, openFile, type Schemas } from '../api/client';
import { useMe } from '../auth/session';
import { refusalText } from '../lib/errors';
import { formatArea, formatDate, formatDong } from '../lib/format';
import { INVENTORY_STATUS_LABELS } from '../lib/labels';

type Inventory = Schemas['InventoryDto'];
type Kind = Schemas['InventoryItemInputDto']['kind'];

/** One row of the table as typed: numbers as the clerk typed them (Vietnamese), read with the import's parser. */
interface Row {
  key: number;
  kind: Kind;
  itemCode: string;
  description: string;
  quantity: string;
  unit: string;
  yearBuilt: string;
  qualityPercent: string;
  sizeClass: string;
  areaM2: string;
}

const KINDS: { value: Kind; label: string; book: string | null }[] = [
  { value: 'structure', label: 'Nhà, công trình', book: 'structures' },
  { value: 'tree', label: 'Cây lâu năm', book: 'crops' },
  { value: 'crop', label: 'Hoa màu', book: 'crops' },
  { value: 'livestock', label: 'Vật nuôi, thủy sản', book: 'livestock' },
  { value: 'grave', label: 'Mồ mả', book: 'graves' },
  { value: 'movable', label: 'Tài sản di chuyển', book: 'moving' },
];

interface BookEntry {
  itemCode: string;
  description: string;
  unit: string;
  unitPrice: string;
  basis: string;
}

let nextKey = 1;
const blank = (kind: Kind = 'structure'): Row => ({
  key: nextKey++,
  kind,
  itemCode: '',
  description: '',
  quantity: '',
  unit: '',
  yearBuilt: '',
  qualityPercent: '',
  sizeClass: '',
  areaM2: '',
});

const fromItem = (it: Schemas['InventoryItemDto']): Row => {
  const a = it.attributes as Record<string, unknown>;
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).replace('.', ','));
  return {
    key: nextKey++,
    kind: it.kind,
    itemCode: it.itemCode,
    description: it.description,
    quantity: it.quantity.replace('.', ','),
    unit: it.unit,
    yearBuilt: text(a.yearBuilt),
    qualityPercent: text(a.qualityPercent),
    sizeClass: text(a.sizeClass),
    areaM2: text(a.areaM2),
  };
};

/** A row as the API takes it, or the problem that stops it (named in Vietnamese, by row and column). */
function toItem(r: Row, i: number): Schemas['InventoryItemInputDto'] | string {
  const quantity = parseVnDecimal(r.quantity);
  if (!r.itemCode) return `Dòng ${i + 1}: chọn hạng mục.`;
  if (!quantity) return `Dòng ${i + 1}: số lượng "${r.quantity}" không phải là số.`;
  const attributes: Record<string, number | string> = {};
  for (const [key, value] of [
    ['yearBuilt', r.yearBuilt],
    ['qualityPercent', r.qualityPercent],
    ['areaM2', r.areaM2],
  ] as const) {
    if (!value.trim()) continue;
    const n = parseVnDecimal(value);
    if (!n) return `Dòng ${i + 1}: "${value}" không phải là số.`;
    attributes[key] = key === 'areaM2' ? n : Number(n);
  }
  if (r.sizeClass.trim()) attributes.sizeClass = r.sizeClass.trim();
  return {
    kind: r.kind,
    itemCode: r.itemCode,
    description: r.description || r.itemCode,
    quantity,
    unit: r.unit,
    attributes: attributes as Record<string, never>,
  };
}

/** What changed from the signed record: rows added, removed, or with another quantity or description. */
function diff(signed: Inventory, rows: Row[]): string[] {
  const before = new Map(signed.items.map((it) => [it.itemCode, it]));
  const after = new Map(rows.filter((r) => r.itemCode).map((r) => [r.itemCode, r]));
  const out: string[] = [];
  for (const [code, r] of after) {
    const b = before.get(code);
    const q = parseVnDecimal(r.quantity);
    if (!b) out.push(`Thêm ${r.description || code}: ${r.quantity} ${r.unit}`);
    else if (q && !new Decimal(q).eq(b.quantity))
      out.push(`${b.description}: ${formatArea(b.quantity)} → ${r.quantity} ${r.unit}`);
  }
  for (const [code, b] of before)
    if (!after.has(code)) out.push(`Bỏ ${b.description} (${formatArea(b.quantity)} ${b.unit})`);
  return out;
}

/**
 * Kiểm đếm: the items of a household's biên bản entered from the keyboard (Tab through a row; Enter on the last
 * quantity adds the next row), each priced from the project's price book as it is typed; saved as a draft, then signed
 * after a confirmation. A signed record is read-only; a correction is a new revision, shown against the signed one.
 */
export function InventoryPage() {
  const { caseId = '' } = useParams();
  const me = useMe();
  const mayEdit = CASE_EDITORS.includes(me.role);
  const queryClient = useQueryClient();
  const path = { params: { path: { caseId } } };
  const detail = useQuery({
    queryKey: ['case', caseId],
    queryFn: () => ok(api.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } } })),
  });
  const inventories = useQuery({
    queryKey: ['case', caseId, 'inventories'],
    queryFn: () => ok(api.GET('/api/v1/cases/{caseId}/inventories', path)),
  });
  const books = useQuery({ queryKey: ['price-books'], queryFn: () => ok(api.GET('/api/v1/price-books')) });
  const book = books.data?.find((b) => b.status === 'active') ?? books.data?.[0];
  const entries = (kind: Kind): BookEntry[] => {
    const list = KINDS.find((k) => k.value === kind)?.book;
    return list && book ? ((book.content as unknown as Record<string, BookEntry[]>)[list] ?? []) : [];
  };
  const all = inventories.data ?? [];
  const draft = all.find((i) => i.status === 'draft') ?? null;
  const signed = all.find((i) => i.status === 'signed') ?? null;
  const [editing, setEditing] = useState(false);
  const [rows, setRows] = useState<Row[]>([]);
  const [surveyedOn, setSurveyedOn] = useState<Dayjs>(dayjs());
  const [participants, setParticipants] = useState('Đại diện hộ; Tổ kiểm đếm; UBND xã');
  const [problem, setProblem] = useState<string | null>(null);
  const lastQuantity = useRef<HTMLInputElement | null>(null);
  const [focusLast, setFocusLast] = useState(false);

  // A draft opens for editing; otherwise a signed record is shown read-only.
  useEffect(() => {
    if (!mayEdit) setEditing(false);
    else if (draft) {
      setRows(draft.items.map(fromItem));
      setSurveyedOn(dayjs(draft.surveyedOn));
      setParticipants(draft.participants.map((p) => p.name).join('; '));
      setEditing(true);
    } else if (!signed) {
      setRows([blank()]);
      setEditing(true);
    }
  }, [draft?.id, draft?.version, signed?.id]);
  useEffect(() => {
    if (focusLast) {
      lastQuantity.current?.focus();
      setFocusLast(false);
    }
  }, [focusLast, rows.length]);

  const update = (key: number, change: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const addRow = (kind?: Kind) => {
    setRows((rs) => [...rs, blank(kind ?? rs[rs.length - 1]?.kind)]);
    setFocusLast(true);
  };
  const body = () => {
    const items = rows.filter((r) => r.itemCode || r.quantity).map(toItem);
    const bad = items.find((i): i is string => typeof i === 'string');
    if (bad) throw new ApiError(400, 'FORM', bad);
    return {
      surveyedOn: surveyedOn.format('YYYY-MM-DD'),
      participants: participants
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((name) => ({ name, role: name })),
      items: items as Schemas['InventoryItemInputDto'][],
    };
  };
  const save = useMutation({
    mutationFn: async () =>
      draft
        ? ok(
            api.PUT('/api/v1/inventories/{id}', {
              params: { path: { id: draft.id } },
              body: { ...body(), version: draft.version },
            }),
          )
        : ok(api.POST('/api/v1/cases/{caseId}/inventories', { ...path, body: body() })),
    onSuccess: async () => {
      setProblem(null);
      await queryClient.invalidateQueries({ queryKey: ['case', caseId] });
      void message.success('Đã lưu bản nháp biên bản kiểm đếm.');
    },
    onError: (e) => setProblem(refusalText(e)),
  });
  const sign = useMutation({
    mutationFn: async () => {
      const saved = await save.mutateAsync();
      return ok(
        api.POST('/api/v1/inventories/{id}/sign', {
          params: { path: { id: saved.id } },
          body: { version: saved.version },
        }),
      );
    },
    onSuccess: async () => {
      setEditing(false);
      await queryClient.invalidateQueries({ queryKey: ['case', caseId] });
      void message.success('Đã ký biên bản kiểm đếm; biên bản đang được tạo tệp PDF.');
    },
    onError: (e) => setProblem(refusalText(e)),
  });
  const shownId = editing ? null : (signed ?? all[0] ?? null)?.id;
  const minutes = useQuery({
    queryKey: ['case', caseId, 'minutes', shownId],
    enabled: !!shownId,
    // The minutes PDF is rendered by a worker after signing: asked again until it is there.
    refetchInterval: (q) => (q.state.data?.some((d) => d.status === 'rendered') ? false : 2000),
    queryFn: () =>
      ok(api.GET('/api/v1/documents', { params: { query: { entityType: 'inventory', entityId: shownId! } } })),
  });
  const changes = useMemo(() => (signed && editing ? diff(signed, rows) : []), [signed, editing, rows]);
  // What the rows as typed will price to, computed by the server with the plan's calculator (rows that are not yet
  // complete are left out), asked again 400 ms after the typing stops.
  const typed = useMemo(() => {
    const keys: number[] = [];
    const items: Schemas['InventoryItemInputDto'][] = [];
    rows.forEach((r, i) => {
      const item = toItem(r, i);
      if (typeof item !== 'string') {
        keys.push(r.key);
        items.push(item);
      }
    });
    return { keys, items };
  }, [rows]);
  const request = useDebounced(JSON.stringify(typed.items), 400);
  const preview = useQuery({
    queryKey: ['case', caseId, 'inventory-preview', request],
    enabled: editing && typed.items.length > 0,
    placeholderData: keepPreviousData,
    queryFn: () =>
      ok(
        api.POST('/api/v1/cases/{caseId}/inventory-preview', {
          ...path,
          body: { items: JSON.parse(request) as Schemas['InventoryItemInputDto'][] },
        }),
      ),
  });
  /** The preview's lines of a row (the request that priced them must be the rows as they are now). */
  const linesOf = (key: number) => {
    if (!preview.data || request !== JSON.stringify(typed.items)) return null;
    const row = typed.keys.indexOf(key) + 1;
    return row > 0 ? preview.data.lines.filter((l) => l.row === row) : null;
  };

  if (detail.error) return <Alert type="error" showIcon message={detail.error.message} />;
  const name = detail.data?.landUser.fullName ?? '';
  const shown = editing ? null : (signed ?? all[0] ?? null);
  const priceOf = (r: Row) => entries(r.kind).find((e) => e.itemCode === r.itemCode);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            Kiểm đếm — {name}
          </Typography.Title>
          <Link to={`/ho-so/${caseId}`}>← Hồ sơ của hộ</Link>
        </div>
        <Space>
          {all.map((i) => (
            <Tag key={i.id} color={i.status === 'signed' ? 'green' : i.status === 'draft' ? 'orange' : 'default'}>
              Lần {i.revision}: {INVENTORY_STATUS_LABELS[i.status]} {formatDate(i.signedAt ?? i.surveyedOn)}
            </Tag>
          ))}
        </Space>
      </Space>
      {!editing && !shown && <Alert type="info" showIcon message="Hộ này chưa được kiểm đếm." />}
      {problem && <Alert type="error" showIcon message={problem} closable onClose={() => setProblem(null)} />}
      {shown && (
        <Card
          size="small"
          title={`Biên bản kiểm đếm lần ${shown.revision} — ${INVENTORY_STATUS_LABELS[shown.status]}, ngày ${formatDate(shown.surveyedOn)}`}
          extra={
            <Space>
              {minutes.data
                ?.filter((d) => d.status === 'rendered')
                .map((d) => (
                  <Button
                    key={d.id}
                    icon={<FilePdfOutlined />}
                    onClick={() =>
                      void openFile(`/api/v1/documents/${d.id}/file`).catch((e: Error) => void message.error(e.message))
                    }
                  >
                    Biên bản số {d.number} (PDF)
                  </Button>
                ))}
              {mayEdit && shown.status === 'signed' && (
                <Button
                  onClick={() => {
                    setRows(shown.items.map(fromItem));
                    setSurveyedOn(dayjs());
                    setEditing(true);
                  }}
                >
                  Lập biên bản điều chỉnh (lần {shown.revision + 1})
                </Button>
              )}
            </Space>
          }
        >
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={shown.items}
            columns={[
              { title: '#', dataIndex: 'position', width: 50 },
              {
                title: 'Loại',
                dataIndex: 'kind',
                width: 150,
                render: (k: Kind) => KINDS.find((x) => x.value === k)?.label,
              },
              { title: 'Mã', dataIndex: 'itemCode', width: 110 },
              { title: 'Mô tả', dataIndex: 'description' },
              { title: 'Số lượng', dataIndex: 'quantity', width: 110, align: 'right', render: formatArea },
              { title: 'ĐVT', dataIndex: 'unit', width: 70 },
              {
                title: '',
                dataIndex: 'afterNotice',
                width: 190,
                render: (a: boolean) => (a ? <Tag color="red">Tạo lập sau thông báo thu hồi</Tag> : null),
              },
            ]}
          />
        </Card>
      )}
      {editing && (
        <Card
          size="small"
          title={
            draft
              ? `Bản nháp lần ${draft.revision}`
              : signed
                ? `Biên bản điều chỉnh (lần ${signed.revision + 1})`
                : 'Biên bản kiểm đếm lần 1'
          }
        >
          <Space wrap style={{ marginBottom: 12 }}>
            <span>Ngày kiểm đếm</span>
            <DatePicker
              aria-label="Ngày kiểm đếm"
              format="DD/MM/YYYY"
              allowClear={false}
              value={surveyedOn}
              onChange={(d) => d && setSurveyedOn(d)}
            />
            <span>Thành phần</span>
            <Input
              aria-label="Thành phần"
              style={{ width: 420 }}
              value={participants}
              onChange={(e) => setParticipants(e.target.value)}
              placeholder="Các bên tham gia, cách nhau bằng dấu ;"
            />
            {book && <Typography.Text type="secondary">Bảng giá: {book.code}</Typography.Text>}
          </Space>
          <Table<Row>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={rows}
            columns={[
              { title: '#', key: 'n', width: 40, render: (_, __, i) => i + 1 },
              {
                title: 'Loại tài sản',
                key: 'kind',
                width: 160,
                render: (_, r, i) => (
                  <Select
                    aria-label={`Loại tài sản dòng ${i + 1}`}
                    showSearch
                    optionFilterProp="label"
                    value={r.kind}
                    style={{ width: 150 }}
                    options={KINDS.map(({ value, label }) => ({ value, label }))}
                    onChange={(kind: Kind) => update(r.key, { kind, itemCode: '', description: '', unit: '' })}
                  />
                ),
              },
              {
                title: 'Hạng mục (bảng giá)',
                key: 'item',
                width: 260,
                render: (_, r, i) => (
                  <Select
                    aria-label={`Hạng mục dòng ${i + 1}`}
                    showSearch
                    optionFilterProp="label"
                    value={r.itemCode || undefined}
                    placeholder="Gõ để tìm"
                    style={{ width: 250 }}
                    options={entries(r.kind).map((e) => ({
                      value: e.itemCode,
                      label: `${e.itemCode} — ${e.description}`,
                    }))}
                    onChange={(code: string) => {
                      const e = entries(r.kind).find((x) => x.itemCode === code);
                      update(r.key, { itemCode: code, description: e?.description ?? '', unit: e?.unit ?? '' });
                    }}
                  />
                ),
              },
              {
                title: 'Số lượng',
                key: 'q',
                width: 110,
                render: (_, r, i) => (
                  <Input
                    aria-label={`Số lượng dòng ${i + 1}`}
                    ref={(el) => {
                      if (i === rows.length - 1) lastQuantity.current = el?.input ?? null;
                    }}
                    value={r.quantity}
                    status={r.quantity && !parseVnDecimal(r.quantity) ? 'error' : undefined}
                    onChange={(e) => update(r.key, { quantity: e.target.value })}
                    onPressEnter={() => i === rows.length - 1 && addRow()}
                  />
                ),
              },
              { title: 'ĐVT', dataIndex: 'unit', width: 60 },
              {
                title: 'Năm XD / CL còn lại (%)',
                key: 'struct',
                width: 160,
                render: (_, r, i) =>
                  r.kind === 'structure' ? (
                    <Space.Compact>
                      <Input
                        aria-label={`Năm xây dựng dòng ${i + 1}`}
                        placeholder="Năm"
                        style={{ width: 70 }}
                        value={r.yearBuilt}
                        onChange={(e) => update(r.key, { yearBuilt: e.target.value })}
                      />
                      <Input
                        aria-label={`Chất lượng còn lại dòng ${i + 1}`}
                        placeholder="%"
                        style={{ width: 70 }}
                        value={r.qualityPercent}
                        onChange={(e) => update(r.key, { qualityPercent: e.target.value })}
                      />
                    </Space.Compact>
                  ) : r.kind === 'tree' || r.kind === 'crop' ? (
                    <Input
                      aria-label={`Diện tích trồng dòng ${i + 1}`}
                      placeholder="DT trồng (m²)"
                      style={{ width: 140 }}
                      value={r.areaM2}
                      onChange={(e) => update(r.key, { areaM2: e.target.value })}
                    />
                  ) : null,
              },
              {
                title: 'Đơn giá (đồng)',
                key: 'price',
                width: 120,
                align: 'right',
                render: (_, r) => {
                  const e = priceOf(r);
                  return e ? formatDong(e.unitPrice) : '';
                },
              },
              {
                title: 'Thành tiền dự tính (đồng)',
                key: 'amount',
                width: 150,
                align: 'right',
                render: (_, r) => {
                  const lines = linesOf(r.key);
                  if (!lines || lines.length === 0) return '';
                  const missing = lines.filter((l) => l.amount === null);
                  if (missing.length)
                    return (
                      <Tooltip title={missing.map((l) => l.missing).join('; ')}>
                        <Typography.Text type="warning">Thiếu căn cứ</Typography.Text>
                      </Tooltip>
                    );
                  const sum = lines.reduce((t, l) => t.plus(l.amount!), new Decimal(0));
                  return (
                    <Tooltip title={lines.map((l) => `${l.description}: ${l.basis}`).join('; ')}>
                      <span>{formatDong(sum.toFixed(0, Decimal.ROUND_HALF_UP))}</span>
                    </Tooltip>
                  );
                },
              },
              {
                title: '',
                key: 'del',
                width: 40,
                render: (_, r) => (
                  <Button
                    type="text"
                    aria-label="Xóa dòng"
                    icon={<DeleteOutlined />}
                    onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                  />
                ),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="inventory-preview-total">
            {preview.data
              ? `Tổng dự tính: ${formatDong(preview.data.total)} đồng${preview.data.missingCount ? ` (${preview.data.missingCount} dòng thiếu căn cứ chưa tính)` : ''}, theo bảng giá ${preview.data.priceBookCode}${preview.data.priceBookIsSample ? ' (giá MẪU)' : ''}, giá ngày ${formatDate(preview.data.valuationDate)}. `
              : ''}
            Tính như phương án (chất lượng còn lại, mật độ cây…); số chính thức là số của phương án được phê duyệt.
          </Typography.Paragraph>
          {changes.length > 0 && (
            <Alert
              type="info"
              showIcon
              message={`So với biên bản đã ký lần ${signed!.revision}`}
              description={
                <ul style={{ margin: 0 }}>
                  {changes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              }
              style={{ marginBottom: 12 }}
            />
          )}
          <Space>
            <Button icon={<PlusOutlined />} onClick={() => addRow()}>
              Thêm dòng
            </Button>
            <Button loading={save.isPending && !sign.isPending} onClick={() => save.mutate()}>
              Lưu nháp
            </Button>
            <Popconfirm
              title="Ký biên bản kiểm đếm?"
              description="Sau khi ký, biên bản không sửa được; muốn sửa phải lập biên bản điều chỉnh."
              okText="Ký"
              cancelText="Chưa ký"
              onConfirm={() => sign.mutate()}
            >
              <Button type="primary" loading={sign.isPending}>
                Ký biên bản
              </Button>
            </Popconfirm>
            {signed && !draft && <Button onClick={() => setEditing(false)}>Hủy điều chỉnh</Button>}
          </Space>
        </Card>
      )}
    </Space>
  );
}

/** The value once it has stopped changing for `ms` milliseconds. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
