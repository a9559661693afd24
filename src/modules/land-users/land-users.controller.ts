import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { AppError, problemDetails } from '../../core/errors/app-error.js';
import { uuidParam } from '../../core/validation/validators.js';
import { CreateLandUserDto, LandUserDto, mapLandUser, UpdateLandUserDto } from './dto/land-user.dto.js';
import { LandUsersService } from './land-users.service.js';

/**
 * Người sử dụng đất across projects (one person may lose land to several projects: found by CCCD).
 * Commune officers work on land users through their communes' cases instead.
 */
@ApiTags('land-users')
@ApiBearerAuth()
@Controller('land-users')
export class LandUsersController {
  constructor(private readonly landUsers: LandUsersService) {}

  @ApiOperation({ summary: 'Tìm người sử dụng đất theo số CCCD' })
  @Get()
  @Allow('center_staff', 'center_lead', 'land_office', 'admin', 'auditor')
  @ApiQuery({ name: 'cccd', required: true, description: 'Số CCCD (12 chữ số)' })
  @ApiOkResponse({ type: [LandUserDto] })
  async findByCccd(@CurrentUser() user: AuthUser, @Query('cccd') cccd: string): Promise<LandUserDto[]> {
    if (!/^\d{12}$/.test(cccd ?? '')) {
      throw new AppError(
        'validation',
        'VALIDATION.MATCHES',
        'Số CCCD phải gồm đúng 12 chữ số.',
        problemDetails([{ field: 'cccd', code: 'VALIDATION.MATCHES', message: 'Số CCCD phải gồm đúng 12 chữ số.' }]),
      );
    }
    const found = await this.landUsers.findByCccd(cccd);
    return found ? [mapLandUser(found, user)] : [];
  }

  @ApiOperation({ summary: 'Thêm người sử dụng đất (hộ, cá nhân, tổ chức)' })
  @Post()
  @Allow('center_staff', 'center_lead', 'admin')
  @ApiOkResponse({ type: LandUserDto })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateLandUserDto): Promise<LandUserDto> {
    return mapLandUser(await this.landUsers.register(user, dto), user);
  }

  @ApiOperation({ summary: 'Thông tin người sử dụng đất và thành viên hộ' })
  @Get(':id')
  @Allow('center_staff', 'center_lead', 'land_office', 'admin', 'auditor')
  @ApiOkResponse({ type: LandUserDto })
  async get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<LandUserDto> {
    return mapLandUser(await this.landUsers.get(id), user);
  }

  @ApiOperation({ summary: 'Sửa thông tin người sử dụng đất' })
  @Patch(':id')
  @Allow('center_staff', 'center_lead', 'admin')
  @ApiOkResponse({ type: LandUserDto })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateLandUserDto,
  ): Promise<LandUserDto> {
    return mapLandUser(await this.landUsers.update(user, id, dto), user);
  }
}
