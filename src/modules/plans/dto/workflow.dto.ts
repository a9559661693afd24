import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, Optional } from '../../../core/validation/validators.js';
import { SignerChoiceDto } from '../../reference/dto/reference.dto.js';

export class OpinionDto {
  @ApiProperty() @IsUUID() caseId!: string;
  @ApiProperty({
    enum: ['agree', 'disagree', 'other', 'absent'],
    description: 'đồng ý / không đồng ý / ý kiến khác / vắng mặt',
  })
  @IsIn(['agree', 'disagree', 'other', 'absent'])
  opinion!: 'agree' | 'disagree' | 'other' | 'absent';
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(2000) note?: string;
}

export class TransitionRequestDto {
  @ApiProperty({
    example: 'close_posting',
    description:
      'submit_review, return_to_draft, post, close_posting, record_consultation, start_dialogue, record_dialogue, finalise, submit_appraisal, appraise, approve, publish',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  action!: string;

  @ApiProperty({ description: 'Phiên bản phương án đang thao tác' }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ example: '2024-06-20', description: 'Ngày thực hiện (ngày trên biên bản, tờ trình, quyết định)' })
  @IsCalendarDate()
  occurredOn!: string;
  @ApiPropertyOptional({ type: [String], description: 'post: nơi niêm yết' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  places?: string[];
  @ApiPropertyOptional({ type: [OpinionDto], description: 'record_consultation: ý kiến từng hộ' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20000)
  @ValidateNested({ each: true })
  @Type(() => OpinionDto)
  opinions?: OpinionDto[];
  @ApiPropertyOptional({ description: 'record_consultation: biên bản họp lấy ý kiến đã ký (tệp đính kèm)' })
  @Optional()
  @IsUUID()
  minutesAttachmentId?: string;
  @ApiPropertyOptional({ type: [String], description: 'record_dialogue: các hộ đã đối thoại' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20000)
  @IsUUID('all', { each: true })
  dialogueCaseIds?: string[];
  @ApiPropertyOptional({ enum: ['agree', 'return'], description: 'appraise: thống nhất hoặc trả lại' })
  @Optional()
  @IsIn(['agree', 'return'])
  outcome?: 'agree' | 'return';
  @ApiPropertyOptional({ description: 'Ý kiến (bắt buộc khi trả lại)' })
  @Optional()
  @IsString()
  @MaxLength(5000)
  comments?: string;
  @ApiPropertyOptional({
    description:
      'Người ký văn bản do hệ thống ban hành (cấp phó ký thay, KT.); mặc định: người đứng đầu đang giữ chức vào ngày ban hành',
  })
  @Optional()
  @IsUUID()
  signatoryId?: string;
}

export class PlanTransitionDto {
  @ApiProperty() id!: string;
  @ApiProperty() action!: string;
  @ApiProperty() actionLabel!: string;
  @ApiProperty() fromState!: string;
  @ApiProperty() toState!: string;
  @ApiProperty() toStateLabel!: string;
  @ApiProperty() occurredOn!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
  @ApiProperty() recordedAt!: string;
  @ApiProperty({ description: 'Phiên bản phương án sau thao tác' }) planVersion!: number;
}

/** A step the plan may take next (the regime's rules): who, from which day, what it carries, what blocks it. */
export class PlanNextStepDto {
  @ApiProperty({ example: 'close_posting' }) action!: string;
  @ApiProperty({ example: 'Kết thúc niêm yết' }) label!: string;
  @ApiProperty({ type: [String], description: 'Vai trò được thực hiện' }) roles!: string[];
  @ApiProperty({ description: 'Vai trò hiện tại được thực hiện' }) mine!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Ngày sớm nhất được thực hiện' }) earliestOn!:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Lý do chưa thể thực hiện (lỗi chặn, còn thiếu ý kiến…)' })
  blockedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Mã lỗi tương ứng' }) blockedCode!: string | null;
  @ApiProperty({
    type: [String],
    description:
      'Các trường phải gửi kèm ngoài action, version, occurredOn (places, opinions, dialogueCaseIds, outcome)',
  })
  requiredFields!: string[];
  @ApiProperty({
    type: SignerChoiceDto,
    nullable: true,
    description: 'Cơ quan ban hành các quyết định của bước này (chọn người ký: người đứng đầu hoặc cấp phó ký thay)',
  })
  signer!: SignerChoiceDto | null;
}
