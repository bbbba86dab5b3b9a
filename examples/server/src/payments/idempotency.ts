import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import type { OperationName } from '../../../../src/contract/operations.js';
import { operationSchemas } from '../../../../src/contract/operation-schemas.js';
import { keyReusedForAnotherRequest, requestIdentity } from '../../../../src/rules/idempotency.js';
import { PortalError } from '../../../../src/contract/errors.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { StoredResponse } from '../routes/types.js';

/** Keys are remembered for 24 hours (Stripe's window); after that a key starts a new request. */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/**
 * A claim older than this is treated as abandoned (its process died mid-request), so the customer's retry
 * can run it again. Safe because every gateway call is made under a key derived from the request's own
 * key: a re-run charges nothing that was already charged.
 */
const STALE_CLAIM_MS = 2 * 60 * 1000;

/** What identifies "the same request" (rules/idempotency.ts), hashed for storage. */
export function fingerprint(operation: string, input: Record<string, unknown>): string {
  return createHash('sha256').update(requestIdentity(operation, input)).digest('hex');
}

/** The key a gateway call runs under: one per (customer, request key, leg), opaque to the provider. */
export function gatewayKey(customerId: string, key: string, leg: string): string {
  return createHash('sha256').update(`${customerId}\u0000${key}\u0000${leg}`).digest('hex');
}

interface KeyRow {
  fingerprint: string;
  state: 'in_flight' | 'completed';
  response_status: number | null;
  response_body: unknown;
  updated_at: Date;
}

type Claim = { kind: 'claimed' } | { kind: 'replay'; response: StoredResponse };

/**
 * Runs a money-moving request at most once per (customer, idempotency key):
 * - the first request claims the key (committed at once, so concurrent requests see it);
 * - the same key with the same request again replays the first response (status and body) verbatim;
 * - the same key with a different request, or while the first is still running, is a 409 conflict.
 * The work and the stored response commit in ONE transaction: either the payment and its replayable answer
 * both exist, or neither does. A refusal (validation, forbidden, not found, declined verification) stores
 * nothing and frees the key, so the customer can correct the request and send it again under that key.
 */
export async function runIdempotently<T>(
  app: AppContext,
  request: { customerId: string; key: string; operation: OperationName; input: Record<string, unknown> },
  work: (tx: Queryable) => Promise<T>,
): Promise<T | StoredResponse> {
  const { db } = app;
  const { customerId, key, operation } = request;
  const print = fingerprint(operation, request.input);
  const now = app.now();
  const claim = await db.transaction(async (tx): Promise<Claim> => {
    await tx.query('DELETE FROM idempotency_keys WHERE customer_id = $1 AND key = $2 AND created_at < $3', [
      customerId,
      key,
      new Date(now.getTime() - KEY_LIFETIME_MS),
    ]);
    const inserted = await tx.query(
      `INSERT INTO idempotency_keys (customer_id, key, operation, fingerprint, state, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'in_flight', $5, $5)
       ON CONFLICT (customer_id, key) DO NOTHING`,
      [customerId, key, operation, print, now],
    );
    if (inserted.rowCount > 0) return { kind: 'claimed' };
    const { rows } = await tx.query<KeyRow>(
      `SELECT fingerprint, state, response_status, response_body, updated_at FROM idempotency_keys
        WHERE customer_id = $1 AND key = $2 FOR UPDATE`,
      [customerId, key],
    );
    const row = rows[0];
    if (!row || row.fingerprint !== print) throw keyReusedForAnotherRequest();
    if (row.state === 'completed') {
      return { kind: 'replay', response: new StoredResponse(row.response_status ?? 200, row.response_body) };
    }
    if (now.getTime() - row.updated_at.getTime() < STALE_CLAIM_MS) {
      throw new PortalError('conflict', 'a request with this idempotency key is still being processed');
    }
    await tx.query('UPDATE idempotency_keys SET updated_at = $3 WHERE customer_id = $1 AND key = $2', [
      customerId,
      key,
      now,
    ]);
    return { kind: 'claimed' };
  });
  if (claim.kind === 'replay') return claim.response;

  const output = operationSchemas[operation].output;
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx);
      const body = output !== null && output !== 'pdf' ? z.parse(output, result) : null;
      await tx.query(
        `UPDATE idempotency_keys SET state = 'completed', response_status = 200, response_body = $3::jsonb,
                updated_at = $4
          WHERE customer_id = $1 AND key = $2`,
        [customerId, key, JSON.stringify(body), app.now()],
      );
      return result;
    });
  } catch (error) {
    await db.query(
      "DELETE FROM idempotency_keys WHERE customer_id = $1 AND key = $2 AND state = 'in_flight'",
      [customerId, key],
    );
    throw error;
  }
}
