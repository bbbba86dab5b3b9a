import type { Database } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent the embedded PGlite database is used. */
  url?: string;
  /** PGlite's data folder, or ':memory:'. */
  dataDir?: string;
  /** PostgreSQL only: keep every table in this schema. */
  schema?: string;
}

export function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, { schema: options.schema });
  return openPglite(options.dataDir ?? ':memory:');
}
