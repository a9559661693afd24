import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthService } from './auth.service.js';
import { LoginDto, LoginResponseDto, mapMe, MeDto } from './dto/auth.dto.js';
import { ALL_ROLES } from '../../shared/roles.js';
import { Allow, type AuthUser, CurrentUser, Public } from './policy.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Throttled per client address and per account (LoginRateLimiter); failures and throttled attempts are audited. */
  @ApiOperation({ summary: 'Đăng nhập bằng tên đăng nhập và mật khẩu' })
  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  async login(@Req() req: Request, @Body() dto: LoginDto): Promise<LoginResponseDto> {
    const { token, expiresAt, user } = await this.auth.login(dto.username, dto.password, req.ip ?? 'unknown');
    return { token, expiresAt: expiresAt.toISOString(), user: mapMe(user) };
  }

  @ApiOperation({ summary: 'Người đang đăng nhập: họ tên, vai trò, phạm vi' })
  @Get('me')
  @Allow(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthUser): MeDto {
    return mapMe(user);
  }

  @ApiOperation({ summary: 'Đăng xuất (hủy phiên đăng nhập hiện tại)' })
  @Post('logout')
  @Allow(...ALL_ROLES)
  @HttpCode(204)
  @ApiBearerAuth()
  async logout(@Req() req: Request): Promise<void> {
    await this.auth.logout((req.header('authorization') ?? '').replace(/^Bearer\s+/, ''));
  }
}
