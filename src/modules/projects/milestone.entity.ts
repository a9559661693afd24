import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { EditableEntity } from '../../core/database/base.entity.js';
import { Project } from './project.entity.js';

/** A dated target: by `dueDate`, `targetPercent` % of the project's area handed over ("70 % by 30/6/2024"). */
@Entity('milestones')
@Index(['projectId', 'dueDate'], { unique: true })
export class Milestone extends EditableEntity {
  @Column({ type: 'uuid', name: 'project_id' })
  projectId!: string;

  @ManyToOne(() => Project, (p) => p.milestones, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Column({ type: 'date', name: 'due_date' })
  dueDate!: string;

  @Column({ type: 'numeric', precision: 5, scale: 2, name: 'target_percent' })
  targetPercent!: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  label!: string;

  /** Where the target comes from (a directive, a conclusion of the district leader…). */
  @Column({ type: 'varchar', length: 500, default: '' })
  basis!: string;
}
