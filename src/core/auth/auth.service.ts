import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../clock/clock.js';
import { AppConfig, DEMO_PASSWORD } from '../config/app-config.js';
import { AppError } from '../errors/app-error.js';
import type { AuthUser } from './policy.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';
import { LoginRateLimiter } from './login-rate-limiter.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

export const toAuthUser = (u: User): AuthUser => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  agencyId: u.agencyId,
  communeIds: u.communeIds ?? [],
});

@Injectable()
export class AuthService {
  /** A hash of nothing anyone knows: an unknown or inactive account is verified against it, so it costs the same. */
  private readonly dummyHash = hashPassword(randomBytes(32).toString('base64url'));

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly limiter: LoginRateLimiter,
  ) {}

  /** A user's name as documents print it (the signer of a decision), or null when there is no such user. */
  async displayName(userId: string): Promise<string | null> {
    const u = await this.db.getRepository(User).findOne({ where: { id: userId }, select: { displayName: true } });
    return u?.displayName ?? null;
  }

  /**
   * Signs in, throttled per client address and per account (LoginRateLimiter); a throttled attempt is refused before
   * the password is looked at, and audited. Known and unknown names take the same work (one argon2 verification).
   */
  async login(
    username: string,
    password: string,
    address: string,
  ): Promise<{ token: string; expiresAt: Date; user: AuthUser }> {
    const limit = await this.limiter.check(address, username);
    if (limit) {
      await this.audit.record(this.db.manager, null, {
        action: 'login_throttled',
        entityType: 'user',
        entityId: username.slice(0, 64),
        changes: [
          { field: 'limit', from: null, to: limit },
          { field: 'address', from: null, to: address },
        ],
      });
      throw limit === 'address'
        ? new AppError(
            'rate_limited',
            'AUTH.TOO_MANY_ATTEMPTS',
            'Có quá nhiều lần đăng nhập từ địa chỉ này. Vui lòng đợi một phút rồi thử lại.',
            { limit, limitPerMinute: this.config.loginRateLimitPerMinute },
          )
        : new AppError(
            'rate_limited',
            'AUTH.TOO_MANY_ATTEMPTS',
            `Tài khoản này đã nhập sai mật khẩu quá nhiều lần. Vui lòng đợi ${this.config.loginAccountWindowMinutes} phút rồi thử lại, hoặc liên hệ quản trị hệ thống.`,
            { limit, failures: this.config.loginAccountFailures, windowMinutes: this.config.loginAccountWindowMinutes },
          );
    }
    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
    const known = !!user && user.active;
    const verified = await argon2.verify(known ? user.passwordHash : await this.dummyHash, password);
    const ok = known && verified;
    if (!ok) {
      await this.limiter.failed(username);
      // Failed logins are audited (without the password) so repeated guessing is visible.
      await this.audit.record(this.db.manager, null, {
        action: 'login_failed',
        entityType: 'user',
        entityId: username.slice(0, 64),
        changes: [],
      });
      throw new AppError('unauthenticated', 'AUTH.INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    await this.limiter.succeeded(username);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + this.config.authTokenTtlHours * 3600_000);
    const authUser = toAuthUser(user);
    await this.db.transaction(async (em) => {
      await em.getRepository(Session).insert({ tokenHash: sha256(token), userId: user.id, expiresAt, revokedAt: null });
      await this.audit.record(em, authUser, { action: 'login', entityType: 'user', entityId: user.id, changes: [] });
    });
    return { token, expiresAt, user: authUser };
  }

  async userForToken(token: string): Promise<AuthUser | null> {
    const session = await this.db.getRepository(Session).findOne({
      where: { tokenHash: sha256(token), revokedAt: IsNull() },
      relations: { user: true },
    });
    if (!session?.user || !session.user.active || session.expiresAt <= this.clock.now()) return null;
    return toAuthUser(session.user);
  }

  async logout(token: string): Promise<void> {
    await this.db
      .getRepository(Session)
      .update({ tokenHash: sha256(token), revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** Production must not run with a seeded demo password: refuse to start until every such account is changed. */
  async usersWithDemoPassword(): Promise<string[]> {
    const users = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.active')
      .getMany();
    const found: string[] = [];
    for (const u of users) if (await argon2.verify(u.passwordHash, DEMO_PASSWORD)) found.push(u.username);
    return found;
  }
}
