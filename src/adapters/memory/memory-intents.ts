import { copy } from './copy.js';
import type { IntentOutcome, IntentOutcomeQuery } from '../../model/index.js';
import type { MemoryState } from './memory-state.js';

/**
 * What became of a money-moving request, by its idempotency key, for the signed-in customer. Memory runs
 * each request to its end at once, so a key is either completed or unknown (`not_found`): a request that
 * was refused remembers nothing, exactly like one that never arrived.
 * Each record names its operation (see `state.idempotent`), which says what the stored result is.
 */
export function getIntentOutcome(state: MemoryState, input: IntentOutcomeQuery): IntentOutcome {
  const customer = state.requireCustomer();
  const record = state.idempotency.get(`${customer.id}\u0000${input.idempotencyKey}`);
  if (!record) return { status: 'not_found' };
  return {
    status: 'completed',
    operation: record.operation,
    result: copy(record.result),
  } as IntentOutcome;
}
