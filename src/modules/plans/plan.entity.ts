import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import type { PlanFinding } from './domain/plan-checks.js';
import { EditableEntity } from '../../core/database/base.entity.js';
import { PriceBook } from '../pricing/price-book.entity.js';
import { Project } from '../projects/project.entity.js';

export const PLAN_KINDS = ['original', 'supplement', 'adjustment'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/**
 * Phương án bồi thường, hỗ trợ, tái định cư for a set of cases (a batch or a commune). Computed from a price book
 * and a valuation date; while a draft it is recomputed when inventories or prices change. Totals are integer đồng.
 */
@Entity('plans')
@Index(['projectId', 'code'], { unique: true })
export class Plan extends EditableEntity {
  @Column({ type: 'uuid', name: 'project_id' })
  projectId!: string;

  @ManyToOne(() => Project)
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: PlanKind;

  @Column({ type: 'uuid', name: 'parent_plan_id', nullable: true })
  parentPlanId!: string | null;

  @Column({ type: 'varchar', length: 32 })
  status!: string;

  @Column({ type: 'uuid', name: 'price_book_id' })
  priceBookId!: string;

  @ManyToOne(() => PriceBook)
  @JoinColumn({ name: 'price_book_id' })
  priceBook?: Relation<PriceBook>;

  @Column({ type: 'integer', name: 'price_book_version' })
  priceBookVersion!: number;

  /** The date prices and parameters are taken at (V2013: the recovery decision; V2024: plan approval). */
  @Column({ type: 'date', name: 'valuation_date' })
  valuationDate!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  batch!: string | null;

  @Column({ type: 'uuid', name: 'commune_id', nullable: true })
  communeId!: string | null;

  /** Σ of the cases' compensation and support before deductions (exact, may hold fractions of đồng). */
  @Column({ type: 'numeric', precision: 22, scale: 4, default: '0' })
  gross!: string;

  @Column({ type: 'bigint', default: '0' })
  net!: string;

  @Column({ type: 'bigint', default: '0' })
  debt!: string;

  @Column({ type: 'integer', name: 'case_count', default: 0 })
  caseCount!: number;

  @Column({ type: 'integer', name: 'missing_basis_count', default: 0 })
  missingBasisCount!: number;

  @Column({ type: 'timestamptz', name: 'computed_at', nullable: true })
  computedAt!: Date | null;

  @Column({ type: 'date', name: 'posted_on', nullable: true })
  postedOn!: string | null;

  /** Where it is posted (trụ sở UBND xã, điểm sinh hoạt khu dân cư…). */
  @Column({ type: 'varchar', array: true, length: 200, name: 'posting_places', default: () => "'{}'" })
  postingPlaces!: string[];

  /** Sections that agreed in the current appraisal round, with who and when; reset when the plan is returned. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  appraisal!: Record<string, { outcome: 'agree'; by: string; on: string; comments: string }>;

  /** Comments of the last return (internal review or appraisal), shown on the draft. */
  @Column({ type: 'text', name: 'return_comments', default: '' })
  returnComments!: string;

  @Column({ type: 'date', name: 'approved_on', nullable: true })
  approvedOn!: string | null;

  /** "Số: 05/QĐ-UBND" of the approval decision. */
  @Column({ type: 'varchar', length: 60, name: 'approval_number', nullable: true })
  approvalNumber!: string | null;

  /** Σ line amounts per category, kept exact and updated incrementally on recompute (no scan of all lines). */
  @Column({ type: 'jsonb', name: 'category_totals', default: () => "'{}'" })
  categoryTotals!: Record<string, string>;

  /** The plan checks as of the last computation; blocking ones keep the plan in draft. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  findings!: PlanFinding[];
}
