import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES } from '../../core/auth/roles.js';
import { uuidParam } from '../../core/validation/validators.js';
import { EnforcementCheckDto, EnforcementCheckQueryDto, HandoverStateDto, RecordEnforcementDto, RecordHandoverDto } from './dto/handover.dto.js';
import { HandoverService } from './handover.service.js';

@ApiTags('handover')
@ApiBearerAuth()
@Controller('cases/:caseId')
export class HandoverController {
  constructor(private readonly handover: HandoverService) {}

  /** A handover act (parcels and areas); issues its biên bản bàn giao mặt bằng. */
  @Post('handover')
  @Allow('center_staff', 'center_lead', 'admin')
  @ApiOkResponse({ type: HandoverStateDto })
  record(@CurrentUser() user: AuthUser, @Param('caseId', uuidParam()) caseId: string, @Body() dto: RecordHandoverDto): Promise<HandoverStateDto> {
    return this.handover.record(user, caseId, dto);
  }

  @Get('handover')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: HandoverStateDto })
  state(@CurrentUser() user: AuthUser, @Param('caseId', uuidParam()) caseId: string): Promise<HandoverStateDto> {
    return this.handover.state(user, caseId);
  }

  /** Whether enforcement may start on a date and hour (nights, holidays, the days around Tết are refused). */
  @Get('enforcement/check')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: EnforcementCheckDto })
  check(@CurrentUser() user: AuthUser, @Param('caseId', uuidParam()) caseId: string, @Query() q: EnforcementCheckQueryDto): Promise<EnforcementCheckDto> {
    return this.handover.checkEnforcement(user, caseId, q.date, q.time);
  }

  /** Enforcement carried out, after the enforcement decision, on a day and hour the calendar allows. */
  @Post('enforcement')
  @Allow('center_lead', 'district_leader', 'admin')
  @ApiOkResponse({ type: EnforcementCheckDto })
  enforce(@CurrentUser() user: AuthUser, @Param('caseId', uuidParam()) caseId: string, @Body() dto: RecordEnforcementDto): Promise<EnforcementCheckDto> {
    return this.handover.enforce(user, caseId, dto);
  }
}
