import * as z from 'zod/mini';
import { Id, IdempotencyKey, IsoDateTime, ShortText } from './common.js';
import { Money } from './money.js';

/** One part of a payment: this much from this payment method. */
export const Allocation = z.object({
  paymentMethodId: Id,
  amount: Money,
});
export type Allocation = z.infer<typeof Allocation>;

/**
 * Pay an invoice with one or more allocations (a split payment). The idempotency key is generated once
 * per customer intent, so a double click, a retry or a dropped connection charges once.
 */
export const PayInvoice = z.object({
  invoiceId: Id,
  allocations: z.array(Allocation).check(z.minLength(1), z.maxLength(10)),
  idempotencyKey: IdempotencyKey,
});
export type PayInvoice = z.infer<typeof PayInvoice>;

export const AllocationOutcome = z.enum(['succeeded', 'declined', 'insufficient_funds', 'processing_error']);
export type AllocationOutcome = z.infer<typeof AllocationOutcome>;

export const AllocationResult = z.object({
  paymentMethodId: Id,
  methodLabel: ShortText,
  amount: Money,
  outcome: AllocationOutcome,
  /** The payment record, present when money moved. */
  paymentId: z.optional(Id),
});
export type AllocationResult = z.infer<typeof AllocationResult>;

/**
 * What happened to a payment request, allocation by allocation. Split payments are independent partial
 * payments: each approved allocation stays paid even when another is declined (documented policy).
 */
export const PaymentReceipt = z.object({
  id: Id,
  invoiceId: Id,
  invoiceNumber: ShortText,
  status: z.enum(['succeeded', 'partially_succeeded', 'failed']),
  allocations: z.array(AllocationResult),
  amountPaid: Money,
  /** What the invoice still owes after this payment. */
  amountDue: Money,
  createdAt: IsoDateTime,
});
export type PaymentReceipt = z.infer<typeof PaymentReceipt>;
