import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { AppConfig } from '../config/app-config.js';
import { createRedis } from '../queue/redis-connection.js';

/** Which limit refused a login: the client address's, or the account's. */
export type LoginLimit = 'address' | 'account';

/**
 * Login throttling, counted in Redis so every API replica shares the counts (issue 17 §6), two limits apart:
 * - per client address, every attempt, per minute (LOGIN_RATE_LIMIT_PER_MINUTE): slows a guesser at one address
 *   without locking out an office whose clerks share one gateway (the limit is per minute and generous);
 * - per account, failed attempts within a window (LOGIN_ACCOUNT_FAILURES per LOGIN_ACCOUNT_WINDOW_MINUTES): guessing
 *   one account from many addresses stops there; a successful login clears the count. Counted per name typed,
 *   known or not, so the answer never tells whether an account exists.
 */
@Injectable()
export class LoginRateLimiter implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    this.redis = createRedis(config.redisUrl, 'rate-limit');
  }

  /** Counts this attempt against its address; answers the limit it is over, or null. */
  async check(address: string, username: string): Promise<LoginLimit | null> {
    const key = this.key('address', address);
    const replies = (await this.redis.multi().set(key, 0, 'EX', 60, 'NX').incr(key).exec()) as [
      Error | null,
      unknown,
    ][];
    if (Number(replies[1][1]) > this.config.loginRateLimitPerMinute) return 'address';
    const failures = Number((await this.redis.get(this.key('account', username))) ?? 0);
    return failures >= this.config.loginAccountFailures ? 'account' : null;
  }

  async failed(username: string): Promise<void> {
    const key = this.key('account', username);
    await this.redis
      .multi()
      .set(key, 0, 'EX', this.config.loginAccountWindowMinutes * 60, 'NX')
      .incr(key)
      .exec();
  }

  async succeeded(username: string): Promise<void> {
    await this.redis.del(this.key('account', username));
  }

  private key(kind: LoginLimit, value: string): string {
    const id = kind === 'account' ? value.trim().toLowerCase() : value;
    return `${this.config.queuePrefix}:login-${kind}:${createHash('sha256').update(id).digest('hex')}`;
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
