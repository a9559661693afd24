import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../../core/errors/app-error.js';
import { AdminUnit } from './admin-unit.entity.js';
import { Agency } from './agency.entity.js';

/** The district bodies that issue documents: the People's Committee (its Chairman) and the Center (TTPTQĐ). */
export type IssuerKind = 'people_committee' | 'land_fund_center';

const ISSUER_LABELS: Record<IssuerKind, string> = {
  people_committee: 'UBND cấp huyện',
  land_fund_center: 'Trung tâm Phát triển quỹ đất của huyện',
};

/** Reference data (danh mục): communes and agencies, seeded from seeds/, read here. */
@Injectable()
export class ReferenceService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  communes(): Promise<AdminUnit[]> {
    return this.db.getRepository(AdminUnit).find({ where: { level: 'commune' }, order: { name: 'ASC' } });
  }

  /**
   * The one definition of who issues a document: the agency of that kind of the district a place lies in (a
   * commune's district, or the district itself). `code` names the refusal when there is none.
   */
  async issuer(kind: IssuerKind, placeId: string, code = 'DOCUMENT.ISSUER_UNKNOWN'): Promise<string> {
    const id = await this.findIssuer(kind, placeId);
    if (!id)
      throw new AppError('conflict', code, `Không xác định được ${ISSUER_LABELS[kind]} ban hành văn bản.`, { kind });
    return id;
  }

  /** As `issuer`, or null when the district has no such agency. */
  async findIssuer(kind: IssuerKind, placeId: string): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }[]>(
      `SELECT a.id FROM admin_units u
       JOIN agencies a ON a.kind = $1 AND a.admin_unit_id = CASE WHEN u.level = 'commune' THEN u.parent_id ELSE u.id END
       WHERE u.id = $2 ORDER BY a.code LIMIT 1`,
      [kind, placeId],
    );
    return row?.id ?? null;
  }

  /** The district the Center works in (the seeded one): where district-wide reports are issued. */
  async homeDistrict(): Promise<string> {
    const [row] = await this.db.query<{ id: string }[]>(
      `SELECT id FROM admin_units WHERE level = 'district' ORDER BY code LIMIT 1`,
    );
    if (!row)
      throw new AppError('conflict', 'DOCUMENT.ISSUER_UNKNOWN', 'Chưa có huyện trong danh mục đơn vị hành chính.', {});
    return row.id;
  }

  agencies(): Promise<Agency[]> {
    return this.db.getRepository(Agency).find({ order: { code: 'ASC' } });
  }
}
