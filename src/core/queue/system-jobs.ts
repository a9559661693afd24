import { Injectable, OnModuleInit } from '@nestjs/common';
import { WorkerService } from './worker.service.js';

/** `system.echo`: the smallest real job, used by tests and by operators to prove a worker is consuming. */
@Injectable()
export class SystemJobs implements OnModuleInit {
  constructor(private readonly workers: WorkerService) {}

  onModuleInit(): void {
    this.workers.register('system.echo', async (payload, job) => {
      // failTimes lets a test prove retries: the job fails that many attempts before succeeding.
      if (payload.failTimes && job.attemptsMade < payload.failTimes) {
        throw new Error(`echo asked to fail (attempt ${job.attemptsMade + 1})`);
      }
      await job.updateProgress(100);
      return { text: payload.text, worker: this.workers.workerId, attempts: job.attemptsMade + 1 };
    });
  }
}
