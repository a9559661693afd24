import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { uuidParam } from '../../core/validation/validators.js';
import { NOTICE_ISSUERS } from '../../shared/roles.js';
import { IssuedNoticeDto, RecoveryNoticesDto } from './dto/notices.dto.js';
import { NoticesService } from './notices.service.js';

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  /** Thông báo thu hồi đất for listed households: numbered by the district UBND, rendered by workers. */
  @ApiOperation({ summary: 'Ban hành thông báo thu hồi đất cho các hộ' })
  @Post('projects/:projectId/recovery-notices')
  @Allow(...NOTICE_ISSUERS)
  @ApiOkResponse({ type: [IssuedNoticeDto] })
  issue(
    @CurrentUser() user: AuthUser,
    @Param('projectId', uuidParam()) projectId: string,
    @Body() dto: RecoveryNoticesDto,
  ): Promise<IssuedNoticeDto[]> {
    return this.notices.issueRecoveryNotices(user, projectId, dto);
  }
}
