import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const DOCUMENT_TYPES = [
  'recovery_decision',
  'plan_approval',
  'inventory_minutes',
  'recovery_notice',
  'forced_survey_decision',
  'payment_notice',
  'handover_minutes',
  'enforcement_decision',
  'payment_list',
  'payment_list_workbook',
  'quarterly_report',
  'quarterly_report_workbook',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The signer as the document prints it: a deputy signs "KT." the head. */
export interface DocumentSigner {
  signatoryId: string;
  name: string;
  title: string;
  deputy: boolean;
}

/**
 * An issued document: its number and date, the record (and its version) it renders, and once a worker has rendered
 * it, the stored PDF with its SHA-256 and page count. A correction is a new document that names the one it replaces.
 */
@Entity('documents')
@Index(['entityType', 'entityId'])
@Index(['planId'])
export class DocumentRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: DocumentType;

  @Column({ type: 'varchar', length: 40, name: 'entity_type' })
  entityType!: string;

  @Column({ type: 'uuid', name: 'entity_id' })
  entityId!: string;

  @Column({ type: 'uuid', name: 'plan_id', nullable: true })
  planId!: string | null;

  @Column({ type: 'varchar', length: 60 })
  number!: string;

  @Column({ type: 'date', name: 'issued_on' })
  issuedOn!: string;

  /** Version of the rendered record when the document was issued (plan version). */
  @Column({ type: 'integer', name: 'record_version' })
  recordVersion!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: 'pending' | 'rendered' | 'failed';

  @Column({ type: 'varchar', length: 255, name: 'file_name' })
  fileName!: string;

  @Column({ type: 'varchar', length: 300, name: 'storage_key', nullable: true })
  storageKey!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ type: 'integer', name: 'page_count', nullable: true })
  pageCount!: number | null;

  @Column({ type: 'uuid', name: 'replaces_id', nullable: true })
  replacesId!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** Facts the document states that are not in the records (e.g. a notice's survey period), kept with it. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  facts!: Record<string, string>;

  /** Who signs it, chosen when it was issued (issue 18 §12); null for minutes, signed by their parties. */
  @Column({ type: 'jsonb', nullable: true })
  signer!: DocumentSigner | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'rendered_at', nullable: true })
  renderedAt!: Date | null;
}
