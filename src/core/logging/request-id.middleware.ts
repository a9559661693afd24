import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AppLogger } from './app-logger.js';
import { runWithRequestContext } from './request-context.js';

const VALID_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Gives every request an id (the caller's X-Request-Id when well-formed), echoes it, and logs the outcome. */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware {
  constructor(private readonly logger: AppLogger) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const given = req.header('x-request-id');
    const requestId = given && VALID_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    const ctx = { requestId } as { requestId: string; userId?: string };
    res.on('finish', () => {
      const ms = Number((process.hrtime.bigint() - started) / 1000n) / 1000;
      // The path only: query strings may carry search terms such as a CCCD number.
      runWithRequestContext(ctx, () =>
        this.logger.info('http', { method: req.method, path: req.path, status: res.statusCode, ms }),
      );
    });
    runWithRequestContext(ctx, () => next());
  }
}
