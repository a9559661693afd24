import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/policy.js';
import { QueueService } from '../queue/queue.service.js';
import { DatabaseProbe, type PoolState } from './database-probe.js';

interface QueueHealthDto {
  waiting: number;
  active: number;
  failed: number;
  /** Workers connected to this queue. */
  workers: number;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({
    type: 'object',
    properties: {
      up: { type: 'boolean' },
      migrations: { type: 'integer' },
      pool: {
        type: 'object',
        description: 'The app’s connections: size, inUse, idle, waiting, saturated (all in use and requests waiting)',
        additionalProperties: true,
      },
    },
  })
  database!: { up: boolean; migrations: number; pool: PoolState };
  @ApiProperty({ type: 'object', properties: { up: { type: 'boolean' } } })
  redis!: { up: boolean };
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Per queue: waiting, active, failed, workers',
  })
  queues!: Record<string, QueueHealthDto>;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly probe: DatabaseProbe,
    private readonly queues: QueueService,
  ) {}

  /**
   * Database, Redis and queue state; 503 when a part is down, so a load balancer can act on it. The database is asked
   * on the probe's own connection, so this answers within a second even when every pooled connection is taken.
   */
  @ApiOperation({ summary: 'Tình trạng hệ thống (cơ sở dữ liệu, Redis)' })
  @Get()
  @Public()
  @ApiOkResponse({ type: HealthDto })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const [migrations, q] = await Promise.all([this.probe.migrations().catch(() => null), this.queues.health()]);
    const database = { up: migrations !== null, migrations: migrations ?? 0, pool: this.probe.pool() };
    const status = database.up && q.redis ? 'ok' : 'degraded';
    if (status !== 'ok') res.status(503);
    return { status, database, redis: { up: q.redis }, queues: q.queues };
  }
}
