import { Injectable, LoggerService } from '@nestjs/common';
import { requestContext } from './request-context.js';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

/**
 * Structured JSON logs, one line per event, with the request id of the request being served.
 * Personal data never goes in: callers pass ids, never names, CCCD numbers or addresses; free-form keys that
 * look personal are dropped as a last guard.
 */
const PERSONAL_KEYS = /cccd|idnumber|address|diachi|fullname|password|token|phone/i;

@Injectable()
export class AppLogger implements LoggerService {
  private threshold: number = LEVELS.info;

  setLevel(level: LogLevel): void {
    this.threshold = LEVELS[level];
  }

  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  info(message: unknown, fields?: Record<string, unknown>) {
    this.write('info', message, fields ? [fields] : []);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (LEVELS[level] < this.threshold) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, msg: String(message) };
    const ctx = requestContext();
    if (ctx) {
      entry.requestId = ctx.requestId;
      if (ctx.userId) entry.userId = ctx.userId;
    }
    for (const r of rest) {
      if (typeof r === 'string') entry.context = r;
      else if (r && typeof r === 'object') {
        for (const [k, v] of Object.entries(r)) if (!PERSONAL_KEYS.test(k)) entry[k] = v;
      }
    }
    process.stdout.write(`${JSON.stringify(entry)}\n`);
  }
}
