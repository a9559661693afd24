import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Case } from '../cases/case.entity.js';
import { Plan } from './plan.entity.js';

/** A case in a plan, with its totals and a fingerprint of the inputs it was computed from. */
@Entity('plan_cases')
@Index(['planId', 'caseId'], { unique: true })
@Index(['caseId'])
export class PlanCase {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'plan_id' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<Plan>;

  @Column({ type: 'uuid', name: 'case_id' })
  caseId!: string;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  /** Exact sum of compensation and support lines (may hold fractions of đồng before rounding). */
  @Column({ type: 'numeric', precision: 22, scale: 4 })
  gross!: string;

  @Column({ type: 'bigint' })
  net!: string;

  @Column({ type: 'bigint' })
  debt!: string;

  @Column({ type: 'boolean', name: 'missing_basis' })
  missingBasis!: boolean;

  /** SHA-256 of the case's pricing inputs: a recompute knows what changed. */
  @Column({ type: 'char', length: 64, name: 'input_hash' })
  inputHash!: string;

  /** gpmb_case_input_fingerprints at computation: a draft compares it with today's (null: computed before it). */
  @Column({ type: 'char', length: 32, name: 'input_fingerprint', nullable: true })
  inputFingerprint!: string | null;

  @Column({ type: 'integer', name: 'line_count' })
  lineCount!: number;

  /** Ý kiến at the consultation: agree | disagree | other | absent. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  opinion!: string | null;

  @Column({ type: 'text', name: 'opinion_note', default: '' })
  opinionNote!: string;

  /** A disagreement heard in a dialogue (biên bản đối thoại). */
  @Column({ type: 'boolean', name: 'dialogue_held', default: false })
  dialogueHeld!: boolean;

  /** "Số: 12/QĐ-UBND" of the case's recovery decision, issued with the approval (1019: same day). */
  @Column({ type: 'varchar', length: 60, name: 'recovery_number', nullable: true })
  recoveryNumber!: string | null;
}
