import { Column, JoinColumn, ManyToOne, Entity, Index, type Relation } from 'typeorm';
import { Case } from '../cases/case.entity.js';
import { AdminUnit } from '../reference/admin-unit.entity.js';
import { EditableEntity } from '../../core/database/base.entity.js';

/** One land use inside a parcel (a parcel may hold several land types, each with its area). */
export interface ParcelLandUse {
  landTypeCode: string;
  area: string;
  recoveredArea: string;
}

/**
 * Thửa đất, keyed by commune + map sheet (số tờ) + parcel number (số thửa). The same parcel cannot be recovered
 * twice in one project (unique index). Areas are exact decimals in m², stored as numeric.
 */
@Entity('parcels')
@Index(['projectId', 'communeId', 'mapSheet', 'parcelNumber'], { unique: true })
@Index(['caseId'])
// Progress (issue 7) sums the recovered area per case of a project: with the area in the key the sum is an
// index-only scan already ordered by case (no hash table of 50,000 numeric sums).
@Index('parcels_project_case_area', ['projectId', 'caseId', 'recoveredArea'])
export class Parcel extends EditableEntity {
  @Column({ type: 'uuid', name: 'case_id' })
  caseId!: string;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  @Column({ type: 'uuid', name: 'project_id' })
  projectId!: string;

  @Column({ type: 'uuid', name: 'commune_id' })
  communeId!: string;

  @ManyToOne(() => AdminUnit)
  @JoinColumn({ name: 'commune_id' })
  commune?: Relation<AdminUnit>;

  @Column({ type: 'varchar', length: 12, name: 'map_sheet' })
  mapSheet!: string;

  @Index()
  @Column({ type: 'varchar', length: 12, name: 'parcel_number' })
  parcelNumber!: string;

  /** Main land-type code (TT 28/2014), e.g. ONT, LUC, CLN. */
  @Column({ type: 'varchar', length: 8, name: 'land_type_code' })
  landTypeCode!: string;

  @Column({ type: 'numeric', precision: 14, scale: 4, name: 'legal_area', nullable: true })
  legalArea!: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 4, name: 'measured_area' })
  measuredArea!: string;

  @Column({ type: 'numeric', precision: 14, scale: 4, name: 'recovered_area' })
  recoveredArea!: string;

  @Column({ type: 'jsonb', name: 'land_uses', default: () => "'[]'" })
  landUses!: ParcelLandUse[];

  /** Position / zone used for pricing (vị trí, khu vực), e.g. "VT1". */
  @Column({ type: 'varchar', length: 40, default: '' })
  position!: string;

  /** Nguồn gốc sử dụng đất as confirmed by the commune. */
  @Column({ type: 'varchar', length: 500, default: '' })
  origin!: string;

  /** Eligible for land compensation (đủ điều kiện bồi thường về đất). */
  @Column({ type: 'boolean', default: true })
  eligible!: boolean;

  @Column({ type: 'varchar', length: 40, name: 'certificate_number', default: '' })
  certificateNumber!: string;
}
