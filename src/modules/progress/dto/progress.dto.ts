import { ApiProperty } from '@nestjs/swagger';

export class MilestoneProgressDto {
  @ApiProperty() dueDate!: string;
  @ApiProperty() targetPercent!: string;
  @ApiProperty() actualPercent!: string;
  @ApiProperty({ enum: ['met', 'missed', 'on_track', 'at_risk'] }) status!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Ngày dự kiến đạt mục tiêu theo tốc độ bàn giao 30 ngày gần nhất',
  })
  forecastDate!: string | null;
}

/** Households (cases) that reached each stage by the date, from the recovery notice to the handover. */
export class HouseholdsByStageDto {
  @ApiProperty({ description: 'Tổng số hộ (hồ sơ)' }) total!: number;
  @ApiProperty({ description: 'Đã nhận thông báo thu hồi đất' }) notified!: number;
  @ApiProperty({ description: 'Đã ký biên bản kiểm đếm' }) inventoried!: number;
  @ApiProperty({ description: 'Có phương án được phê duyệt' }) planApproved!: number;
  @ApiProperty({ description: 'Đã nhận đủ tiền theo phương án được duyệt' }) paid!: number;
  @ApiProperty({ description: 'Đã bàn giao hết diện tích thu hồi' }) handedOver!: number;
  @ApiProperty({ description: 'Có bàn giao sau cưỡng chế' }) enforced!: number;
}

export class CommuneProgressDto {
  @ApiProperty() communeId!: string;
  @ApiProperty() communeName!: string;
  @ApiProperty() cases!: number;
  @ApiProperty({ type: HouseholdsByStageDto }) households!: HouseholdsByStageDto;
  @ApiProperty() area!: string;
  @ApiProperty() handedOver!: string;
  @ApiProperty() handedOverPercent!: string;
}

export class BatchProgressDto {
  @ApiProperty({ type: String, nullable: true, description: 'Đợt (batch) của hồ sơ; null: hồ sơ chưa xếp đợt' })
  batch!: string | null;
  @ApiProperty() cases!: number;
  @ApiProperty({ type: HouseholdsByStageDto }) households!: HouseholdsByStageDto;
  @ApiProperty() area!: string;
  @ApiProperty() handedOver!: string;
  @ApiProperty() handedOverPercent!: string;
}

export class CriticalCaseDto {
  @ApiProperty() caseId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() state!: string;
  @ApiProperty({ description: 'Diện tích chưa bàn giao (m²)' }) remaining!: string;
  @ApiProperty() blockingReason!: string;
}

export class ProgressDto {
  @ApiProperty() projectId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() asOf!: string;
  @ApiProperty({ description: 'Diện tích cần thu hồi (m²)' }) areaToRecover!: string;
  @ApiProperty({ description: 'Diện tích đã bàn giao (m²)' }) handedOver!: string;
  @ApiProperty() handedOverPercent!: string;
  @ApiProperty({ type: HouseholdsByStageDto, description: 'Số hộ theo bước, tính đến ngày asOf' })
  households!: HouseholdsByStageDto;
  @ApiProperty({ type: [CommuneProgressDto] }) byCommune!: CommuneProgressDto[];
  @ApiProperty({ type: [BatchProgressDto], description: 'Theo đợt, cùng cách tính như theo xã' })
  byBatch!: BatchProgressDto[];
  @ApiProperty({ type: [MilestoneProgressDto] }) milestones!: MilestoneProgressDto[];
  @ApiProperty({ type: [CriticalCaseDto] }) criticalPath!: CriticalCaseDto[];
}

/** One project on the all-projects dashboard (GET /progress). */
export class ProjectProgressSummaryDto {
  @ApiProperty() projectId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Diện tích cần thu hồi (m²)' }) areaToRecover!: string;
  @ApiProperty({ description: 'Diện tích đã bàn giao (m²)' }) handedOver!: string;
  @ApiProperty() handedOverPercent!: string;
  @ApiProperty({ description: 'Số hộ đã bàn giao hết diện tích thu hồi' }) householdsHandedOver!: number;
  @ApiProperty({ description: 'Tổng số hộ (hồ sơ) của dự án' }) householdsTotal!: number;
  @ApiProperty({
    type: MilestoneProgressDto,
    nullable: true,
    description:
      'Mốc tiếp theo (hạn từ ngày asOf trở đi), hoặc mốc cuối cùng nếu mọi mốc đã qua; null: dự án chưa có mốc',
  })
  nextMilestone!: MilestoneProgressDto | null;
}

export class ProgressTotalsDto {
  @ApiProperty() projects!: number;
  @ApiProperty() areaToRecover!: string;
  @ApiProperty() handedOver!: string;
  @ApiProperty() handedOverPercent!: string;
  @ApiProperty() householdsHandedOver!: number;
  @ApiProperty() householdsTotal!: number;
}

export class ProgressDashboardDto {
  @ApiProperty() asOf!: string;
  @ApiProperty({ type: [ProjectProgressSummaryDto] }) projects!: ProjectProgressSummaryDto[];
  @ApiProperty({ type: ProgressTotalsDto, description: 'Cộng các dự án người dùng được xem' })
  totals!: ProgressTotalsDto;
}
