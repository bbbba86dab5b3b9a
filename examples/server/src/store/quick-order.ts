import type { QuickOrderCustomer } from '../../../../src/model/index.js';
import { normalizeEmail } from '../../../../src/rules/access.js';
import { QUICK_ORDER_TOKEN_SECONDS, handOffRefused } from '../../../../src/rules/quick-order.js';
import { hashToken, randomToken } from '../auth/secrets.js';
import type { Queryable } from '../db/database.js';

/**
 * A new hand-off token for the customer, with the address of the person signed in (`signedInAs`: the
 * account's owner, or someone an access rule lets in); only its hash is stored.
 */
export async function issueQuickOrderToken(
  q: Queryable,
  customerId: string,
  signedInAs: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + QUICK_ORDER_TOKEN_SECONDS * 1000);
  await q.query(
    `INSERT INTO quick_order_tokens (token_hash, customer_id, signed_in_as, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [hashToken(token), customerId, normalizeEmail(signedInAs), now, expiresAt],
  );
  return { token, expiresAt };
}

/**
 * Uses a token up and answers its customer and who asked for it (`signedInAs`). Check and use are one
 * UPDATE, so two exchanges of the same token cannot both succeed; unknown, expired and used tokens are
 * refused alike (`not_found`). A customer locked out since the token was made is refused too, and so is a
 * token stored before tokens recorded who asked (migration 011): its answer could not say who the visitor is.
 */
export async function exchangeQuickOrderToken(
  q: Queryable,
  token: string,
  now: Date,
): Promise<QuickOrderCustomer> {
  const { rows } = await q.query<{
    id: string;
    code: string;
    name: string;
    email: string;
    signed_in_as: string;
  }>(
    `UPDATE quick_order_tokens t SET used_at = $2
       FROM customers c
      WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2
        AND t.signed_in_as IS NOT NULL AND c.id = t.customer_id AND NOT c.locked
      RETURNING c.id, c.code, c.name, c.email, t.signed_in_as`,
    [hashToken(token), now],
  );
  const row = rows[0];
  if (!row) throw handOffRefused();
  return {
    customerId: row.id,
    customerCode: row.code,
    name: row.name,
    email: row.email,
    signedInAs: row.signed_in_as,
  };
}
