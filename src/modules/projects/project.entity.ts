import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, OneToMany, type Relation } from 'typeorm';
import { EditableEntity } from '../../core/database/base.entity.js';
import { AdminUnit } from '../reference/admin-unit.entity.js';
import { Agency } from '../reference/agency.entity.js';
import { Regime } from '../regimes/regime.entity.js';
import { Milestone } from './milestone.entity.js';

/** Điều 61 (quốc phòng, an ninh) or Điều 62 (phát triển kinh tế - xã hội vì lợi ích quốc gia, công cộng), LĐĐ 2013. */
export const RECOVERY_GROUNDS = ['61', '62'] as const;
export type RecoveryGround = (typeof RECOVERY_GROUNDS)[number];

@Entity('projects')
export class Project extends EditableEntity {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 500 })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'uuid', name: 'investor_agency_id' })
  investorAgencyId!: string;

  @ManyToOne(() => Agency)
  @JoinColumn({ name: 'investor_agency_id' })
  investor?: Relation<Agency>;

  @Column({ type: 'varchar', length: 2, name: 'recovery_ground' })
  recoveryGround!: RecoveryGround;

  /** Free text: the decisions the recovery rests on (chủ trương đầu tư, kế hoạch sử dụng đất…). */
  @Column({ type: 'text', name: 'legal_basis', default: '' })
  legalBasis!: string;

  @Column({ type: 'varchar', length: 40, name: 'regime_code' })
  regimeCode!: string;

  @ManyToOne(() => Regime)
  @JoinColumn({ name: 'regime_code' })
  regime?: Relation<Regime>;

  /** Total area to recover in m² (exact decimal, as a string); null until the boundary survey gives it. */
  @Column({ type: 'numeric', precision: 16, scale: 4, name: 'area_to_recover', nullable: true })
  areaToRecover!: string | null;

  @ManyToMany(() => AdminUnit)
  @JoinTable({
    name: 'project_communes',
    joinColumn: { name: 'project_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'commune_id', referencedColumnName: 'id' },
  })
  communes?: Relation<AdminUnit>[];

  @OneToMany(() => Milestone, (m) => m.project)
  milestones?: Relation<Milestone>[];
}
