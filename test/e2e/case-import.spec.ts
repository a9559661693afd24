import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readWorkbook, writeWorkbook, type CellValue } from '../../src/core/excel/workbook.js';
import { SHEETS } from '../../src/modules/cases/domain/import-rows.js';
import { fakeCccd, projectByCode } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let staff: string;
let projectId: string;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.login('canbo.ttptqd');
  projectId = (await projectByCode(t, 'QL4B')).id;
});
afterAll(async () => {
  await t.close();
});

const cols = (spec: { columns: readonly string[] }) => spec.columns.map((header) => ({ header }));
const workbook = (households: CellValue[][], parcels: CellValue[][], items: CellValue[][]) =>
  writeWorkbook([
    { name: SHEETS.households.name, columns: cols(SHEETS.households), rows: households },
    { name: SHEETS.parcels.name, columns: cols(SHEETS.parcels), rows: parcels },
    { name: SHEETS.items.name, columns: cols(SHEETS.items), rows: items },
  ]);

const upload = async (content: Buffer) =>
  t
    .http()
    .post(`/api/v1/projects/${projectId}/cases/import`)
    .set('Authorization', staff)
    .attach('file', content, 'ho-so.xlsx');
const total = async () =>
  (await t.http().get(`/api/v1/projects/${projectId}/cases`).set('Authorization', staff)).body.total as number;

describe('Excel import', () => {
  it('imports households, parcels and items, reading Vietnamese numbers ("20.000", "9222,1")', async () => {
    const before = await total();
    const [a, b] = [fakeCccd(), fakeCccd()];
    const file = await workbook(
      [
        ['H1', 'Hộ gia đình', 'Lục Văn Nhập', a, 1970, 'Thôn Mẫu 1', 'Gia Cát', '2', 4, 'x', null, 'x'],
        ['H2', 'Hộ gia đình', 'Hà Thị Nhập', b, 1982, 'Thôn Mẫu 2', 'Tan Lien', '2', 3, null, null, null],
      ],
      [
        ['H1', 'Gia Cát', '7', '120', 'ONT', '9222,1', '9222,1', '350,5', 'VT1', 'Đất ở ổn định', 'x', 'BV 123456'],
        ['H1', 'Gia Cát', '7', '121', 'LUC', null, 1500, 1500, 'VT2', 'Giao theo NĐ 64', 'x', ''],
        ['H2', 'Tân Liên', '3', '45', 'CLN', null, '20.000', '1.250', 'VT1', '', null, ''],
      ],
      [
        [
          'H1',
          '20/02/2024',
          'Nhà, công trình',
          'NHA-C4',
          'Nhà cấp 4 tường gạch',
          '65,5',
          'm2',
          'C4',
          2010,
          70,
          null,
          null,
          null,
        ],
        [
          'H1',
          '20/02/2024',
          'Cây lâu năm',
          'CAY-HONG',
          'Cây hồng',
          12,
          'cây',
          null,
          null,
          null,
          'Hồng',
          'Loại A',
          null,
        ],
        ['H2', '21/02/2024', 'Hoa màu', 'LUA', 'Lúa', '20.000', 'm2', null, null, null, null, null, null],
      ],
    );
    const res = await upload(file);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ households: 2, parcels: 3, inventories: 2, items: 3 });
    expect(await total()).toBe(before + 2);

    const list = await t.http().get(`/api/v1/projects/${projectId}/cases?q=${a}`).set('Authorization', staff);
    const caseId = list.body.items[0].id;
    expect(list.body.items[0].recoveredArea).toBe('1850.5');
    const parcels = await t.http().get(`/api/v1/cases/${caseId}/parcels`).set('Authorization', staff);
    expect(
      parcels.body.map((p: { parcelNumber: string; measuredArea: string }) => [p.parcelNumber, p.measuredArea]),
    ).toEqual([
      ['120', '9222.1'],
      ['121', '1500'],
    ]);
    const other = await t.http().get(`/api/v1/projects/${projectId}/cases?q=${b}`).set('Authorization', staff);
    const p2 = await t.http().get(`/api/v1/cases/${other.body.items[0].id}/parcels`).set('Authorization', staff);
    expect(p2.body[0]).toMatchObject({ measuredArea: '20000', recoveredArea: '1250' });
    // "Số nhân khẩu" becomes the household's size (issue 18 §5), which stabilisation support counts (cases.repository
    // pricingCases), instead of a note and a blocking "missing basis".
    const detail = await t.http().get(`/api/v1/cases/${caseId}`).set('Authorization', staff);
    expect(detail.body.landUser).toMatchObject({ memberCount: 4, householdSize: 4, members: [] });
    expect(detail.body.note).toBe('');
    const inv = await t.http().get(`/api/v1/cases/${caseId}/inventories`).set('Authorization', staff);
    expect(inv.body[0]).toMatchObject({ status: 'draft', surveyedOn: '2024-02-20' });
    expect(inv.body[0].items[0]).toMatchObject({
      quantity: '65.5',
      attributes: { grade: 'C4', yearBuilt: 2010, qualityPercent: 70 },
    });
  });

  it('rejects a file with one bad row, says where and why in Vietnamese, and imports nothing', async () => {
    const before = await total();
    const file = await workbook(
      [
        ['H1', 'Hộ gia đình', 'Nông Văn Đúng', fakeCccd(), 1970, '', 'Gia Cát', '3', 2, null, null, null],
        ['H2', 'Hộ gia đình', 'Nông Văn Sai', fakeCccd(), 1971, '', 'Gia Cát', '3', 2, null, null, null],
      ],
      [
        ['H1', 'Gia Cát', '9', '501', 'ONT', null, '300', '100', 'VT1', '', null, ''],
        ['H2', 'Gia Cát', '9', '502', 'ONT', null, '300', '300,5', 'VT1', '', null, ''],
      ],
      [],
    );
    const res = await upload(file);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMPORT.REJECTED');
    expect(res.body.message).toBe(
      'Tệp có 1 lỗi nên không dữ liệu nào được nhập. Sửa theo danh sách rồi nhập lại cả tệp.',
    );
    expect(res.body.details.field).toBe('Thửa đất!DT thu hồi (m²):3');
    expect(res.body.details.problems).toEqual([
      {
        field: 'Thửa đất!DT thu hồi (m²):3',
        code: 'IMPORT.CELL_INVALID',
        sheet: 'Thửa đất',
        row: 3,
        column: 'DT thu hồi (m²)',
        message: 'Diện tích thu hồi (300.5 m²) lớn hơn diện tích thửa (300 m²).',
      },
    ]);
    expect(await total()).toBe(before);
  });

  it.each([
    ['a CCCD of 11 digits', [0, 3, '01234567890'], 'Hộ', 'Số CCCD'],
    ['an unknown commune', [0, 6, 'Xã Không Có'], 'Hộ', 'Xã'],
    ['an unknown household kind', [0, 1, 'Hộ kinh doanh'], 'Hộ', 'Loại'],
  ])('rejects %s', async (_name, [rowIdx, col, value], sheet, column) => {
    const households: CellValue[][] = [
      ['H1', 'Hộ gia đình', 'Mã Văn Lỗi', fakeCccd(), 1970, '', 'Gia Cát', '4', 1, null, null, null],
    ];
    households[rowIdx as number][col as number] = value;
    const res = await upload(await workbook(households, [], []));
    expect(res.body.code).toBe('IMPORT.REJECTED');
    expect(res.body.details.problems[0]).toMatchObject({ sheet, row: 2, column });
  });

  it('refuses a file that is not a workbook, and a workbook with the wrong headers', async () => {
    expect((await upload(Buffer.from('not a workbook'))).body.code).toBe('IMPORT.NOT_A_WORKBOOK');
    const wrong = await writeWorkbook([{ name: 'Hộ', columns: [{ header: 'Tên' }], rows: [] }]);
    const res = await upload(wrong);
    expect(res.body.code).toBe('IMPORT.REJECTED');
    expect(res.body.details.problems[0].message).toContain('Dùng đúng mẫu');
  });
});

describe('Excel export and template', () => {
  it("exports the project's cases in the import layout, which reads back through the same parser", async () => {
    const res = await t
      .http()
      .get(`/api/v1/projects/${projectId}/cases/export.xlsx`)
      .set('Authorization', staff)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const sheets = await readWorkbook(res.body as Buffer);
    expect(sheets.get('Hộ')![0]).toEqual([...SHEETS.households.columns]);
    const nhap = sheets.get('Hộ')!.find((r) => r[2] === 'Lục Văn Nhập')!;
    expect(nhap[6]).toBe('Gia Cát');
    const parcel = sheets.get('Thửa đất')!.find((r) => r[0] === nhap[0] && r[3] === '120')!;
    expect(parcel[6]).toBe(9222.1);
  });

  it('ships the template in templates/ with the headers the importer expects', async () => {
    const committed = await readWorkbook(
      (await import('node:fs')).readFileSync('templates/import/ho-so-kiem-dem.xlsx'),
    );
    for (const spec of Object.values(SHEETS)) expect(committed.get(spec.name)![0]).toEqual([...spec.columns]);
    const served = await t.http().get('/api/v1/cases/import-template.xlsx').set('Authorization', staff);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('Excel import by a commune officer (issue 17 §2)', () => {
  it('refuses a CCCD registered outside its communes without naming the person, and writes nothing', async () => {
    const ours = await projectByCode(t, 'CCN-HT1');
    const elsewhere = await t
      .http()
      .post(`/api/v1/projects/${projectId}/cases`)
      .set('Authorization', staff)
      .send({
        communeId: (await projectByCode(t, 'QL4B')).communes[0].id,
        landUser: { kind: 'household', fullName: 'Mã Văn Ở Nơi Khác', cccd: fakeCccd() },
      });
    expect(elsewhere.status).toBe(201);
    const officer = await t.login('xa.hopthanh');
    const file = await workbook(
      [
        [
          'H1',
          'Hộ gia đình',
          'Tên Khác Hẳn',
          elsewhere.body.landUser.cccd,
          1970,
          'Thôn Mẫu 1',
          'Hợp Thành',
          '1',
          3,
          null,
          null,
          null,
        ],
      ],
      [['H1', 'Hợp Thành', '7', '301', 'LUC', null, 500, 500, 'VT1', '', 'x', '']],
      [],
    );
    const res = await t
      .http()
      .post(`/api/v1/projects/${ours.id}/cases/import`)
      .set('Authorization', officer)
      .attach('file', file, 'ho-so.xlsx');
    expect(res.status).toBe(400);
    const text = JSON.stringify(res.body);
    expect(text).toContain('ngoài xã được phân công');
    expect(text).not.toContain('Mã Văn');
    expect(text).not.toContain(elsewhere.body.landUser.id);
  });
});
