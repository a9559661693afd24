import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * Append-only audit trail: who, when, what, and field-level before/after.
 * The database refuses UPDATE, DELETE and TRUNCATE on this table (trigger in the migration).
 */
@Entity('audit_entries')
@Index(['entityType', 'entityId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 64, name: 'actor_username', nullable: true })
  actorUsername!: string | null;

  /** create | update | delete | transition | login | login_failed … */
  @Column({ type: 'varchar', length: 32 })
  action!: string;

  @Column({ type: 'varchar', length: 64, name: 'entity_type' })
  entityType!: string;

  @Column({ type: 'varchar', length: 64, name: 'entity_id' })
  entityId!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  changes!: FieldChange[];

  @Column({ type: 'varchar', length: 64, name: 'request_id', nullable: true })
  requestId!: string | null;
}
