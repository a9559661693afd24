import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import { LocalDiskStorage } from './file-storage.js';

const HASH = 'ab'.repeat(32);

/** A pid that ran and has exited: the writer killed mid-render. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid;
}

describe('LocalDiskStorage', () => {
  it('sweeps the temporary files of dead writers and of old ones, keeps a live writer’s and the stored files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gpmb-storage-'));
    const storage = new LocalDiskStorage({ storageDir: root } as AppConfig);
    const stored = await storage.put(Buffer.from('%PDF-1.7 one'));
    const dir = join(root, 'ab');
    mkdirSync(dir, { recursive: true });
    const dead = join(dir, `${HASH}.${deadPid()}.0a1b2c3d.tmp`);
    const live = join(dir, `${HASH}.${process.pid}.deadbeef.tmp`);
    const old = join(dir, `${HASH}.${process.pid}.0badf00d.tmp`);
    const legacy = join(dir, `${HASH}.${deadPid()}.tmp`);
    for (const f of [dead, live, old, legacy]) writeFileSync(f, 'half a PDF');
    const twoHoursAgo = (Date.now() - 2 * 3600_000) / 1000;
    utimesSync(old, twoHoursAgo, twoHoursAgo);

    expect(await storage.sweepTemporaryFiles(Date.now())).toBe(3);
    expect([dead, live, old, legacy].map(existsSync)).toEqual([false, true, false, false]);
    expect(storage.exists(stored.key)).toBe(true);
  });
});
