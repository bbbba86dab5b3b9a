import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database, Queryable } from './database.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
/** Arbitrary but fixed: serialises migrators of several server processes on one PostgreSQL database. */
const MIGRATION_LOCK = 7_411_902;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: readFileSync(`${dir}/${file}`, 'utf8'),
    }));
}

/** Applies, in order and once each, the migrations a database has not recorded yet. */
export async function migrate(db: Database, migrations = loadMigrations()): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version INTEGER PRIMARY KEY,
         name TEXT NOT NULL,
         applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      done.push(migration.version);
    }
    return done;
  });
}

/**
 * What `migrate` would do, without doing it: the versions the database has not recorded, and whether it is
 * fresh (no table at all in its schema, as before the server first started on it).
 */
export async function migrationStatus(
  db: Queryable,
  migrations = loadMigrations(),
): Promise<{ fresh: boolean; pending: number[] }> {
  const { rows } = await db.query<{ known: boolean }>(
    "SELECT to_regclass('schema_migrations') IS NOT NULL AS known",
  );
  const applied = new Set<number>();
  if (rows[0].known) {
    const recorded = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
    for (const row of recorded.rows) applied.add(row.version);
  }
  const fresh = !rows[0].known && (await applicationTables(db)).length === 0;
  return {
    fresh,
    pending: migrations.map((each) => each.version).filter((version) => !applied.has(version)),
  };
}

/** Every table the migrations created, for the test-mode reset. */
export async function applicationTables(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'
      ORDER BY table_name`,
  );
  return rows.map((row) => row.name);
}
