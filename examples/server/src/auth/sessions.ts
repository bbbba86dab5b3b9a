import { SESSION_IDLE_HOURS, accountCount } from '../../../../src/rules/access.js';
import type { Session, SignInMethod } from '../../../../src/model/index.js';
import type { Queryable } from '../db/database.js';
import { type StoredCustomer, findCustomer } from '../store/customers.js';
import { isoInstant } from '../store/rows.js';
import { checkReach } from './accounts.js';
import { hashToken, randomToken } from './secrets.js';

/** Cookie sessions end after 12 hours without a request, and after 7 days whatever happens. */
export const SESSION_IDLE_MS = SESSION_IDLE_HOURS * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Merchant-minted bearer tokens default to 15 minutes (at most an hour, see MintSessionToken). */
export const SESSION_TOKEN_DEFAULT_SECONDS = 15 * 60;
/** Sliding expiry is written at most once a minute per session, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export type SessionKind = 'cookie' | 'bearer';

export interface AuthenticatedSession {
  tokenHash: string;
  kind: SessionKind;
  customer: StoredCustomer;
  /** The person signed in (with passwordless access, not necessarily the account's address). */
  email: string;
  method: SignInMethod;
  expiresAt: Date;
  /** First request made with this session (bearer tokens log their first use). */
  firstUse: boolean;
  /** A merchant's read-only preview (adminPreviewCustomer): every mutation is refused. */
  preview: boolean;
  /** How many billing accounts the person may switch between (1 for most). */
  accountCount: number;
}

export interface NewSession {
  token: string;
  expiresAt: Date;
}

export async function createSession(
  tx: Queryable,
  input: {
    customerId: string;
    email: string;
    method: SignInMethod;
    kind: SessionKind;
    ttlMs?: number;
    preview?: boolean;
  },
  now: Date,
): Promise<NewSession> {
  const token = randomToken();
  const absolute = new Date(
    now.getTime() + (input.kind === 'bearer' ? (input.ttlMs ?? 0) : SESSION_ABSOLUTE_MS),
  );
  const expiresAt = input.kind === 'bearer' ? absolute : new Date(now.getTime() + SESSION_IDLE_MS);
  await tx.query(
    `INSERT INTO sessions (token_hash, kind, customer_id, email, method, created_at, last_seen_at, expires_at,
                           absolute_expires_at, preview)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9)`,
    [
      hashToken(token),
      input.kind,
      input.customerId,
      input.email,
      input.method,
      now,
      expiresAt,
      absolute,
      input.preview === true,
    ],
  );
  return { token, expiresAt };
}

interface SessionRow {
  token_hash: string;
  kind: SessionKind;
  customer_id: string;
  email: string;
  method: SignInMethod;
  last_seen_at: Date;
  expires_at: Date;
  absolute_expires_at: Date;
  first_used_at: Date | null;
  preview: boolean;
}

/**
 * The session behind a cookie value or bearer token, or null when it is unknown, expired or belongs to a
 * locked account. Expired rows are deleted on sight; live cookie sessions slide their idle expiry.
 */
export async function resolveSession(
  db: Queryable,
  token: string,
  kind: SessionKind,
  now: Date,
): Promise<AuthenticatedSession | null> {
  const tokenHash = hashToken(token);
  const { rows } = await db.query<SessionRow>(
    `SELECT token_hash, kind, customer_id, email, method, last_seen_at, expires_at, absolute_expires_at,
            first_used_at, preview
       FROM sessions WHERE token_hash = $1 AND kind = $2`,
    [tokenHash, kind],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.expires_at.getTime() <= now.getTime()) {
    await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    return null;
  }
  const customer = await findCustomer(db, row.customer_id);
  if (!customer || customer.record.locked) return null;
  // The grant is checked again on every request: a withdrawn access rule ends a session on that account.
  const reach = await checkReach(db, { account: customer.record, email: row.email, method: row.method });
  if (!reach.reachable) {
    await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    return null;
  }
  let expiresAt = row.expires_at;
  if (kind === 'cookie' && now.getTime() - row.last_seen_at.getTime() >= TOUCH_INTERVAL_MS) {
    expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, row.absolute_expires_at.getTime()));
    await db.query('UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE token_hash = $1', [
      tokenHash,
      now,
      expiresAt,
    ]);
  }
  let firstUse = false;
  if (row.first_used_at === null) {
    const claimed = await db.query(
      'UPDATE sessions SET first_used_at = $2 WHERE token_hash = $1 AND first_used_at IS NULL',
      [tokenHash, now],
    );
    firstUse = claimed.rowCount > 0;
  }
  return {
    tokenHash,
    kind,
    customer,
    email: row.email,
    method: row.method,
    expiresAt,
    firstUse,
    preview: row.preview,
    accountCount: reach.count,
  };
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/** Moves a session to another billing account of the same person (a switch). */
export async function moveSession(q: Queryable, tokenHash: string, customerId: string): Promise<void> {
  await q.query('UPDATE sessions SET customer_id = $2 WHERE token_hash = $1', [tokenHash, customerId]);
}

/**
 * Ends every session of a customer (lock, password reset or change, activation), optionally keeping the
 * current one: the sessions open on the account, and the account owner's own sessions wherever they have
 * switched to (several accounts per person), so a stolen session cannot outlive a new password by
 * sitting on another account and switching back.
 */
export async function deleteCustomerSessions(q: Queryable, customerId: string, keepTokenHash?: string) {
  await q.query(
    `DELETE FROM sessions
      WHERE (customer_id = $1 OR lower(email) = (SELECT lower(email) FROM customers WHERE id = $1))
        AND token_hash <> $2`,
    [customerId, keepTokenHash ?? ''],
  );
}

/**
 * A confirmed email change: the person is their address, so every session signed in as the old one follows
 * the new one, on whichever account it is (a switch moves a session to another account of the same
 * person). Left behind, such a session would go on reaching what the old address reaches (the account
 * someone later opens with it) and escape `deleteCustomerSessions`, which finds the owner by the new one.
 * Every request then checks the new address's reach again (`resolveSession`): an account granted only to
 * the old address is gone, as it would be for a new sign-in.
 */
export async function followEmailChange(q: Queryable, previous: string, next: string): Promise<void> {
  await q.query('UPDATE sessions SET email = $2 WHERE lower(email) = lower($1)', [previous, next]);
}

export function toSessionPayload(session: {
  customer: StoredCustomer;
  email: string;
  method: SignInMethod;
  expiresAt: Date;
  preview?: boolean;
  accountCount?: number;
}): Session {
  return {
    ...accountCount(session.accountCount ?? 1),
    customerId: session.customer.record.id,
    customerCode: session.customer.record.code,
    customerName: session.customer.record.name,
    email: session.email,
    method: session.method,
    expiresAt: isoInstant(session.expiresAt),
    ...(session.preview ? { preview: true } : {}),
  };
}
