import * as z from 'zod/mini';
import { IdempotencyKey } from './common.js';
import { PaymentReceipt } from './payment.js';
import { Subscription } from './subscription.js';

/** Asks what became of a money-moving request, by the idempotency key it was sent with. */
export const IntentOutcomeQuery = z.object({ idempotencyKey: IdempotencyKey });
export type IntentOutcomeQuery = z.infer<typeof IntentOutcomeQuery>;

/**
 * What became of a money-moving request, by its idempotency key (for the signed-in customer only):
 * - `not_found`: no request under this key ran to completion or is running: nothing was charged under it
 *   (it never arrived, it was refused before it ran, or the key is older than the backend remembers);
 * - `in_progress`: the backend is still working on it; ask again;
 * - `completed`: it ran; `result` is exactly what the operation answered (and replays);
 * - `refused`: the backend remembers refusing it, with the error it answered.
 */
export const IntentOutcome = z.union([
  z.object({ status: z.literal('not_found') }),
  z.object({ status: z.literal('in_progress') }),
  z.object({ status: z.literal('completed'), operation: z.literal('payInvoice'), result: PaymentReceipt }),
  z.object({ status: z.literal('completed'), operation: z.literal('subscribe'), result: Subscription }),
  z.object({
    status: z.literal('completed'),
    operation: z.literal('changeSubscription'),
    result: Subscription,
  }),
  z.object({
    status: z.literal('refused'),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export type IntentOutcome = z.infer<typeof IntentOutcome>;
