import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

describe('the web app client', () => {
  it('is generated from the committed openapi.json (npm run client -w web)', () => {
    const web = join(process.cwd(), 'web');
    const cli = join(
      dirname(createRequire(join(web, 'package.json')).resolve('openapi-typescript/package.json')),
      'bin/cli.js',
    );
    const run = () =>
      execFileSync(process.execPath, [cli, '../openapi.json', '-o', 'src/api/schema.d.ts', '--check'], {
        cwd: web,
        stdio: 'pipe',
      });
    expect(run).not.toThrow();
  });
});
