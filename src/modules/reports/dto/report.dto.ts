import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { IsCalendarDate, Optional } from '../../../core/validation/validators.js';

export class QuarterlyReportRequestDto {
  @ApiProperty({ example: 2024 }) @IsInt() @Min(2014) @Max(2100) year!: number;
  @ApiProperty({ example: 2, minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4) quarter!: number;
  @ApiPropertyOptional({ description: 'Một dự án; bỏ trống: mọi dự án' }) @Optional() @IsUUID() projectId?: string;
  @ApiPropertyOptional({
    example: '2024-06-18',
    description: 'Ngày báo cáo (mặc định hôm nay); số liệu tính đến ngày này, không quá ngày cuối quý',
  })
  @Optional()
  @IsCalendarDate()
  issuedOn?: string;
}

export class ReportFileDto {
  @ApiProperty() documentId!: string;
  @ApiProperty({ enum: ['quarterly_report', 'quarterly_report_workbook'] }) type!: string;
  @ApiProperty({ example: '07/BC-TTPTQĐ' }) number!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: 'Công việc tạo tệp (GET /jobs/:id)' }) jobId!: string;
  @ApiProperty({ enum: ['pending', 'rendered', 'failed'] }) status!: string;
}
