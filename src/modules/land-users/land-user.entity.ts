import { Check, Column, Entity, Index } from 'typeorm';
import { EditableEntity } from '../../core/database/base.entity.js';

export const LAND_USER_KINDS = ['household', 'individual', 'organisation'] as const;
export type LandUserKind = (typeof LAND_USER_KINDS)[number];

/** A household member (nhân khẩu): drives per-person support (procedure.md §8.4). */
export interface HouseholdMember {
  fullName: string;
  birthYear: number | null;
  relation: string;
  livesOnLand: boolean;
  farmsLand: boolean;
}

/**
 * Người sử dụng đất: a household, an individual or an organisation. One land user may have cases in several
 * projects and is found by CCCD. CCCD and address are personal data: only roles that need them see them.
 */
@Entity('land_users')
@Check('CHK_land_users_household_size', '"household_size" IS NULL OR "household_size" BETWEEN 1 AND 100')
export class LandUser extends EditableEntity {
  @Column({ type: 'varchar', length: 16 })
  kind!: LandUserKind;

  @Index()
  @Column({ type: 'varchar', length: 300, name: 'full_name' })
  fullName!: string;

  /** Căn cước công dân of the individual or household head; unique; null for organisations. */
  @Index({ unique: true, where: 'cccd IS NOT NULL' })
  @Column({ type: 'char', length: 12, nullable: true })
  cccd!: string | null;

  @Column({ type: 'integer', name: 'birth_year', nullable: true })
  birthYear!: number | null;

  @Column({ type: 'varchar', length: 500, default: '' })
  address!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  members!: HouseholdMember[];

  /**
   * Số nhân khẩu as declared (e.g. in an imported sheet) while the member list is not recorded; the list, when
   * recorded, counts instead (householdCount).
   */
  @Column({ type: 'integer', name: 'household_size', nullable: true })
  householdSize!: number | null;

  @Column({ type: 'boolean', name: 'poor_household', default: false })
  poorHousehold!: boolean;

  @Column({ type: 'boolean', name: 'policy_family', default: false })
  policyFamily!: boolean;

  @Column({ type: 'boolean', name: 'directly_farming', default: false })
  directlyFarming!: boolean;
}

/** How many people the household counts: its member list, or the declared size when there is no list. */
export const householdCount = (u: Pick<LandUser, 'members' | 'householdSize'>): number =>
  u.members.length > 0 ? u.members.length : (u.householdSize ?? 0);
