import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../../core/validation/validators.js';
import { ENGAGEMENT_KINDS, ENGAGEMENT_LABELS, type Engagement, type EngagementKind } from '../engagement.entity.js';

export class CreateEngagementDto {
  @ApiProperty({ enum: ENGAGEMENT_KINDS }) @IsIn(ENGAGEMENT_KINDS) kind!: EngagementKind;
  @ApiProperty({ example: '2024-03-01' }) @IsCalendarDate() occurredOn!: string;
  @ApiProperty({ type: [String], description: 'Cán bộ tham gia' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  officers!: string[];
  @ApiProperty({ description: 'Kết quả (hộ đồng ý, hẹn lần sau, vẫn không đồng ý…)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  outcome!: string;
}

export class EngagementDto {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: ENGAGEMENT_KINDS }) kind!: EngagementKind;
  @ApiProperty() kindLabel!: string;
  @ApiProperty() occurredOn!: string;
  @ApiProperty({ type: [String] }) officers!: string[];
  @ApiProperty() outcome!: string;
  @ApiProperty() recordedBy!: string;
  @ApiProperty() recordedAt!: string;
}

export const mapEngagement = (e: Engagement): EngagementDto => ({
  id: e.id,
  caseId: e.caseId,
  kind: e.kind,
  kindLabel: ENGAGEMENT_LABELS[e.kind],
  occurredOn: e.occurredOn,
  officers: e.officers,
  outcome: e.outcome,
  recordedBy: e.recordedBy,
  recordedAt: e.recordedAt.toISOString(),
});
