import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EditableEntity } from '../database/base.entity.js';
import type { Role } from '../../shared/roles.js';
import { Agency } from '../../modules/reference/agency.entity.js';

@Entity('users')
export class User extends EditableEntity {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'varchar', length: 200, name: 'display_name' })
  displayName!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: Role;

  /** argon2id hash (never the password). */
  @Column({ type: 'varchar', length: 200, name: 'password_hash', select: false })
  passwordHash!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'uuid', name: 'agency_id', nullable: true })
  agencyId!: string | null;

  @ManyToOne(() => Agency, { nullable: true })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency | null;

  /** Communes a commune officer works for (admin_units ids); empty for other roles. */
  @Column({ type: 'uuid', array: true, name: 'commune_ids', default: () => "'{}'" })
  communeIds!: string[];
}
