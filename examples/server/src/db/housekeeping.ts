import type { Queryable } from './database.js';

const HOUR_MS = 3_600_000;

/**
 * Deletes what can no longer matter: expired sessions and tokens, rate-limit windows and failure counts
 * long past, device trust that ran out, idempotency keys beyond their 24-hour window, change quotes never used. Without it, addresses and IPs an attacker
 * cycles through would pile up rows forever.
 */
export async function pruneExpired(q: Queryable, now: Date): Promise<void> {
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR_MS);
  await q.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
  await q.query('DELETE FROM staff_sessions WHERE expires_at <= $1', [now]);
  await q.query('DELETE FROM auth_tokens WHERE expires_at <= $1', [ago(24)]);
  await q.query('DELETE FROM quick_order_tokens WHERE expires_at <= $1', [ago(24)]);
  await q.query('DELETE FROM rate_limits WHERE window_start < $1', [ago(2)]);
  await q.query(
    'DELETE FROM sign_in_failures WHERE window_started_at < $1 AND (locked_until IS NULL OR locked_until < $2)',
    [ago(24), now],
  );
  await q.query('DELETE FROM trusted_devices WHERE expires_at <= $1', [now]);
  await q.query("DELETE FROM idempotency_keys WHERE state = 'completed' AND created_at < $1", [ago(24)]);
  // Used quotes stay: they record what a change charged.
  await q.query('DELETE FROM subscription_quotes WHERE used_at IS NULL AND expires_at < $1', [ago(24)]);
}
