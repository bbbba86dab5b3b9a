import { normalizeEmail } from '../../../../src/rules/access.js';
import type { Queryable } from '../db/database.js';

/**
 * Abuse defences kept in the database (not in process memory), so that every server process sharing one
 * PostgreSQL database enforces the same counts and a restart does not wipe an attacker's slate.
 */

const MINUTE_MS = 60_000;

export interface Verdict {
  allowed: boolean;
  /** Whole seconds until the window ends (Retry-After). */
  retryAfterSeconds: number;
}

/**
 * Sliding-window counter (fixed windows plus the previous window's count, weighted by how much of it
 * still overlaps the last `windowMs`): no burst of twice the limit around a window boundary. Counts this
 * request, refused ones included, and says whether the estimate stays within `limit`.
 */
export async function hitRateLimit(
  q: Queryable,
  bucket: string,
  key: string,
  limit: number,
  now: Date,
  windowMs = MINUTE_MS,
): Promise<Verdict> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const previousStart = new Date(windowStart.getTime() - windowMs);
  const { rows } = await q.query<{ hits: number }>(
    `INSERT INTO rate_limits (bucket, key, window_start, hits) VALUES ($1, $2, $3, 1)
     ON CONFLICT (bucket, key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
     RETURNING hits`,
    [bucket, key, windowStart],
  );
  const previous = await q.query<{ hits: number }>(
    'SELECT hits FROM rate_limits WHERE bucket = $1 AND key = $2 AND window_start = $3',
    [bucket, key, previousStart],
  );
  await q.query('DELETE FROM rate_limits WHERE bucket = $1 AND key = $2 AND window_start < $3', [
    bucket,
    key,
    previousStart,
  ]);
  const elapsed = (now.getTime() - windowStart.getTime()) / windowMs;
  const estimate = (previous.rows[0]?.hits ?? 0) * (1 - elapsed) + rows[0].hits;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: estimate <= limit, retryAfterSeconds };
}

/**
 * Whose attempts a lockout counts: an address's untrusted clients together (`device` ''), or one browser
 * that signed in to the address before (`device` = its device cookie's hash; see devices.ts).
 */
export interface AttemptScope {
  email: string;
  device: string;
}

/**
 * Whose sign-ins are counted: customers (portal) or the merchant's staff (console). Both share the tables
 * and the policy; a staff address is keyed `staff:<address>`, which no customer address can be, so a
 * stranger guessing at the portal cannot lock a member of staff out of the console, nor the reverse.
 */
export type Realm = 'customer' | 'staff';

export function accountKey(realm: Realm, email: string): string {
  const address = normalizeEmail(email);
  return realm === 'staff' ? `staff:${address}` : address;
}

/** Lockout is per email address, known or unknown alike, so it reveals nothing about accounts. */
function lockoutKey(email: string): string {
  return normalizeEmail(email);
}

export interface LockoutPolicy {
  threshold: number;
  minutes: number;
}

/**
 * Claims one sign-in attempt BEFORE the password is checked, in one atomic statement: the attempt is
 * counted as a failure until it proves otherwise (`clearAttempts` on success). A scope that already has
 * `threshold` attempts in its window (failed, or still being checked) is refused, so however many guesses
 * arrive at once, across however many processes, at most `threshold` are ever evaluated. A window starts
 * at the first attempt and lasts `minutes`; a lock (see `lockIfExhausted`) lasts `minutes` from the
 * failure that set it. A refused attempt changes neither.
 */
export async function claimAttempt(
  q: Queryable,
  scope: AttemptScope,
  now: Date,
  policy: LockoutPolicy,
): Promise<Verdict> {
  const windowMs = policy.minutes * MINUTE_MS;
  const fresh = `(sign_in_failures.locked_until IS NULL AND sign_in_failures.window_started_at <= $4)
                 OR sign_in_failures.locked_until <= $3`;
  const { rows } = await q.query<{ failures: number; window_started_at: Date; locked_until: Date | null }>(
    `INSERT INTO sign_in_failures (email, device, failures, window_started_at) VALUES ($1, $2, 1, $3)
     ON CONFLICT (email, device) DO UPDATE SET
       failures = CASE WHEN ${fresh} THEN 1
                       WHEN sign_in_failures.failures > $5 THEN sign_in_failures.failures
                       ELSE sign_in_failures.failures + 1 END,
       window_started_at = CASE WHEN ${fresh} THEN $3 ELSE sign_in_failures.window_started_at END,
       locked_until = CASE WHEN ${fresh} THEN NULL ELSE sign_in_failures.locked_until END
     RETURNING failures, window_started_at, locked_until`,
    [lockoutKey(scope.email), scope.device, now, new Date(now.getTime() - windowMs), policy.threshold],
  );
  const row = rows[0];
  if (row.failures <= policy.threshold) return { allowed: true, retryAfterSeconds: 0 };
  // Locked, or `threshold` attempts still being checked: try again when the lock or the window ends.
  const until = row.locked_until ?? new Date(row.window_started_at.getTime() + windowMs);
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
  };
}

/** After a failed check: a scope whose window holds `threshold` attempts is locked for `minutes`. */
export async function lockIfExhausted(
  q: Queryable,
  scope: AttemptScope,
  now: Date,
  policy: LockoutPolicy,
): Promise<void> {
  await q.query(
    `UPDATE sign_in_failures SET locked_until = $3
      WHERE email = $1 AND device = $2 AND failures >= $4 AND locked_until IS NULL`,
    [
      lockoutKey(scope.email),
      scope.device,
      new Date(now.getTime() + policy.minutes * MINUTE_MS),
      policy.threshold,
    ],
  );
}

/** After a successful check: the scope starts afresh (other scopes of the address keep their counts). */
export async function clearAttempts(q: Queryable, scope: AttemptScope): Promise<void> {
  await q.query('DELETE FROM sign_in_failures WHERE email = $1 AND device = $2', [
    lockoutKey(scope.email),
    scope.device,
  ]);
}

/** Every count and lock of an address, trusted devices included (password reset, merchant unlock). */
export async function clearSignInFailures(
  q: Queryable,
  email: string,
  realm: Realm = 'customer',
): Promise<void> {
  await q.query('DELETE FROM sign_in_failures WHERE email = $1', [accountKey(realm, email)]);
}
