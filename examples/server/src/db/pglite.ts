import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { type Database, OID, type Queryable, type QueryResult, parseBigint } from './database.js';
import { Mutex } from './mutex.js';

/**
 * Embedded PostgreSQL (WASM). One connection only: every statement and transaction goes through one
 * mutex, so a transaction's statements never interleave with another request's. Using the database
 * object itself from inside a transaction would wait on the lock forever, so that is refused loudly.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir === ':memory:';
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create({
    ...(inMemory ? {} : { dataDir }),
    parsers: { [OID.INT8]: parseBigint, [OID.DATE]: (value: string) => value },
  });
  const mutex = new Mutex();
  const insideTransaction = new AsyncLocalStorage<boolean>();

  const guard = () => {
    if (insideTransaction.getStore()) {
      throw new Error('database used directly inside a transaction: use the transaction handle');
    }
  };

  const run = async <T>(target: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]) => {
    const result = await target.query<T>(sql, params ? [...params] : undefined);
    return {
      rows: result.rows,
      rowCount: result.affectedRows ?? result.rows.length,
    } satisfies QueryResult<T>;
  };

  return {
    kind: 'pglite',
    query<T>(sql: string, params?: readonly unknown[]) {
      guard();
      return mutex.run(() => run<T>(pg, sql, params));
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      guard();
      return mutex.run(() =>
        pg.transaction((tx) =>
          insideTransaction.run(true, () =>
            fn({
              query: <R>(sql: string, params?: readonly unknown[]) => run<R>(tx, sql, params),
              exec: async (sql: string) => {
                await tx.exec(sql);
              },
            }),
          ),
        ),
      );
    },
    async exec(sql: string) {
      guard();
      await mutex.run(() => pg.exec(sql));
    },
    async close() {
      await mutex.run(() => pg.close());
    },
  };
}
