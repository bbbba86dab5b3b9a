import * as z from 'zod/mini';
import { Id, IdempotencyKey, IsoDate, ShortText, StorableText } from './common.js';
import { Money } from './money.js';

export const BillingInterval = z.enum(['day', 'week', 'month', 'year']);
export type BillingInterval = z.infer<typeof BillingInterval>;

export const Plan = z.object({
  id: Id,
  name: ShortText,
  description: StorableText.check(z.maxLength(2000)),
  /** Price for one unit per billing period. */
  price: Money,
  interval: BillingInterval,
  intervalCount: z.int().check(z.minimum(1), z.maximum(36)),
  trialDays: z.int().check(z.nonnegative()),
  features: z.array(ShortText),
  /** Terms shown before subscribing ("12-month minimum, cancel anytime after"). */
  terms: z.optional(StorableText.check(z.maxLength(2000))),
});
export type Plan = z.infer<typeof Plan>;

export const SubscriptionStatus = z.enum(['trialing', 'active', 'past_due', 'paused', 'canceled']);
export type SubscriptionStatus = z.infer<typeof SubscriptionStatus>;

export const Subscription = z.object({
  id: Id,
  planId: Id,
  planName: ShortText,
  status: SubscriptionStatus,
  quantity: z.int().check(z.minimum(1), z.maximum(10_000)),
  /** Price per period for the whole quantity. */
  price: Money,
  interval: BillingInterval,
  intervalCount: z.int().check(z.minimum(1)),
  products: z.array(z.object({ name: ShortText, quantity: z.int().check(z.positive()) })),
  terms: z.optional(StorableText.check(z.maxLength(2000))),
  startDate: IsoDate,
  currentPeriodEnd: IsoDate,
  /** Absent once canceled or while paused. */
  nextBillingDate: z.optional(IsoDate),
  trialEnd: z.optional(IsoDate),
  cancelAtPeriodEnd: z.boolean(),
  canceledAt: z.optional(IsoDate),
  cancellationReason: z.optional(ShortText),
});
export type Subscription = z.infer<typeof Subscription>;

export const Subscribe = z.object({
  planId: Id,
  quantity: z.int().check(z.minimum(1), z.maximum(10_000)),
  paymentMethodId: z.optional(Id),
  idempotencyKey: IdempotencyKey,
});
export type Subscribe = z.infer<typeof Subscribe>;

export const SubscriptionChange = z.object({
  subscriptionId: Id,
  planId: Id,
  quantity: z.int().check(z.minimum(1), z.maximum(10_000)),
});
export type SubscriptionChange = z.infer<typeof SubscriptionChange>;

export const ChangeSubscription = z.extend(SubscriptionChange, { idempotencyKey: IdempotencyKey });
export type ChangeSubscription = z.infer<typeof ChangeSubscription>;

/** What a plan or quantity change would cost: the prorated amount now and the new recurring price. */
export const ChangePreview = z.object({
  subscriptionId: Id,
  planId: Id,
  quantity: z.int(),
  /** Charged (positive) or credited (negative) now for the rest of the current period. */
  prorationAmount: Money,
  nextPrice: Money,
  nextBillingDate: IsoDate,
});
export type ChangePreview = z.infer<typeof ChangePreview>;

export const CancellationReason = z.enum([
  'too_expensive',
  'missing_features',
  'switched_service',
  'unused',
  'customer_service',
  'other',
]);
export type CancellationReason = z.infer<typeof CancellationReason>;

export const CancelSubscription = z.object({
  subscriptionId: Id,
  when: z.enum(['period_end', 'immediately']),
  reason: CancellationReason,
  comment: z.optional(StorableText.check(z.maxLength(2000))),
});
export type CancelSubscription = z.infer<typeof CancelSubscription>;
