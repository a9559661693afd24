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
import { EditableEntity } from '../../core/database/base.entity.js';
import { Case } from '../cases/case.entity.js';
import { Project } from '../projects/project.entity.js';
import { AdminUnit } from '../reference/admin-unit.entity.js';
import type { ComplaintAction, ComplaintKind, ComplaintState } from './domain/complaint-machine.js';

/**
 * Đơn thư: a complaint, denunciation or petition about a GPMB decision or plan line, received on a date through a
 * channel, held by an agency, with its steps (ComplaintEvent) and the key dates the deadlines are computed from.
 */
@Entity('complaints')
@Index(['projectId', 'state'])
@Index(['communeId', 'state'])
@Index(['caseId'])
export class Complaint extends EditableEntity {
  /** Số thụ lý / sổ tiếp nhận: DT-<year>-<seq> per year. */
  @Column({ type: 'varchar', length: 30, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: ComplaintKind;

  @Column({ type: 'varchar', length: 20 })
  state!: ComplaintState;

  @Column({ type: 'smallint', default: 1 })
  level!: 1 | 2;

  @Column({ type: 'uuid', name: 'project_id' })
  projectId!: string;

  @ManyToOne(() => Project)
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  /** The commune the complaint comes from: its officers see it, and its remote flag lengthens the deadlines. */
  @Column({ type: 'uuid', name: 'commune_id' })
  communeId!: string;

  @ManyToOne(() => AdminUnit)
  @JoinColumn({ name: 'commune_id' })
  commune?: Relation<AdminUnit>;

  @Column({ type: 'uuid', name: 'case_id', nullable: true })
  caseId!: string | null;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  @Column({ type: 'uuid', name: 'land_user_id', nullable: true })
  landUserId!: string | null;

  @Column({ type: 'varchar', length: 200, name: 'complainant_name' })
  complainantName!: string;

  /** Personal data: shown to the roles that need it only. */
  @Column({ type: 'varchar', length: 300, name: 'complainant_address', default: '' })
  complainantAddress!: string;

  @Column({ type: 'date', name: 'received_on' })
  receivedOn!: string;

  @Column({ type: 'varchar', length: 20 })
  channel!: string;

  /** What is complained about: the decision (document) and, for a plan, the disputed line. */
  @Column({ type: 'varchar', length: 30, name: 'subject_type' })
  subjectType!: string;

  @Column({ type: 'uuid', name: 'document_id', nullable: true })
  documentId!: string | null;

  /** The date the complainant received or learned of the decision (starts the 90-day limitation period). */
  @Column({ type: 'date', name: 'decision_received_on', nullable: true })
  decisionReceivedOn!: string | null;

  @Column({ type: 'uuid', name: 'plan_id', nullable: true })
  planId!: string | null;

  @Column({ type: 'bigint', name: 'plan_line_id', nullable: true })
  planLineId!: string | null;

  @Column({ type: 'text' })
  content!: string;

  /** The agency that must act (deadlines list): people_committee, commune_committee, land_fund_center, provincial_committee. */
  @Column({ type: 'varchar', length: 30 })
  agency!: string;

  @Column({ type: 'boolean', default: false })
  complex!: boolean;

  /** When the current level started: received (level 1) or appealed (level 2). */
  @Column({ type: 'date', name: 'level_received_on' })
  levelReceivedOn!: string;

  @Column({ type: 'date', name: 'accepted_on', nullable: true })
  acceptedOn!: string | null;

  /** The current level's decision. */
  @Column({ type: 'date', name: 'decided_on', nullable: true })
  decidedOn!: string | null;

  @Column({ type: 'varchar', length: 60, name: 'decision_number', nullable: true })
  decisionNumber!: string | null;

  /** upheld (đúng), partly_upheld (đúng một phần), rejected (sai). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome!: string | null;

  /** The first-level decision date (resolution time in the summary). */
  @Column({ type: 'date', name: 'first_decided_on', nullable: true })
  firstDecidedOn!: string | null;

  @Column({ type: 'date', name: 'closed_on', nullable: true })
  closedOn!: string | null;

  @Column({ type: 'integer', name: 'suspended_days', default: 0 })
  suspendedDays!: number;

  @Column({ type: 'date', name: 'suspended_since', nullable: true })
  suspendedSince!: string | null;

  @Column({ type: 'varchar', length: 20, name: 'state_before_suspension', nullable: true })
  stateBeforeSuspension!: ComplaintState | null;

  /**
   * A complaint does not stop the recovery (Luật Đất đai 2024 Đ237; procedure.md §12) unless a competent decision
   * suspends execution: recorded here, and enforcement on the case is refused while it stands.
   */
  @Column({ type: 'boolean', name: 'execution_suspended', default: false })
  executionSuspended!: boolean;

  @Column({ type: 'varchar', length: 300, name: 'execution_suspension_ref', nullable: true })
  executionSuspensionRef!: string | null;

  /** The draft adjusted plan opened by an upheld complaint on a plan line (its approval closes the loop). */
  @Column({ type: 'uuid', name: 'adjustment_plan_id', nullable: true })
  adjustmentPlanId!: string | null;

  @Column({ type: 'uuid', name: 'registered_by' })
  registeredBy!: string;
}

/** One dated step of a complaint, by whom, with its document. */
@Entity('complaint_events')
@Index(['complaintId', 'occurredOn'])
export class ComplaintEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'complaint_id' })
  complaintId!: string;

  @ManyToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id' })
  complaint?: Relation<Complaint>;

  @Column({ type: 'varchar', length: 30 })
  action!: ComplaintAction | 'register' | 'execution_suspended' | 'execution_resumed';

  @Column({ type: 'varchar', length: 20, name: 'from_state', nullable: true })
  fromState!: ComplaintState | null;

  @Column({ type: 'varchar', length: 20, name: 'to_state' })
  toState!: ComplaintState;

  @Column({ type: 'smallint' })
  level!: number;

  @Column({ type: 'date', name: 'occurred_on' })
  occurredOn!: string;

  /** On an acceptance: whether the case was found complex (longer resolution time), so the clock can be replayed. */
  @Column({ type: 'boolean', nullable: true })
  complex!: boolean | null;

  /** Number and date of the document of the step (thông báo thụ lý, biên bản đối thoại, quyết định …). */
  @Column({ type: 'varchar', length: 300, name: 'document_ref', default: '' })
  documentRef!: string;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ type: 'uuid', name: 'actor_id' })
  actorId!: string;

  @Column({ type: 'varchar', length: 30, name: 'actor_role' })
  actorRole!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;
}
