import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/policy.js';
import { currentRequestId } from '../logging/request-context.js';
import { AuditEntry, type FieldChange } from './audit-entry.entity.js';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  changes: FieldChange[];
}

const normalise = (v: unknown): unknown => {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return (v as unknown[]).map(normalise);
  return v === undefined ? null : v;
};

/** Field-level differences between two states of a record, limited to the fields given. */
export function diffFields<T extends object>(
  before: Partial<T> | null,
  after: Partial<T> | null,
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const from = normalise(before?.[field]);
    const to = normalise(after?.[field]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  return changes;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Writes in the caller's transaction, so the change and its audit row commit or fail together. */
  async record(em: EntityManager, actor: AuthUser | null, rec: AuditRecord): Promise<void> {
    if (rec.action === 'update' && rec.changes.length === 0) return;
    await this.recordMany(em, actor, [rec]);
  }

  /** Many rows at once (bulk imports), in the caller's transaction. */
  async recordMany(em: EntityManager, actor: AuthUser | null, recs: AuditRecord[]): Promise<void> {
    const requestId = currentRequestId() ?? null;
    for (let i = 0; i < recs.length; i += 1000) {
      await em.getRepository(AuditEntry).insert(
        recs.slice(i, i + 1000).map((rec) => ({
          actorId: actor?.id ?? null,
          actorUsername: actor?.username ?? null,
          action: rec.action,
          entityType: rec.entityType,
          entityId: rec.entityId,
          changes: rec.changes as never,
          requestId,
        })),
      );
    }
  }

  async history(
    entityType: string,
    entityId: string,
    field: string | undefined,
    limit: number,
    beforeId?: string,
  ): Promise<AuditEntry[]> {
    const qb = this.db
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .where('a.entityType = :entityType AND a.entityId = :entityId', { entityType, entityId })
      .orderBy('a.id', 'DESC')
      .limit(limit);
    if (field) qb.andWhere(`a.changes @> :probe::jsonb`, { probe: JSON.stringify([{ field }]) });
    if (beforeId) qb.andWhere('a.id < :beforeId', { beforeId });
    return qb.getMany();
  }
}
