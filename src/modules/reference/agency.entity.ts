import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { AdminUnit } from './admin-unit.entity.js';

export const AGENCY_KINDS = [
  'land_fund_center', // Trung tâm Phát triển quỹ đất
  'people_committee', // UBND (tỉnh, huyện, xã)
  'land_office', // Phòng TN&MT
  'agriculture_office', // Phòng NN&PTNT
  'infrastructure_office', // Phòng KT&HT
  'finance_office', // Phòng TC-KH
  'home_affairs_office', // Phòng Nội vụ
  'investor', // Ban QLDA / chủ đầu tư
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** An issuing or working body. Documents are numbered per agency and year (NĐ 30/2020 Đ15). */
@Entity('agencies')
export class Agency {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: AgencyKind;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  /** Abbreviation used in document numbers, e.g. "UBND", "TTPTQĐ". */
  @Column({ type: 'varchar', length: 40, name: 'short_name' })
  shortName!: string;

  @Column({ type: 'uuid', name: 'admin_unit_id', nullable: true })
  adminUnitId!: string | null;

  @ManyToOne(() => AdminUnit, { nullable: true })
  @JoinColumn({ name: 'admin_unit_id' })
  adminUnit?: Relation<AdminUnit> | null;
}
