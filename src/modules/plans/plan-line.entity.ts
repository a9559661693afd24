import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Plan } from './plan.entity.js';

/** One computed line: how much, for what, how it was computed, under which basis. */
@Entity('plan_lines')
@Index(['planId', 'caseId', 'seq'])
export class PlanLine {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'uuid', name: 'plan_id' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<Plan>;

  @Column({ type: 'uuid', name: 'case_id' })
  caseId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 40 })
  category!: string;

  @Column({ type: 'varchar', length: 40, name: 'item_code' })
  itemCode!: string;

  @Column({ type: 'varchar', length: 500 })
  description!: string;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  quantity!: string;

  @Column({ type: 'varchar', length: 20 })
  unit!: string;

  @Column({ type: 'numeric', precision: 22, scale: 4, name: 'unit_price', nullable: true })
  unitPrice!: string | null;

  @Column({ type: 'numeric', precision: 22, scale: 4, nullable: true })
  amount!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  missing!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  inputs!: Record<string, string>;

  @Column({ type: 'text', default: '' })
  basis!: string;

  @Column({ type: 'uuid', name: 'source_id', nullable: true })
  sourceId!: string | null;
}
