import { mkdirSync, writeFileSync } from 'node:fs';

/** Writes a benchmark's table to docs/<file> under a heading with the date and the Node version, and prints it. */
export function writeBenchDoc(file: string, title: string, setup: string, table: string[]): void {
  const text = table.join('\n');
  process.stdout.write(`${text}\n`);
  mkdirSync('docs', { recursive: true });
  writeFileSync(
    `docs/${file}`,
    `# ${title}\n\nMeasured ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${setup}.\n\n${text}\n`,
  );
}

/** Runs a benchmark's main and exits with its outcome (a failure prints its stack and exits 1). */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
