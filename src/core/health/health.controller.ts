import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/policy.js';
import { QueueService } from '../queue/queue.service.js';

interface QueueHealthDto {
  waiting: number;
  active: number;
  failed: number;
  /** Workers connected to this queue. */
  workers: number;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: 'object', properties: { up: { type: 'boolean' }, migrations: { type: 'integer' } } })
  database!: { up: boolean; migrations: number };
  @ApiProperty({ type: 'object', properties: { up: { type: 'boolean' } } })
  redis!: { up: boolean };
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Per queue: waiting, active, failed, workers' })
  queues!: Record<string, QueueHealthDto>;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueService,
  ) {}

  /** Database, Redis and queue state; 503 when a part is down, so a load balancer can act on it. */
  @Get()
  @Public()
  @ApiOkResponse({ type: HealthDto })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const database = await this.db
      .query('SELECT count(*)::int AS n FROM migrations')
      .then((r: { n: number }[]) => ({ up: true, migrations: r[0].n }))
      .catch(() => ({ up: false, migrations: 0 }));
    const q = await this.queues.health();
    const status = database.up && q.redis ? 'ok' : 'degraded';
    if (status !== 'ok') res.status(503);
    return { status, database, redis: { up: q.redis }, queues: q.queues };
  }
}
