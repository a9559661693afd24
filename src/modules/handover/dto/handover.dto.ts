import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsDecimalArea, Optional } from '../../../core/validation/validators.js';

export class HandoverParcelDto {
  @ApiProperty() @IsUUID() parcelId!: string;
  @ApiProperty({ example: '120.5', description: 'Diện tích bàn giao (m²)' }) @IsDecimalArea() area!: string;
}

export class RecordHandoverDto {
  @ApiProperty({ example: '2024-06-15' }) @IsCalendarDate() handedOverOn!: string;
  @ApiProperty({ type: [HandoverParcelDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => HandoverParcelDto)
  parcels!: HandoverParcelDto[];
  @ApiPropertyOptional({ description: 'Biên bản bàn giao đã ký (tệp đính kèm của hồ sơ)' })
  @Optional()
  @IsUUID()
  minutesAttachmentId?: string;
  @ApiPropertyOptional({ description: 'Bàn giao sau cưỡng chế' }) @Optional() @IsBoolean() enforced?: boolean;
}

export class HandoverStateDto {
  @ApiProperty() caseId!: string;
  @ApiProperty({ description: 'Diện tích thu hồi (m²)' }) recovered!: string;
  @ApiProperty({ description: 'Đã bàn giao (m²)' }) handedOver!: string;
  @ApiProperty() complete!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Vì sao chưa nhận bàn giao được (null: nhận được)' })
  blockedBy!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) records!: {
    parcelId: string;
    handedOverOn: string;
    area: string;
    enforced: boolean;
    minutesDocumentId: string | null;
  }[];
  @ApiPropertyOptional({
    type: 'object',
    nullable: true,
    description: 'Thưởng bàn giao sớm (khi hộ đã nhận đủ tiền và bàn giao xong)',
    additionalProperties: true,
  })
  earlyHandoverBonus!: { eligible: boolean; amount: string; days: number; explanation: string; basis: string } | null;
}

export class EarlyHandoverBonusLineDto {
  @ApiProperty() caseId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ description: 'Tiền thưởng (đồng)' }) amount!: string;
  @ApiProperty({ description: 'Tổng bồi thường, hỗ trợ làm căn cứ (đồng)' }) compensation!: string;
  @ApiProperty() paidOn!: string;
  @ApiProperty() handedOverOn!: string;
  @ApiProperty() days!: number;
  @ApiProperty() basis!: string;
  @ApiProperty() explanation!: string;
}

export class EarlyHandoverBonusesDto {
  @ApiProperty() planId!: string;
  @ApiProperty() eligibleCount!: number;
  @ApiProperty({ description: 'Tổng tiền thưởng (đồng)' }) total!: string;
  @ApiProperty({ type: [EarlyHandoverBonusLineDto] }) lines!: EarlyHandoverBonusLineDto[];
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class EnforcementCheckQueryDto {
  @ApiProperty({ example: '2025-03-05' }) @IsCalendarDate() date!: string;
  @ApiProperty({ example: '07:30', description: 'Giờ bắt đầu (HH:MM)' })
  @Matches(HHMM, { message: 'Giờ phải theo dạng HH:MM (ví dụ 07:30).' })
  time!: string;
}

export class RecordEnforcementDto {
  @ApiProperty({ example: '2025-03-05', description: 'Ngày tổ chức cưỡng chế' }) @IsCalendarDate() enforcedOn!: string;
  @ApiProperty({ example: '07:30', description: 'Giờ bắt đầu (HH:MM)' })
  @Matches(HHMM, { message: 'Giờ phải theo dạng HH:MM (ví dụ 07:30).' })
  startTime!: string;
  @ApiProperty({ example: '03/BB-BCC', description: 'Số biên bản cưỡng chế' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  minutesRef!: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(1000) note?: string;
}

export class EnforcementRefusalDto {
  @ApiProperty({ enum: ['ENFORCEMENT.NIGHT', 'ENFORCEMENT.HOLIDAY', 'ENFORCEMENT.NEAR_TET'] }) code!: string;
  @ApiProperty() message!: string;
}

export class EnforcementCheckDto {
  @ApiProperty() date!: string;
  @ApiProperty() time!: string;
  @ApiProperty() allowed!: boolean;
  @ApiProperty({ type: [EnforcementRefusalDto] }) refusals!: EnforcementRefusalDto[];
  @ApiProperty({ description: 'Căn cứ pháp lý của lịch cưỡng chế' }) basis!: string;
}
