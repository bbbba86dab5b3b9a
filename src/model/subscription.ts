import * as z from 'zod/mini';
import { Id, IdempotencyKey, IsoDate, IsoDateTime, ShortText, StorableText } from './common.js';
import { Money } from './money.js';

/** How many units of a plan: 1 to 10,000. */
const Quantity = z.int().check(z.minimum(1), z.maximum(10_000));
const Percent = z.int().check(z.minimum(1), z.maximum(100));

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
  /** The quantities a customer may choose (absent: 1 and 10,000). */
  minQuantity: z.optional(Quantity),
  maxQuantity: z.optional(Quantity),
});
export type Plan = z.infer<typeof Plan>;

export const SubscriptionStatus = z.enum(['trialing', 'active', 'past_due', 'paused', 'canceled']);
export type SubscriptionStatus = z.infer<typeof SubscriptionStatus>;

/**
 * What the customer may do with one subscription right now, stated by the backend from the merchant's
 * settings and the subscription's state (rules/subscriptions.ts `actionsFor`). Elements offer exactly
 * these; the backend refuses the rest anyway.
 */
export const SubscriptionActions = z.object({
  /** Change plan or quantity (previewed and quoted first). */
  change: z.boolean(),
  cancel: z.boolean(),
  /** Undo a cancellation scheduled for the period end. */
  undoCancel: z.boolean(),
  pause: z.boolean(),
  resume: z.boolean(),
  /** Withdraw a change scheduled for the period end. */
  withdrawChange: z.boolean(),
});
export type SubscriptionActions = z.infer<typeof SubscriptionActions>;

/** A change (usually a downgrade) that takes effect on `effectiveDate`, at the period end. */
export const ScheduledChange = z.object({
  planId: Id,
  planName: ShortText,
  quantity: Quantity,
  /** Price per period for the whole quantity once it applies. */
  price: Money,
  effectiveDate: IsoDate,
});
export type ScheduledChange = z.infer<typeof ScheduledChange>;

/** The payment method a subscription's invoices are charged to (its own, else the customer's default). */
export const ChargedTo = z.object({
  id: Id,
  kind: z.enum(['card', 'bank_account']),
  /** The card brand (`visa`) or the bank's name. */
  label: ShortText,
  last4: z.string().check(z.regex(/^\d{4}$/)),
});
export type ChargedTo = z.infer<typeof ChargedTo>;

export const Subscription = z.object({
  id: Id,
  planId: Id,
  planName: ShortText,
  status: SubscriptionStatus,
  quantity: Quantity,
  /** Price per period for the whole quantity, before any retention discount. */
  price: Money,
  interval: BillingInterval,
  intervalCount: z.int().check(z.minimum(1)),
  products: z.array(z.object({ name: ShortText, quantity: z.int().check(z.positive()) })),
  terms: z.optional(StorableText.check(z.maxLength(2000))),
  startDate: IsoDate,
  currentPeriodEnd: IsoDate,
  /** Absent once canceled, while paused, or when it ends at the period end. */
  nextBillingDate: z.optional(IsoDate),
  /** What the next renewal invoice will be (after discounts and scheduled changes); with nextBillingDate. */
  nextBillingAmount: z.optional(Money),
  trialEnd: z.optional(IsoDate),
  /** Paused until this date, when it resumes by itself. */
  pausedUntil: z.optional(IsoDate),
  /** Ends on `currentPeriodEnd`; the customer keeps what they paid for until then. */
  cancelAtPeriodEnd: z.boolean(),
  canceledAt: z.optional(IsoDate),
  /** The id of the merchant's reason the customer chose (`other` with free text in the comment). */
  cancellationReason: z.optional(ShortText),
  scheduledChange: z.optional(ScheduledChange),
  /** A retention discount the customer accepted: percent off the next `periodsRemaining` renewals. */
  discount: z.optional(z.object({ percentOff: Percent, periodsRemaining: z.int().check(z.positive()) })),
  chargedTo: z.optional(ChargedTo),
  actions: SubscriptionActions,
});
export type Subscription = z.infer<typeof Subscription>;

export const Subscribe = z.object({
  planId: Id,
  quantity: Quantity,
  /** The method to charge; absent: the customer's default. */
  paymentMethodId: z.optional(Id),
  idempotencyKey: IdempotencyKey,
});
export type Subscribe = z.infer<typeof Subscribe>;

/** The change a customer asks a price for. */
export const SubscriptionChange = z.object({
  subscriptionId: Id,
  planId: Id,
  quantity: Quantity,
});
export type SubscriptionChange = z.infer<typeof SubscriptionChange>;

/**
 * What a plan or quantity change costs, computed by the backend and pinned by `quoteId` until
 * `expiresAt`: changing with the quote charges exactly `dueToday`. Upgrades apply now; downgrades apply
 * at the period end when the merchant says so (`effective: 'period_end'`, nothing due today).
 */
export const ChangePreview = z.object({
  quoteId: Id,
  expiresAt: IsoDateTime,
  subscriptionId: Id,
  planId: Id,
  planName: ShortText,
  quantity: Quantity,
  effective: z.enum(['now', 'period_end']),
  effectiveDate: IsoDate,
  /** Credit for the unused time of the current plan (zero when nothing is credited). */
  credit: Money,
  /** The new plan or quantity for the rest of the current period. */
  charge: Money,
  tax: Money,
  /** charge − credit + tax, never below zero; what is charged now to the subscription's method. */
  dueToday: Money,
  /** Credit beyond today's charge, taken off the next renewal. */
  carriedCredit: Money,
  /** The first renewal after the change. */
  nextRenewal: z.object({ amount: Money, date: IsoDate }),
});
export type ChangePreview = z.infer<typeof ChangePreview>;

/** Make the change a quote priced; an expired or unknown quote is refused (`conflict`, `quoteId: expired`). */
export const ChangeSubscription = z.object({
  subscriptionId: Id,
  quoteId: Id,
  idempotencyKey: IdempotencyKey,
});
export type ChangeSubscription = z.infer<typeof ChangeSubscription>;

/** One subscription, by id. */
export const SubscriptionRef = z.object({ subscriptionId: Id });
export type SubscriptionRef = z.infer<typeof SubscriptionRef>;

/** The reason a customer may always choose, with their own words in `comment`. */
export const OTHER_REASON = 'other';

export const CancelSubscription = z.object({
  subscriptionId: Id,
  when: z.enum(['period_end', 'immediately']),
  /** One of the merchant's `cancellationReasons` ids, or `other` (then `comment` is required). */
  reason: Id,
  comment: z.optional(StorableText.check(z.maxLength(2000))),
});
export type CancelSubscription = z.infer<typeof CancelSubscription>;

/** Pause until `resumeOn` (after today, within the merchant's `maxPauseDays`). */
export const PauseSubscription = z.object({
  subscriptionId: Id,
  resumeOn: IsoDate,
});
export type PauseSubscription = z.infer<typeof PauseSubscription>;
