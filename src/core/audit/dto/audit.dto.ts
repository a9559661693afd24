import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { AuditEntry } from '../audit-entry.entity.js';
import { Optional } from '../../validation/validators.js';

export class AuditQueryDto {
  @ApiProperty({ example: 'project', description: 'Loại bản ghi (project, milestone, parcel, case, …)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  entity!: string;

  @ApiProperty({ description: 'Mã bản ghi' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  id!: string;

  @ApiPropertyOptional({ description: 'Chỉ các thay đổi của trường này (ví dụ recoveredArea)' })
  @Optional()
  @IsString()
  @MaxLength(64)
  field?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @Optional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'Phân trang: các dòng có số thứ tự nhỏ hơn giá trị này' })
  @Optional()
  @Matches(/^\d{1,18}$/)
  before?: string;
}

export class FieldChangeDto {
  @ApiProperty() field!: string;
  @ApiProperty({ nullable: true, description: 'Giá trị trước' }) from!: unknown;
  @ApiProperty({ nullable: true, description: 'Giá trị sau' }) to!: unknown;
}

export class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorUsername!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ type: [FieldChangeDto] }) changes!: FieldChangeDto[];
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
}

export const mapAuditEntry = (a: AuditEntry): AuditEntryDto => ({
  id: String(a.id),
  at: a.at.toISOString(),
  actorId: a.actorId,
  actorUsername: a.actorUsername,
  action: a.action,
  entityType: a.entityType,
  entityId: a.entityId,
  changes: a.changes,
  requestId: a.requestId,
});
