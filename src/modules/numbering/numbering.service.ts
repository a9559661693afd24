import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/policy.js';
import { notFound } from '../../core/errors/app-error.js';
import { Agency } from '../reference/agency.entity.js';
import { formatNumber } from './domain/format.js';
import { IssuedNumber, type TypeCode } from './issued-number.entity.js';
import { NumberingRepository } from './numbering.repository.js';

export interface NumberRequest {
  agencyId: string;
  typeCode: TypeCode;
  issuedOn: string;
  subject: string;
  entityType?: string;
  entityId?: string;
}

/**
 * Gives document numbers when a document is issued, in the caller's transaction: the counter row is locked and
 * incremented by one statement, so concurrent requests queue and get consecutive numbers; a transaction that fails
 * rolls its increment back with it, so there is no gap and no duplicate.
 */
@Injectable()
export class NumberingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly repo: NumberingRepository,
  ) {}

  async take(em: EntityManager, actor: AuthUser | null, req: NumberRequest): Promise<IssuedNumber> {
    const [one] = await this.takeMany(em, actor, req, [
      { subject: req.subject, entityType: req.entityType, entityId: req.entityId },
    ]);
    return one;
  }

  /**
   * A block of consecutive numbers for documents issued together (a plan's recovery decisions): the counter moves by
   * the block size in one statement, so a thousand decisions cost one counter update and one insert, not a thousand.
   */
  async takeMany(
    em: EntityManager,
    actor: AuthUser | null,
    common: Pick<NumberRequest, 'agencyId' | 'typeCode' | 'issuedOn'>,
    items: Pick<NumberRequest, 'subject' | 'entityType' | 'entityId'>[],
  ): Promise<IssuedNumber[]> {
    if (items.length === 0) return [];
    const agency = await em.getRepository(Agency).findOneBy({ id: common.agencyId });
    if (!agency) throw notFound('agency', common.agencyId, 'cơ quan ban hành');
    const year = Number(common.issuedOn.slice(0, 4));
    const last = await this.repo.advance(em, agency.id, year, items.length);
    const first = last - items.length + 1;
    const rows = items.map((it, i) =>
      em.getRepository(IssuedNumber).create({
        agencyId: agency.id,
        year,
        number: first + i,
        typeCode: common.typeCode,
        formatted: formatNumber(first + i, common.typeCode, agency.shortName),
        issuedOn: common.issuedOn,
        subject: it.subject,
        entityType: it.entityType ?? null,
        entityId: it.entityId ?? null,
        issuedBy: actor?.id ?? null,
      }),
    );
    const saved: IssuedNumber[] = [];
    for (let i = 0; i < rows.length; i += 1000)
      saved.push(...(await em.getRepository(IssuedNumber).save(rows.slice(i, i + 1000), { chunk: 200 })));
    await this.audit.recordMany(
      em,
      actor,
      saved.map((n) => ({
        action: 'create',
        entityType: 'issued_number',
        entityId: n.id,
        changes: [{ field: 'formatted', from: null, to: n.formatted }],
      })),
    );
    return saved;
  }

  /** A document issued outside the workflow (công văn, tờ trình…): its number, in a transaction of its own. */
  issue(actor: AuthUser, req: NumberRequest): Promise<IssuedNumber> {
    return this.db.transaction((em) => this.take(em, actor, req));
  }

  /** Who gave a number, and of what type: a re-issued document is numbered by the same body, in the same series. */
  async issuerOf(formatted: string, entityId: string): Promise<{ agencyId: string; typeCode: TypeCode } | null> {
    const row = await this.db
      .getRepository(IssuedNumber)
      .findOne({ where: { formatted, entityId }, select: { agencyId: true, typeCode: true } });
    return row ? { agencyId: row.agencyId, typeCode: row.typeCode } : null;
  }

  /** The day a number was issued for this record (YYYY-MM-DD), or null when the system did not issue it. */
  async issuedOn(formatted: string, entityId: string, em: EntityManager = this.db.manager): Promise<string | null> {
    const row = await em
      .getRepository(IssuedNumber)
      .findOne({ where: { formatted, entityId }, select: { id: true, issuedOn: true } });
    return row?.issuedOn ?? null;
  }

  register(agencyId: string, year: number): Promise<IssuedNumber[]> {
    return this.db.getRepository(IssuedNumber).find({ where: { agencyId, year }, order: { number: 'ASC' } });
  }
}
