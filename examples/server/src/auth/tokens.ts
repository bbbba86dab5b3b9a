import { TOKEN_LIFETIME_MINUTES } from '../../../../src/rules/access.js';
import type { Queryable } from '../db/database.js';
import { hashToken, randomToken } from './secrets.js';

export type TokenPurpose = 'magic_link' | 'password_reset' | 'password_change';

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  magic_link: TOKEN_LIFETIME_MINUTES.magic_link * 60_000,
  password_reset: TOKEN_LIFETIME_MINUTES.password_reset * 60_000,
  password_change: TOKEN_LIFETIME_MINUTES.password_change * 60_000,
};

/** A new single-use token; only its hash is stored. */
export async function issueToken(
  tx: Queryable,
  purpose: TokenPurpose,
  subject: { customerId: string; email: string },
  now: Date,
): Promise<string> {
  const token = randomToken();
  await tx.query(
    `INSERT INTO auth_tokens (token_hash, purpose, customer_id, email, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      hashToken(token),
      purpose,
      subject.customerId,
      subject.email,
      now,
      new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
    ],
  );
  return token;
}

/**
 * Uses a token up. The check and the consumption are one UPDATE, so two concurrent requests with the same
 * token cannot both succeed. Unknown, expired and already used tokens all answer null.
 */
export async function consumeToken(
  tx: Queryable,
  purpose: TokenPurpose,
  token: string,
  now: Date,
): Promise<{ customerId: string; email: string } | null> {
  const { rows } = await tx.query<{ customer_id: string; email: string }>(
    `UPDATE auth_tokens SET consumed_at = $3
      WHERE token_hash = $1 AND purpose = $2 AND consumed_at IS NULL AND expires_at > $3
      RETURNING customer_id, email`,
    [hashToken(token), purpose, now],
  );
  return rows[0] ? { customerId: rows[0].customer_id, email: rows[0].email } : null;
}

/** Retires a customer's outstanding tokens of one kind (a new password makes old reset links useless). */
export async function revokeTokens(tx: Queryable, customerId: string, purpose: TokenPurpose, now: Date) {
  await tx.query(
    'UPDATE auth_tokens SET consumed_at = $3 WHERE customer_id = $1 AND purpose = $2 AND consumed_at IS NULL',
    [customerId, purpose, now],
  );
}

/** Retires a customer's outstanding tokens of these kinds that were emailed to `email` (any case). */
export async function revokeTokensSentTo(
  tx: Queryable,
  customerId: string,
  email: string,
  purposes: readonly TokenPurpose[],
  now: Date,
) {
  await tx.query(
    `UPDATE auth_tokens SET consumed_at = $4
      WHERE customer_id = $1 AND lower(email) = lower($2) AND purpose = ANY($3) AND consumed_at IS NULL`,
    [customerId, email, purposes, now],
  );
}
