import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * One use case, one connection.
 *
 * A use case opens its transaction with `dataSource.transaction(…)` (or a repository's). While its callback runs,
 * every query made through this data source — by the callback's own `em`, by another service that reads through
 * `dataSource.query`, a repository, `dataSource.manager`, or a nested `transaction` — goes to that transaction's
 * connection. So a request holding a row lock never asks the pool for a second connection: twenty clerks paying the
 * same household cannot take the pool's twenty connections and wait on each other for ever (the freeze of issue 14).
 * A nested `transaction` becomes a savepoint of the outer one. Nothing has to pass an EntityManager down for this to
 * hold, so forgetting to cannot bring the bug back.
 */
const active = new AsyncLocalStorage<QueryRunner>();

/** Nested transactions of one use case run one after another on its connection (savepoints do not interleave). */
const nestedQueue = new WeakMap<QueryRunner, Promise<unknown>>();

type TransactionFn<T> = (em: EntityManager) => Promise<T>;
type IsolationLevel = 'READ UNCOMMITTED' | 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE' | 'SNAPSHOT';

/** The transaction the current use case runs in, if any (for code that must know, e.g. health checks). */
export function currentTransaction(): QueryRunner | undefined {
  const runner = active.getStore();
  return runner && !runner.isReleased && runner.isTransactionActive ? runner : undefined;
}

/** Installs the scope on a data source: call once, right after creating it. */
export function bindTransactionScope(dataSource: DataSource): DataSource {
  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode?: 'master' | 'slave') => {
    const runner = currentTransaction();
    return runner ? joined(runner) : createQueryRunner(mode);
  };

  // `dataSource.transaction` and every repository's manager go through the data source's manager.
  const manager = dataSource.manager;
  const start = manager.transaction.bind(manager) as <T>(
    isolation: IsolationLevel | undefined,
    fn: TransactionFn<T>,
  ) => Promise<T>;
  manager.transaction = <T>(
    isolationOrFn: IsolationLevel | TransactionFn<T>,
    maybeFn?: TransactionFn<T>,
  ): Promise<T> => {
    const isolation = typeof isolationOrFn === 'string' ? isolationOrFn : undefined;
    const fn = (typeof isolationOrFn === 'function' ? isolationOrFn : maybeFn) as TransactionFn<T>;
    const outer = currentTransaction();
    const run = (em: EntityManager) => {
      const runner = em.queryRunner as QueryRunner;
      oneQueryAtATime(runner);
      return active.run(runner, () => fn(em));
    };
    if (!outer) return start(isolation, run);
    // A savepoint cannot have its own isolation level: a use case that needs one must not run inside another.
    if (isolation)
      return Promise.reject(new Error(`a ${isolation} transaction cannot join the use case's transaction`));
    const previous = nestedQueue.get(outer) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => start(undefined, run));
    nestedQueue.set(outer, next);
    return next;
  };
  return dataSource;
}

const serialized = new WeakSet<QueryRunner>();

/**
 * A use case's parts may ask in parallel (`Promise.all` of two reads); on its one connection the queries go one
 * after another, in the order asked (the pg client refuses overlapping queries from version 9 on).
 */
function oneQueryAtATime(runner: QueryRunner): void {
  if (serialized.has(runner)) return;
  serialized.add(runner);
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: unknown[]) => {
    const next = tail.then(() => query(...args));
    tail = next.catch(() => undefined);
    return next;
  }) as QueryRunner['query'];
}

/** The use case's runner, lent to code that would otherwise take a pooled connection: releasing it is a no-op. */
function joined(runner: QueryRunner): QueryRunner {
  return new Proxy(runner, {
    get(target, prop, receiver) {
      if (prop === 'release') return () => Promise.resolve();
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
