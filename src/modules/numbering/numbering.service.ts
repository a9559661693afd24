import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/policy.js';
import { notFound } from '../../core/errors/app-error.js';
import { Agency } from '../reference/agency.entity.js';
import { formatNumber } from './domain/format.js';
import { IssuedNumber, type TypeCode } from './issued-number.entity.js';

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
  ) {}

  async take(em: EntityManager, actor: AuthUser | null, req: NumberRequest): Promise<IssuedNumber> {
    const agency = await em.getRepository(Agency).findOneBy({ id: req.agencyId });
    if (!agency) throw notFound('agency', req.agencyId, 'cơ quan ban hành');
    const year = Number(req.issuedOn.slice(0, 4));
    const [{ n }] = await em.query(
      `INSERT INTO number_counters (agency_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (agency_id, year) DO UPDATE SET last_number = number_counters.last_number + 1
       RETURNING last_number AS n`,
      [agency.id, year],
    );
    const issued = await em.getRepository(IssuedNumber).save(
      em.getRepository(IssuedNumber).create({
        agencyId: agency.id,
        year,
        number: n,
        typeCode: req.typeCode,
        formatted: formatNumber(n, req.typeCode, agency.shortName),
        issuedOn: req.issuedOn,
        subject: req.subject,
        entityType: req.entityType ?? null,
        entityId: req.entityId ?? null,
        issuedBy: actor?.id ?? null,
      }),
    );
    await this.audit.record(em, actor, { action: 'create', entityType: 'issued_number', entityId: issued.id, changes: [{ field: 'formatted', from: null, to: issued.formatted }] });
    return issued;
  }

  /** A document issued outside the workflow (công văn, tờ trình…): its number, in a transaction of its own. */
  issue(actor: AuthUser, req: NumberRequest): Promise<IssuedNumber> {
    return this.db.transaction((em) => this.take(em, actor, req));
  }

  register(agencyId: string, year: number): Promise<IssuedNumber[]> {
    return this.db.getRepository(IssuedNumber).find({ where: { agencyId, year }, order: { number: 'ASC' } });
  }
}
