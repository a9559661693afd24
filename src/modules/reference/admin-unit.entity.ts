import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

export const ADMIN_UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export type AdminUnitLevel = (typeof ADMIN_UNIT_LEVELS)[number];

/**
 * Province, district or commune (tỉnh, huyện, xã/thị trấn). A tree, not fixed columns, because the 2025 two-tier
 * reform removed districts: a post-reform commune hangs directly under its province.
 */
@Entity('admin_units')
export class AdminUnit {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: AdminUnitLevel;

  /** e.g. "xã", "thị trấn", "huyện", "tỉnh" */
  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'uuid', name: 'parent_id', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => AdminUnit, { nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<AdminUnit> | null;

  /** Vùng sâu, vùng xa: lengthens complaint deadlines (Luật Khiếu nại 2011 Đ28, Đ37). */
  @Column({ type: 'boolean', default: false })
  remote!: boolean;

  /** Where the remote flag comes from (decision, or "mẫu — cần xác nhận"). */
  @Column({ type: 'varchar', length: 300, name: 'remote_basis', nullable: true })
  remoteBasis!: string | null;
}
