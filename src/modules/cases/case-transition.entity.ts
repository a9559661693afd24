import {
  Column,
  JoinColumn,
  ManyToOne,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Case } from './case.entity.js';

/** A dated step in a case's life: who, when (legal date and recording time), under which document. Never edited. */
@Entity('case_transitions')
@Index(['caseId', 'recordedAt'])
export class CaseTransition {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'case_id' })
  caseId!: string;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  @Column({ type: 'varchar', length: 40 })
  action!: string;

  @Column({ type: 'varchar', length: 40, name: 'from_state' })
  fromState!: string;

  @Column({ type: 'varchar', length: 40, name: 'to_state' })
  toState!: string;

  /** The legal date of the act (e.g. the date on the biên bản), which deadlines count from. */
  @Column({ type: 'date', name: 'occurred_on' })
  occurredOn!: string;

  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 200, name: 'document_ref', default: '' })
  documentRef!: string;

  @Column({ type: 'text', default: '' })
  note!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;
}
