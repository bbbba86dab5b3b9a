import * as z from 'zod/mini';
import { Id, IsoDate, ShortText } from './common.js';
import { Money } from './money.js';
import { PaymentMethodBrief } from './payment-method.js';
import { BillingInterval } from './subscription.js';

/** The customer's billing at a glance (MonetizeNow's billing summary). */
export const BillingSummary = z.object({
  outstanding: Money,
  outstandingCount: z.int().check(z.nonnegative()),
  overdue: Money,
  overdueCount: z.int().check(z.nonnegative()),
  /** The earliest next billing date of the customer's live subscriptions. */
  nextBillingDate: z.optional(IsoDate),
  /** The billing interval shared by the live subscriptions; absent when they differ or there are none. */
  billingFrequency: z.optional(z.object({ interval: BillingInterval, intervalCount: z.int() })),
  autoPay: z.object({
    enabled: z.boolean(),
    paymentMethodId: z.optional(Id),
    paymentMethodLabel: z.optional(ShortText),
    paymentMethod: z.optional(PaymentMethodBrief),
  }),
});
export type BillingSummary = z.infer<typeof BillingSummary>;
