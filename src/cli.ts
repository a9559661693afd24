import 'reflect-metadata';
import { writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runSeeds } from '../seeds/run-seeds.js';
import { runMigrations } from './bootstrap.js';
import { ConfigError, loadConfig, withSettings } from './core/config/app-config.js';
import { pendingSchemaChanges } from './core/database/data-source.js';
import { AppLogger } from './core/logging/app-logger.js';
import { createAppDataSource } from './database.js';

/**
 * Operator commands: `migrate`, `seed`, `openapi` (writes openapi.json), `migration:generate <Name>`
 * (writes migrations/<epoch>-<Name>.ts from the difference between entities and the migrated database).
 */
async function main(argv: string[]): Promise<void> {
  const [command, arg] = argv;
  const config = loadConfig();
  const logger = new AppLogger();
  switch (command) {
    case 'migrate':
      await runMigrations(config, logger);
      return;
    case 'seed': {
      const ds = await createAppDataSource(config).initialize();
      try {
        // Production gets reference data and projects only: no demo accounts, no synthetic households.
        const demo = config.nodeEnv !== 'production';
        const inserted = await runSeeds(ds, { demoUsers: demo, syntheticCases: demo });
        if (demo) {
          // Draft plans go through the real PlansService, so the app is built (without HTTP or workers).
          const { NestFactory } = await import('@nestjs/core');
          const { AppModule } = await import('./app.module.js');
          const { PlansService } = await import('./modules/plans/plans.service.js');
          const { seedDraftPlans } = await import('../seeds/draft-plans.js');
          const { seedDemoStory } = await import('../seeds/demo-story.js');
          logger.setLevel('warn');
          const apiOnly = withSettings(config, { appMode: 'api' });
          const app = await NestFactory.createApplicationContext(AppModule.register(apiOnly, { logger }), { logger });
          // The 2024 history first (it makes its own plans), then a draft for every project still without one.
          for (const [k, v] of Object.entries(await seedDemoStory(ds, app))) inserted[`story_${k}`] = v;
          inserted.plans = await seedDraftPlans(ds, app.get(PlansService));
          await app.close();
          logger.setLevel(config.logLevel);
        }
        logger.info('seeds loaded', { inserted });
      } finally {
        await ds.destroy();
      }
      return;
    }
    case 'openapi': {
      const { writeOpenApi } = await import('./openapi-file.js');
      await writeOpenApi(config);
      return;
    }
    case 'migration:generate':
      if (!arg || !/^[A-Z][A-Za-z0-9]+$/.test(arg)) throw new Error('usage: migration:generate <PascalCaseName>');
      await generateMigration(config, arg);
      return;
    default:
      throw new Error(`unknown command "${command}" (migrate | seed | openapi | migration:generate <Name>)`);
  }
}

async function generateMigration(config: ReturnType<typeof loadConfig>, name: string): Promise<void> {
  const ds = await createAppDataSource(config).initialize();
  try {
    const { up, down } = await pendingSchemaChanges(ds);
    if (up.length === 0) {
      process.stdout.write('No changes: entities and migrations agree.\n');
      return;
    }
    const stamp = Date.now();
    const className = `${name}${stamp}`;
    const q = (sql: string) => `        await queryRunner.query(\`${sql.replace(/`/g, '\\`')}\`);`;
    const file = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
    name = '${className}';

    public async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
${down.reverse().map(q).join('\n')}
    }
}
`;
    const dir = join(process.cwd(), 'migrations');
    writeFileSync(join(dir, `${stamp}-${name}.ts`), file);
    writeMigrationIndex(dir);
    process.stdout.write(`Wrote migrations/${stamp}-${name}.ts — review it before committing.\n`);
  } finally {
    await ds.destroy();
  }
}

/** migrations/index.ts lists every migration file, oldest first. */
function writeMigrationIndex(dir: string): void {
  const files = readdirSync(dir)
    .filter((f) => /^\d+-[A-Za-z0-9]+\.ts$/.test(f))
    .sort();
  const imports = files.map((f) => {
    const [stamp, name] = f.replace(/\.ts$/, '').split('-');
    return { cls: `${name}${stamp}`, path: `./${f.replace(/\.ts$/, '.js')}` };
  });
  writeFileSync(
    join(dir, 'index.ts'),
    `// Maintained by \`npm run migration:generate -- <Name>\`: every migration, oldest first.\n` +
      imports.map((i) => `import { ${i.cls} } from '${i.path}';\n`).join('') +
      `\nexport const MIGRATIONS: Function[] = [${imports.map((i) => i.cls).join(', ')}];\n`,
  );
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `${err instanceof ConfigError ? err.message : err instanceof Error ? err.stack : String(err)}\n`,
    );
    process.exit(1);
  },
);
