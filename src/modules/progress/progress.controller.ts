import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES } from '../../shared/roles.js';
import { isCalendarDate } from '../../shared/dates.js';
import { AppError, problemDetails } from '../../core/errors/app-error.js';
import { uuidParam } from '../../core/validation/validators.js';
import { ProgressDashboardDto, ProgressDto } from './dto/progress.dto.js';
import { CRITICAL_PATH_MAX, ProgressService } from './progress.service.js';

/** `?asOf=` is optional (today in Vietnam); when given it must be a real calendar date. */
function asOfQuery(asOf: string | undefined): string | undefined {
  if (asOf !== undefined && !isCalendarDate(asOf)) {
    throw new AppError(
      'validation',
      'VALIDATION.DATE_INVALID',
      'Ngày (asOf) phải theo định dạng YYYY-MM-DD.',
      problemDetails([{ field: 'asOf', code: 'VALIDATION.DATE_INVALID', message: 'Ngày không hợp lệ.' }]),
    );
  }
  return asOf;
}

/** `?criticalPathSize=` is optional (10); when given, a whole number from 1 to 100. */
function criticalPathSizeQuery(size: string | undefined): number | undefined {
  if (size === undefined) return undefined;
  const n = /^[0-9]{1,3}$/.test(size) ? Number(size) : NaN;
  if (!(n >= 1 && n <= CRITICAL_PATH_MAX)) {
    const message = `Số hồ sơ có diện tích chưa bàn giao lớn nhất cần liệt kê (criticalPathSize) phải là số nguyên từ 1 đến ${CRITICAL_PATH_MAX}.`;
    throw new AppError(
      'validation',
      'VALIDATION.NUMBER_INVALID',
      message,
      problemDetails([{ field: 'criticalPathSize', code: 'VALIDATION.NUMBER_INVALID', message }]),
    );
  }
  return n;
}

@ApiTags('progress')
@ApiBearerAuth()
@Controller()
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  /** Every project the caller may see: area and households handed over, next milestone, totals — as of any date. */
  @ApiOperation({ summary: 'Tiến độ mọi dự án được xem: diện tích bàn giao, mốc tiếp theo' })
  @Get('progress')
  @Allow(...ALL_ROLES)
  @ApiQuery({ name: 'asOf', required: false, example: '2024-06-30' })
  @ApiOkResponse({ type: ProgressDashboardDto })
  dashboard(@CurrentUser() user: AuthUser, @Query('asOf') asOf?: string): Promise<ProgressDashboardDto> {
    return this.progress.dashboard(user, asOfQuery(asOf));
  }

  /** Area handed over and its share, households by stage, by commune and batch, milestones with forecast, critical path — as of any date. */
  @ApiOperation({ summary: 'Tiến độ một dự án: theo xã, theo đợt, các bước, đường găng' })
  @Get('projects/:projectId/progress')
  @Allow(...ALL_ROLES)
  @ApiQuery({ name: 'asOf', required: false, example: '2024-06-30' })
  @ApiQuery({
    name: 'criticalPathSize',
    required: false,
    example: 10,
    description: 'Số hồ sơ có diện tích chưa bàn giao lớn nhất cần liệt kê (criticalPath), 1–100, mặc định 10',
  })
  @ApiOkResponse({ type: ProgressDto })
  get(
    @CurrentUser() user: AuthUser,
    @Param('projectId', uuidParam()) projectId: string,
    @Query('asOf') asOf?: string,
    @Query('criticalPathSize') criticalPathSize?: string,
  ): Promise<ProgressDto> {
    return this.progress.project(user, projectId, asOfQuery(asOf), criticalPathSizeQuery(criticalPathSize));
  }

  /** The cumulative share of the area handed over, with the milestone targets, as an SVG chart. */
  @ApiOperation({ summary: 'Biểu đồ tiến độ bàn giao mặt bằng (SVG)' })
  @Get('projects/:projectId/progress/chart.svg')
  @Allow(...ALL_ROLES)
  @ApiProduces('image/svg+xml')
  @ApiQuery({ name: 'asOf', required: false, example: '2024-06-30' })
  @ApiOkResponse({ schema: { type: 'string' }, description: 'Biểu đồ tiến độ bàn giao mặt bằng (SVG)' })
  async chart(
    @CurrentUser() user: AuthUser,
    @Param('projectId', uuidParam()) projectId: string,
    @Res({ passthrough: true }) res: Response,
    @Query('asOf') asOf?: string,
  ): Promise<string> {
    const svg = await this.progress.chartSvg(user, projectId, asOfQuery(asOf));
    // Set only on success: an error keeps its JSON content type.
    res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
    return svg;
  }
}
