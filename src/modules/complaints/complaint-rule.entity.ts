import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ComplaintKind } from './domain/complaint-machine.js';
import type { ComplaintRuleParams } from './domain/complaint-deadlines.js';

/** Complaint deadlines in force from a date, with their legal basis (procedure.md §12). A later rule is a new row. */
@Entity('complaint_rules')
export class ComplaintRuleRow {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  kind!: ComplaintKind;

  @PrimaryColumn({ type: 'date', name: 'effective_from' })
  effectiveFrom!: string;

  @Column({ type: 'varchar', length: 1000 })
  basis!: string;

  @Column({ type: 'jsonb' })
  params!: ComplaintRuleParams;
}
