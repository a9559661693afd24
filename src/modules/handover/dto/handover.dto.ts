import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsDecimalArea } from '../../../core/validation/validators.js';

export class HandoverParcelDto {
  @ApiProperty() @IsUUID() parcelId!: string;
  @ApiProperty({ example: '120.5', description: 'Diện tích bàn giao (m²)' }) @IsDecimalArea() area!: string;
}

export class RecordHandoverDto {
  @ApiProperty({ example: '2024-06-15' }) @IsCalendarDate() handedOverOn!: string;
  @ApiProperty({ type: [HandoverParcelDto] }) @IsArray() @ArrayNotEmpty() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => HandoverParcelDto) parcels!: HandoverParcelDto[];
  @ApiPropertyOptional({ description: 'Biên bản bàn giao đã ký (tệp đính kèm của hồ sơ)' }) @IsOptional() @IsUUID() minutesAttachmentId?: string;
  @ApiPropertyOptional({ description: 'Bàn giao sau cưỡng chế' }) @IsOptional() @IsBoolean() enforced?: boolean;
}

export class HandoverStateDto {
  @ApiProperty() caseId!: string;
  @ApiProperty({ description: 'Diện tích thu hồi (m²)' }) recovered!: string;
  @ApiProperty({ description: 'Đã bàn giao (m²)' }) handedOver!: string;
  @ApiProperty() complete!: boolean;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) records!: { parcelId: string; handedOverOn: string; area: string; enforced: boolean }[];
}
