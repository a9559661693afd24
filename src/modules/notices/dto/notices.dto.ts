import { Optional } from '../../../core/validation/validators.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../../core/validation/validators.js';

export class RecoveryNoticesDto {
  @ApiProperty({ example: '2024-01-05', description: 'Ngày ban hành thông báo' }) @IsCalendarDate() issuedOn!: string;
  @ApiProperty({ type: [String], description: 'Các hồ sơ (hộ) nhận thông báo' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  caseIds!: string[];
  @ApiProperty({ example: '2024-01-15', description: 'Kiểm đếm từ ngày' }) @IsCalendarDate() surveyFrom!: string;
  @ApiProperty({ example: '2024-03-15', description: 'Kiểm đếm đến ngày' }) @IsCalendarDate() surveyTo!: string;
  @ApiPropertyOptional({
    description:
      'Người ký văn bản do hệ thống ban hành (cấp phó ký thay, KT.); mặc định: người đứng đầu đang giữ chức vào ngày ban hành',
  })
  @Optional()
  @IsUUID()
  signatoryId?: string;
}

export class IssuedNoticeDto {
  @ApiProperty() caseId!: string;
  @ApiProperty() documentId!: string;
  @ApiProperty({ example: '05/TB-UBND' }) number!: string;
}
