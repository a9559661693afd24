import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { QuarterlyReportRequestDto, ReportFileDto } from './dto/report.dto.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Báo cáo kết quả thực hiện nhiệm vụ quý, for one project or all: PDF and XLSX produced by the document workers. */
  @ApiOperation({ summary: 'Lập báo cáo quý kết quả giải phóng mặt bằng' })
  @Post('quarterly')
  @Allow('center_staff', 'center_lead', 'admin')
  @ApiOkResponse({ type: [ReportFileDto] })
  quarterly(@CurrentUser() user: AuthUser, @Body() dto: QuarterlyReportRequestDto): Promise<ReportFileDto[]> {
    return this.reports.issueQuarterly(user, dto);
  }
}
