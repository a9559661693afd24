import {
  Column,
  JoinColumn,
  ManyToOne,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Case } from '../cases/case.entity.js';

export const ATTACHMENT_OWNERS = ['case', 'inventory', 'case_transition', 'complaint', 'complaint_event'] as const;
export type AttachmentOwner = (typeof ATTACHMENT_OWNERS)[number];

/** A signed scan (PDF, JPEG, PNG) attached to a case, an inventory, a transition or a complaint. Stored by content hash. */
@Entity('attachments')
@Index(['ownerType', 'ownerId'])
export class Attachment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20, name: 'owner_type' })
  ownerType!: AttachmentOwner;

  @Column({ type: 'uuid', name: 'owner_id' })
  ownerId!: string;

  /** The case the owner belongs to (for commune scope); null for a complaint not tied to a case. */
  @Index()
  @Column({ type: 'uuid', name: 'case_id', nullable: true })
  caseId!: string | null;

  /** The complaint the owner belongs to (its commune scopes the file). */
  @Index()
  @Column({ type: 'uuid', name: 'complaint_id', nullable: true })
  complaintId!: string | null;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  @Column({ type: 'varchar', length: 255, name: 'file_name' })
  fileName!: string;

  /** Detected from the content, not taken from the client. */
  @Column({ type: 'varchar', length: 64, name: 'media_type' })
  mediaType!: string;

  @Column({ type: 'bigint', name: 'size_bytes' })
  sizeBytes!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'varchar', length: 300, name: 'storage_key' })
  storageKey!: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  description!: string;

  @Column({ type: 'uuid', name: 'uploaded_by' })
  uploadedBy!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'uploaded_at' })
  uploadedAt!: Date;
}
