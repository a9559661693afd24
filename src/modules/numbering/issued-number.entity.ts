import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const TYPE_CODES = ['QĐ', 'TB', 'TTr', 'BC', 'BB', 'KH', 'PA', 'DS'] as const;
export type TypeCode = (typeof TYPE_CODES)[number];

/** The running number per issuing body and year (NĐ 30/2020 Đ15: from 01 on 1 January). */
@Entity('number_counters')
export class NumberCounter {
  @PrimaryColumn({ type: 'uuid', name: 'agency_id' })
  agencyId!: string;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer', name: 'last_number' })
  lastNumber!: number;
}

/** Sổ đăng ký văn bản đi: every number given, to what, when. Never edited. */
@Entity('issued_numbers')
@Index(['agencyId', 'year', 'number'], { unique: true })
export class IssuedNumber {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'agency_id' })
  agencyId!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'varchar', length: 8, name: 'type_code' })
  typeCode!: TypeCode;

  /** "05/QĐ-UBND" */
  @Column({ type: 'varchar', length: 60 })
  formatted!: string;

  @Column({ type: 'date', name: 'issued_on' })
  issuedOn!: string;

  @Column({ type: 'varchar', length: 500 })
  subject!: string;

  @Column({ type: 'varchar', length: 40, name: 'entity_type', nullable: true })
  entityType!: string | null;

  @Column({ type: 'uuid', name: 'entity_id', nullable: true })
  entityId!: string | null;

  @Column({ type: 'uuid', name: 'issued_by', nullable: true })
  issuedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;
}
