import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { AppError } from '../errors/app-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Writes to one record wait their turn in this process, before they take a database connection.
 *
 * Fifty clerks pressing "Chi trả" on one household would otherwise take fifty pooled connections, all waiting on the
 * case's row lock, and starve every other request of the pool. Here the writes naming the same record (the first id
 * in the path: `/cases/:caseId/payments`, `/inventories/:id/sign`…) go on at most `perRecord` at a time — enough for
 * the work outside the row lock (access checks, validation, reading the price book) to overlap, few enough that a hot
 * record never holds more than that many connections; the others queue in memory, in arrival order. Writes to other
 * records go on in parallel, and the database lock still decides between them and between processes. A write that
 * waits longer than RECORD_QUEUE_WAIT_MS is answered 503 SYSTEM.BUSY, as a database lock wait would be.
 */
export class RecordQueue {
  private readonly slots = new Map<string, { running: number; waiting: (() => void)[] }>();

  constructor(
    private readonly maxWaitMs: number,
    private readonly perRecord = 4,
  ) {}

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let slot = this.slots.get(key);
    if (!slot) this.slots.set(key, (slot = { running: 0, waiting: [] }));
    if (slot.running < this.perRecord) slot.running++;
    else await this.wait(key, slot);
    try {
      return await fn();
    } finally {
      // The place passes to the first in line (it stays counted as running), or is given back.
      const next = slot.waiting.shift();
      if (next) next();
      else if (--slot.running === 0) this.slots.delete(key);
    }
  }

  private wait(key: string, slot: { waiting: (() => void)[] }): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        slot.waiting.splice(slot.waiting.indexOf(wake), 1);
        reject(
          new AppError('unavailable', 'SYSTEM.BUSY', 'Hệ thống đang bận, vui lòng thử lại sau ít phút.', {
            reason: 'record_busy',
            record: key,
          }),
        );
      }, this.maxWaitMs);
      slot.waiting.push(wake);
    });
  }

  /** Records with writes running or queued (for tests and health). */
  get busyRecords(): number {
    return this.slots.size;
  }
}

/** The global interceptor that puts each write request in its record's queue. */
export class RecordQueueInterceptor implements NestInterceptor {
  constructor(private readonly queue: RecordQueue) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next.handle();
    const id = Object.values(req.params ?? {}).find((v): v is string => typeof v === 'string' && UUID.test(v));
    if (!id) return next.handle();
    return from(this.queue.run(id.toLowerCase(), () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
