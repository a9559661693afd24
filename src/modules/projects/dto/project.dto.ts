import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { trimDecimal } from '../../../shared/decimal.js';
import { IsCalendarDate, IsDecimalArea, IsPercent, Optional } from '../../../core/validation/validators.js';
import type { Milestone } from '../milestone.entity.js';
import { type Project, RECOVERY_GROUNDS, type RecoveryGround } from '../project.entity.js';

export class CreateProjectDto {
  @ApiProperty({ example: 'CT-HNCL', description: 'Mã dự án (duy nhất)' })
  @Matches(/^[A-Z0-9][A-Z0-9._-]{1,39}$/, {
    message: 'VI:Mã dự án gồm chữ in hoa, số, dấu chấm, gạch ngang; 2–40 ký tự.',
  })
  code!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  name!: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ description: 'Chủ đầu tư (agency of kind investor)' })
  @IsUUID()
  investorAgencyId!: string;

  @ApiProperty({ enum: RECOVERY_GROUNDS, description: 'Căn cứ thu hồi: Điều 61 hoặc Điều 62 Luật Đất đai 2013' })
  @IsIn(RECOVERY_GROUNDS)
  recoveryGround!: RecoveryGround;

  @ApiPropertyOptional({ description: 'Các văn bản làm căn cứ (chủ trương đầu tư, kế hoạch sử dụng đất…)' })
  @Optional()
  @IsString()
  @MaxLength(5000)
  legalBasis?: string;

  @ApiProperty({ example: 'LS-1019-2258' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  regimeCode!: string;

  @ApiPropertyOptional({ example: '125000.5', description: 'Diện tích cần thu hồi (m²), số thập phân dạng chuỗi' })
  @Optional()
  @IsDecimalArea()
  areaToRecover?: string;

  @ApiProperty({ type: [String], description: 'Các xã có đất thu hồi' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  communeIds!: string[];
}

export class UpdateProjectDto {
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional() @Optional() @IsString() @IsNotEmpty() @MaxLength(500) name?: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional() @Optional() @IsUUID() investorAgencyId?: string;
  @ApiPropertyOptional({ enum: RECOVERY_GROUNDS }) @Optional() @IsIn(RECOVERY_GROUNDS) recoveryGround?: RecoveryGround;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(5000) legalBasis?: string;
  @ApiPropertyOptional() @Optional() @IsString() @IsNotEmpty() @MaxLength(40) regimeCode?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsDecimalArea() areaToRecover?: string;
  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  communeIds?: string[];
}

export class CreateMilestoneDto {
  @ApiProperty({ example: '2024-06-30' }) @IsCalendarDate() dueDate!: string;
  @ApiProperty({ example: '70', description: 'Tỷ lệ diện tích đã bàn giao mục tiêu (%)' })
  @IsPercent()
  targetPercent!: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(300) label?: string;
  @ApiPropertyOptional({ description: 'Nguồn của mục tiêu (chỉ thị, kết luận…)' })
  @Optional()
  @IsString()
  @MaxLength(500)
  basis?: string;
}

export class UpdateMilestoneDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @Optional() @IsCalendarDate() dueDate?: string;
  @ApiPropertyOptional() @Optional() @IsPercent() targetPercent?: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(300) label?: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(500) basis?: string;
}

export class MilestoneDto {
  @ApiProperty() id!: string;
  @ApiProperty() dueDate!: string;
  @ApiProperty() targetPercent!: string;
  @ApiProperty() label!: string;
  @ApiProperty() basis!: string;
  @ApiProperty() version!: number;
}

export class CommuneRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class ProjectDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() investorAgencyId!: string;
  @ApiProperty() investorName!: string;
  @ApiProperty({ enum: RECOVERY_GROUNDS }) recoveryGround!: RecoveryGround;
  @ApiProperty() legalBasis!: string;
  @ApiProperty() regimeCode!: string;
  @ApiProperty() regimeName!: string;
  @ApiProperty({ type: String, nullable: true }) areaToRecover!: string | null;
  @ApiProperty({ type: [CommuneRefDto] }) communes!: CommuneRefDto[];
  @ApiProperty({ type: [MilestoneDto] }) milestones!: MilestoneDto[];
  @ApiProperty() version!: number;
  @ApiProperty() updatedAt!: string;
}

export const mapMilestone = (m: Milestone): MilestoneDto => ({
  id: m.id,
  dueDate: m.dueDate,
  targetPercent: trimDecimal(m.targetPercent),
  label: m.label,
  basis: m.basis,
  version: m.version,
});

export const mapProject = (p: Project): ProjectDto => ({
  id: p.id,
  code: p.code,
  name: p.name,
  description: p.description,
  investorAgencyId: p.investorAgencyId,
  investorName: p.investor?.name ?? '',
  recoveryGround: p.recoveryGround,
  legalBasis: p.legalBasis,
  regimeCode: p.regimeCode,
  regimeName: p.regime?.name ?? '',
  areaToRecover: p.areaToRecover === null ? null : trimDecimal(p.areaToRecover),
  communes: (p.communes ?? [])
    .map((c) => ({ id: c.id, code: c.code, name: c.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  milestones: (p.milestones ?? []).map(mapMilestone).sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
  version: p.version,
  updatedAt: p.updatedAt.toISOString(),
});
