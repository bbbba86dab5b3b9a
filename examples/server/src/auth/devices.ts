import type { Queryable } from '../db/database.js';
import { hashToken, randomToken } from './secrets.js';
import { type AttemptScope, type Realm, accountKey } from './throttle.js';

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that signed
 * in to an address gets a random token, stored hashed per address. Its later sign-ins to that address are
 * counted against its own lockout, not the address's untrusted-clients lockout, so a stranger's wrong
 * guesses cannot keep the owner out of a browser they have used before.
 */
export const DEVICE_COOKIE = 'portal_device';
export const DEVICE_TRUST_MS = 90 * 24 * 60 * 60 * 1000;

export interface NewDevice {
  token: string;
  expiresAt: Date;
}

/** The console's device cookie: the same defence for staff sign-ins, under `/merchant/api/session`. */
export const STAFF_DEVICE_COOKIE = 'portal_staff_device';

/** The lockout scope of a sign-in to `email` from a browser holding `deviceToken` (or none). */
export async function attemptScope(
  q: Queryable,
  deviceToken: string | undefined,
  email: string,
  now: Date,
  realm: Realm = 'customer',
): Promise<AttemptScope> {
  const address = accountKey(realm, email);
  if (deviceToken) {
    const tokenHash = hashToken(deviceToken);
    const { rows } = await q.query(
      'SELECT 1 FROM trusted_devices WHERE token_hash = $1 AND email = $2 AND expires_at > $3',
      [tokenHash, address, now],
    );
    if (rows.length > 0) return { email: address, device: tokenHash };
  }
  return { email: address, device: '' };
}

/**
 * After a successful sign-in: the browser becomes trusted for `email`. The cookie's value is new each time
 * (the addresses its previous value was trusted for move over), so a copied cookie stops working once the
 * owner signs in again.
 */
export async function trustDevice(
  q: Queryable,
  previousToken: string | undefined,
  email: string,
  now: Date,
  realm: Realm = 'customer',
): Promise<NewDevice> {
  const token = randomToken();
  const tokenHash = hashToken(token);
  const expiresAt = new Date(now.getTime() + DEVICE_TRUST_MS);
  if (previousToken) {
    await q.query(
      'UPDATE trusted_devices SET token_hash = $2, expires_at = $3 WHERE token_hash = $1 AND expires_at > $4',
      [hashToken(previousToken), tokenHash, expiresAt, now],
    );
  }
  await q.query(
    `INSERT INTO trusted_devices (token_hash, email, created_at, expires_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (token_hash, email) DO UPDATE SET expires_at = EXCLUDED.expires_at`,
    [tokenHash, accountKey(realm, email), now, expiresAt],
  );
  return { token, expiresAt };
}
