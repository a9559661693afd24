import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { trimDecimal } from '../../../shared/decimal.js';
import { IsCalendarDate, Optional } from '../../../core/validation/validators.js';
import { INVENTORY_STATUSES, type Inventory, type InventoryStatus } from '../inventory.entity.js';
import { type InventoryItem, ITEM_KINDS, type ItemKind } from '../inventory-item.entity.js';

export class ParticipantDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ example: 'Đại diện hộ', description: 'Đại diện hộ, Tổ kiểm đếm, UBND xã…' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  role!: string;
}

export class InventoryItemInputDto {
  @ApiProperty({ enum: ITEM_KINDS }) @IsIn(ITEM_KINDS) kind!: ItemKind;
  @ApiProperty({ example: 'NHA-C4-2', description: 'Mã hạng mục trong bảng đơn giá' })
  @Matches(/^[A-Za-z0-9._-]{1,40}$/, { message: 'VI:Mã hạng mục gồm chữ, số, dấu chấm, gạch (tối đa 40 ký tự).' })
  itemCode!: string;
  @ApiProperty({ example: 'Nhà cấp 4, tường gạch, mái tôn' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description!: string;
  @ApiProperty({ example: '65.5', description: 'Khối lượng / số lượng (số thập phân dạng chuỗi)' })
  @Matches(/^(0|[1-9]\d{0,11})(\.\d{1,4})?$/, {
    message: 'VI:Số lượng phải là số thập phân không âm, dùng dấu chấm (ví dụ 65.5).',
  })
  quantity!: string;
  @ApiProperty({ example: 'm2' }) @IsString() @IsNotEmpty() @MaxLength(16) unit!: string;
  @ApiPropertyOptional({
    description: 'Loại, cấp nhà, năm xây, chất lượng còn lại %, loài cây, cỡ/tuổi…',
    example: { grade: 'C4', yearBuilt: 2010, qualityPercent: 70 },
  })
  @Optional()
  @IsObject()
  attributes?: Record<string, string | number | boolean>;
  @ApiPropertyOptional({
    description: 'Ngày tài sản được tạo lập / có mặt (để phát hiện tài sản sau thông báo thu hồi)',
  })
  @Optional()
  @IsCalendarDate()
  firstRecordedOn?: string;
}

export class InventoryInputDto {
  @ApiProperty({ example: '2024-02-20' }) @IsCalendarDate() surveyedOn!: string;
  @ApiProperty({ type: [ParticipantDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ParticipantDto)
  participants!: ParticipantDto[];
  @ApiProperty({ type: [InventoryItemInputDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => InventoryItemInputDto)
  items!: InventoryItemInputDto[];
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(2000) note?: string;
}

export class UpdateInventoryDto extends InventoryInputDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

export class SignInventoryDto {
  @ApiProperty({ description: 'Phiên bản đang ký' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ example: '2024-02-20', description: 'Ngày ký (mặc định: ngày kiểm đếm)' })
  @Optional()
  @IsCalendarDate()
  signedOn?: string;
}

export class InventoryItemDto {
  @ApiProperty() id!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ enum: ITEM_KINDS }) kind!: ItemKind;
  @ApiProperty() itemCode!: string;
  @ApiProperty() description!: string;
  @ApiProperty() quantity!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) attributes!: Record<string, string | number | boolean>;
  @ApiProperty({ type: String, nullable: true }) firstRecordedOn!: string | null;
  @ApiProperty({ description: 'Tạo lập sau ngày thông báo thu hồi đất: không được bồi thường' }) afterNotice!: boolean;
}

export class InventoryDto {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ enum: INVENTORY_STATUSES }) status!: InventoryStatus;
  @ApiProperty() surveyedOn!: string;
  @ApiProperty({ type: [ParticipantDto] }) participants!: ParticipantDto[];
  @ApiProperty({ type: String, nullable: true }) signedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) supersedesId!: string | null;
  @ApiProperty() note!: string;
  @ApiProperty({ type: [InventoryItemDto] }) items!: InventoryItemDto[];
  @ApiProperty() version!: number;
}

export const mapItem = (i: InventoryItem): InventoryItemDto => ({
  id: i.id,
  position: i.position,
  kind: i.kind,
  itemCode: i.itemCode,
  description: i.description,
  quantity: trimDecimal(i.quantity),
  unit: i.unit,
  attributes: i.attributes,
  firstRecordedOn: i.firstRecordedOn,
  afterNotice: i.afterNotice,
});

export const mapInventory = (inv: Inventory): InventoryDto => ({
  id: inv.id,
  caseId: inv.caseId,
  revision: inv.revision,
  status: inv.status,
  surveyedOn: inv.surveyedOn,
  participants: inv.participants,
  signedAt: inv.signedAt ? inv.signedAt.toISOString() : null,
  supersedesId: inv.supersedesId,
  note: inv.note,
  items: (inv.items ?? []).sort((a, b) => a.position - b.position).map(mapItem),
  version: inv.version,
});
