import { Column, Entity, PrimaryColumn } from 'typeorm';

export const LAND_GROUPS = ['agricultural', 'residential', 'other'] as const;
export type LandGroup = (typeof LAND_GROUPS)[number];

/**
 * Land-type codes (mã loại đất), versioned: TT 28/2014/TT-BTNMT now, TT 08/2024 later (procedure.md §11).
 * The group drives support rules: agricultural → stabilisation and job change; residential → resettlement.
 */
@Entity('land_types')
export class LandType {
  @PrimaryColumn({ type: 'varchar', length: 20, name: 'code_table' })
  codeTable!: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  group!: LandGroup;
}
