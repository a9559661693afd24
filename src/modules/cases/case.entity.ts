import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import type { PricingFacts } from '../compensation/domain/calculator.js';
import { EditableEntity } from '../../core/database/base.entity.js';
import { LandUser } from '../land-users/land-user.entity.js';
import { Project } from '../projects/project.entity.js';
import { AdminUnit } from '../reference/admin-unit.entity.js';

/**
 * Hồ sơ: one land user in one project (procedure.md §6.1). `state` is the case's milestone on the main line of the
 * regime's case machine; every change is a dated CaseTransition.
 */
@Entity('cases')
@Index(['projectId', 'landUserId'], { unique: true })
@Index(['projectId', 'state'])
@Index(['projectId', 'communeId'])
// Built by the migration (trigram search and name order); TypeORM must leave them alone.
@Index('cases_search_trgm', { synchronize: false })
@Index('cases_project_search', { synchronize: false })
// Progress counts a project's cases by stage from one index-only scan; the critical path walks the cases by
// recovered area, largest first (ProgressCaseDates migration).
@Index('cases_progress', { synchronize: false })
@Index('cases_remaining', { synchronize: false })
// No batch is NULL, never '' (handover_days keys "no batch" as '').
@Check('CHK_cases_batch_not_empty', `"batch" <> ''`)
export class Case extends EditableEntity {
  @Column({ type: 'uuid', name: 'project_id' })
  projectId!: string;

  @ManyToOne(() => Project)
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Column({ type: 'uuid', name: 'land_user_id' })
  landUserId!: string;

  @ManyToOne(() => LandUser)
  @JoinColumn({ name: 'land_user_id' })
  landUser?: Relation<LandUser>;

  /** The commune the case is handled in (its parcels' commune); drives commune officers' scope. */
  @Column({ type: 'uuid', name: 'commune_id' })
  communeId!: string;

  @ManyToOne(() => AdminUnit)
  @JoinColumn({ name: 'commune_id' })
  commune?: Relation<AdminUnit>;

  /** Đợt (batch) within the project, e.g. "1". */
  @Column({ type: 'varchar', length: 20, nullable: true })
  batch!: string | null;

  @Column({ type: 'varchar', length: 40 })
  state!: string;

  /**
   * First day an inventory of the case was signed (its first `inventory_signed` step), kept by a trigger on the
   * case's steps (see the migration), so progress counts inventoried households from the cases alone.
   */
  @Column({ type: 'date', name: 'inventory_signed_on', nullable: true, select: false, insert: false, update: false })
  inventorySignedOn!: string | null;

  /**
   * First day the case reached each later stage, kept by triggers on plans, plan lines per case, payments and
   * handovers (ProgressCaseDates migration), so "reached as of a date" is "date <= asOf" on the case alone: a plan with
   * the case approved; payments covering the net of a plan approved by then; a first handover; handovers adding up to
   * the recovered area; an enforced handover. Never written by the app.
   */
  @Column({ type: 'date', name: 'plan_approved_on', nullable: true, select: false, insert: false, update: false })
  planApprovedOn!: string | null;

  @Column({ type: 'date', name: 'paid_on', nullable: true, select: false, insert: false, update: false })
  paidOn!: string | null;

  /** First handover of any of its land: before it, the case's remaining area is its recovered area. */
  @Column({ type: 'date', name: 'first_handover_on', nullable: true, select: false, insert: false, update: false })
  firstHandoverOn!: string | null;

  @Column({ type: 'date', name: 'handed_over_on', nullable: true, select: false, insert: false, update: false })
  handedOverOn!: string | null;

  @Column({ type: 'date', name: 'enforced_on', nullable: true, select: false, insert: false, update: false })
  enforcedOn!: string | null;

  /**
   * While a decision suspends the execution because of a complaint (Luật Khiếu nại 2011 Đ35): "quyết định 40/QĐ-UBND
   * ngày 05/07/2026 (đơn KN-…)". The case then refuses the enforcement decision and the enforcement act. Written only
   * by CasesService.setExecutionSuspension, for the complaints service.
   */
  @Column({
    type: 'varchar',
    length: 400,
    name: 'execution_suspended_by',
    nullable: true,
    insert: false,
    update: false,
  })
  executionSuspendedBy!: string | null;

  /** Date the recovery notice (thông báo thu hồi đất) was delivered: starts the 90/180-day notice period. */
  @Column({ type: 'date', name: 'notice_delivered_on', nullable: true })
  noticeDeliveredOn!: string | null;

  @Column({ type: 'text', default: '' })
  note!: string;

  /** Facts for pricing the Center records: relocation, land in use, obligations, resettlement choice. */
  @Column({ type: 'jsonb', name: 'pricing_facts', default: () => "'{}'" })
  pricingFacts!: PricingFacts;

  /**
   * Accent-folded name, CCCD and parcel numbers ("nguyen van a 001… 85 86"), kept by the service on every write,
   * so "search by name, CCCD or parcel" is one trigram-indexed LIKE (see the migration).
   */
  @Column({ type: 'text', name: 'search_text', default: '', select: false })
  searchText!: string;

  /**
   * Sum of the case's parcels' recovered area (m²), kept by the parcels trigger (see the migration), so progress over
   * a 100,000-parcel project reads one column per case instead of summing parcels. Never written by the app.
   */
  @Column({
    type: 'numeric',
    precision: 16,
    scale: 4,
    name: 'recovered_area',
    default: 0,
    select: false,
    insert: false,
    update: false,
  })
  recoveredArea!: string;

  /** The land user's flags, copied by the same triggers, so list filters need no join (see the migration). */
  @Column({ type: 'boolean', name: 'poor_household', default: false, select: false })
  poorHousehold!: boolean;

  @Column({ type: 'boolean', name: 'policy_family', default: false, select: false })
  policyFamily!: boolean;

  @Column({ type: 'boolean', name: 'directly_farming', default: false, select: false })
  directlyFarming!: boolean;
}
