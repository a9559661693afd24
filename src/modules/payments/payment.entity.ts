import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Case } from '../cases/case.entity.js';

export const PAYMENT_METHODS = ['cash', 'bank_transfer', 'treasury_deposit'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * Chi trả: one payment (or a deposit to the State Treasury holding account when the household refuses) against the
 * approved net amount of a case. Recorded once per Idempotency-Key, so a retried request never pays twice.
 */
@Entity('payments')
@Index(['caseId'])
@Check('CHK_payments_amount_positive', '"amount" > 0')
@Check('CHK_payments_principal_within_amount', '"principal" >= 0 AND "principal" <= "amount"')
export class Payment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'case_id' })
  caseId!: string;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  @Column({ type: 'uuid', name: 'plan_id' })
  planId!: string;

  @Column({ type: 'varchar', length: 20 })
  method!: PaymentMethod;

  /** Integer đồng handed over: `principal` of it settles the approved figure, the rest late amounts owed. */
  @Column({ type: 'bigint' })
  amount!: string;

  /** The part of `amount` that settles the approved figure (integer đồng); late amounts accrue on it only. */
  @Column({ type: 'bigint' })
  principal!: string;

  @Column({ type: 'date', name: 'paid_on' })
  paidOn!: string;

  @Column({ type: 'varchar', length: 60, name: 'voucher_number' })
  voucherNumber!: string;

  @Column({ type: 'varchar', length: 200 })
  recipient!: string;

  /** Tiền chậm trả accrued on this payment's principal (integer đồng, owed from then) and the days late. */
  @Column({ type: 'bigint', name: 'late_amount', default: '0' })
  lateAmount!: string;

  @Column({ type: 'integer', name: 'late_days', default: 0 })
  lateDays!: number;

  @Column({ type: 'jsonb', name: 'late_basis', default: () => "'[]'" })
  lateBasis!: { from: string; to: string; days: number; percentPerDay: string; basis: string }[];

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 100, name: 'idempotency_key' })
  idempotencyKey!: string;

  /** Fingerprint of the request, so the same key with another body is refused. */
  @Column({ type: 'char', length: 64, name: 'request_hash' })
  requestHash!: string;

  @Column({ type: 'uuid', name: 'recorded_by' })
  recordedBy!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;
}

/** Mức tính tiền chậm nộp (Luật Quản lý thuế), dated: the rate in force on each late day applies. */
@Entity('late_payment_rates')
export class LatePaymentRate {
  @PrimaryColumn({ type: 'date', name: 'effective_from' })
  effectiveFrom!: string;

  @Column({ type: 'numeric', precision: 8, scale: 4, name: 'percent_per_day' })
  percentPerDay!: string;

  @Column({ type: 'varchar', length: 300 })
  basis!: string;
}
