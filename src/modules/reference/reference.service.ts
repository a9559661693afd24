import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/policy.js';
import { formatVnDate } from '../../shared/dates.js';
import { CreateSignatoryDto, SignatoryDto, type SignerChoiceDto } from './dto/reference.dto.js';
import { Signatory } from './signatory.entity.js';
import { AppError, notFound } from '../../core/errors/app-error.js';
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
    private readonly audit: AuditService,
  ) {}

  /**
   * Who signs a document of a body issued on a day (issue 18 §12): the signatory chosen when it is issued (a deputy
   * signing for the head), who must be of that body and in office that day, else the head in office that day. A coded
   * refusal when there is none, in the caller's transaction: the act that issues the document is not taken.
   */
  async signer(
    em: EntityManager,
    agencyId: string,
    on: string,
    signatoryId?: string,
  ): Promise<{ signatoryId: string; name: string; title: string; deputy: boolean }> {
    const agency = await em.getRepository(Agency).findOneBy({ id: agencyId });
    if (!agency) throw notFound('agency', agencyId, 'cơ quan');
    const inOffice = (s: Signatory) => s.effectiveFrom <= on && (s.effectiveTo === null || on <= s.effectiveTo);
    let chosen: Signatory | undefined;
    if (signatoryId) {
      const s = await em.getRepository(Signatory).findOneBy({ id: signatoryId });
      if (!s || s.agencyId !== agencyId)
        throw new AppError(
          'validation',
          'DOCUMENT.SIGNATORY_UNKNOWN',
          `Người ký không có trong danh sách người ký của ${agency.name}.`,
          { field: 'signatoryId' },
        );
      if (!inOffice(s))
        throw new AppError(
          'conflict',
          'DOCUMENT.SIGNATORY_NOT_IN_OFFICE',
          `${s.fullName} không giữ chức ${s.title} ${agency.name} vào ngày ${formatVnDate(on)}.`,
          { field: 'signatoryId', effectiveFrom: s.effectiveFrom, effectiveTo: s.effectiveTo },
        );
      chosen = s;
    } else {
      chosen = (await em.getRepository(Signatory).find({ where: { agencyId, deputy: false } }))
        .filter(inOffice)
        .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
      if (!chosen)
        throw new AppError(
          'conflict',
          'DOCUMENT.NO_SIGNATORY',
          `Chưa có người ký: danh sách người ký chưa ghi người đứng đầu ${agency.name} giữ chức vào ngày ${formatVnDate(on)}.`,
          { agency: agency.code, on },
        );
    }
    return { signatoryId: chosen.id, name: chosen.fullName, title: chosen.title, deputy: chosen.deputy };
  }

  /** The signatories of a body (or of all), those in office on a day when given; heads first, then by name. */
  async signatories(q: { agency?: string; on?: string }): Promise<SignatoryDto[]> {
    const agencies = new Map((await this.db.getRepository(Agency).find()).map((a) => [a.id, a]));
    const code = q.agency ? [...agencies.values()].find((a) => a.code === q.agency) : undefined;
    if (q.agency && !code)
      throw new AppError('validation', 'REFERENCE.AGENCY_UNKNOWN', `Không có cơ quan mã ${q.agency}.`, {
        field: 'agency',
      });
    const rows = await this.db
      .getRepository(Signatory)
      .find({ where: code ? { agencyId: code.id } : {}, order: { deputy: 'ASC', fullName: 'ASC' } });
    return rows
      .filter((s) => !q.on || (s.effectiveFrom <= q.on && (s.effectiveTo === null || q.on <= s.effectiveTo)))
      .map((s) => mapSignatory(s, agencies.get(s.agencyId)?.name ?? ''));
  }

  /** Records who holds an office from a day (an administrator, from the act that gave it). */
  async addSignatory(user: AuthUser, dto: CreateSignatoryDto): Promise<SignatoryDto> {
    return this.db.transaction(async (em) => {
      const agency = await em.getRepository(Agency).findOneBy({ code: dto.agency });
      if (!agency)
        throw new AppError('validation', 'REFERENCE.AGENCY_UNKNOWN', `Không có cơ quan mã ${dto.agency}.`, {
          field: 'agency',
        });
      if (dto.effectiveTo && dto.effectiveTo < dto.effectiveFrom)
        throw new AppError('validation', 'SIGNATORY.TERM_REVERSED', 'Ngày thôi giữ chức trước ngày bắt đầu.', {
          field: 'effectiveTo',
        });
      if (
        await em
          .getRepository(Signatory)
          .existsBy({ agencyId: agency.id, fullName: dto.fullName.trim(), effectiveFrom: dto.effectiveFrom })
      )
        throw new AppError('conflict', 'SIGNATORY.DUPLICATE', `${dto.fullName} đã có trong danh sách từ ngày này.`, {
          field: 'fullName',
        });
      const saved = await em.getRepository(Signatory).save(
        em.getRepository(Signatory).create({
          agencyId: agency.id,
          fullName: dto.fullName.trim(),
          title: dto.title.trim(),
          deputy: dto.deputy,
          effectiveFrom: dto.effectiveFrom,
          effectiveTo: dto.effectiveTo ?? null,
          basis: dto.basis.trim(),
        }),
      );
      await this.audit.record(em, user, {
        action: 'create',
        entityType: 'signatory',
        entityId: saved.id,
        changes: diffFields<Signatory>(null, saved, ['fullName', 'title', 'deputy', 'effectiveFrom', 'effectiveTo']),
      });
      return mapSignatory(saved, agency.name);
    });
  }

  /** Ends a term (the last day in office); documents already issued keep their signer. */
  async endSignatoryTerm(user: AuthUser, id: string, effectiveTo: string): Promise<SignatoryDto> {
    return this.db.transaction(async (em) => {
      const s = await em.getRepository(Signatory).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!s) throw notFound('signatory', id, 'người ký');
      if (effectiveTo < s.effectiveFrom)
        throw new AppError('validation', 'SIGNATORY.TERM_REVERSED', 'Ngày thôi giữ chức trước ngày bắt đầu.', {
          field: 'effectiveTo',
        });
      const from = s.effectiveTo;
      s.effectiveTo = effectiveTo;
      await em.getRepository(Signatory).save(s);
      await this.audit.record(em, user, {
        action: 'update',
        entityType: 'signatory',
        entityId: id,
        changes: [{ field: 'effectiveTo', from, to: effectiveTo }],
      });
      const agency = await em.getRepository(Agency).findOneBy({ id: s.agencyId });
      return mapSignatory(s, agency?.name ?? '');
    });
  }

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

  /** The issuing body as a step's form names it (code and name), or null when the district has no such agency. */
  async issuingBody(kind: IssuerKind, placeId: string): Promise<SignerChoiceDto | null> {
    const id = await this.findIssuer(kind, placeId);
    const agency = id ? await this.db.getRepository(Agency).findOneBy({ id }) : null;
    return agency ? { agencyCode: agency.code, agencyName: agency.name } : null;
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

const mapSignatory = (s: Signatory, agencyName: string): SignatoryDto => ({
  id: s.id,
  agencyId: s.agencyId,
  agencyName,
  fullName: s.fullName,
  title: s.title,
  deputy: s.deputy,
  effectiveFrom: s.effectiveFrom,
  effectiveTo: s.effectiveTo,
  basis: s.basis,
});
