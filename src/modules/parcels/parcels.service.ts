import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Decimal } from 'decimal.js';
import { Any, DataSource, EntityManager, In } from 'typeorm';
import { AuditService, diffFields } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/policy.js';
import { AppError, notFound, problemDetails, staleVersion } from '../../core/errors/app-error.js';
import { trimDecimal } from '../../shared/decimal.js';
import { CasesService } from '../cases/cases.service.js';
import { LandType } from '../land-types/land-type.entity.js';
import { checkParcelAreas } from './domain/parcel-rules.js';
import { CreateParcelDto, mapParcel, ParcelDto, UpdateParcelDto } from './dto/parcel.dto.js';
import { Parcel } from './parcel.entity.js';
import {
  type ListedParcel,
  type NewParcel,
  type ParcelKey,
  type PricedParcel,
  ParcelsRepository,
} from './parcels.repository.js';

const FIELDS = [
  'communeId',
  'mapSheet',
  'parcelNumber',
  'landTypeCode',
  'legalArea',
  'measuredArea',
  'recoveredArea',
  'landUses',
  'position',
  'origin',
  'eligible',
  'certificateNumber',
] as const;

/** Areas are compared and audited in their canonical form ("9222.1000" and "9222.1" are the same area). */
const canonical = (p: Parcel): Parcel => ({
  ...p,
  legalArea: p.legalArea === null ? null : trimDecimal(p.legalArea),
  measuredArea: trimDecimal(p.measuredArea),
  recoveredArea: trimDecimal(p.recoveredArea),
});

@Injectable()
export class ParcelsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    private readonly repo: ParcelsRepository,
  ) {}

  /** A case's parcels in map order, for another module's document (no caller: the worker renders it). */
  ofCase(caseId: string): Promise<Parcel[]> {
    return this.db.getRepository(Parcel).find({ where: { caseId }, order: { mapSheet: 'ASC', parcelNumber: 'ASC' } });
  }

  /** The cases' parcels use by use, with their land group, for pricing (no order: as stored). */
  pricedParcels(caseIds: string[], em?: EntityManager): Promise<PricedParcel[]> {
    return this.repo.pricedParcels(caseIds, em);
  }

  /** Those of the cases holding a parcel whose land type is not agricultural (the longer notice period applies). */
  withNonAgriculturalLand(caseIds: string[], em?: EntityManager): Promise<Set<string>> {
    return this.repo.withNonAgriculturalLand(caseIds, em);
  }

  /**
   * Which of these keys (commune, map sheet, parcel number) the project's parcels already hold, in the caller's
   * transaction: one parcel is recovered once per project (the Excel intake checks a whole file at once).
   */
  async taken(
    em: EntityManager,
    projectId: string,
    keys: { communeId: string | null; mapSheet: string; parcelNumber: string }[],
  ): Promise<ParcelKey[]> {
    return keys.length ? this.repo.taken(projectId, keys, em) : [];
  }

  /**
   * Parcels of an Excel intake, in the caller's transaction: one INSERT (the caller keeps the batch small). The
   * intake has checked them and records one audit entry per case.
   */
  createMany(em: EntityManager, rows: NewParcel[]): Promise<void> {
    return this.repo.insertMany(em, rows);
  }

  /** The cases' parcels with their commune's name and exact areas, in map order (the Excel export). */
  listed(caseIds: string[]): Promise<ListedParcel[]> {
    return this.repo.listed(caseIds);
  }

  /** The case's recovered area in m² (exact text, "0" when it has no parcel). */
  recoveredArea(caseId: string): Promise<string> {
    return this.repo.recoveredArea(caseId);
  }

  /** The recovered area of each of these cases (Σ of its parcels, exact; a case without parcels is absent). */
  async recoveredAreas(caseIds: string[]): Promise<Map<string, string>> {
    const rows = await this.db
      .getRepository(Parcel)
      .find({ where: { caseId: Any(caseIds) }, select: { caseId: true, recoveredArea: true } });
    const sums = new Map<string, Decimal>();
    for (const p of rows) sums.set(p.caseId, (sums.get(p.caseId) ?? new Decimal(0)).plus(p.recoveredArea));
    return new Map([...sums].map(([caseId, area]) => [caseId, area.toFixed()]));
  }

  async list(user: AuthUser, caseId: string): Promise<ParcelDto[]> {
    await this.cases.access(user, caseId, 'read');
    const rows = await this.db
      .getRepository(Parcel)
      .find({ where: { caseId }, order: { mapSheet: 'ASC', parcelNumber: 'ASC' } });
    return rows.map(mapParcel);
  }

  async create(user: AuthUser, caseId: string, dto: CreateParcelDto): Promise<ParcelDto> {
    const { case: c, project } = await this.cases.access(user, caseId, 'write');
    await this.cases.assertPricingEditable(caseId);
    const communeId = dto.communeId ?? c.communeId;
    if (!project.communeIds.includes(communeId)) {
      throw new AppError(
        'validation',
        'CASE.COMMUNE_NOT_IN_PROJECT',
        'Xã của thửa đất không thuộc phạm vi thu hồi của dự án.',
        { field: 'communeId' },
      );
    }
    const parcel = this.db.getRepository(Parcel).create({
      caseId,
      projectId: c.projectId,
      communeId,
      mapSheet: dto.mapSheet,
      parcelNumber: dto.parcelNumber,
      landTypeCode: dto.landTypeCode,
      legalArea: dto.legalArea ?? null,
      measuredArea: dto.measuredArea,
      recoveredArea: dto.recoveredArea,
      landUses: dto.landUses ?? [],
      position: dto.position ?? '',
      origin: dto.origin ?? '',
      eligible: dto.eligible ?? true,
      certificateNumber: dto.certificateNumber ?? '',
    });
    return this.db.transaction(async (em) => {
      await this.check(em, parcel);
      const saved = await em.getRepository(Parcel).save(parcel);
      await this.audit.record(em, user, {
        action: 'create',
        entityType: 'parcel',
        entityId: saved.id,
        changes: diffFields<Parcel>(null, canonical(saved), FIELDS),
      });
      return mapParcel(saved);
    });
  }

  async update(user: AuthUser, parcelId: string, dto: UpdateParcelDto): Promise<ParcelDto> {
    const found = await this.db.getRepository(Parcel).findOneBy({ id: parcelId });
    if (!found) throw notFound('parcel', parcelId, 'thửa đất');
    await this.cases.access(user, found.caseId, 'write');
    await this.cases.assertPricingEditable(found.caseId);
    return this.db.transaction(async (em) => {
      const parcel = await em
        .getRepository(Parcel)
        .findOne({ where: { id: parcelId }, lock: { mode: 'pessimistic_write' } });
      if (!parcel) throw notFound('parcel', parcelId, 'thửa đất');
      if (parcel.version !== dto.version) throw staleVersion('parcel', dto.version, parcel.version);
      const before = canonical(parcel);
      const { version: _v, ...fields } = dto;
      for (const [k, v] of Object.entries(fields))
        if (v !== undefined) (parcel as unknown as Record<string, unknown>)[k] = v;
      const changes = diffFields<Parcel>(before, canonical(parcel), FIELDS);
      if (changes.length === 0) return mapParcel(parcel);
      await this.check(em, parcel);
      const saved = await em.getRepository(Parcel).save(parcel);
      await this.audit.record(em, user, { action: 'update', entityType: 'parcel', entityId: parcelId, changes });
      return mapParcel(saved);
    });
  }

  async remove(user: AuthUser, parcelId: string): Promise<void> {
    const parcel = await this.db.getRepository(Parcel).findOneBy({ id: parcelId });
    if (!parcel) throw notFound('parcel', parcelId, 'thửa đất');
    await this.cases.access(user, parcel.caseId, 'write');
    await this.cases.assertPricingEditable(parcel.caseId);
    await this.db.transaction(async (em) => {
      await em.getRepository(Parcel).delete({ id: parcelId });
      await this.audit.record(em, user, {
        action: 'delete',
        entityType: 'parcel',
        entityId: parcelId,
        changes: diffFields<Parcel>(canonical(parcel), null, FIELDS),
      });
    });
  }

  /** Area rules, known land-type codes, and one recovery per parcel and project. */
  private async check(em: EntityManager, p: Parcel): Promise<void> {
    const findings = checkParcelAreas(p);
    const codes = [...new Set([p.landTypeCode, ...p.landUses.map((u) => u.landTypeCode)])];
    const known = await em.getRepository(LandType).findBy({ code: In(codes) });
    for (const code of codes) {
      if (!known.some((k) => k.code === code)) {
        findings.push({
          field: 'landTypeCode',
          code: 'PARCEL.LAND_TYPE_UNKNOWN',
          message: `Mã loại đất ${code} không có trong bảng mã loại đất.`,
        });
      }
    }
    if (findings.length > 0) {
      throw new AppError(
        'validation',
        findings[0].code,
        findings.map((f) => f.message).join(' '),
        problemDetails(findings),
      );
    }
    const twin = await em
      .getRepository(Parcel)
      .createQueryBuilder('p')
      .innerJoin('cases', 'c', 'c.id = p.case_id')
      .innerJoin('land_users', 'lu', 'lu.id = c.land_user_id')
      .select(['p.id AS id', 'p.case_id AS "caseId"', 'lu.full_name AS "holder"'])
      .where(
        'p.project_id = :projectId AND p.commune_id = :communeId AND p.map_sheet = :mapSheet AND p.parcel_number = :parcelNumber',
        p,
      )
      .andWhere(p.id ? 'p.id <> :id' : 'TRUE', { id: p.id })
      .getRawOne<{ id: string; caseId: string; holder: string }>();
    if (twin) {
      throw new AppError(
        'conflict',
        'PARCEL.ALREADY_RECOVERED',
        `Thửa số ${p.parcelNumber}, tờ bản đồ số ${p.mapSheet} đã có trong hồ sơ của ${twin.holder} thuộc dự án này; một thửa không thể bị thu hồi hai lần.`,
        { caseId: twin.caseId, parcelId: twin.id },
      );
    }
  }
}
