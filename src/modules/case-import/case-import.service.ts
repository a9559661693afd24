import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import { accessScope, type AuthUser } from '../../core/auth/policy.js';
import { formatVnDate } from '../../shared/dates.js';
import { PERSONAL_DATA_ROLES } from '../../shared/roles.js';
import { AppError, problemDetails } from '../../core/errors/app-error.js';
import { type CellValue, readWorkbook, type SheetSpec, writeWorkbook } from '../../core/excel/workbook.js';
import { searchKey } from '../../shared/vn-number.js';
import {
  type ImportProblem,
  ITEM_KIND_LABELS,
  KIND_LABELS,
  parseImportWorkbook,
  SHEETS,
} from '../cases/domain/import-rows.js';
import { CasesService } from '../cases/cases.service.js';
import type { ItemKind } from '../inventory/inventory-item.entity.js';
import { InventoryService } from '../inventory/inventory.service.js';
import { LandType } from '../land-types/land-type.entity.js';
import { householdCount } from '../land-users/land-user.entity.js';
import { LandUsersService } from '../land-users/land-users.service.js';
import { ParcelsService } from '../parcels/parcels.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { AdminUnit } from '../reference/admin-unit.entity.js';
import { RegimesService } from '../regimes/regimes.service.js';

export interface ImportResult {
  households: number;
  parcels: number;
  inventories: number;
  items: number;
}

const CHUNK = 1000;

/**
 * Excel intake of households, parcels and inventory items for one project. All or nothing: every row and column is
 * checked (in the file, then against the database) and the file is refused whole with a row/column/reason report
 * if anything is wrong. Imported inventories are drafts: signing stays a deliberate act.
 *
 * A use case above the modules it fills (land users, cases, parcels, inventory): it writes each table through its
 * owner's service, in one transaction, a batch at a time.
 */
@Injectable()
export class CaseImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly projects: ProjectsService,
    private readonly regimes: RegimesService,
    private readonly audit: AuditService,
    private readonly cases: CasesService,
    private readonly landUsers: LandUsersService,
    private readonly parcels: ParcelsService,
    private readonly inventory: InventoryService,
  ) {}

  async import(user: AuthUser, projectId: string, content: Buffer): Promise<ImportResult> {
    const project = await this.projects.assertVisible(user, projectId);
    let sheets: Map<string, CellValue[][]>;
    try {
      sheets = await readWorkbook(content);
    } catch {
      throw new AppError('validation', 'IMPORT.NOT_A_WORKBOOK', 'Tệp không phải là bảng tính Excel (.xlsx) đọc được.', {
        field: 'file',
      });
    }
    const parsed = parseImportWorkbook(sheets);
    const problems = [...parsed.problems];
    const machine = await this.regimes.caseMachine(project.regimeCode);

    return this.db.transaction(async (em) => {
      // Communes by name, within the project (and within a commune officer's communes).
      const communes = await em.getRepository(AdminUnit).findBy({ id: In(project.communeIds) });
      const communeByName = new Map(communes.map((c) => [searchKey(c.name), c]));
      const scope = accessScope(user);
      const communeOf = (name: string, sheet: string, row: number): AdminUnit | undefined => {
        const c = communeByName.get(searchKey(name));
        if (name && !c)
          problems.push({ sheet, row, column: 'Xã', message: `Xã "${name}" không thuộc phạm vi thu hồi của dự án.` });
        else if (c && scope.kind === 'communes' && !scope.communeIds.includes(c.id)) {
          problems.push({ sheet, row, column: 'Xã', message: `Bạn không được giao xã "${name}".` });
        }
        return c;
      };

      const landTypes = new Set((await em.getRepository(LandType).find()).map((t) => t.code));
      const cccds = parsed.households.map((h) => h.cccd).filter((c): c is string => !!c);
      const known = new Map((await this.landUsers.findByCccds(em, cccds)).map((u) => [u.cccd!, u]));
      const withCase = await this.cases.landUsersWithCase(
        em,
        projectId,
        [...known.values()].map((u) => u.id),
      );

      // A commune officer's file may name only people its communes already know; of anyone else it learns only that
      // the number is registered (issue 17 §2), as in POST /projects/:id/cases.
      const reachable =
        scope.kind === 'all'
          ? null
          : await this.cases.landUsersInCommunes(
              em,
              [...known.values()].map((u) => u.id),
              scope.kind === 'communes' ? scope.communeIds : [],
            );
      const households = parsed.households.map((h) => {
        const commune = communeOf(h.commune, SHEETS.households.name, h.row);
        const existing = h.cccd ? known.get(h.cccd) : undefined;
        if (existing && reachable && !reachable.has(existing.id)) {
          problems.push({
            sheet: SHEETS.households.name,
            row: h.row,
            column: 'Số CCCD',
            message:
              'Số CCCD đã được đăng ký cho một người sử dụng đất ngoài xã được phân công; đề nghị Trung tâm Phát triển quỹ đất lập hồ sơ cho người này.',
          });
          return { ...h, commune, existing };
        }
        if (existing && reachable && searchKey(existing.fullName) !== searchKey(h.fullName)) {
          problems.push({
            sheet: SHEETS.households.name,
            row: h.row,
            column: 'Số CCCD',
            message: 'Số CCCD đã được đăng ký với tên khác tên trong tệp.',
          });
          return { ...h, commune, existing };
        }
        if (existing && searchKey(existing.fullName) !== searchKey(h.fullName)) {
          problems.push({
            sheet: SHEETS.households.name,
            row: h.row,
            column: 'Số CCCD',
            message: `Số CCCD đã được ghi cho "${existing.fullName}", khác tên trong tệp.`,
          });
        }
        if (existing && withCase.has(existing.id)) {
          problems.push({
            sheet: SHEETS.households.name,
            row: h.row,
            column: 'Số CCCD',
            message: `${existing.fullName} đã có hồ sơ trong dự án này.`,
          });
        }
        return { ...h, commune, existing };
      });

      const parcelRows = parsed.parcels.map((p) => {
        const commune = communeOf(p.commune, SHEETS.parcels.name, p.row);
        if (p.landTypeCode && !landTypes.has(p.landTypeCode)) {
          problems.push({
            sheet: SHEETS.parcels.name,
            row: p.row,
            column: 'Loại đất',
            message: `Mã loại đất "${p.landTypeCode}" không có trong bảng mã loại đất.`,
          });
        }
        return { ...p, commune };
      });
      const taken = await this.parcels.taken(
        em,
        projectId,
        parcelRows.map((p) => ({
          communeId: p.commune?.id ?? null,
          mapSheet: p.mapSheet,
          parcelNumber: p.parcelNumber,
        })),
      );
      const takenKeys = new Set(taken.map((t) => `${t.communeId}|${t.mapSheet}|${t.parcelNumber}`));
      for (const p of parcelRows) {
        if (p.commune && takenKeys.has(`${p.commune.id}|${p.mapSheet}|${p.parcelNumber}`)) {
          problems.push({
            sheet: SHEETS.parcels.name,
            row: p.row,
            column: 'Số thửa',
            message: `Thửa ${p.parcelNumber} tờ ${p.mapSheet} đã có trong một hồ sơ của dự án.`,
          });
        }
      }
      const surveyDates = new Map<string, { date: string; row: number }>();
      for (const it of parsed.items) {
        const first = surveyDates.get(it.key);
        if (first && first.date !== it.surveyedOn) {
          problems.push({
            sheet: SHEETS.items.name,
            row: it.row,
            column: 'Ngày kiểm đếm',
            message: `Một hộ chỉ có một ngày kiểm đếm trong tệp (dòng ${first.row} ghi khác).`,
          });
        } else if (!first) surveyDates.set(it.key, { date: it.surveyedOn, row: it.row });
      }

      if (problems.length > 0) {
        problems.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
        throw new AppError(
          'validation',
          'IMPORT.REJECTED',
          `Tệp có ${problems.length} lỗi nên không dữ liệu nào được nhập. Sửa theo danh sách rồi nhập lại cả tệp.`,
          // A cell is the field at fault: "Hộ!Số CCCD:3" reads as sheet, column, row.
          problemDetails(
            problems.map((p) => ({ field: `${p.sheet}!${p.column}:${p.row}`, code: 'IMPORT.CELL_INVALID', ...p })),
          ),
        );
      }

      // Everything checked: write in bulk.
      const landUserIds = new Map<string, string>();
      const fresh = households.filter((h) => !h.existing);
      for (const part of chunks(fresh)) {
        const ids = await this.landUsers.createMany(
          em,
          part.map((h) => ({
            kind: h.kind,
            fullName: h.fullName,
            cccd: h.cccd,
            birthYear: h.birthYear,
            address: h.address,
            members: [],
            householdSize: h.memberCount > 0 ? h.memberCount : null,
            poorHousehold: h.poorHousehold,
            policyFamily: h.policyFamily,
            directlyFarming: h.directlyFarming,
          })),
        );
        part.forEach((h, i) => landUserIds.set(h.key, ids[i]));
      }
      for (const h of households) if (h.existing) landUserIds.set(h.key, h.existing.id);

      const caseIds = new Map<string, string>();
      for (const part of chunks(households)) {
        const ids = await this.cases.createMany(
          em,
          part.map((h) => ({
            projectId,
            landUserId: landUserIds.get(h.key)!,
            communeId: h.commune!.id,
            batch: h.batch,
            state: machine.initial,
            noticeDeliveredOn: null,
            note: '',
          })),
        );
        part.forEach((h, i) => caseIds.set(h.key, ids[i]));
      }
      for (const part of chunks(parcelRows)) {
        await this.parcels.createMany(
          em,
          part.map((p) => ({
            caseId: caseIds.get(p.key)!,
            projectId,
            communeId: p.commune!.id,
            mapSheet: p.mapSheet,
            parcelNumber: p.parcelNumber,
            landTypeCode: p.landTypeCode,
            legalArea: p.legalArea,
            measuredArea: p.measuredArea,
            recoveredArea: p.recoveredArea,
            landUses: [],
            position: p.position,
            origin: p.origin,
            eligible: p.eligible,
            certificateNumber: p.certificateNumber,
          })),
        );
      }
      const inventoryIds = new Map<string, string>();
      const inventoryKeys = [...surveyDates.keys()];
      for (const part of chunks(inventoryKeys)) {
        const ids = await this.inventory.createFirstDrafts(
          em,
          part.map((key) => ({
            caseId: caseIds.get(key)!,
            surveyedOn: surveyDates.get(key)!.date,
            note: 'Nhập từ tệp Excel',
          })),
        );
        part.forEach((key, i) => inventoryIds.set(key, ids[i]));
      }
      const positions = new Map<string, number>();
      for (const part of chunks(parsed.items)) {
        await this.inventory.addItems(
          em,
          part.map((it) => {
            const position = (positions.get(it.key) ?? 0) + 1;
            positions.set(it.key, position);
            return {
              inventoryId: inventoryIds.get(it.key)!,
              position,
              kind: it.kind as ItemKind,
              itemCode: it.itemCode,
              description: it.description,
              quantity: it.quantity,
              unit: it.unit,
              attributes: it.attributes,
              firstRecordedOn: it.firstRecordedOn,
              afterNotice: false,
            };
          }),
        );
      }
      await this.audit.recordMany(
        em,
        user,
        [...caseIds.values()].map((id) => ({
          action: 'import',
          entityType: 'case',
          entityId: id,
          changes: [{ field: 'source', from: null, to: 'excel' }],
        })),
      );
      return {
        households: households.length,
        parcels: parcelRows.length,
        inventories: inventoryIds.size,
        items: parsed.items.length,
      };
    });
  }

  /** The project's cases in the import layout, so a file can be corrected and compared offline. */
  async export(user: AuthUser, projectId: string): Promise<Buffer> {
    const project = await this.projects.assertVisible(user, projectId);
    const scope = accessScope(user);
    const communeFilter = scope.kind === 'communes' ? scope.communeIds : null;
    const personal = PERSONAL_DATA_ROLES.includes(user.role);
    const cases = await this.cases.roster(project.id, communeFilter);
    const landUsers = new Map(
      (cases.length ? await this.landUsers.byIds(cases.map((c) => c.landUserId)) : []).map((u) => [u.id, u]),
    );
    const key = new Map(cases.map((c, i) => [c.id, `H${String(i + 1).padStart(4, '0')}`]));
    const ids = cases.map((c) => c.id);
    const parcels = ids.length ? await this.parcels.listed(ids) : [];
    const items = ids.length ? await this.inventory.latestItems(ids) : [];
    const num = (d: string | null) => (d === null ? null : Number(d)); // see core/excel/workbook.ts on numbers in Excel
    const vnDate = (d: string | null) => (d ? formatVnDate(d) : null);
    return writeWorkbook(
      [...importSheets()].map((spec) => {
        if (spec.name === SHEETS.households.name) {
          spec.rows = cases.map((c) => {
            const lu = landUsers.get(c.landUserId)!;
            return [
              key.get(c.id)!,
              KIND_LABELS[lu.kind],
              lu.fullName,
              personal ? lu.cccd : null,
              lu.birthYear,
              personal ? lu.address : null,
              c.commune,
              c.batch,
              householdCount(lu),
              lu.poorHousehold ? 'x' : null,
              lu.policyFamily ? 'x' : null,
              lu.directlyFarming ? 'x' : null,
            ];
          });
        } else if (spec.name === SHEETS.parcels.name) {
          spec.rows = parcels.map((p) => [
            key.get(p.caseId)!,
            p.commune,
            p.mapSheet,
            p.parcelNumber,
            p.landTypeCode,
            num(p.legalArea),
            num(p.measuredArea),
            num(p.recoveredArea),
            p.position,
            p.origin,
            p.eligible ? 'x' : 'không',
            p.certificateNumber,
          ]);
        } else if (spec.name === SHEETS.items.name) {
          spec.rows = items.map((it) => [
            key.get(it.caseId)!,
            vnDate(it.surveyedOn),
            ITEM_KIND_LABELS[it.kind] ?? it.kind,
            it.itemCode,
            it.description,
            num(it.quantity),
            it.unit,
            (it.attributes.grade as string) ?? null,
            (it.attributes.yearBuilt as number) ?? null,
            (it.attributes.qualityPercent as number) ?? null,
            (it.attributes.species as string) ?? null,
            (it.attributes.sizeClass as string) ?? null,
            vnDate(it.firstRecordedOn),
          ]);
        }
        return spec;
      }),
    );
  }

  /** The empty template with its guidance sheet (also committed as templates/import/ho-so-kiem-dem.xlsx). */
  template(): Promise<Buffer> {
    return writeWorkbook(importSheets());
  }
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

const AREA = '#,##0.####';

export function importSheets(): SheetSpec[] {
  return [
    {
      name: SHEETS.households.name,
      columns: SHEETS.households.columns.map((header) => ({
        header,
        text: header === 'Số CCCD' || header === 'Mã hộ',
        width: header.startsWith('Họ tên') || header === 'Địa chỉ' ? 30 : undefined,
      })),
      rows: [],
    },
    {
      name: SHEETS.parcels.name,
      columns: SHEETS.parcels.columns.map((header) => ({
        header,
        text: ['Mã hộ', 'Số tờ', 'Số thửa'].includes(header),
        numFmt: header.startsWith('DT') ? AREA : undefined,
      })),
      rows: [],
    },
    {
      name: SHEETS.items.name,
      columns: SHEETS.items.columns.map((header) => ({
        header,
        text: header === 'Mã hộ',
        numFmt: header === 'Số lượng' ? AREA : undefined,
        width: header === 'Mô tả' ? 36 : undefined,
      })),
      rows: [],
    },
    {
      name: 'Hướng dẫn',
      notes: true,
      columns: [{ header: 'Hướng dẫn nhập hồ sơ, thửa đất và kết quả kiểm đếm', width: 120 }],
      rows: [
        [
          'Mỗi hộ một dòng ở trang "Hộ", với "Mã hộ" tự đặt (ví dụ H0001) để nối với các trang "Thửa đất" và "Kiểm đếm".',
        ],
        [
          `"Loại": ${Object.values(KIND_LABELS).join(', ')}. Số CCCD gồm đúng 12 chữ số (để ô ở dạng Văn bản để giữ số 0 đầu).`,
        ],
        [
          '"Xã": tên xã thuộc phạm vi dự án (không cần dấu). Hộ nghèo, Gia đình chính sách, Trực tiếp SXNN: ghi "x" nếu đúng.',
        ],
        [
          'Số theo cách viết Việt Nam: dấu chấm ngăn cách hàng nghìn, dấu phẩy cho phần thập phân: "20.000" là hai mươi nghìn, "9222,1" là 9222,1 m².',
        ],
        [
          'Diện tích thu hồi phải lớn hơn 0 và không lớn hơn diện tích đo đạc; một thửa (xã + số tờ + số thửa) chỉ thu hồi một lần trong dự án.',
        ],
        [
          `"Loại tài sản": ${Object.values(ITEM_KIND_LABELS).join(', ')}. Ngày ghi dd/mm/yyyy. Mỗi hộ một ngày kiểm đếm.`,
        ],
        [
          'Tệp có bất kỳ lỗi nào sẽ bị từ chối cả tệp, kèm danh sách lỗi theo trang, dòng, cột; không có dữ liệu nào được nhập dở.',
        ],
        ['Biên bản kiểm đếm nhập từ tệp ở trạng thái dự thảo; ký biên bản trên hệ thống sau khi đối chiếu.'],
      ],
    },
  ];
}

export type { ImportProblem };
