import { Column, Entity, PrimaryColumn } from 'typeorm';

export const HOLIDAY_KINDS = ['public', 'tet', 'compensatory', 'lunar_new_year', 'ethnic_traditional'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/**
 * Lịch nghỉ lễ: one row per day off (public holidays, Tết days, compensatory days) and, kind `lunar_new_year`, the
 * first day of the lunar year itself; kind `ethnic_traditional`, a traditional day of an ethnic group of the area
 * (not a day off, but no enforcement on it: LĐĐ 2024 Đ89 k1 b). Editable per year: the government
 * announces each year's Tết and swapped days.
 */
@Entity('holidays')
export class Holiday {
  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  kind!: HolidayKind;

  @Column({ type: 'varchar', length: 300, default: '' })
  basis!: string;
}
