import { Global, Module } from '@nestjs/common';
import { QueueService } from './queue.service.js';
import { SystemJobs } from './system-jobs.js';
import { WorkerService } from './worker.service.js';

@Global()
@Module({
  providers: [QueueService, WorkerService, SystemJobs],
  exports: [QueueService, WorkerService],
})
export class QueueModule {}
