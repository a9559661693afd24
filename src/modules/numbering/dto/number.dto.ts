import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../../core/validation/validators.js';
import { type IssuedNumber, TYPE_CODES, type TypeCode } from '../issued-number.entity.js';

export class IssueNumberDto {
  @ApiProperty({ description: 'Cơ quan ban hành' }) @IsUUID() agencyId!: string;
  @ApiProperty({ enum: TYPE_CODES, description: 'Ký hiệu loại văn bản (Phụ lục III NĐ 30/2020)' })
  @IsIn(TYPE_CODES)
  typeCode!: TypeCode;
  @ApiProperty({ example: '2024-06-20' }) @IsCalendarDate() issuedOn!: string;
  @ApiProperty({ description: 'Trích yếu' }) @IsString() @IsNotEmpty() @MaxLength(500) subject!: string;
}

export class IssuedNumberDto {
  @ApiProperty() id!: string;
  @ApiProperty() agencyId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() number!: number;
  @ApiProperty({ example: '05/QĐ-UBND' }) formatted!: string;
  @ApiProperty() typeCode!: string;
  @ApiProperty() issuedOn!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: String, nullable: true }) entityType!: string | null;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
}

export const mapIssued = (n: IssuedNumber): IssuedNumberDto => ({
  id: n.id,
  agencyId: n.agencyId,
  year: n.year,
  number: n.number,
  formatted: n.formatted,
  typeCode: n.typeCode,
  issuedOn: n.issuedOn,
  subject: n.subject,
  entityType: n.entityType,
  entityId: n.entityId,
});
