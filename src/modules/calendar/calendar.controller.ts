import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES } from '../../shared/roles.js';
import { calendarDateProblem } from '../../shared/dates.js';
import { AppError, problemDetails } from '../../core/errors/app-error.js';
import { CalendarService } from './calendar.service.js';
import { HolidayDto, PutHolidayDto } from './dto/holiday.dto.js';
import { HOLIDAY_KINDS, type HolidayKind } from './holiday.entity.js';

const dateParam = (d: string) => {
  const problem = calendarDateProblem(d);
  if (problem) {
    throw new AppError(
      'validation',
      'VALIDATION.DATE_INVALID',
      `Ngày trên đường dẫn không hợp lệ: ${problem}`,
      problemDetails([{ field: 'date', code: 'VALIDATION.DATE_INVALID', message: problem }]),
    );
  }
  return d;
};

/** Lịch nghỉ lễ, Tết: read by everyone, edited by the administrator when the year's notice comes out. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('holidays')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @ApiOperation({ summary: 'Danh sách ngày nghỉ lễ, Tết và ngày làm bù' })
  @Get()
  @Allow(...ALL_ROLES)
  @ApiQuery({ name: 'year', required: true, example: 2024 })
  @ApiOkResponse({ type: [HolidayDto] })
  list(@Query('year') year: string): Promise<HolidayDto[]> {
    if (!/^\d{4}$/.test(year ?? ''))
      throw new AppError('validation', 'VALIDATION.YEAR_INVALID', 'Năm phải gồm 4 chữ số.');
    return this.calendar.list(Number(year));
  }

  @ApiOperation({ summary: 'Thêm hoặc sửa một ngày nghỉ lễ, Tết' })
  @Put(':date')
  @Allow('admin')
  @ApiOkResponse({ type: HolidayDto })
  put(@CurrentUser() user: AuthUser, @Param('date') date: string, @Body() dto: PutHolidayDto): Promise<HolidayDto> {
    return this.calendar.put(user, dateParam(date), dto);
  }

  @ApiOperation({ summary: 'Xóa một ngày nghỉ lễ, Tết' })
  @Delete(':date/:kind')
  @Allow('admin')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('date') date: string, @Param('kind') kind: string): Promise<void> {
    if (!HOLIDAY_KINDS.includes(kind as HolidayKind))
      throw new AppError('validation', 'VALIDATION.KIND_INVALID', 'Loại ngày nghỉ không hợp lệ.');
    await this.calendar.remove(user, dateParam(date), kind as HolidayKind);
  }
}
