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

/** Lockout is per email address, known or unknown alike, so it reveals nothing about accounts. */
function lockoutKey(email: string): string {
  return normalizeEmail(email);
}

/** Seconds left on a lockout of this address, or 0 when it may try to sign in. */
export async function lockoutRemaining(q: Queryable, email: string, now: Date): Promise<number> {
  const { rows } = await q.query<{ locked_until: Date | null }>(
    'SELECT locked_until FROM sign_in_failures WHERE email = $1',
    [lockoutKey(email)],
  );
  const until = rows[0]?.locked_until;
  if (!until || until.getTime() <= now.getTime()) return 0;
  return Math.ceil((until.getTime() - now.getTime()) / 1000);
}

/**
 * Counts a failure within a window of `minutes` from the first one; reaching `threshold` locks the
 * address for `minutes`. After the lock ends the next failure starts a new window.
 */
export async function recordSignInFailure(
  q: Queryable,
  email: string,
  now: Date,
  threshold: number,
  minutes: number,
): Promise<void> {
  const windowMs = minutes * MINUTE_MS;
  const windowFloor = new Date(now.getTime() - windowMs);
  const { rows } = await q.query<{ failures: number }>(
    `INSERT INTO sign_in_failures (email, failures, window_started_at) VALUES ($1, 1, $2)
     ON CONFLICT (email) DO UPDATE SET
       failures = CASE WHEN sign_in_failures.window_started_at <= $3 THEN 1 ELSE sign_in_failures.failures + 1 END,
       window_started_at = CASE WHEN sign_in_failures.window_started_at <= $3 THEN $2
                                ELSE sign_in_failures.window_started_at END
     RETURNING failures`,
    [lockoutKey(email), now, windowFloor],
  );
  if (rows[0].failures >= threshold) {
    await q.query('UPDATE sign_in_failures SET locked_until = $2 WHERE email = $1', [
      lockoutKey(email),
      new Date(now.getTime() + windowMs),
    ]);
  }
}

export async function clearSignInFailures(q: Queryable, email: string): Promise<void> {
  await q.query('DELETE FROM sign_in_failures WHERE email = $1', [lockoutKey(email)]);
}
