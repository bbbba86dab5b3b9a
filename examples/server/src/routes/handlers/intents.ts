import * as z from 'zod/mini';
import { IntentOutcome } from '../../../../../src/model/index.js';
import type { Handlers } from '../types.js';

interface KeyRow {
  operation: string;
  state: 'in_flight' | 'completed';
  response_body: unknown;
}

/**
 * What became of a money-moving request, read from the idempotency records (payments/idempotency.ts)
 * under the signed-in customer's own id, so another customer's key answers `not_found` like an unknown
 * one. A refusal frees its key there, so "refused" is never remembered: it reads as `not_found`.
 */
export const intentHandlers: Pick<Handlers, 'getIntentOutcome'> = {
  async getIntentOutcome(ctx, input) {
    const { rows } = await ctx.app.db.query<KeyRow>(
      'SELECT operation, state, response_body FROM idempotency_keys WHERE customer_id = $1 AND key = $2',
      [ctx.customerId, input.idempotencyKey],
    );
    const row = rows[0];
    if (!row) return { status: 'not_found' };
    if (row.state === 'in_flight') return { status: 'in_progress' };
    return z.parse(IntentOutcome, {
      status: 'completed',
      operation: row.operation,
      result: row.response_body,
    });
  },
};
