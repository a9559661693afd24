import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { AppError } from '../errors/app-error.js';
import { createRedis } from '../queue/redis-connection.js';

/**
 * Login attempts per client address and minute, counted in Redis so every API replica shares one count.
 * The window opens at an address's first attempt and lasts a minute: simple, and enough to make guessing slow.
 */
@Injectable()
export class LoginRateLimiter implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    this.redis = createRedis(config.redisUrl, 'rate-limit');
  }

  async hit(clientAddress: string): Promise<void> {
    const key = `${this.config.queuePrefix}:login-attempts:${clientAddress}`;
    const replies = (await this.redis.multi().set(key, 0, 'EX', 60, 'NX').incr(key).exec()) as [
      Error | null,
      unknown,
    ][];
    const count = Number(replies[1][1]);
    if (count > this.config.loginRateLimitPerMinute) {
      throw new AppError(
        'rate_limited',
        'AUTH.TOO_MANY_ATTEMPTS',
        'Bạn đã thử đăng nhập quá nhiều lần. Vui lòng đợi một phút rồi thử lại.',
        {
          limitPerMinute: this.config.loginRateLimitPerMinute,
        },
      );
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
