import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Agency } from './agency.entity.js';

/**
 * Who signs for a body, and when (issue 18 §12): the head (Chủ tịch UBND, Giám đốc Trung tâm) and the deputies who
 * sign on the head's behalf ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", NĐ 30/2020 Phụ lục I). Dated data with the act that gave
 * the office: a document is signed by whoever holds it on its date, never by the user who pressed the button. A
 * document keeps the signer chosen when it was issued.
 */
@Entity('signatories')
@Index('IDX_signatories_agency_name_from', ['agencyId', 'fullName', 'effectiveFrom'], { unique: true })
@Check('CHK_signatories_term', '"effective_to" IS NULL OR "effective_to" >= "effective_from"')
@Check('CHK_signatories_name', `btrim("full_name") <> '' AND btrim("title") <> '' AND btrim("basis") <> ''`)
export class Signatory {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'agency_id' })
  agencyId!: string;

  @ManyToOne(() => Agency)
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'FK_signatories_agency' })
  agency?: Relation<Agency>;

  @Column({ type: 'varchar', length: 120, name: 'full_name' })
  fullName!: string;

  /** The office as the signature block prints it: "Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc". */
  @Column({ type: 'varchar', length: 80 })
  title!: string;

  /** A deputy signs "KT." (ký thay) the head. */
  @Column({ type: 'boolean' })
  deputy!: boolean;

  @Column({ type: 'date', name: 'effective_from' })
  effectiveFrom!: string;

  @Column({ type: 'date', name: 'effective_to', nullable: true })
  effectiveTo!: string | null;

  /** The act that gave the office (nghị quyết bầu, quyết định bổ nhiệm, phân công). */
  @Column({ type: 'varchar', length: 300 })
  basis!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
