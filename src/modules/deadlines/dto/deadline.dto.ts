import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { Optional } from '../../../core/validation/validators.js';

const AGENCY_KINDS = [
  'land_fund_center',
  'land_office',
  'people_committee',
  'commune_committee',
  'provincial_committee',
];

export class DeadlineQueryDto {
  @ApiPropertyOptional() @Optional() @IsUUID() projectId?: string;
  @ApiPropertyOptional({ enum: ['overdue', 'due_soon', 'upcoming'] })
  @Optional()
  @IsIn(['overdue', 'due_soon', 'upcoming'])
  status?: 'overdue' | 'due_soon' | 'upcoming';
  @ApiPropertyOptional({ enum: AGENCY_KINDS }) @Optional() @IsIn(AGENCY_KINDS) agencyKind?: string;
  @ApiPropertyOptional({ default: 500 })
  @Optional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(5000)
  limit?: number;
}

export class DeadlineDto {
  @ApiProperty({
    description:
      'payment | posting_end | forced_survey_decision | quarterly_report | complaint_acceptance | complaint_resolution',
  })
  kind!: string;
  @ApiProperty() label!: string;
  @ApiProperty() dueOn!: string;
  @ApiProperty({ description: 'Số ngày còn lại (âm: quá hạn)' }) daysLeft!: number;
  @ApiProperty({ enum: ['overdue', 'due_soon', 'upcoming'] }) status!: 'overdue' | 'due_soon' | 'upcoming';
  @ApiProperty() agencyKind!: string;
  @ApiProperty() agencyLabel!: string;
  @ApiProperty() projectCode!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty() basis!: string;
}

export class AgencyDeadlineCountDto {
  @ApiProperty() agencyKind!: string;
  @ApiProperty() agencyLabel!: string;
  @ApiProperty() overdue!: number;
  @ApiProperty() dueSoon!: number;
  @ApiProperty() upcoming!: number;
}

export class DeadlinesDto {
  @ApiProperty() asOf!: string;
  @ApiProperty({ type: [AgencyDeadlineCountDto] }) byAgency!: AgencyDeadlineCountDto[];
  @ApiProperty({ type: [DeadlineDto] }) items!: DeadlineDto[];
  @ApiProperty() total!: number;
}
