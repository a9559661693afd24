import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { currentTransaction } from '../../src/core/database/transaction-scope.js';
import { createServiceDataSource, serviceDataSourceOptions } from '../../src/database.js';
import { Project } from '../../src/modules/projects/project.entity.js';
import { createDatabase } from '../support/databases.js';

/**
 * The mechanism behind "one use case, one connection" (issue 14), on a pool of two connections and a pool wait of
 * one second: code that asked the pool for a second connection while its transaction held the other would wait and
 * fail here, as twenty payments on one case froze the API.
 */
let db: Awaited<ReturnType<typeof createDatabase>>;
let ds: DataSource;
const backends = async (run: (sql: string) => Promise<{ pid: number }[]>) =>
  (await run('SELECT pg_backend_pid() AS pid'))[0].pid;

beforeAll(async () => {
  db = await createDatabase();
  ds = await createServiceDataSource(
    serviceDataSourceOptions({
      databaseUrl: db.url,
      dbPoolSize: 2,
      dbPoolWaitMs: 1000,
      dbStatementTimeoutMs: 5000,
      dbLockTimeoutMs: 1000,
      dbIdleInTransactionTimeoutMs: 5000,
    }),
  ).initialize();
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

describe('transaction scope', () => {
  it('runs every query of the use case on its transaction’s connection: data source, repository, nested transaction', async () => {
    const pids = await ds.transaction(async (em) => {
      const own = await backends((sql) => em.query(sql));
      // Other services that do not receive `em` and read through the data source or a repository.
      const viaDataSource = await backends((sql) => ds.query(sql));
      const project = await ds.getRepository(Project).findOneByOrFail({ code: 'QL4B' });
      await ds.getRepository(Project).update({ id: project.id }, { description: 'trong giao dịch' });
      const nested = await ds.transaction((inner) => backends((sql) => inner.query(sql)));
      // Uncommitted: visible only on the transaction's own connection.
      const [seen] = await ds.query('SELECT description FROM projects WHERE id = $1', [project.id]);
      return { own, viaDataSource, nested, seen: seen.description, inScope: currentTransaction() !== undefined };
    });
    expect(pids.viaDataSource).toBe(pids.own);
    expect(pids.nested).toBe(pids.own);
    expect(pids.seen).toBe('trong giao dịch');
    expect(pids.inScope).toBe(true);
    expect(currentTransaction()).toBeUndefined();
  });

  it('holds the pool to one connection per use case: two use cases that each read elsewhere finish on a pool of two', async () => {
    const useCase = (n: number) =>
      ds.transaction(async (em) => {
        await em.query('SELECT pg_sleep(0.2)');
        const [{ x }] = await ds.query('SELECT $1::int AS x', [n]);
        return x as number;
      });
    expect(await Promise.all([useCase(1), useCase(2)])).toEqual([1, 2]);
  });

  it('rolls a nested transaction back to its savepoint, and the whole use case back on error', async () => {
    const [project] = await ds.query(`SELECT id, description FROM projects WHERE code = 'CCN-HT1'`);
    await ds.transaction(async () => {
      await ds.query('UPDATE projects SET description = $2 WHERE id = $1', [project.id, 'ngoài']);
      await expect(
        ds.transaction(async () => {
          await ds.query('UPDATE projects SET description = $2 WHERE id = $1', [project.id, 'trong']);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      const [{ description }] = await ds.query('SELECT description FROM projects WHERE id = $1', [project.id]);
      expect(description).toBe('ngoài');
    });
    await expect(
      ds.transaction(async () => {
        await ds.query('UPDATE projects SET description = $2 WHERE id = $1', [project.id, 'mất']);
        throw new Error('use case refused');
      }),
    ).rejects.toThrow('use case refused');
    const [{ description }] = await ds.query('SELECT description FROM projects WHERE id = $1', [project.id]);
    expect(description).toBe('ngoài');
  });

  it('runs a use case’s parallel reads one after another on its connection, in order, never two at once', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await ds.transaction(async (em) => {
      // Count the queries handed to the pg client at once (pg 9 refuses overlapping ones).
      await em.query('SELECT 1');
      const client = (em.queryRunner as unknown as { databaseConnection: { query: (...a: unknown[]) => unknown } })
        .databaseConnection;
      const query = client.query.bind(client);
      client.query = (...args: unknown[]) => {
        most = Math.max(most, ++inFlight);
        const out = query(...args) as Promise<unknown>;
        void out.finally(() => inFlight--).catch(() => undefined);
        return out;
      };
      return Promise.all([
        em.query<{ x: number }[]>('SELECT 1 AS x, pg_sleep(0.05)'),
        ds.query<{ x: number }[]>('SELECT 2 AS x'),
        em.query<{ x: number }[]>('SELECT 3 AS x, pg_sleep(0.02)'),
        ds.getRepository(Project).count(),
      ]);
    });
    const [a, b, c, count] = results;
    expect([a[0].x, b[0].x, c[0].x]).toEqual([1, 2, 3]);
    expect(count).toBeGreaterThan(0);
    expect(most).toBe(1);
  });

  it('refuses a nested transaction that asks for its own isolation level', async () => {
    await expect(ds.transaction(() => ds.transaction('REPEATABLE READ', async () => 1))).rejects.toThrow(/cannot join/);
  });

  it('bounds the waits: a statement over its time is cancelled (57014)', async () => {
    await expect(ds.query('SELECT pg_sleep(6)')).rejects.toMatchObject({ driverError: { code: '57014' } });
  }, 15_000);
});
