import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { AppConfig } from '../config/app-config.js';

export interface StoredFile {
  key: string;
  sha256: string;
  size: number;
}

/** Where files (signed scans, generated documents) live. Services see only this interface. */
export abstract class FileStorage {
  abstract put(content: Buffer): Promise<StoredFile>;
  abstract read(key: string): Readable;
  abstract exists(key: string): boolean;
}

/** A temporary file older than this is garbage even when its writer's pid runs (a process of another host). */
const ORPHAN_TMP_AGE_MS = 60 * 60 * 1000;

/**
 * Local disk, content-addressed: the key is the SHA-256, so the same bytes are stored once and a stored file can
 * always be checked against its hash. Writes go to a temporary name first, then are renamed (no half files); a
 * write that fails removes its temporary file, and the ones left by a process killed mid-write are swept at boot.
 */
@Injectable()
export class LocalDiskStorage extends FileStorage implements OnApplicationBootstrap {
  private readonly root: string;

  constructor(@Inject(AppConfig) config: AppConfig) {
    super();
    this.root = isAbsolute(config.storageDir) ? config.storageDir : resolve(process.cwd(), config.storageDir);
  }

  async put(content: Buffer): Promise<StoredFile> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const key = `${sha256.slice(0, 2)}/${sha256}`;
    const path = join(this.root, key);
    if (!existsSync(path)) {
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        await writeFile(tmp, content);
        await rename(tmp, path);
      } catch (err) {
        await unlink(tmp).catch(() => undefined);
        throw err;
      }
    }
    return { key, sha256, size: content.length };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.sweepTemporaryFiles(Date.now());
  }

  /**
   * Removes the temporary files of writers that died mid-write (a worker killed while storing a PDF): the pid in the
   * name no longer runs, or the file is older than an hour. Returns how many were removed.
   */
  async sweepTemporaryFiles(nowMs: number): Promise<number> {
    let removed = 0;
    const dirs = await readdir(this.root).catch(() => [] as string[]);
    for (const dir of dirs.filter((d) => /^[0-9a-f]{2}$/.test(d))) {
      const names = await readdir(join(this.root, dir)).catch(() => [] as string[]);
      for (const name of names) {
        const m = /^[0-9a-f]{64}\.(\d+)(\.[0-9a-f]+)?\.tmp$/.exec(name);
        if (!m) continue;
        const path = join(this.root, dir, name);
        const info = await stat(path).catch(() => null);
        if (!info) continue;
        if (processRuns(Number(m[1])) && nowMs - info.mtimeMs < ORPHAN_TMP_AGE_MS) continue;
        await unlink(path).then(
          () => removed++,
          () => undefined,
        );
      }
    }
    return removed;
  }

  read(key: string): Readable {
    if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error('invalid storage key');
    return createReadStream(join(this.root, key));
  }

  exists(key: string): boolean {
    return /^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key) && existsSync(join(this.root, key));
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The media type by content (magic numbers), never by the name or header the client sends. */
export function sniffMediaType(content: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}
