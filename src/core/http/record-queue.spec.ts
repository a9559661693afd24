import { describe, expect, it } from '@jest/globals';
import { RecordQueue } from './record-queue.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('RecordQueue', () => {
  it('with one place per record: its writes one at a time, in arrival order; other records in parallel', async () => {
    const queue = new RecordQueue(5000, 1);
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const write = (key: string, name: string) =>
      queue.run(key, async () => {
        running++;
        most = Math.max(most, running);
        log.push(`start ${name}`);
        await sleep(20);
        log.push(`end ${name}`);
        running--;
        return name;
      });
    const results = await Promise.all([write('a', 'a1'), write('a', 'a2'), write('a', 'a3')]);
    expect(results).toEqual(['a1', 'a2', 'a3']);
    expect(log).toEqual(['start a1', 'end a1', 'start a2', 'end a2', 'start a3', 'end a3']);
    expect(most).toBe(1);
    most = 0;
    await Promise.all([write('a', 'x'), write('b', 'y')]);
    expect(most).toBe(2);
    expect(queue.busyRecords).toBe(0);
  });

  it('never more than `perRecord` writes of one record at once; the rest in arrival order', async () => {
    const queue = new RecordQueue(5000, 3);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        queue.run('a', async () => {
          started.push(i);
          most = Math.max(most, ++running);
          await sleep(10 + (i % 3) * 5);
          running--;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(queue.busyRecords).toBe(0);
  });

  it('a failed write lets the next one run', async () => {
    const queue = new RecordQueue(5000, 1);
    const first = queue.run('k', async () => {
      throw new Error('refused');
    });
    const second = queue.run('k', async () => 'ok');
    await expect(first).rejects.toThrow('refused');
    await expect(second).resolves.toBe('ok');
  });

  it('a write that waits too long is answered busy, and never runs alongside the write it waited for', async () => {
    const queue = new RecordQueue(50, 1);
    let running = false;
    const slow = queue.run('k', async () => {
      running = true;
      await sleep(200);
      running = false;
      return 'slow';
    });
    const gaveUp = queue.run('k', async () => 'never');
    const after = queue.run('k', async () => (running ? 'overlapped' : 'after'));
    const [a, b, c] = await Promise.allSettled([slow, gaveUp, after]);
    expect(a).toEqual({ status: 'fulfilled', value: 'slow' });
    // Both waited 50 ms behind the 200 ms write.
    expect(b).toMatchObject({
      status: 'rejected',
      reason: { code: 'SYSTEM.BUSY', details: { reason: 'record_busy', record: 'k' } },
    });
    expect(c).toMatchObject({ status: 'rejected', reason: { code: 'SYSTEM.BUSY' } });
    // A fresh one after the slow write runs at once, alone.
    await expect(queue.run('k', async () => (running ? 'overlapped' : 'alone'))).resolves.toBe('alone');
  });
});
