import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES, CASE_EDITORS } from '../../shared/roles.js';
import { uuidParam } from '../../core/validation/validators.js';
import { CreateEngagementDto, EngagementDto } from './dto/engagement.dto.js';
import { EngagementService } from './engagement.service.js';

@ApiTags('engagements')
@ApiBearerAuth()
@Controller('cases/:caseId/engagements')
export class EngagementController {
  constructor(private readonly engagements: EngagementService) {}

  @ApiOperation({ summary: 'Các lần vận động, làm việc với hộ' })
  @Get()
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [EngagementDto] })
  list(@CurrentUser() user: AuthUser, @Param('caseId', uuidParam()) caseId: string): Promise<EngagementDto[]> {
    return this.engagements.list(user, caseId);
  }

  @ApiOperation({ summary: 'Ghi nhận một lần vận động, làm việc với hộ' })
  @Post()
  @Allow(...CASE_EDITORS)
  @ApiOkResponse({ type: EngagementDto })
  add(
    @CurrentUser() user: AuthUser,
    @Param('caseId', uuidParam()) caseId: string,
    @Body() dto: CreateEngagementDto,
  ): Promise<EngagementDto> {
    return this.engagements.add(user, caseId, dto);
  }
}
