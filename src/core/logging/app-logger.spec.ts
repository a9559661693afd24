import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { AppLogger } from './app-logger.js';
import { runWithRequestContext } from './request-context.js';

describe('AppLogger', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const capture = (fn: (log: AppLogger) => void): Record<string, unknown>[] => {
    const lines: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    fn(new AppLogger());
    return lines.map((l) => JSON.parse(l));
  };

  it('writes one JSON line with the request id of the request being served', () => {
    const [entry] = capture((log) =>
      runWithRequestContext({ requestId: 'req-12345678', userId: 'u1' }, () => log.info('http', { status: 200 })),
    );
    expect(entry).toMatchObject({ level: 'info', msg: 'http', requestId: 'req-12345678', userId: 'u1', status: 200 });
  });

  it('drops fields that carry personal data', () => {
    const [entry] = capture((log) =>
      log.info('case updated', {
        caseId: 'c1',
        cccd: '001234567890',
        address: 'thôn Nà Tâm',
        fullName: 'Nguyễn Văn A',
        password: 'x',
      }),
    );
    expect(entry).toEqual({ time: expect.any(String), level: 'info', msg: 'case updated', caseId: 'c1' });
  });

  it('respects the level threshold', () => {
    const lines = capture((log) => {
      log.setLevel('warn');
      log.info('hidden');
      log.warn('shown');
    });
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
  });
});
