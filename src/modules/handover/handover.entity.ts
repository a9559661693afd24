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

/**
 * Bàn giao mặt bằng: on a date, an area of one parcel handed over to the Center (partial handovers add up, never
 * beyond the recovered area). The progress figure leaders read is the sum of these as of any date.
 */
@Entity('handovers')
@Index(['projectId', 'handedOverOn'])
// A case's handovers by day, with the area (INCLUDE, built by the ProgressCaseDates migration): its handover
// dates (triggers) and its remaining area on the critical path, index-only.
@Index('IDX_handovers_case_day', { synchronize: false })
@Check('CHK_handovers_area_positive', '"area" > 0')
export class Handover {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'case_id' })
  caseId!: string;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  @Column({ type: 'uuid', name: 'project_id' })
  projectId!: string;

  @Column({ type: 'uuid', name: 'parcel_id' })
  parcelId!: string;

  @Column({ type: 'date', name: 'handed_over_on' })
  handedOverOn!: string;

  @Column({ type: 'numeric', precision: 14, scale: 4 })
  area!: string;

  /** Signed minutes (biên bản bàn giao mặt bằng), as an attachment of the case. */
  @Column({ type: 'uuid', name: 'minutes_attachment_id', nullable: true })
  minutesAttachmentId!: string | null;

  /** The biên bản bàn giao mặt bằng the system issued for the act this row belongs to. */
  @Column({ type: 'uuid', name: 'minutes_document_id', nullable: true })
  minutesDocumentId!: string | null;

  @Column({ type: 'boolean', default: false })
  enforced!: boolean;

  @Column({ type: 'uuid', name: 'recorded_by' })
  recordedBy!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;
}

/**
 * Area handed over per project, day, commune and batch (batch '' for none): the handovers added up by the triggers on
 * handovers and cases (ProgressCaseDates migration), so progress by commune and batch as of a date, and the daily
 * curve, read a few thousand rows instead of every handover. Never written by the app.
 */
@Entity('handover_days')
export class HandoverDay {
  @PrimaryColumn({ type: 'uuid', name: 'project_id', primaryKeyConstraintName: 'PK_handover_days' })
  projectId!: string;

  @PrimaryColumn({ type: 'date', name: 'handed_over_on', primaryKeyConstraintName: 'PK_handover_days' })
  handedOverOn!: string;

  @PrimaryColumn({ type: 'uuid', name: 'commune_id', primaryKeyConstraintName: 'PK_handover_days' })
  communeId!: string;

  @PrimaryColumn({ type: 'varchar', length: 20, default: '', primaryKeyConstraintName: 'PK_handover_days' })
  batch!: string;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  area!: string;
}
