import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES } from '../../shared/roles.js';
import { DeadlinesService } from './deadlines.service.js';
import { DeadlineQueryDto, DeadlinesDto } from './dto/deadline.dto.js';

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('deadlines')
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  /** What is due and overdue, by agency and project (scoped like the rest). */
  @ApiOperation({ summary: 'Các thời hạn theo luật sắp đến và đã quá hạn' })
  @Get()
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: DeadlinesDto })
  list(@CurrentUser() user: AuthUser, @Query() q: DeadlineQueryDto): Promise<DeadlinesDto> {
    return this.deadlines.list(user, q);
  }
}
