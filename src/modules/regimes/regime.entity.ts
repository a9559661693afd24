import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseMachineDef } from './domain/case-machine.js';
import type { PlanMachineDef } from './domain/plan-machine.js';
import type { RuleBases } from '../compensation/domain/calculator.js';

/**
 * A procedure regime (procedure.md §2): the legal procedure a project's plans run under. Its states, transitions,
 * roles and deadlines are data (the workflow reads them), so a new regime is a new row plus its definition.
 */
@Entity('procedure_regimes')
export class Regime {
  /** e.g. "LS-1019-2258" (Lạng Sơn QĐ 1019/QĐ-UBND amended by QĐ 2258/QĐ-UBND, under the 2013 Land Law). */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'text', name: 'legal_basis' })
  legalBasis!: string;

  @Column({ type: 'date', name: 'effective_from' })
  effectiveFrom!: string;

  @Column({ type: 'date', name: 'effective_to', nullable: true })
  effectiveTo!: string | null;

  /** The case state machine: states, actions, roles, waits (see domain/case-machine.ts). */
  @Column({ type: 'jsonb', name: 'case_machine' })
  caseMachine!: CaseMachineDef;

  /** The plan workflow: states, actions, roles, rules (see domain/plan-machine.ts). */
  @Column({ type: 'jsonb', name: 'plan_machine' })
  planMachine!: PlanMachineDef;

  /**
   * The legal basis of the calculator's rules under this regime (deductions, resettlement plot, structure value, whole
   * đồng): a plan of the 2013 Land Law cites NĐ 47/2014, one of the 2024 law NĐ 88/2024 (issue 18 §11).
   */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  bases!: RuleBases;
}
