import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { HOLIDAY_KINDS, type Holiday, type HolidayKind } from '../holiday.entity.js';
import { Optional } from '../../../core/validation/validators.js';

export class PutHolidayDto {
  @ApiProperty({ example: 'Tết Nguyên đán' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ enum: HOLIDAY_KINDS }) @IsIn(HOLIDAY_KINDS) kind!: HolidayKind;
  @ApiPropertyOptional({ description: 'Văn bản thông báo nghỉ' })
  @Optional()
  @IsString()
  @MaxLength(300)
  basis?: string;
}

export class HolidayDto {
  @ApiProperty() date!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: HOLIDAY_KINDS }) kind!: HolidayKind;
  @ApiProperty() basis!: string;
}

export const mapHoliday = (h: Holiday): HolidayDto => ({ date: h.date, name: h.name, kind: h.kind, basis: h.basis });
