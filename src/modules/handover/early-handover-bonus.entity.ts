import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Thưởng bàn giao mặt bằng sớm, computed when a household paid in full completes its handover: the line the Center
 * puts in the bonus decision (or the reason there is none), with the price book's rule and the figures it used.
 */
@Entity('early_handover_bonuses')
@Index(['planId'])
export class EarlyHandoverBonusLine {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'uuid', name: 'case_id' })
  caseId!: string;

  /** The approved plan whose lines give the compensation (the latest approved figure of the case). */
  @Column({ type: 'uuid', name: 'plan_id' })
  planId!: string;

  @Column({ type: 'boolean' })
  eligible!: boolean;

  /** Integer đồng. */
  @Column({ type: 'bigint' })
  amount!: string;

  /** Compensation and support the bonus is a share of: the plan lines' exact sum (đồng, before rounding). */
  @Column({ type: 'numeric', precision: 18, scale: 4 })
  compensation!: string;

  @Column({ type: 'date', name: 'paid_on' })
  paidOn!: string;

  @Column({ type: 'date', name: 'handed_over_on' })
  handedOverOn!: string;

  @Column({ type: 'integer' })
  days!: number;

  @Column({ type: 'jsonb' })
  inputs!: Record<string, string>;

  @Column({ type: 'varchar', length: 500 })
  basis!: string;

  @Column({ type: 'text' })
  explanation!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
