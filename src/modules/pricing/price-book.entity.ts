import { Column, Entity, Index } from 'typeorm';
import { EditableEntity } from '../../core/database/base.entity.js';
import type { PriceBookContent } from './domain/price-book.js';

export const PRICE_BOOK_STATUSES = ['draft', 'active', 'retired'] as const;
export type PriceBookStatus = (typeof PRICE_BOOK_STATUSES)[number];

/**
 * Bảng đơn giá và mức hỗ trợ: one issuing decision's prices and policy parameters, dated and cited. Drafts are
 * edited; activation validates the whole book and freezes it (a correction is a new book). Plans record the book
 * and the version they used.
 */
@Entity('price_books')
@Index(['code'], { unique: true })
export class PriceBook extends EditableEntity {
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** Số, ngày, cơ quan ban hành of the decision the prices come from. */
  @Column({ type: 'varchar', length: 100, name: 'decision_number' })
  decisionNumber!: string;

  @Column({ type: 'date', name: 'decision_date' })
  decisionDate!: string;

  @Column({ type: 'varchar', length: 200 })
  issuer!: string;

  @Column({ type: 'date', name: 'effective_from' })
  effectiveFrom!: string;

  @Column({ type: 'date', name: 'effective_to', nullable: true })
  effectiveTo!: string | null;

  /** Commune codes the book applies to; empty = the whole province. */
  @Column({ type: 'varchar', array: true, length: 32, name: 'commune_codes', default: () => "'{}'" })
  communeCodes!: string[];

  @Column({ type: 'varchar', length: 16 })
  status!: PriceBookStatus;

  /** Sample values (not a real decision): shown on every document priced with it. */
  @Column({ type: 'boolean', name: 'is_sample', default: false })
  isSample!: boolean;

  @Column({ type: 'jsonb' })
  content!: PriceBookContent;

  @Column({ type: 'timestamptz', name: 'activated_at', nullable: true })
  activatedAt!: Date | null;
}
