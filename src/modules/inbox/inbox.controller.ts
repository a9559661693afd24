import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES } from '../../shared/roles.js';
import { InboxDto } from './dto/inbox.dto.js';
import { InboxService } from './inbox.service.js';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller()
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  /** Việc cần làm: the plan steps and the households waiting for a step of the caller's role, in its scope. */
  @ApiOperation({ summary: 'Việc cần làm của người đang đăng nhập: bước phương án, nhóm hồ sơ, thời hạn' })
  @Get('inbox')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: InboxDto })
  get(@CurrentUser() user: AuthUser): Promise<InboxDto> {
    return this.inbox.inbox(user);
  }
}
