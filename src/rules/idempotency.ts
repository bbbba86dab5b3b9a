import { conflict } from './errors.js';
import { canonical } from './canonical.js';

/**
 * Money-moving requests run once per (customer, idempotency key): the same request again gets the first
 * answer, and a different request under a key already used is refused.
 */

/** What identifies "the same request": the operation and its whole input, bar the key itself. */
export function requestIdentity(operation: string, input: object): string {
  return JSON.stringify(canonical({ operation, input: { ...input, idempotencyKey: undefined } }));
}

export function keyReusedForAnotherRequest() {
  return conflict('this idempotency key was already used for a different request');
}
