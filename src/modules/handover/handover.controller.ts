import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES } from '../../core/auth/roles.js';
import { uuidParam } from '../../core/validation/validators.js';
import { HandoverStateDto, RecordHandoverDto } from './dto/handover.dto.js';
import { HandoverService } from './handover.service.js';

@ApiTags('handover')
@ApiBearerAuth()
@Controller('cases/:caseId/handover')
export class HandoverController {
  constructor(private readonly handover: HandoverService) {}

  @Post()
  @Allow('center_staff', 'center_lead', 'admin')
  @ApiOkResponse({ type: HandoverStateDto })
  record(@CurrentUser() user: AuthUser, @Param('caseId', uuidParam()) caseId: string, @Body() dto: RecordHandoverDto): Promise<HandoverStateDto> {
    return this.handover.record(user, caseId, dto);
  }

  @Get()
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: HandoverStateDto })
  state(@CurrentUser() user: AuthUser, @Param('caseId', uuidParam()) caseId: string): Promise<HandoverStateDto> {
    return this.handover.state(user, caseId);
  }
}
