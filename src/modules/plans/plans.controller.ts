import { Body, Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES, CASE_EDITORS, PLAN_EDITORS } from '../../shared/roles.js';
import { uuidParam } from '../../core/validation/validators.js';
import {
  CasePlanLinesDto,
  CreatePlanDto,
  ItemPreviewDto,
  ItemPreviewRequestDto,
  LinePageDto,
  LineQueryDto,
  PlanCaseDto,
  PlanDto,
  RecomputeDto,
  RecomputeResultDto,
  SupplementDto,
} from './dto/plan.dto.js';
import { planWorkbook } from './plan-export.js';
import { PlansService } from './plans.service.js';
import { PlanNextStepDto, PlanTransitionDto, TransitionRequestDto } from './dto/workflow.dto.js';
import { WorkflowService } from './workflow.service.js';

@ApiTags('plans')
@ApiBearerAuth()
@Controller()
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly workflow: WorkflowService,
  ) {}

  @ApiOperation({ summary: 'Lập dự thảo phương án bồi thường, hỗ trợ, tái định cư' })
  @Post('projects/:projectId/plans')
  @Allow(...PLAN_EDITORS)
  @ApiOkResponse({ type: PlanDto })
  create(
    @CurrentUser() user: AuthUser,
    @Param('projectId', uuidParam()) projectId: string,
    @Body() dto: CreatePlanDto,
  ): Promise<PlanDto> {
    return this.plans.create(user, projectId, dto);
  }

  @ApiOperation({ summary: 'Các phương án của dự án' })
  @Get('projects/:projectId/plans')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [PlanDto] })
  list(@CurrentUser() user: AuthUser, @Param('projectId', uuidParam()) projectId: string): Promise<PlanDto[]> {
    return this.plans.list(user, projectId);
  }

  @ApiOperation({ summary: 'Một phương án: tình trạng, tổng tiền, lỗi kiểm tra' })
  @Get('plans/:id')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: PlanDto })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<PlanDto> {
    return this.plans.get(user, id);
  }

  @ApiOperation({ summary: 'Các hộ trong phương án với số tiền từng hộ' })
  @Get('plans/:id/cases')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [PlanCaseDto] })
  cases(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<PlanCaseDto[]> {
    return this.plans.cases(user, id);
  }

  @ApiOperation({ summary: 'Các dòng tính tiền của phương án (lọc, phân trang)' })
  @Get('plans/:id/lines')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: LinePageDto })
  lines(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Query() q: LineQueryDto,
  ): Promise<LinePageDto> {
    return this.plans.lines(user, id, q);
  }

  /** Kiểm đếm: what the items as typed would price to, before they are saved or signed. Writes nothing. */
  @ApiOperation({ summary: 'Xem trước số tiền các tài sản đang kiểm đếm sẽ được tính (không ghi gì)' })
  @Post('cases/:caseId/inventory-preview')
  @Allow(...CASE_EDITORS)
  @ApiOkResponse({ type: ItemPreviewDto })
  previewItems(
    @CurrentUser() user: AuthUser,
    @Param('caseId', uuidParam()) caseId: string,
    @Body() dto: ItemPreviewRequestDto,
  ): Promise<ItemPreviewDto> {
    return this.plans.previewItems(user, caseId, dto);
  }

  /** Recompute a draft after inventories or prices changed; answers what changed per case. */
  @ApiOperation({ summary: 'Tính lại dự thảo phương án và cho biết thay đổi' })
  @Post('plans/:id/recompute')
  @Allow(...PLAN_EDITORS)
  @ApiOkResponse({ type: RecomputeResultDto })
  recompute(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: RecomputeDto,
  ): Promise<RecomputeResultDto> {
    return this.plans.recompute(user, id, dto);
  }

  /** A supplementary plan for households or items missed by an approved plan, linked to it. */
  @ApiOperation({ summary: 'Lập phương án bổ sung cho hộ, thửa, tài sản bị sót' })
  @Post('plans/:id/supplements')
  @Allow(...PLAN_EDITORS)
  @ApiOkResponse({ type: PlanDto })
  supplement(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: SupplementDto,
  ): Promise<PlanDto> {
    return this.plans.createSupplement(user, id, dto);
  }

  /** An adjusted plan correcting cases of an approved plan; its cases become editable while it is a draft. */
  @ApiOperation({ summary: 'Lập phương án điều chỉnh của phương án đã phê duyệt' })
  @Post('plans/:id/adjustments')
  @Allow(...PLAN_EDITORS)
  @ApiOkResponse({ type: PlanDto })
  adjustment(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: SupplementDto,
  ): Promise<PlanDto> {
    return this.plans.createAdjustment(user, id, dto);
  }

  /** A step of the procedure (posting, consultation, appraisal by section, approval…), checked by the regime. */
  @ApiOperation({ summary: 'Thực hiện một bước của phương án (trình, niêm yết, thẩm định, phê duyệt…)' })
  @Post('plans/:id/transitions')
  @Allow('center_staff', 'center_lead', 'land_office', 'agriculture_office', 'infrastructure_office', 'district_leader')
  @ApiOkResponse({ type: PlanTransitionDto })
  transition(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: TransitionRequestDto,
  ): Promise<PlanTransitionDto> {
    return this.workflow.transition(user, id, dto);
  }

  /** The plans holding a case (newest first) with the case's lines and their legal basis: the case file shows them. */
  @ApiOperation({ summary: 'Các dòng tính tiền của hồ sơ trong các phương án, kèm căn cứ' })
  @Get('cases/:caseId/plan-lines')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [CasePlanLinesDto] })
  caseLines(@CurrentUser() user: AuthUser, @Param('caseId', uuidParam()) caseId: string): Promise<CasePlanLinesDto[]> {
    return this.plans.caseLines(user, caseId);
  }

  /** What the plan may do next: each step, its roles, the earliest day, the fields it needs, what blocks it. */
  @ApiOperation({ summary: 'Các bước tiếp theo của phương án: ai làm, từ ngày nào, cần nhập gì' })
  @Get('plans/:id/next-steps')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [PlanNextStepDto] })
  nextSteps(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<PlanNextStepDto[]> {
    return this.workflow.nextSteps(user, id);
  }

  @ApiOperation({ summary: 'Các bước đã thực hiện của phương án' })
  @Get('plans/:id/transitions')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [PlanTransitionDto] })
  history(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<PlanTransitionDto[]> {
    return this.workflow.history(user, id);
  }

  @ApiOperation({ summary: 'Xuất phương án ra Excel' })
  @Get('plans/:id/export.xlsx')
  @Allow(...ALL_ROLES)
  async export(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { plan, cases, lines } = await this.plans.loadForExport(user, id);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(`phuong-an-${plan.code}.xlsx`)}`,
    );
    return new StreamableFile(await planWorkbook(plan, cases, lines));
  }
}
