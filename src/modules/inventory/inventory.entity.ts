import { Column, JoinColumn, ManyToOne, Entity, Index, OneToMany, type Relation } from 'typeorm';
import { Case } from '../cases/case.entity.js';
import { EditableEntity } from '../../core/database/base.entity.js';
import { InventoryItem } from './inventory-item.entity.js';

export const INVENTORY_STATUSES = ['draft', 'signed', 'superseded'] as const;
export type InventoryStatus = (typeof INVENTORY_STATUSES)[number];

export interface Participant {
  name: string;
  role: string; // e.g. "Đại diện hộ", "Tổ kiểm đếm", "UBND xã"
}

/**
 * Biên bản điều tra, kiểm đếm. Draft → signed (immutable) → superseded by a corrected version, which stays linked;
 * the old one stays readable.
 */
@Entity('inventories')
@Index(['caseId', 'revision'], { unique: true })
export class Inventory extends EditableEntity {
  @Column({ type: 'uuid', name: 'case_id' })
  caseId!: string;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  /** 1 for the first record of a case, 2 for its first correction… */
  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: InventoryStatus;

  @Column({ type: 'date', name: 'surveyed_on' })
  surveyedOn!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  participants!: Participant[];

  @Column({ type: 'timestamptz', name: 'signed_at', nullable: true })
  signedAt!: Date | null;

  @Column({ type: 'uuid', name: 'signed_by', nullable: true })
  signedBy!: string | null;

  @Column({ type: 'uuid', name: 'supersedes_id', nullable: true })
  supersedesId!: string | null;

  @Column({ type: 'text', default: '' })
  note!: string;

  @OneToMany(() => InventoryItem, (i) => i.inventory, { cascade: ['insert'] })
  items?: Relation<InventoryItem>[];
}
