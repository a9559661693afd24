import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Plan } from './plan.entity.js';

/** A dated step of a plan's procedure, by whom, with what it carried (places, opinions, section, numbers). */
@Entity('plan_transitions')
@Index(['planId', 'recordedAt'])
export class PlanTransition {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'plan_id' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<Plan>;

  @Column({ type: 'varchar', length: 40 })
  action!: string;

  @Column({ type: 'varchar', length: 40, name: 'from_state' })
  fromState!: string;

  @Column({ type: 'varchar', length: 40, name: 'to_state' })
  toState!: string;

  @Column({ type: 'date', name: 'occurred_on' })
  occurredOn!: string;

  @Column({ type: 'uuid', name: 'actor_id' })
  actorId!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;
}
