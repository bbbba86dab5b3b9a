/**
 * The little the server needs from a SQL database, so that embedded PGlite and a PostgreSQL server are
 * interchangeable. Parameters are always bound ($1, $2 …), never spliced into the text.
 *
 * Column types arrive the same way from both implementations: BIGINT as a JS number (money is checked to
 * be a safe integer), DATE as `YYYY-MM-DD`, TIMESTAMPTZ as a Date, JSONB parsed.
 */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** BIGINT columns hold money and counters; refuse anything a JS number cannot represent exactly. */
export function parseBigint(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new RangeError(`BIGINT ${value} is not a safe integer`);
  return parsed;
}

/** Postgres type OIDs whose text form both drivers parse our way. */
export const OID = { INT8: 20, DATE: 1082 } as const;
