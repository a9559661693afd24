import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { hostname } from 'node:os';
import { AppConfig } from '../config/app-config.js';
import { AppLogger } from '../logging/app-logger.js';
import { JOBS, type JobName, type JobPayloads, PermanentJobError, QUEUES, type QueueName } from './job-catalogue.js';
import type { Redis } from 'ioredis';
import { createRedis } from './redis-connection.js';

export type JobHandler<N extends JobName> = (
  payload: JobPayloads[N],
  job: { id: string; attemptsMade: number; updateProgress(p: number): Promise<void> },
) => Promise<unknown>;

/**
 * Runs the queue workers when APP_MODE is `worker` or `all`. Modules register a handler per job name; one BullMQ
 * Worker per queue dispatches by name. Shutdown waits for running jobs (graceful), so a deploy never cuts a render.
 */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];
  readonly workerId = `${hostname()}:${process.pid}`;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly logger: AppLogger,
  ) {}

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    this.handlers.set(name, handler as unknown as JobHandler<JobName>);
  }

  onApplicationBootstrap(): void {
    if (!this.config.runsWorker) return;
    for (const queue of QUEUES) {
      if (!Object.values(JOBS).some((j) => j.queue === queue)) continue;
      this.workers.push(this.startWorker(queue));
    }
    this.logger.info('workers started', { queues: QUEUES.join(','), concurrency: this.config.workerConcurrency });
  }

  private startWorker(queue: QueueName): Worker {
    // BullMQ does not close a connection it was given: keep it, to close it after the worker.
    const connection = createRedis(this.config.redisUrl, `worker:${queue}`);
    this.connections.push(connection);
    const worker = new Worker(
      queue,
      async (job: Job) => {
        const handler = this.handlers.get(job.name as JobName);
        if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
        try {
          return await handler(job.data as Parameters<typeof handler>[0], {
            id: job.id ?? '',
            attemptsMade: job.attemptsMade,
            updateProgress: (p: number) => job.updateProgress(p),
          });
        } catch (err) {
          if (err instanceof PermanentJobError) throw new UnrecoverableError(err.message);
          throw err;
        }
      },
      {
        connection,
        prefix: this.config.queuePrefix,
        concurrency: this.config.workerConcurrency,
        lockDuration: this.config.workerStalledMs,
        stalledInterval: this.config.workerStalledMs,
        name: this.workerId,
      },
    );
    worker.on('failed', (job, err) =>
      this.logger.warn('job failed', {
        queue,
        jobId: job?.id,
        job: job?.name,
        attempt: job?.attemptsMade,
        error: err.message,
      }),
    );
    worker.on('error', (err) => this.logger.error('worker error', { queue, error: err.message }));
    return worker;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all(this.connections.map((c) => c.quit().catch(() => undefined)));
    this.workers.length = 0;
    this.connections.length = 0;
  }
}
