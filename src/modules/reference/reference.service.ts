import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../../core/errors/app-error.js';
import { AdminUnit } from './admin-unit.entity.js';
import { LandType } from '../land-types/land-type.entity.js';
import { Agency } from './agency.entity.js';
import { ReferenceRepository } from './reference.repository.js';

/** The district bodies that issue documents: the People's Committee (its Chairman) and the Center (TTPTQĐ). */
export type IssuerKind = 'people_committee' | 'land_fund_center';

const ISSUER_LABELS: Record<IssuerKind, string> = {
  people_committee: 'UBND cấp huyện',
  land_fund_center: 'Trung tâm Phát triển quỹ đất của huyện',
};

/** Reference data (danh mục): communes and agencies, seeded from seeds/, read here. */
@Injectable()
export class ReferenceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: ReferenceRepository,
  ) {}

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
  findIssuer(kind: IssuerKind, placeId: string): Promise<string | null> {
    return this.repo.issuerIn(kind, placeId);
  }

  /** The district the Center works in (the seeded one): where district-wide reports are issued. */
  async homeDistrict(): Promise<string> {
    const id = await this.repo.firstDistrict();
    if (!id)
      throw new AppError('conflict', 'DOCUMENT.ISSUER_UNKNOWN', 'Chưa có huyện trong danh mục đơn vị hành chính.', {});
    return id;
  }

  /** The name of the district a commune lies in (or of the district itself), or '' when unknown. */
  districtName(placeId: string): Promise<string> {
    return this.repo.districtName(placeId);
  }

  /** The land types of the code table in use (TT 28/2014), by code. */
  landTypes(): Promise<LandType[]> {
    return this.db.getRepository(LandType).find({ where: { codeTable: 'TT28-2014' }, order: { code: 'ASC' } });
  }

  agencies(): Promise<Agency[]> {
    return this.db.getRepository(Agency).find({ order: { code: 'ASC' } });
  }
}
