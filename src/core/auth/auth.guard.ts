import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError } from '../errors/app-error.js';
import { requestContext } from '../logging/request-context.js';
import { AuthService } from './auth.service.js';
import { type AuthUser, type Policy, POLICY_KEY } from './policy.js';
import { ROLE_LABELS } from '../../shared/roles.js';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<Policy | undefined>(POLICY_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) {
      throw new AppError('forbidden', 'AUTH.NO_POLICY', 'Chức năng này chưa được phân quyền nên bị khóa.');
    }
    if (policy.kind === 'public') return true;

    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const header = req.header('authorization') ?? '';
    const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header);
    if (!match) {
      throw new AppError('unauthenticated', 'AUTH.TOKEN_MISSING', 'Bạn cần đăng nhập để dùng chức năng này.');
    }
    const user = await this.auth.userForToken(match[1]);
    if (!user) {
      throw new AppError(
        'unauthenticated',
        'AUTH.TOKEN_INVALID',
        'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.',
      );
    }
    req.user = user;
    const ctx = requestContext();
    if (ctx) ctx.userId = user.id;
    if (!policy.roles.includes(user.role)) {
      throw new AppError(
        'forbidden',
        'AUTH.ROLE_NOT_ALLOWED',
        `Vai trò "${ROLE_LABELS[user.role]}" không được thực hiện chức năng này.`,
        {
          role: user.role,
          allowed: policy.roles,
        },
      );
    }
    return true;
  }
}
