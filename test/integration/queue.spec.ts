import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueueService } from '../../src/core/queue/queue.service.js';
import { WorkerService } from '../../src/core/queue/worker.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let queues: QueueService;

beforeAll(async () => {
  t = await startTestApp();
  queues = t.app.get(QueueService);
});
afterAll(async () => {
  await t.close();
});

describe('queue wiring on real Redis', () => {
  it('runs a job through a real worker', async () => {
    const job = await queues.enqueue('system.echo', { text: 'xin chào' }, 'echo-1');
    const result = await queues.waitFor('system', job.id);
    expect(result).toEqual({ text: 'xin chào', worker: t.app.get(WorkerService).workerId, attempts: 1 });
    expect(await queues.status('system', job.id)).toMatchObject({ state: 'completed', progress: 100 });
  });

  it('retries a failing job by its declared policy until it succeeds', async () => {
    const job = await queues.enqueue('system.echo', { text: 'thử lại', failTimes: 2 }, 'echo-retry');
    const result = (await queues.waitFor('system', job.id)) as { attempts: number };
    expect(result.attempts).toBe(3);
  });

  it('adds nothing when the same job id is enqueued twice (deterministic ids)', async () => {
    await queues.enqueue('system.echo', { text: 'một lần' }, 'echo-once');
    await queues.waitFor('system', 'echo-once');
    await queues.enqueue('system.echo', { text: 'lần hai' }, 'echo-once');
    const status = await queues.status('system', 'echo-once');
    expect(status?.result).toMatchObject({ text: 'một lần' });
  });
});
