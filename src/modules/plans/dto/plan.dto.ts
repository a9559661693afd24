import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCalendarDate, Optional } from '../../../core/validation/validators.js';
import { LINE_CATEGORIES } from '../../compensation/domain/calculator.js';
import { InventoryItemInputDto } from '../../inventory/dto/inventory.dto.js';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

export class CreatePlanDto {
  @ApiProperty({ example: 'Phương án bồi thường đợt 1 xã Gia Cát' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;
  @ApiProperty({ description: 'Bảng giá đã kích hoạt' }) @IsUUID() priceBookId!: string;
  @ApiProperty({ example: '2024-06-01', description: 'Ngày áp giá (V2013: ngày quyết định thu hồi đất)' })
  @IsCalendarDate()
  valuationDate!: string;
  @ApiPropertyOptional({ description: 'Chỉ các hồ sơ của đợt này' })
  @Optional()
  @Matches(/^[0-9A-Za-z.-]{1,20}$/, { message: 'VI:Đợt gồm chữ, số, dấu chấm, gạch ngang.' })
  batch?: string;
  @ApiPropertyOptional({ description: 'Chỉ các hồ sơ của xã này' }) @Optional() @IsUUID() communeId?: string;
  @ApiPropertyOptional({ type: [String], description: 'Hoặc chỉ định danh sách hồ sơ' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20000)
  @IsUUID('all', { each: true })
  caseIds?: string[];
}

export class SupplementDto {
  @ApiProperty({ example: 'Phương án bổ sung đợt 1' }) @IsString() @IsNotEmpty() @MaxLength(300) name!: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'Các hồ sơ bổ sung (mặc định: mọi hồ sơ đã kiểm đếm chưa thuộc phương án nào)',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20000)
  @IsUUID('all', { each: true })
  caseIds?: string[];
  @ApiPropertyOptional({ description: 'Mặc định: bảng giá của phương án gốc' })
  @Optional()
  @IsUUID()
  priceBookId?: string;
  @ApiPropertyOptional({ description: 'Mặc định: ngày áp giá của phương án gốc' })
  @Optional()
  @IsCalendarDate()
  valuationDate?: string;
}

export class RecomputeDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ type: [String], description: 'Chỉ tính lại các hồ sơ này (mặc định: tất cả)' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20000)
  @IsUUID('all', { each: true })
  caseIds?: string[];
  @ApiPropertyOptional({
    example: '2024-04-09',
    description: 'Áp giá lại tại ngày này (ngày dự kiến quyết định thu hồi đất); tính lại mọi hồ sơ',
  })
  @Optional()
  @IsCalendarDate()
  valuationDate?: string;
  @ApiPropertyOptional({ description: 'Tính lại theo bảng giá này (đang áp dụng); tính lại mọi hồ sơ' })
  @Optional()
  @IsUUID()
  priceBookId?: string;
}

export class LineQueryDto {
  @ApiPropertyOptional() @Optional() @IsUUID() caseId?: string;
  @ApiPropertyOptional({ enum: LINE_CATEGORIES }) @Optional() @IsIn(LINE_CATEGORIES) category?: string;
  @ApiPropertyOptional({ enum: ['ok', 'missing_basis'] }) @Optional() @IsIn(['ok', 'missing_basis']) status?: string;
  @ApiPropertyOptional({ default: 1 }) @Optional() @Transform(toInt) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ default: 200 }) @Optional() @Transform(toInt) @IsInt() @Min(1) @Max(1000) pageSize?: number;
}

export class CategoryTotalDto {
  @ApiProperty() category!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'đồng (chính xác, trước làm tròn cấp hộ)' }) amount!: string;
}

export class CommuneTotalDto {
  @ApiProperty() communeId!: string;
  @ApiProperty() communeName!: string;
  @ApiProperty() caseCount!: number;
  @ApiProperty() net!: string;
}

export class FindingDto {
  @ApiProperty() code!: string;
  @ApiProperty({ enum: ['blocking', 'warning'] }) severity!: string;
  @ApiProperty({ type: String, nullable: true }) caseId!: string | null;
  @ApiProperty() message!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}

export class PlanVersionDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: ['original', 'supplement', 'adjustment'] }) kind!: string;
  @ApiProperty() status!: string;
  @ApiProperty() net!: string;
}

export class PlanDto {
  @ApiProperty() id!: string;
  @ApiProperty() projectId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ example: 'Đã niêm yết', description: 'Tên bước hiện tại theo quy trình' }) statusLabel!: string;
  @ApiProperty() priceBookId!: string;
  @ApiProperty() priceBookCode!: string;
  @ApiProperty() priceBookVersion!: number;
  @ApiProperty({ description: 'Bảng giá là số liệu mẫu' }) priceBookIsSample!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Phương án gốc (phương án bổ sung, điều chỉnh)' })
  parentPlanId!: string | null;
  @ApiProperty({ type: String, nullable: true }) postedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) approvedOn!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '05/QĐ-UBND' }) approvalNumber!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Các phòng đã thống nhất trong vòng thẩm định hiện tại',
  })
  appraisal!: Record<string, unknown>;
  @ApiProperty({ description: 'Ý kiến khi bị trả lại' }) returnComments!: string;
  @ApiProperty({ type: [PlanVersionDto], description: 'Phương án gốc và các phương án bổ sung, điều chỉnh' })
  family!: PlanVersionDto[];
  @ApiProperty({ description: 'Tổng chi trả cộng dồn đã phê duyệt (mỗi hộ lấy phương án phê duyệt mới nhất)' })
  cumulativeApprovedNet!: string;
  @ApiProperty() valuationDate!: string;
  @ApiProperty({ type: String, nullable: true }) batch!: string | null;
  @ApiProperty({ type: String, nullable: true }) communeId!: string | null;
  @ApiProperty() caseCount!: number;
  @ApiProperty() gross!: string;
  @ApiProperty({ description: 'Tổng số tiền chi trả (đồng)' }) net!: string;
  @ApiProperty({ description: 'Tổng ghi nợ (đồng)' }) debt!: string;
  @ApiProperty() missingBasisCount!: number;
  @ApiProperty({ type: [CategoryTotalDto] }) totalsByCategory!: CategoryTotalDto[];
  @ApiProperty({ type: [CommuneTotalDto] }) totalsByCommune!: CommuneTotalDto[];
  @ApiProperty({ type: [FindingDto] }) findings!: FindingDto[];
  @ApiProperty({ description: 'Có thể chuyển khỏi dự thảo (không còn lỗi chặn)' }) canLeaveDraft!: boolean;
  @ApiProperty({ type: String, nullable: true }) computedAt!: string | null;
  @ApiProperty() version!: number;
}

export class PlanCaseDto {
  @ApiProperty() caseId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() communeName!: string;
  @ApiProperty() gross!: string;
  @ApiProperty() net!: string;
  @ApiProperty() debt!: string;
  @ApiProperty() missingBasis!: boolean;
  @ApiProperty() lineCount!: number;
  @ApiProperty({
    enum: ['agree', 'disagree', 'other', 'absent'],
    nullable: true,
    description: 'Ý kiến của hộ khi lấy ý kiến về phương án',
  })
  opinion!: 'agree' | 'disagree' | 'other' | 'absent' | null;
  @ApiProperty({ description: 'Đã đối thoại với hộ không đồng ý' }) dialogueHeld!: boolean;
}

export class PlanLineDto {
  @ApiProperty({ description: 'Mã dòng (để khiếu nại hoặc đối chiếu một dòng cụ thể)' }) id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() category!: string;
  @ApiProperty() categoryLabel!: string;
  @ApiProperty() itemCode!: string;
  @ApiProperty() description!: string;
  @ApiProperty() quantity!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ type: String, nullable: true }) unitPrice!: string | null;
  @ApiProperty({ type: String, nullable: true }) amount!: string | null;
  @ApiProperty({ enum: ['ok', 'missing_basis'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) missing!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) inputs!: Record<string, string>;
  @ApiProperty() basis!: string;
  @ApiProperty({ type: String, nullable: true }) sourceId!: string | null;
}

/** A plan holding a case: the case's figure in it and its lines, each with its legal basis. */
export class CasePlanLinesDto {
  @ApiProperty() planId!: string;
  @ApiProperty({ example: 'PA-01' }) planCode!: string;
  @ApiProperty() planName!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ example: 'Đã phê duyệt' }) statusLabel!: string;
  @ApiProperty({ description: 'Số tiền chi trả của hộ trong phương án (đồng)' }) net!: string;
  @ApiProperty({ type: () => [PlanLineDto] }) lines!: PlanLineDto[];
}

export class LinePageDto {
  @ApiProperty({ type: [PlanLineDto] }) items!: PlanLineDto[];
  @ApiProperty() total!: number;
}

export class CaseChangeDto {
  @ApiProperty() caseId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true }) netBefore!: string | null;
  @ApiProperty() netAfter!: string;
  @ApiProperty({ description: 'Dòng thêm mới (mã hạng mục)', type: [String] }) added!: string[];
  @ApiProperty({ description: 'Dòng bị bỏ', type: [String] }) removed!: string[];
  @ApiProperty({ description: 'Dòng đổi số tiền', type: [String] }) changed!: string[];
}

export class RecomputeResultDto {
  @ApiProperty({ type: PlanDto }) plan!: PlanDto;
  @ApiProperty({ type: [CaseChangeDto] }) changes!: CaseChangeDto[];
}

/** The items of a kiểm đếm as typed, to see what they would price to before anything is saved or signed. */
export class ItemPreviewRequestDto {
  @ApiProperty({ type: [InventoryItemInputDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => InventoryItemInputDto)
  items!: InventoryItemInputDto[];
  @ApiPropertyOptional({ description: 'Bảng giá (mặc định: bảng giá đang áp dụng cho xã vào ngày định giá)' })
  @Optional()
  @IsUUID()
  priceBookId?: string;
  @ApiPropertyOptional({ example: '2024-06-01', description: 'Ngày định giá (mặc định: hôm nay)' })
  @Optional()
  @IsCalendarDate()
  valuationDate?: string;
}

/** One line an item typed at kiểm đếm would price to, as the plan's calculator computes it. */
export class ItemPreviewLineDto {
  @ApiProperty({ description: 'Thứ tự của tài sản trong danh sách gửi lên (từ 1)' }) row!: number;
  @ApiProperty() category!: string;
  @ApiProperty() categoryLabel!: string;
  @ApiProperty() description!: string;
  @ApiProperty() quantity!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ type: String, nullable: true }) unitPrice!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Số tiền (đồng), null khi thiếu căn cứ' }) amount!:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Căn cứ còn thiếu' }) missing!: string | null;
  @ApiProperty() basis!: string;
}

export class ItemPreviewDto {
  @ApiProperty({ example: 'MAU-CAOLOC-2024' }) priceBookCode!: string;
  @ApiProperty() priceBookIsSample!: boolean;
  @ApiProperty() valuationDate!: string;
  @ApiProperty({ type: [ItemPreviewLineDto] }) lines!: ItemPreviewLineDto[];
  @ApiProperty({ description: 'Tổng số tiền các dòng tính được (đồng, làm tròn đồng)' }) total!: string;
  @ApiProperty({ description: 'Số dòng thiếu căn cứ (chưa tính được)' }) missingCount!: number;
}
