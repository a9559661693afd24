import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { AppError } from '../../core/errors/app-error.js';
import { IssuedNumberDto, IssueNumberDto, mapIssued } from './dto/number.dto.js';
import { NumberingService } from './numbering.service.js';

const REGISTRARS = ['center_lead', 'land_office', 'district_leader', 'admin'] as const;

/** Sổ đăng ký văn bản đi: numbers per issuing body and year. Workflow acts take theirs themselves. */
@ApiTags('document-register')
@ApiBearerAuth()
@Controller('document-register')
export class NumberingController {
  constructor(private readonly numbering: NumberingService) {}

  @ApiOperation({ summary: 'Cấp số văn bản đi trong sổ đăng ký' })
  @Post()
  @Allow(...REGISTRARS)
  @ApiOkResponse({ type: IssuedNumberDto })
  async issue(@CurrentUser() user: AuthUser, @Body() dto: IssueNumberDto): Promise<IssuedNumberDto> {
    return mapIssued(await this.numbering.issue(user, dto));
  }

  @ApiOperation({ summary: 'Sổ đăng ký văn bản đi (số, ký hiệu, ngày)' })
  @Get()
  @Allow(...REGISTRARS, 'center_staff', 'auditor')
  @ApiQuery({ name: 'agencyId', required: true })
  @ApiQuery({ name: 'year', required: true })
  @ApiOkResponse({ type: [IssuedNumberDto] })
  async register(@Query('agencyId') agencyId: string, @Query('year') year: string): Promise<IssuedNumberDto[]> {
    if (!/^[0-9a-f-]{36}$/i.test(agencyId ?? '') || !/^\d{4}$/.test(year ?? '')) {
      throw new AppError('validation', 'VALIDATION.FAILED', 'Cần mã cơ quan (agencyId) và năm (year) hợp lệ.');
    }
    return (await this.numbering.register(agencyId, Number(year))).map(mapIssued);
  }
}
