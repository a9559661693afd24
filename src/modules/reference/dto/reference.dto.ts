import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate, Optional } from '../../../core/validation/validators.js';
import type { AdminUnit } from '../admin-unit.entity.js';
import type { Agency } from '../agency.entity.js';

export class CommuneDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ description: 'xã / thị trấn' }) kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Vùng sâu, vùng xa (thời hạn giải quyết khiếu nại dài hơn)' }) remote!: boolean;
  @ApiProperty({ type: String, nullable: true }) remoteBasis!: string | null;
}

export class AgencyDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty() shortName!: string;
}

export const mapCommune = (c: AdminUnit): CommuneDto => ({
  id: c.id,
  code: c.code,
  kind: c.kind,
  name: c.name,
  remote: c.remote,
  remoteBasis: c.remoteBasis,
});

export const mapAgency = (a: Agency): AgencyDto => ({
  id: a.id,
  code: a.code,
  kind: a.kind,
  name: a.name,
  shortName: a.shortName,
});

/**
 * The body whose head signs the document a step issues (its deputies may sign for them): what the step's form lists
 * signers from (`GET /signatories?agency=…&on=…`).
 */
export class SignerChoiceDto {
  @ApiProperty({ example: 'UBND-CL' }) agencyCode!: string;
  @ApiProperty({ example: 'Ủy ban nhân dân huyện Cao Lộc' }) agencyName!: string;
}

/** Which body issues documents of a kind for a place (a commune or the district): what a form asks before it issues. */
export class IssuerQueryDto {
  @ApiProperty({ enum: ['people_committee', 'land_fund_center'], description: 'UBND hoặc Trung tâm PTQĐ' })
  @IsIn(['people_committee', 'land_fund_center'])
  kind!: 'people_committee' | 'land_fund_center';
  @ApiProperty({ description: 'Xã (hoặc huyện) của hồ sơ, dự án' }) @IsUUID() placeId!: string;
}

/** A land type of the code table in use (Thông tư 28/2014/TT-BTNMT): what a parcel's land type is chosen from. */
export class LandTypeDto {
  @ApiProperty({ example: 'ONT' }) code!: string;
  @ApiProperty({ example: 'Đất ở tại nông thôn' }) name!: string;
  @ApiProperty({ example: 'residential', description: 'Nhóm đất' }) group!: string;
}

/** Who signs for a body over a term (Chủ tịch, Phó Chủ tịch, Giám đốc…), as the signature block prints it. */
export class SignatoryDto {
  @ApiProperty() id!: string;
  @ApiProperty() agencyId!: string;
  @ApiProperty({ example: 'Ủy ban nhân dân huyện Cao Lộc' }) agencyName!: string;
  @ApiProperty({ example: 'Hoàng Văn Minh' }) fullName!: string;
  @ApiProperty({ example: 'Chủ tịch' }) title!: string;
  @ApiProperty({ description: 'Cấp phó ký thay (KT.) người đứng đầu' }) deputy!: boolean;
  @ApiProperty({ example: '2021-06-28' }) effectiveFrom!: string;
  @ApiProperty({ type: String, nullable: true }) effectiveTo!: string | null;
  @ApiProperty({ description: 'Văn bản giao chức vụ (nghị quyết bầu, quyết định bổ nhiệm, phân công)' }) basis!: string;
}

export class SignatoryQueryDto {
  @ApiPropertyOptional({ description: 'Mã cơ quan (UBND-CL, TTPTQD-CL…)' })
  @Optional()
  @IsString()
  @MaxLength(40)
  agency?: string;
  @ApiPropertyOptional({ example: '2024-08-28', description: 'Chỉ những người giữ chức vào ngày này' })
  @Optional()
  @IsCalendarDate()
  on?: string;
}

export class CreateSignatoryDto {
  @ApiProperty({ example: 'UBND-CL', description: 'Mã cơ quan' }) @IsString() @MaxLength(40) agency!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(120) fullName!: string;
  @ApiProperty({ example: 'Phó Chủ tịch' }) @IsString() @IsNotEmpty() @MaxLength(80) title!: string;
  @ApiProperty() @IsBoolean() deputy!: boolean;
  @ApiProperty({ example: '2024-01-01' }) @IsCalendarDate() effectiveFrom!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @Optional() @IsCalendarDate() effectiveTo?: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) basis!: string;
}

export class EndSignatoryTermDto {
  @ApiProperty({ example: '2026-06-30', description: 'Ngày cuối cùng giữ chức' })
  @IsCalendarDate()
  effectiveTo!: string;
}
