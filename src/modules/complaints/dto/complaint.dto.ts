import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsDecimalArea, IsVndAmount, Optional } from '../../../core/validation/validators.js';
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_KINDS,
  COMPLAINT_STATES,
  type ComplaintAction,
  type ComplaintKind,
  type ComplaintState,
} from '../domain/complaint-machine.js';

export const CHANNELS = ['direct', 'post', 'online', 'referral', 'reception'] as const;
export const CHANNEL_LABELS: Record<(typeof CHANNELS)[number], string> = {
  direct: 'Nộp trực tiếp',
  post: 'Qua bưu điện',
  online: 'Qua cổng dịch vụ công trực tuyến',
  referral: 'Cơ quan khác chuyển đến',
  reception: 'Qua tiếp công dân',
};
export const SUBJECTS = [
  'forced_survey',
  'plan_approval',
  'recovery_decision',
  'enforcement_decision',
  'other',
] as const;
export const SUBJECT_LABELS: Record<(typeof SUBJECTS)[number], string> = {
  forced_survey: 'Quyết định kiểm đếm bắt buộc và việc cưỡng chế',
  plan_approval: 'Quyết định phê duyệt phương án bồi thường, hỗ trợ, tái định cư',
  recovery_decision: 'Quyết định thu hồi đất',
  enforcement_decision: 'Quyết định cưỡng chế thu hồi đất',
  other: 'Nội dung khác',
};
export const AGENCIES = [
  'people_committee',
  'commune_committee',
  'land_fund_center',
  'land_office',
  'provincial_committee',
] as const;
export const OUTCOMES = ['upheld', 'partly_upheld', 'rejected'] as const;
export const OUTCOME_LABELS: Record<(typeof OUTCOMES)[number], string> = {
  upheld: 'Khiếu nại đúng',
  partly_upheld: 'Khiếu nại đúng một phần',
  rejected: 'Khiếu nại sai',
};

export class RegisterComplaintDto {
  @ApiProperty({
    enum: COMPLAINT_KINDS,
    description: 'complaint = khiếu nại, denunciation = tố cáo, petition = kiến nghị, phản ánh',
  })
  @IsIn(COMPLAINT_KINDS)
  kind!: ComplaintKind;
  @ApiProperty() @IsUUID() projectId!: string;
  @ApiPropertyOptional({ description: 'Hồ sơ hộ (người khiếu nại là người có đất thu hồi)' })
  @Optional()
  @IsUUID()
  caseId?: string;
  @ApiPropertyOptional({ description: 'Xã, khi đơn không gắn với hồ sơ nào' }) @Optional() @IsUUID() communeId?: string;
  @ApiPropertyOptional({ description: 'Người sử dụng đất đứng đơn, khi đã có trong hệ thống (mặc định: chủ hồ sơ)' })
  @Optional()
  @IsUUID()
  landUserId?: string;
  @ApiPropertyOptional({ description: 'Người đứng đơn (mặc định: chủ hồ sơ)' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  complainantName?: string;
  @ApiPropertyOptional({ description: 'Địa chỉ người đứng đơn (dữ liệu cá nhân)' })
  @Optional()
  @IsString()
  @MaxLength(300)
  complainantAddress?: string;
  @ApiProperty({ example: '2026-07-03' }) @IsCalendarDate() receivedOn!: string;
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel!: (typeof CHANNELS)[number];
  @ApiProperty({ enum: SUBJECTS }) @IsIn(SUBJECTS) subjectType!: (typeof SUBJECTS)[number];
  @ApiPropertyOptional({ description: 'Văn bản bị khiếu nại (quyết định đã ban hành trong hệ thống)' })
  @Optional()
  @IsUUID()
  documentId?: string;
  @ApiPropertyOptional({ description: 'Ngày nhận được hoặc biết được quyết định (tính thời hiệu 90 ngày)' })
  @Optional()
  @IsCalendarDate()
  decisionReceivedOn?: string;
  @ApiPropertyOptional({ description: 'Dòng phương án bị khiếu nại (mã dòng)' })
  @Optional()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'Mã dòng phương án không hợp lệ.' })
  planLineId?: string;
  @ApiProperty({ description: 'Nội dung đơn' }) @IsString() @IsNotEmpty() @MaxLength(10000) content!: string;
  @ApiPropertyOptional({ enum: AGENCIES, description: 'Cơ quan có trách nhiệm giải quyết (mặc định theo loại đơn)' })
  @Optional()
  @IsIn(AGENCIES)
  agency?: (typeof AGENCIES)[number];
}

export class LineCorrectionDto {
  @ApiPropertyOptional({ example: '250', description: 'Khối lượng / diện tích đúng' })
  @Optional()
  @IsDecimalArea()
  quantity?: string;
  @ApiPropertyOptional({ example: '1200000', description: 'Đơn giá đúng (đồng)' })
  @Optional()
  @IsVndAmount()
  unitPrice?: string;
}

export class ComplaintStepDto {
  @ApiProperty({ enum: COMPLAINT_ACTIONS }) @IsIn(COMPLAINT_ACTIONS) action!: ComplaintAction;
  @ApiProperty({ example: '2026-07-10' }) @IsCalendarDate() occurredOn!: string;
  @ApiProperty({ description: 'Phiên bản của đơn đã đọc (chống ghi đè)' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({
    example: '15/TB-UBND',
    description: 'Số, ký hiệu văn bản của bước (thông báo thụ lý, biên bản đối thoại, quyết định…)',
  })
  @Optional()
  @IsString()
  @MaxLength(300)
  documentRef?: string;
  @ApiPropertyOptional({ description: 'Lý do (bắt buộc khi không thụ lý, tạm đình chỉ) hoặc ghi chú' })
  @Optional()
  @IsString()
  @MaxLength(5000)
  note?: string;
  @ApiPropertyOptional({ description: 'Vụ việc phức tạp (thời hạn giải quyết dài hơn), ghi khi thụ lý' })
  @Optional()
  @IsBoolean()
  complex?: boolean;
  @ApiPropertyOptional({ enum: OUTCOMES, description: 'Kết quả giải quyết (khi ban hành quyết định)' })
  @Optional()
  @IsIn(OUTCOMES)
  outcome?: (typeof OUTCOMES)[number];
  @ApiPropertyOptional({
    type: LineCorrectionDto,
    description: 'Dòng phương án đúng theo quyết định (khi khiếu nại đúng về một dòng phương án)',
  })
  @Optional()
  @ValidateNested()
  @Type(() => LineCorrectionDto)
  correction?: LineCorrectionDto;
}

export class ExecutionSuspensionDto {
  @ApiProperty({ description: 'true: quyết định tạm đình chỉ việc thi hành; false: hủy bỏ tạm đình chỉ' })
  @IsBoolean()
  suspended!: boolean;
  @ApiProperty({ example: '2026-07-15' }) @IsCalendarDate() occurredOn!: string;
  @ApiProperty({ example: '20/QĐ-UBND', description: 'Số quyết định' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  documentRef!: string;
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

export class ComplaintQueryDto {
  @ApiPropertyOptional() @Optional() @IsUUID() projectId?: string;
  @ApiPropertyOptional() @Optional() @IsUUID() communeId?: string;
  @ApiPropertyOptional() @Optional() @IsUUID() caseId?: string;
  @ApiPropertyOptional({ enum: COMPLAINT_KINDS }) @Optional() @IsIn(COMPLAINT_KINDS) kind?: ComplaintKind;
  @ApiPropertyOptional({ enum: COMPLAINT_STATES }) @Optional() @IsIn(COMPLAINT_STATES) state?: ComplaintState;
  @ApiPropertyOptional({ enum: AGENCIES }) @Optional() @IsIn(AGENCIES) agency?: string;
  @ApiPropertyOptional({ description: 'Chỉ đơn quá hạn thụ lý hoặc giải quyết' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({ default: 200 })
  @Optional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class ComplaintSummaryQueryDto {
  @ApiPropertyOptional() @Optional() @IsUUID() projectId?: string;
  @ApiPropertyOptional({ description: 'Đơn nhận từ ngày' }) @Optional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ description: 'Đến ngày (mặc định: hôm nay); trạng thái và quá hạn tính tại ngày này' })
  @Optional()
  @IsCalendarDate()
  to?: string;
}

export class ComplaintEventDto {
  @ApiProperty() id!: string;
  @ApiProperty() action!: string;
  @ApiProperty({ nullable: true, type: String }) fromState!: string | null;
  @ApiProperty() toState!: string;
  @ApiProperty() level!: number;
  @ApiProperty() occurredOn!: string;
  @ApiProperty() documentRef!: string;
  @ApiProperty() note!: string;
  @ApiProperty() actorRole!: string;
}

export class ComplaintDeadlinesDto {
  @ApiProperty({ description: 'Hạn thụ lý' }) acceptanceDue!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Hạn giải quyết (từ ngày thụ lý)' }) resolutionDue!:
    string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Hạn khiếu nại tiếp hoặc khởi kiện; quyết định có hiệu lực sau ngày này',
  })
  appealUntil!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Hạn đang chạy' }) nextDue!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Hết thời hiệu khiếu nại (90 ngày kể từ khi nhận quyết định)',
  })
  limitationEnd!: string | null;
  @ApiProperty({ description: 'Đơn nộp sau khi hết thời hiệu (cần xem lý do khách quan trước khi không thụ lý)' })
  outOfTime!: boolean;
  @ApiProperty() basis!: string;
}

export class ComplaintRowDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: COMPLAINT_KINDS }) kind!: string;
  @ApiProperty() kindLabel!: string;
  @ApiProperty({ enum: COMPLAINT_STATES }) state!: string;
  @ApiProperty() stateLabel!: string;
  @ApiProperty() level!: number;
  @ApiProperty() projectId!: string;
  @ApiProperty() communeId!: string;
  @ApiProperty() communeName!: string;
  @ApiProperty() remoteCommune!: boolean;
  @ApiProperty({ nullable: true, type: String }) caseId!: string | null;
  @ApiProperty({ nullable: true, type: String }) landUserId!: string | null;
  @ApiProperty() complainantName!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Chỉ hiện với vai trò được xem dữ liệu cá nhân' })
  complainantAddress!: string | null;
  @ApiProperty() receivedOn!: string;
  @ApiProperty() channel!: string;
  @ApiProperty() subjectType!: string;
  @ApiProperty() subjectLabel!: string;
  @ApiProperty({ nullable: true, type: String }) documentId!: string | null;
  @ApiProperty({ nullable: true, type: String }) planId!: string | null;
  @ApiProperty({ nullable: true, type: String }) planLineId!: string | null;
  @ApiProperty() content!: string;
  @ApiProperty() agency!: string;
  @ApiProperty() agencyLabel!: string;
  @ApiProperty() complex!: boolean;
  @ApiProperty({ nullable: true, type: String }) acceptedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNumber!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: OUTCOMES }) outcome!: string | null;
  @ApiProperty({ nullable: true, type: String }) outcomeLabel!: string | null;
  @ApiProperty({ type: ComplaintDeadlinesDto }) deadlines!: ComplaintDeadlinesDto;
  @ApiProperty({
    description:
      'Quyết định của cơ quan có thẩm quyền tạm đình chỉ việc thi hành (khiếu nại không tự làm dừng việc thu hồi)',
  })
  executionSuspended!: boolean;
  @ApiProperty({ nullable: true, type: String }) executionSuspensionRef!: string | null;
  @ApiProperty() version!: number;
}

export class ComplaintDto extends ComplaintRowDto {
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'Phương án điều chỉnh mở từ quyết định giải quyết; vòng khép lại khi phương án được phê duyệt',
  })
  adjustmentPlan!: { id: string; code: string; status: string; approvedOn: string | null; loopClosed: boolean } | null;
  @ApiProperty({ type: [ComplaintEventDto] }) events!: ComplaintEventDto[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) attachments!: {
    id: string;
    fileName: string;
    eventId: string | null;
    sha256: string;
  }[];
}

export class ComplaintListDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [ComplaintRowDto] }) items!: ComplaintRowDto[];
}

export class CountDto {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty() count!: number;
}

export class ComplaintSummaryDto {
  @ApiProperty({ nullable: true, type: String }) from!: string | null;
  @ApiProperty() to!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [CountDto] }) byKind!: CountDto[];
  @ApiProperty({ type: [CountDto] }) byState!: CountDto[];
  @ApiProperty({ type: [CountDto] }) byProject!: CountDto[];
  @ApiProperty({ type: [CountDto] }) byCommune!: CountDto[];
  @ApiProperty({ description: 'Đơn quá hạn thụ lý hoặc giải quyết tại ngày "to"' }) overdue!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Thời gian giải quyết lần đầu bình quân (ngày, từ ngày nhận đơn)',
  })
  averageResolutionDays!: string | null;
  @ApiProperty() resolved!: number;
}

export class UploadComplaintAttachmentDto {
  @ApiPropertyOptional({ description: 'Bước thủ tục mà tệp là văn bản của nó' }) @Optional() @IsUUID() eventId?: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(300) description?: string;
}
