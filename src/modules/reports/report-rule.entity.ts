import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Chế độ báo cáo: when a periodic report is due, dated with the document that set it (a later rule is a new row).
 * `quarterly`: due before day `dueBeforeDay` of the quarter's last month.
 */
@Entity('report_rules')
export class ReportRule {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  kind!: 'quarterly';

  @PrimaryColumn({ type: 'date', name: 'effective_from' })
  effectiveFrom!: string;

  @Column({ type: 'integer', name: 'due_before_day' })
  dueBeforeDay!: number;

  @Column({ type: 'varchar', length: 500 })
  basis!: string;
}
