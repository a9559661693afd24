import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES, CASE_EDITORS } from '../../shared/roles.js';
import { uuidParam } from '../../core/validation/validators.js';
import { CasesService } from './cases.service.js';
import {
  CaseDetailDto,
  CaseListQueryDto,
  CasePageDto,
  CaseStateDto,
  CreateCaseDto,
  PricingFactsDto,
  TransitionDto,
  UpdateCaseDto,
} from './dto/case.dto.js';

@ApiTags('cases')
@ApiBearerAuth()
@Controller()
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @ApiOperation({ summary: 'Thêm hồ sơ hộ vào dự án' })
  @Post('projects/:projectId/cases')
  @Allow(...CASE_EDITORS)
  @ApiOkResponse({ type: CaseDetailDto })
  create(
    @CurrentUser() user: AuthUser,
    @Param('projectId', uuidParam()) projectId: string,
    @Body() dto: CreateCaseDto,
  ): Promise<CaseDetailDto> {
    return this.cases.create(user, projectId, dto);
  }

  /** Filters: commune, state, batch, flags, text (name without accents, CCCD, parcel number); paginated. */
  @ApiOperation({ summary: 'Danh sách hồ sơ hộ của dự án (lọc, tìm không dấu, phân trang)' })
  @Get('projects/:projectId/cases')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: CasePageDto })
  list(
    @CurrentUser() user: AuthUser,
    @Param('projectId', uuidParam()) projectId: string,
    @Query() q: CaseListQueryDto,
  ): Promise<CasePageDto> {
    return this.cases.list(user, projectId, q);
  }

  /** The states a case of this project can be in (its regime's case procedure), for filters and pickers. */
  @ApiOperation({ summary: 'Số hồ sơ của dự án theo từng bước của quy trình' })
  @Get('projects/:projectId/case-states')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [CaseStateDto] })
  states(@CurrentUser() user: AuthUser, @Param('projectId', uuidParam()) projectId: string): Promise<CaseStateDto[]> {
    return this.cases.states(user, projectId);
  }

  @ApiOperation({ summary: 'Hồ sơ hộ: người sử dụng đất, bước hiện tại, lịch sử, bước tiếp theo' })
  @Get('cases/:id')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: CaseDetailDto })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<CaseDetailDto> {
    return this.cases.detail(user, id);
  }

  @ApiOperation({ summary: 'Sửa thông tin hồ sơ (xã, đợt, ghi chú)' })
  @Patch('cases/:id')
  @Allow(...CASE_EDITORS)
  @ApiOkResponse({ type: CaseDetailDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateCaseDto,
  ): Promise<CaseDetailDto> {
    return this.cases.update(user, id, dto);
  }

  @ApiOperation({ summary: 'Ghi các thông tin dùng để tính tiền (di chuyển chỗ ở, tái định cư…)' })
  @Patch('cases/:id/pricing-facts')
  @Allow('center_staff', 'center_lead', 'admin')
  @ApiOkResponse({ type: CaseDetailDto })
  setPricingFacts(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: PricingFactsDto,
  ): Promise<CaseDetailDto> {
    return this.cases.setPricingFacts(user, id, dto);
  }

  /** A step of the procedure (notice delivered, refusal, persuasion, compulsory inventory…), checked by the regime. */
  @ApiOperation({ summary: 'Thực hiện một bước của quy trình đối với hồ sơ' })
  @Post('cases/:id/transitions')
  @Allow(...CASE_EDITORS, 'district_leader')
  @ApiOkResponse({ type: CaseDetailDto })
  transition(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: TransitionDto,
  ): Promise<CaseDetailDto> {
    return this.cases.transition(user, id, dto);
  }
}
