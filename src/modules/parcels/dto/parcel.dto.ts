import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { trimDecimal } from '../../../shared/decimal.js';
import { IsDecimalArea, IsParcelNumber, Optional } from '../../../core/validation/validators.js';
import type { Parcel } from '../parcel.entity.js';

const landTypeCode = () => Matches(/^[A-Z]{3}$/, { message: 'VI:Mã loại đất gồm 3 chữ in hoa (ví dụ ONT, LUC, CLN).' });

export class ParcelLandUseDto {
  @ApiProperty({ example: 'ONT' }) @landTypeCode() landTypeCode!: string;
  @ApiProperty({ example: '200' }) @IsDecimalArea() area!: string;
  @ApiProperty({ example: '100' }) @IsDecimalArea() recoveredArea!: string;
}

class ParcelFields {
  @ApiPropertyOptional({ example: '9222.1', description: 'Diện tích theo giấy chứng nhận (m²)' })
  @Optional()
  @IsDecimalArea()
  legalArea?: string;
  @ApiPropertyOptional({ type: [ParcelLandUseDto], description: 'Nhiều loại đất trong một thửa: diện tích từng loại' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ParcelLandUseDto)
  landUses?: ParcelLandUseDto[];
  @ApiPropertyOptional({ example: 'VT1', description: 'Vị trí / khu vực để áp giá' })
  @Optional()
  @IsString()
  @MaxLength(40)
  position?: string;
  @ApiPropertyOptional({ description: 'Nguồn gốc sử dụng đất' })
  @Optional()
  @IsString()
  @MaxLength(500)
  origin?: string;
  @ApiPropertyOptional({ description: 'Đủ điều kiện bồi thường về đất' }) @Optional() @IsBoolean() eligible?: boolean;
  @ApiPropertyOptional({ description: 'Số giấy chứng nhận (GCN)' })
  @Optional()
  @IsString()
  @MaxLength(40)
  certificateNumber?: string;
}

export class CreateParcelDto extends ParcelFields {
  @ApiPropertyOptional({ description: 'Xã của thửa (mặc định: xã của hồ sơ)' })
  @Optional()
  @IsUUID()
  communeId?: string;
  @ApiProperty({ example: '12', description: 'Số tờ bản đồ' }) @IsParcelNumber() mapSheet!: string;
  @ApiProperty({ example: '85', description: 'Số thửa' }) @IsParcelNumber() parcelNumber!: string;
  @ApiProperty({ example: 'ONT' }) @landTypeCode() landTypeCode!: string;
  @ApiProperty({ example: '9222.1', description: 'Diện tích đo đạc thực tế (m²)' })
  @IsDecimalArea()
  measuredArea!: string;
  @ApiProperty({ example: '150', description: 'Diện tích thu hồi (m²), > 0 và ≤ diện tích thửa' })
  @IsDecimalArea()
  recoveredArea!: string;
}

export class UpdateParcelDto extends ParcelFields {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @Optional() @landTypeCode() landTypeCode?: string;
  @ApiPropertyOptional() @Optional() @IsDecimalArea() measuredArea?: string;
  @ApiPropertyOptional() @Optional() @IsDecimalArea() recoveredArea?: string;
}

export class ParcelDto {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() communeId!: string;
  @ApiProperty() mapSheet!: string;
  @ApiProperty() parcelNumber!: string;
  @ApiProperty() landTypeCode!: string;
  @ApiProperty({ type: String, nullable: true }) legalArea!: string | null;
  @ApiProperty() measuredArea!: string;
  @ApiProperty() recoveredArea!: string;
  @ApiProperty({ type: [ParcelLandUseDto] }) landUses!: ParcelLandUseDto[];
  @ApiProperty() position!: string;
  @ApiProperty() origin!: string;
  @ApiProperty() eligible!: boolean;
  @ApiProperty() certificateNumber!: string;
  @ApiProperty() version!: number;
}

export const mapParcel = (p: Parcel): ParcelDto => ({
  id: p.id,
  caseId: p.caseId,
  communeId: p.communeId,
  mapSheet: p.mapSheet,
  parcelNumber: p.parcelNumber,
  landTypeCode: p.landTypeCode,
  legalArea: p.legalArea === null ? null : trimDecimal(p.legalArea),
  measuredArea: trimDecimal(p.measuredArea),
  recoveredArea: trimDecimal(p.recoveredArea),
  landUses: p.landUses,
  position: p.position,
  origin: p.origin,
  eligible: p.eligible,
  certificateNumber: p.certificateNumber,
  version: p.version,
});
