import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCalendarDate, Optional } from '../../../core/validation/validators.js';
import type { PriceBookContent } from '../domain/price-book.js';
import { PRICE_BOOK_STATUSES, type PriceBook, type PriceBookStatus } from '../price-book.entity.js';

const CONTENT_DOC =
  'Nội dung bảng giá: { landPrices[], structures[], crops[], livestock[], graves[], moving[], policy{} } — xem src/modules/pricing/domain/price-book.ts. ' +
  'Số tiền là số nguyên đồng dạng chuỗi; mỗi mục có căn cứ (basis).';

export class CreatePriceBookDto {
  @ApiProperty({ example: 'LS-2024-01' })
  @Matches(/^[A-Z0-9][A-Z0-9._-]{1,39}$/, { message: 'VI:Mã bảng giá gồm chữ in hoa, số, dấu chấm, gạch ngang.' })
  code!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) name!: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(5000) description?: string;
  @ApiProperty({ example: '12/2024/QĐ-UBND' }) @IsString() @IsNotEmpty() @MaxLength(100) decisionNumber!: string;
  @ApiProperty({ example: '2024-01-15' }) @IsCalendarDate() decisionDate!: string;
  @ApiProperty({ example: 'UBND tỉnh Lạng Sơn' }) @IsString() @IsNotEmpty() @MaxLength(200) issuer!: string;
  @ApiProperty() @IsCalendarDate() effectiveFrom!: string;
  @ApiPropertyOptional() @Optional() @IsCalendarDate() effectiveTo?: string;
  @ApiPropertyOptional({ type: [String], description: 'Mã xã áp dụng; để trống = toàn tỉnh' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  communeCodes?: string[];
  @ApiPropertyOptional({ description: 'Số liệu mẫu, không phải quyết định thật' })
  @Optional()
  @IsBoolean()
  isSample?: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true, description: CONTENT_DOC })
  @IsObject()
  content!: PriceBookContent;
}

export class UpdatePriceBookDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @Optional() @IsString() @IsNotEmpty() @MaxLength(300) name?: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional() @Optional() @IsCalendarDate() effectiveTo?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: CONTENT_DOC })
  @Optional()
  @IsObject()
  content?: PriceBookContent;
}

export class VersionDto {
  @ApiProperty({ description: 'Phiên bản đang thao tác' }) @IsInt() @Min(1) version!: number;
}

export class PriceBookDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() decisionNumber!: string;
  @ApiProperty() decisionDate!: string;
  @ApiProperty() issuer!: string;
  @ApiProperty() effectiveFrom!: string;
  @ApiProperty({ type: String, nullable: true }) effectiveTo!: string | null;
  @ApiProperty({ type: [String] }) communeCodes!: string[];
  @ApiProperty({ enum: PRICE_BOOK_STATUSES }) status!: PriceBookStatus;
  @ApiProperty() isSample!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true }) content!: PriceBookContent;
  @ApiProperty() version!: number;
}

export const mapPriceBook = (b: PriceBook): PriceBookDto => ({
  id: b.id,
  code: b.code,
  name: b.name,
  description: b.description,
  decisionNumber: b.decisionNumber,
  decisionDate: b.decisionDate,
  issuer: b.issuer,
  effectiveFrom: b.effectiveFrom,
  effectiveTo: b.effectiveTo,
  communeCodes: b.communeCodes,
  status: b.status,
  isSample: b.isSample,
  content: b.content,
  version: b.version,
});
