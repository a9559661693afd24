import { ApiProperty } from '@nestjs/swagger';

/** Households of a project waiting in one state for a step the user's role takes. */
export class InboxCaseGroupDto {
  @ApiProperty() projectId!: string;
  @ApiProperty({ example: 'CT-HNCL' }) projectCode!: string;
  @ApiProperty() projectName!: string;
  @ApiProperty({ example: 'SURVEYED' }) state!: string;
  @ApiProperty({ example: 'Đã kiểm đếm' }) stateLabel!: string;
  @ApiProperty({ description: 'Số hộ đang ở bước này' }) count!: number;
  @ApiProperty({ type: [String], description: 'Các bước tiếp theo vai trò này thực hiện' }) steps!: string[];
}

/** A step of a plan that waits for the user's role. */
export class InboxPlanStepDto {
  @ApiProperty() planId!: string;
  @ApiProperty({ example: 'PA-CT-HNCL-01' }) planCode!: string;
  @ApiProperty() planName!: string;
  @ApiProperty() projectCode!: string;
  @ApiProperty({ example: 'POSTED' }) status!: string;
  @ApiProperty({ example: 'close_posting' }) action!: string;
  @ApiProperty({ example: 'Kết thúc niêm yết' }) label!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Ngày sớm nhất được thực hiện' }) earliestOn!:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Lý do chưa thể thực hiện' }) blockedBy!: string | null;
}

export class InboxDto {
  @ApiProperty({ type: [InboxPlanStepDto] }) plans!: InboxPlanStepDto[];
  @ApiProperty({ type: [InboxCaseGroupDto] }) cases!: InboxCaseGroupDto[];
}
