import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsDecimalArea, IsVndAmount, Optional } from '../../../core/validation/validators.js';
import { CreateLandUserDto, LandUserDto } from '../../land-users/dto/land-user.dto.js';
import { SignerChoiceDto } from '../../reference/dto/reference.dto.js';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

export class CreateCaseDto {
  @ApiPropertyOptional({ description: 'Người sử dụng đất đã có (tìm theo CCCD); hoặc gửi landUser để tạo mới' })
  @Optional()
  @IsUUID()
  landUserId?: string;

  @ApiPropertyOptional({ type: CreateLandUserDto })
  @Optional()
  @ValidateNested()
  @Type(() => CreateLandUserDto)
  landUser?: CreateLandUserDto;

  @ApiProperty({ description: 'Xã nơi có đất thu hồi (thuộc dự án)' })
  @IsUUID()
  communeId!: string;

  @ApiPropertyOptional({ example: '1', description: 'Đợt' })
  @Optional()
  @Matches(/^[0-9A-Za-z.-]{1,20}$/, { message: 'VI:Đợt gồm chữ, số, dấu chấm, gạch ngang (tối đa 20 ký tự).' })
  batch?: string;

  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(2000) note?: string;
}

export class UpdateCaseDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @Optional() @IsUUID() communeId?: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Matches(/^[0-9A-Za-z.-]{1,20}$/, { message: 'VI:Đợt gồm chữ, số, dấu chấm, gạch ngang (tối đa 20 ký tự).' })
  batch?: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(2000) note?: string;
}

export class CaseListQueryDto {
  @ApiPropertyOptional() @Optional() @IsUUID() communeId?: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(40) state?: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(20) batch?: string;
  @ApiPropertyOptional() @Optional() @Transform(toBool) @IsBoolean() poorHousehold?: boolean;
  @ApiPropertyOptional() @Optional() @Transform(toBool) @IsBoolean() policyFamily?: boolean;
  @ApiPropertyOptional() @Optional() @Transform(toBool) @IsBoolean() directlyFarming?: boolean;
  @ApiPropertyOptional({ description: 'Tìm theo tên (không dấu cũng được), số CCCD hoặc số thửa' })
  @Optional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ default: 1 }) @Optional() @Transform(toInt) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @Optional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export class TransitionDto {
  @ApiProperty({ example: 'persuade_survey', description: 'Thao tác theo quy trình của dự án' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  action!: string;

  @ApiProperty({ example: '2024-03-01', description: 'Ngày thực hiện (ngày trên biên bản / quyết định)' })
  @IsCalendarDate()
  occurredOn!: string;

  @ApiPropertyOptional({ example: '12/BB-UBND', description: 'Số, ký hiệu văn bản' })
  @Optional()
  @IsString()
  @MaxLength(200)
  documentRef?: string;

  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({
    description:
      'Người ký văn bản do hệ thống ban hành (cấp phó ký thay, KT.); mặc định: người đứng đầu đang giữ chức vào ngày ban hành',
  })
  @Optional()
  @IsUUID()
  signatoryId?: string;
}

export class CaseLandUserSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true }) cccd!: string | null;
}

/** What a case row and a case page share. */
class CaseHeadDto {
  @ApiProperty() id!: string;
  @ApiProperty() projectId!: string;
  @ApiProperty() communeId!: string;
  @ApiProperty() communeName!: string;
  @ApiProperty({ type: String, nullable: true }) batch!: string | null;
  @ApiProperty() state!: string;
  @ApiProperty() stateLabel!: string;
  @ApiProperty({ type: String, nullable: true }) noticeDeliveredOn!: string | null;
  @ApiProperty() version!: number;
}

export class CaseSummaryDto extends CaseHeadDto {
  @ApiProperty({ type: CaseLandUserSummaryDto }) landUser!: CaseLandUserSummaryDto;
  @ApiProperty() parcelCount!: number;
  @ApiProperty({ description: 'Tổng diện tích thu hồi (m²)' }) recoveredArea!: string;
}

/** A step the procedure offers next: who may take it, from which day, what it needs (the regime's own rules). */
export class NextStepDto {
  @ApiProperty({ example: 'order_forced_survey' }) action!: string;
  @ApiProperty({ example: 'Quyết định kiểm đếm bắt buộc' }) label!: string;
  @ApiProperty({ type: [String], description: 'Vai trò được thực hiện' }) roles!: string[];
  @ApiProperty({ description: 'Vai trò hiện tại được thực hiện' }) mine!: boolean;
  @ApiProperty({ description: 'Phải ghi số, ký hiệu văn bản' }) requiresDocument!: boolean;
  @ApiProperty({ description: 'Để trống số văn bản thì hệ thống cấp số và tạo văn bản' })
  systemIssuesDocument!: boolean;
  @ApiProperty({
    type: SignerChoiceDto,
    nullable: true,
    description:
      'Cơ quan ban hành văn bản hệ thống tạo ở bước này (chọn người ký: người đứng đầu hoặc cấp phó ký thay)',
  })
  signer!: SignerChoiceDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Ngày sớm nhất được thực hiện' }) earliestOn!:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Căn cứ của thời hạn chờ' }) waitBasis!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Lý do chưa thể thực hiện' }) blockedBy!: string | null;
}

/** A step of the case procedure of a project's regime, in the regime's order: what the state filter offers. */
export class CaseStateDto {
  @ApiProperty({ example: 'NOTICE_DELIVERED' }) code!: string;
  @ApiProperty({ example: 'Đã giao thông báo thu hồi đất' }) label!: string;
}

export class CasePageDto {
  @ApiProperty({ type: [CaseSummaryDto] }) items!: CaseSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class TransitionRecordDto {
  @ApiProperty() id!: string;
  @ApiProperty() action!: string;
  @ApiProperty() actionLabel!: string;
  @ApiProperty() fromState!: string;
  @ApiProperty() toState!: string;
  @ApiProperty() occurredOn!: string;
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty() documentRef!: string;
  @ApiProperty() note!: string;
  @ApiProperty() recordedAt!: string;
}

export class CaseDetailDto extends CaseHeadDto {
  @ApiProperty() note!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Quyết định tạm đình chỉ việc thi hành do khiếu nại đang có hiệu lực (không cưỡng chế khi có)',
  })
  executionSuspendedBy!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Thông tin phục vụ tính bồi thường' })
  pricingFacts!: Record<string, unknown>;
  @ApiProperty({ type: LandUserDto }) landUser!: LandUserDto;
  @ApiProperty({ type: [TransitionRecordDto] }) transitions!: TransitionRecordDto[];
  @ApiProperty({ type: [String], description: 'Thao tác vai trò hiện tại được thực hiện' }) availableActions!: string[];
  @ApiProperty({ type: () => [NextStepDto], description: 'Các bước tiếp theo theo quy trình, ai làm, từ ngày nào' })
  nextSteps!: NextStepDto[];
}

export class ResettlementDto {
  @ApiProperty({ enum: ['none', 'plot', 'self_arranged'] }) @IsIn(['none', 'plot', 'self_arranged']) mode!:
    'none' | 'plot' | 'self_arranged';
  @ApiPropertyOptional({ example: '80', description: 'Diện tích lô tái định cư (m²)' })
  @Optional()
  @IsDecimalArea()
  plotArea?: string;
  @ApiPropertyOptional({ example: '2500000', description: 'Giá đất tại nơi tái định cư (đồng/m²)' })
  @Optional()
  @IsVndAmount()
  plotPricePerM2?: string;
}

export class PricingFactsDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ description: 'Hộ phải di chuyển chỗ ở' }) @Optional() @IsBoolean() relocating?: boolean;
  @ApiPropertyOptional({ description: 'Di chuyển đến địa bàn có điều kiện kinh tế - xã hội khó khăn' })
  @Optional()
  @IsBoolean()
  difficultArea?: boolean;
  @ApiPropertyOptional({ description: 'Tổng diện tích đất nông nghiệp hộ đang sử dụng trong xã (m²)' })
  @Optional()
  @IsDecimalArea()
  agriculturalLandInUse?: string;
  @ApiPropertyOptional({ description: 'Nghĩa vụ tài chính về đất chưa thực hiện (đồng)' })
  @Optional()
  @IsVndAmount()
  unpaidLandObligation?: string;
  @ApiPropertyOptional({ type: ResettlementDto })
  @Optional()
  @ValidateNested()
  @Type(() => ResettlementDto)
  resettlement?: ResettlementDto;
}
