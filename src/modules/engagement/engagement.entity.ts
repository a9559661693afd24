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
import { Case } from '../cases/case.entity.js';

export const ENGAGEMENT_KINDS = ['propaganda_meeting', 'visit', 'dialogue', 'persuasion'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export const ENGAGEMENT_LABELS: Record<EngagementKind, string> = {
  propaganda_meeting: 'Họp tuyên truyền, phổ biến',
  visit: 'Đến gặp hộ',
  dialogue: 'Đối thoại',
  persuasion: 'Vận động, thuyết phục',
};

/** Nhật ký tuyên truyền, vận động: what was done with a household, when, by whom, with what outcome. */
@Entity('engagements')
@Index(['caseId', 'occurredOn'])
export class Engagement {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'case_id' })
  caseId!: string;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  @Column({ type: 'varchar', length: 32 })
  kind!: EngagementKind;

  @Column({ type: 'date', name: 'occurred_on' })
  occurredOn!: string;

  @Column({ type: 'varchar', array: true, length: 200, default: () => "'{}'" })
  officers!: string[];

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ type: 'uuid', name: 'recorded_by' })
  recordedBy!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;
}
