import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { LineCategory } from '../compensation/domain/calculator.js';
import { Plan } from './plan.entity.js';

/**
 * A line of a draft adjusted plan as a decision set it (an upheld complaint, procedure.md §12): every computation of
 * the plan applies it over the computed line, so a recompute keeps it. Linked to the complaint that asked for it.
 */
@Entity('plan_line_corrections')
@Index(['planId', 'caseId'])
@Index(['complaintId'])
export class PlanLineCorrection {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'plan_id' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<Plan>;

  @Column({ type: 'uuid', name: 'case_id' })
  caseId!: string;

  @Column({ type: 'varchar', length: 40 })
  category!: LineCategory;

  @Column({ type: 'varchar', length: 40, name: 'item_code' })
  itemCode!: string;

  @Column({ type: 'uuid', name: 'source_id', nullable: true })
  sourceId!: string | null;

  @Column({ type: 'varchar', length: 500 })
  description!: string;

  @Column({ type: 'varchar', length: 20 })
  unit!: string;

  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true })
  quantity!: string | null;

  @Column({ type: 'numeric', precision: 22, scale: 4, name: 'unit_price', nullable: true })
  unitPrice!: string | null;

  @Column({ type: 'varchar', length: 500 })
  basis!: string;

  /** The complaint whose decision this is (no foreign key: complaints belong to another context). */
  @Column({ type: 'uuid', name: 'complaint_id', nullable: true })
  complaintId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
