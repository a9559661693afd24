import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES } from '../../shared/roles.js';
import { uuidParam } from '../../core/validation/validators.js';
import {
  EarlyHandoverBonusesDto,
  EnforcementCheckDto,
  EnforcementCheckQueryDto,
  HandoverStateDto,
  RecordEnforcementDto,
  RecordHandoverDto,
} from './dto/handover.dto.js';
import { HandoverService } from './handover.service.js';

@ApiTags('handover')
@ApiBearerAuth()
@Controller()
export class HandoverController {
  constructor(private readonly handover: HandoverService) {}

  /** A handover act (parcels and areas); issues its biên bản bàn giao mặt bằng. */
  @ApiOperation({ summary: 'Ghi nhận bàn giao mặt bằng (từng thửa, diện tích) và lập biên bản' })
  @Post('cases/:caseId/handover')
  @Allow('center_staff', 'center_lead', 'admin')
  @ApiOkResponse({ type: HandoverStateDto })
  record(
    @CurrentUser() user: AuthUser,
    @Param('caseId', uuidParam()) caseId: string,
    @Body() dto: RecordHandoverDto,
  ): Promise<HandoverStateDto> {
    return this.handover.record(user, caseId, dto);
  }

  @ApiOperation({ summary: 'Tình hình bàn giao mặt bằng của hồ sơ' })
  @Get('cases/:caseId/handover')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: HandoverStateDto })
  state(@CurrentUser() user: AuthUser, @Param('caseId', uuidParam()) caseId: string): Promise<HandoverStateDto> {
    return this.handover.state(user, caseId);
  }

  /** Whether enforcement may start on a date and hour (nights, holidays, the days around Tết are refused). */
  @ApiOperation({ summary: 'Kiểm tra ngày, giờ dự kiến cưỡng chế có được phép không' })
  @Get('cases/:caseId/enforcement/check')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: EnforcementCheckDto })
  check(
    @CurrentUser() user: AuthUser,
    @Param('caseId', uuidParam()) caseId: string,
    @Query() q: EnforcementCheckQueryDto,
  ): Promise<EnforcementCheckDto> {
    return this.handover.checkEnforcement(user, caseId, q.date, q.time);
  }

  /** Enforcement carried out, after the enforcement decision, on a day and hour the calendar allows. */
  @ApiOperation({ summary: 'Ghi nhận tổ chức cưỡng chế thu hồi đất' })
  @Post('cases/:caseId/enforcement')
  @Allow('center_lead', 'district_leader', 'admin')
  @ApiOkResponse({ type: EnforcementCheckDto })
  enforce(
    @CurrentUser() user: AuthUser,
    @Param('caseId', uuidParam()) caseId: string,
    @Body() dto: RecordEnforcementDto,
  ): Promise<EnforcementCheckDto> {
    return this.handover.enforce(user, caseId, dto);
  }

  /** The early-handover bonus lines of a plan's households (and why a household has none), for the bonus decision. */
  @ApiOperation({ summary: 'Thưởng bàn giao mặt bằng sớm của các hộ trong phương án' })
  @Get('plans/:planId/early-handover-bonuses')
  @Allow('center_staff', 'center_lead', 'land_office', 'district_leader', 'investor', 'admin', 'auditor')
  @ApiOkResponse({ type: EarlyHandoverBonusesDto })
  bonuses(
    @CurrentUser() user: AuthUser,
    @Param('planId', uuidParam()) planId: string,
  ): Promise<EarlyHandoverBonusesDto> {
    return this.handover.bonuses(user, planId);
  }
}
