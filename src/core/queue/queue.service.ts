import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { JOBS, type JobName, type JobPayloads, QUEUES, type QueueName, RETENTION } from './job-catalogue.js';
import { createRedis } from './redis-connection.js';

export interface EnqueuedJob {
  id: string;
  queue: QueueName;
  name: JobName;
}

export interface JobStatus {
  id: string;
  name: string;
  state: string;
  progress: unknown;
  attemptsMade: number;
  result: unknown;
  failedReason: string | null;
}

/** The only door to BullMQ for producers. Services enqueue after their transaction commits. */
@Injectable()
export class QueueService implements OnModuleDestroy {
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly events = new Map<QueueName, { events: QueueEvents; connection: Redis }>();

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    this.connection = createRedis(config.redisUrl, 'producer');
  }

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, {
        connection: this.connection,
        prefix: this.config.queuePrefix,
        defaultJobOptions: { removeOnComplete: RETENTION.completed, removeOnFail: RETENTION.failed },
      });
      this.queues.set(name, q);
    }
    return q;
  }

  /**
   * Enqueue a job. `jobId` must be deterministic (e.g. `render.<documentId>.v<version>`; BullMQ forbids ":"), so a retry or a second
   * click adds nothing: BullMQ ignores a job whose id already exists.
   */
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string): Promise<EnqueuedJob> {
    const spec = JOBS[name];
    const job = await this.queue(spec.queue).add(name, payload, {
      jobId,
      attempts: spec.attempts,
      backoff: { type: 'exponential', delay: spec.backoffMs },
    });
    return { id: job.id ?? jobId, queue: spec.queue, name };
  }

  async status(queue: QueueName, jobId: string): Promise<JobStatus | null> {
    const job = await Job.fromId(this.queue(queue), jobId);
    if (!job) return null;
    return {
      id: jobId,
      name: job.name,
      state: await job.getState(),
      progress: job.progress,
      attemptsMade: job.attemptsMade,
      result: job.returnvalue ?? null,
      failedReason: job.failedReason ?? null,
    };
  }

  /** Waits for a job to finish (tests and synchronous tools); returns its result or throws its failure. */
  async waitFor(queue: QueueName, jobId: string, timeoutMs = 30_000): Promise<unknown> {
    let entry = this.events.get(queue);
    if (!entry) {
      const connection = createRedis(this.config.redisUrl, 'events');
      const events = new QueueEvents(queue, { connection, prefix: this.config.queuePrefix });
      await events.waitUntilReady();
      entry = { events, connection };
      this.events.set(queue, entry);
    }
    const job = await Job.fromId(this.queue(queue), jobId);
    if (!job) throw new Error(`job ${jobId} not found`);
    return job.waitUntilFinished(entry.events, timeoutMs);
  }

  async health(): Promise<{
    redis: boolean;
    queues: Record<string, { waiting: number; active: number; failed: number; workers: number }>;
  }> {
    const queues: Record<string, { waiting: number; active: number; failed: number; workers: number }> = {};
    try {
      await this.connection.ping();
      for (const name of QUEUES) {
        const q = this.queue(name);
        const counts = await q.getJobCounts('waiting', 'active', 'failed');
        queues[name] = {
          waiting: counts.waiting ?? 0,
          active: counts.active ?? 0,
          failed: counts.failed ?? 0,
          workers: await q.getWorkersCount(),
        };
      }
      return { redis: true, queues };
    } catch {
      return { redis: false, queues };
    }
  }

  async onModuleDestroy(): Promise<void> {
    for (const { events, connection } of this.events.values()) {
      await events.close();
      await connection.quit().catch(() => undefined);
    }
    for (const q of this.queues.values()) await q.close();
    await this.connection.quit().catch(() => undefined);
  }
}
