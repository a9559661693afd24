import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES } from '../../core/auth/roles.js';
import { AppError } from '../../core/errors/app-error.js';
import { uuidParam } from '../../core/validation/validators.js';
import { ProgressDto } from './dto/progress.dto.js';
import { ProgressService } from './progress.service.js';

@ApiTags('progress')
@ApiBearerAuth()
@Controller('projects/:projectId/progress')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  /** Area handed over and its share, households by stage, milestones with forecast, critical path — as of any date. */
  @Get()
  @Allow(...ALL_ROLES)
  @ApiQuery({ name: 'asOf', required: false, example: '2024-06-30' })
  @ApiOkResponse({ type: ProgressDto })
  get(@CurrentUser() user: AuthUser, @Param('projectId', uuidParam()) projectId: string, @Query('asOf') asOf?: string): Promise<ProgressDto> {
    if (asOf !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)))) {
      throw new AppError('validation', 'VALIDATION.DATE_INVALID', 'Ngày (asOf) phải theo định dạng YYYY-MM-DD.', [{ field: 'asOf', code: 'VALIDATION.DATE_INVALID', message: 'Ngày không hợp lệ.' }]);
    }
    return this.progress.project(user, projectId, asOf);
  }
}
