import type {
  AccessLogEntry,
  AccessLogExport,
  AccessLogQuery,
  AccessLogPage,
  CustomerAccessPage,
  CustomerAccessState,
  CustomerQuery,
  ListedAccessRule,
} from '../../../../src/model/index.js';
import { invalidField } from '../../../../src/rules/errors.js';
import { toCustomerAccessState } from '../../../../src/rules/customer-access.js';
import type { Queryable } from '../db/database.js';
import { isoInstant } from '../store/rows.js';

/**
 * The merchant's lists, straight from SQL: customers with their portal state (keyset-paged by code) and
 * the access log (filtered, keyset-paged newest first). Cursors are opaque: base64url of the last row's
 * position.
 */

export const DEFAULT_LIMIT = 50;

function encodeCursor(position: readonly string[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function decodeCursor(cursor: string, size: number): string[] {
  try {
    const position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(position) &&
      position.length === size &&
      position.every((each) => typeof each === 'string')
    ) {
      return position;
    }
  } catch {
    // fall through to the validation error
  }
  throw invalidField('cursor', 'unknown list cursor');
}

/** `text` as an ILIKE pattern matching it anywhere, its own wildcards taken literally. */
function containsPattern(text: string | undefined): string | null {
  return text ? `%${text.replace(/[\\%_]/g, (each) => `\\${each}`)}%` : null;
}

interface AccessRow {
  id: string;
  code: string;
  name: string;
  email: string;
  has_password: boolean;
  password_is_temporary: boolean;
  locked: boolean;
  last_sign_in_at: Date | null;
}

const ACCESS_COLUMNS = `c.id, c.code, c.name, c.email, c.password_hash IS NOT NULL AS has_password,
  c.password_is_temporary, c.locked,
  (SELECT max(l.at) FROM access_logs l WHERE l.customer_code = c.code AND l.success) AS last_sign_in_at`;

function toState(row: AccessRow): CustomerAccessState {
  return toCustomerAccessState({
    customerId: row.id,
    customerCode: row.code,
    name: row.name,
    email: row.email,
    locked: row.locked,
    hasPassword: row.has_password,
    passwordIsTemporary: row.password_is_temporary,
    ...(row.last_sign_in_at ? { lastSignInAt: isoInstant(row.last_sign_in_at) } : {}),
  });
}

/** One customer's access state (after a lock, an unlock). */
export async function customerAccessState(q: Queryable, customerId: string): Promise<CustomerAccessState> {
  const { rows } = await q.query<AccessRow>(`SELECT ${ACCESS_COLUMNS} FROM customers c WHERE c.id = $1`, [
    customerId,
  ]);
  return toState(rows[0]);
}

/** Customers by code; `search` matches code, name or email anywhere, case-insensitively. */
export async function customerAccessPage(q: Queryable, query: CustomerQuery): Promise<CustomerAccessPage> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, 1)[0];
  const { rows } = await q.query<AccessRow>(
    `SELECT ${ACCESS_COLUMNS} FROM customers c
      WHERE ($1::text IS NULL OR c.code ILIKE $1 OR c.name ILIKE $1 OR c.email ILIKE $1)
        AND ($2::text IS NULL OR c.code > $2)
      ORDER BY c.code LIMIT $3`,
    [containsPattern(query.search), after, limit + 1],
  );
  const items = rows.slice(0, limit).map(toState);
  const more = rows.length > limit;
  return { items, nextCursor: more ? encodeCursor([items[items.length - 1].customerCode]) : null };
}

interface LogRow {
  id: string;
  at: Date;
  seq: string;
  success: boolean;
  method: AccessLogEntry['method'];
  email: string;
  ip: string;
  customer_code: string | null;
  reason: string | null;
}

function toEntry(row: LogRow): AccessLogEntry {
  return {
    id: row.id,
    at: isoInstant(row.at),
    success: row.success,
    method: row.method,
    email: row.email,
    ip: row.ip,
    ...(row.customer_code !== null ? { customerCode: row.customer_code } : {}),
    ...(row.reason !== null ? { reason: row.reason } : {}),
  };
}

/**
 * Access log rows matching the filters, newest first, after `position` (at, seq) when given. Dates are
 * UTC days, both ends included. Instants are stored from a millisecond clock, so the ISO form of `at` in a
 * cursor is exact.
 */
async function accessLogRows(
  q: Queryable,
  filters: AccessLogExport,
  position: readonly string[] | null,
  limit: number | null,
): Promise<LogRow[]> {
  const { rows } = await q.query<LogRow>(
    `SELECT id, at, seq::text AS seq, success, method, email, ip, customer_code, reason FROM access_logs
      WHERE ($1::boolean IS NULL OR success = $1)
        AND ($2::text IS NULL OR email ILIKE $2 OR customer_code ILIKE $2)
        AND ($3::date IS NULL OR at >= $3::date::timestamp AT TIME ZONE 'UTC')
        AND ($4::date IS NULL OR at < ($4::date + 1)::timestamp AT TIME ZONE 'UTC')
        AND ($5::timestamptz IS NULL OR (at, seq) < ($5::timestamptz, $6::bigint))
      ORDER BY at DESC, seq DESC
      LIMIT $7`,
    [
      filters.result === undefined ? null : filters.result === 'success',
      containsPattern(filters.customer),
      filters.from ?? null,
      filters.to ?? null,
      position?.[0] ?? null,
      position?.[1] ?? null,
      limit,
    ],
  );
  return rows;
}

export async function accessLogPage(q: Queryable, query: AccessLogQuery): Promise<AccessLogPage> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const position = query.cursor === undefined ? null : decodeCursor(query.cursor, 2);
  if (position && Number.isNaN(Date.parse(position[0]))) throw invalidField('cursor', 'unknown list cursor');
  if (position && !/^\d{1,19}$/.test(position[1])) throw invalidField('cursor', 'unknown list cursor');
  const rows = await accessLogRows(q, query, position, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toEntry),
    nextCursor: rows.length > limit ? encodeCursor([last.at.toISOString(), last.seq]) : null,
  };
}

/** Every matching row, newest first (the CSV export). */
export async function accessLogEntries(q: Queryable, filters: AccessLogExport): Promise<AccessLogEntry[]> {
  return (await accessLogRows(q, filters, null, null)).map(toEntry);
}

/** The passwordless access rules with the code of the account each opens, oldest first. */
export async function listedAccessRules(q: Queryable): Promise<ListedAccessRule[]> {
  const { rows } = await q.query<{
    id: string;
    customer_id: string;
    kind: ListedAccessRule['kind'];
    value: string;
    code: string;
  }>(
    `SELECT r.id, r.customer_id, r.kind, r.value, c.code FROM access_rules r
       JOIN customers c ON c.id = r.customer_id ORDER BY r.seq`,
  );
  return rows.map((row) => ({
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind,
    value: row.value,
    customerCode: row.code,
  }));
}
