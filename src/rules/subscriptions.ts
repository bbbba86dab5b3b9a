import {
  type CancelSubscription,
  type ChangePreview,
  type Plan,
  type PortalSettings,
  type SubscriptionStatus,
  money,
  planRule,
} from '../model/index.js';
import { requireCapability } from './capabilities.js';
import { addDays, addInterval } from './dates.js';
import { conflict, forbidden, invalidField, paymentDeclined } from './errors.js';
import type { CustomerRecord, InvoiceRecord, SubscriptionRecord } from './records.js';

/**
 * Subscriptions and plans: which plans a customer is offered, what starting, changing, cancelling, pausing
 * and resuming require, and what each does to the subscription. Transitions are pure: they return the new
 * record and the backend stores it.
 */

/** A plan this customer may take: opened for self-subscription and priced in their currency. */
export function offered(settings: PortalSettings, plan: Plan, customer: CustomerRecord): boolean {
  return planRule(settings, plan.id).allowSubscribing && plan.price.currency === customer.currency;
}

/** The plans to show; with self-service off there is nothing to offer (an empty list, not an error). */
export function offeredPlans(
  settings: PortalSettings,
  plans: readonly Plan[],
  customer: CustomerRecord,
): Plan[] {
  if (!settings.subscriptions.enabled) return [];
  return plans.filter((plan) => offered(settings, plan, customer));
}

// The state machine ------------------------------------------------------------------------------------

export type SubscriptionAction = 'change' | 'cancel' | 'pause' | 'resume';

/** From which statuses each customer action may start. Everything else is a `conflict`. */
export const ALLOWED_FROM: Readonly<Record<SubscriptionAction, readonly SubscriptionStatus[]>> = {
  change: ['trialing', 'active', 'past_due'],
  cancel: ['trialing', 'active', 'past_due', 'paused'],
  pause: ['active'],
  resume: ['paused'],
};

const PAST: Record<SubscriptionAction, string> = {
  change: 'changed',
  cancel: 'cancelled',
  pause: 'paused',
  resume: 'resumed',
};

export function can(action: SubscriptionAction, status: SubscriptionStatus): boolean {
  return ALLOWED_FROM[action].includes(status);
}

/** Throws `conflict` ("a paused subscription cannot be changed") unless `action` may start from here. */
export function requireStatus(subscription: SubscriptionRecord, action: SubscriptionAction): void {
  if (!can(action, subscription.status)) {
    throw conflict(`a ${subscription.status} subscription cannot be ${PAST[action]}`);
  }
}

// Subscribing ------------------------------------------------------------------------------------------

/** What a customer's own action makes due at once: invoiced, and charged when there is a method. */
export interface DueNow {
  description: string;
  /** Minor units in the customer's currency. */
  amount: number;
}

/** The checks before subscribing to `plan`, once the plan is found. */
export function checkSubscribe(settings: PortalSettings, plan: Plan, customer: CustomerRecord): void {
  requireCapability(settings, 'subscriptions');
  if (!planRule(settings, plan.id).allowSubscribing) {
    throw forbidden('this plan is not open for self-subscription');
  }
  if (plan.price.currency !== customer.currency) {
    throw invalidField('planId', 'the plan is billed in another currency');
  }
}

/**
 * A new subscription to `plan` from `today`. A plan with a trial starts trialing and charges nothing yet;
 * any other priced plan's first period is due now and needs a payment method (`paymentMethodId`: the
 * chosen one, else the default).
 */
export function startSubscription(input: {
  id: string;
  customerId: string;
  plan: Plan;
  quantity: number;
  paymentMethodId: string | undefined;
  today: string;
}): { record: SubscriptionRecord; dueNow?: DueNow & { paymentMethodId: string } } {
  const { plan, quantity, today } = input;
  const trialing = plan.trialDays > 0;
  const periodEnd = trialing
    ? addDays(today, plan.trialDays)
    : addInterval(today, plan.interval, plan.intervalCount);
  let dueNow: (DueNow & { paymentMethodId: string }) | undefined;
  if (!trialing && plan.price.amount > 0) {
    if (input.paymentMethodId === undefined) {
      throw invalidField('paymentMethodId', 'choose a payment method', 'required');
    }
    dueNow = {
      description: `${plan.name} × ${quantity}`,
      amount: plan.price.amount * quantity,
      paymentMethodId: input.paymentMethodId,
    };
  }
  const record: SubscriptionRecord = {
    id: input.id,
    customerId: input.customerId,
    planId: plan.id,
    status: trialing ? 'trialing' : 'active',
    quantity,
    products: [{ name: plan.name, quantity }],
    ...(plan.terms ? { terms: plan.terms } : {}),
    startDate: today,
    currentPeriodEnd: periodEnd,
    nextBillingDate: periodEnd,
    ...(trialing ? { trialEnd: periodEnd } : {}),
    cancelAtPeriodEnd: false,
  };
  return dueNow ? { record, dueNow } : { record };
}

/** A subscription whose first payment is declined is not created. */
export function firstPaymentDeclined() {
  return paymentDeclined('The first payment was declined.');
}

/** The invoice for what is due now, due in 30 days; `payments` holds the charge when it succeeded. */
export function dueNowInvoice(input: {
  id: string;
  lineId: string;
  number: string;
  customer: CustomerRecord;
  due: DueNow;
  today: string;
  payments: InvoiceRecord['payments'];
}): InvoiceRecord {
  const { customer, due, today } = input;
  return {
    id: input.id,
    customerId: customer.id,
    number: input.number,
    kind: 'invoice',
    issueDate: today,
    dueDate: addDays(today, 30),
    currency: customer.currency,
    lines: [{ id: input.lineId, description: due.description, quantity: 1, unitPrice: due.amount }],
    taxName: 'Sales tax',
    taxRateBasisPoints: 0,
    voided: false,
    refunded: false,
    payments: input.payments,
    notes: [],
  };
}

// Changing plan or quantity ----------------------------------------------------------------------------

/** A subscription moving to `newPlan` (or staying on its plan) with `quantity`, as of `today`. */
export interface ChangeRequest {
  subscription: SubscriptionRecord;
  currentPlan: Plan;
  newPlan: Plan;
  quantity: number;
  today: string;
}

/**
 * The checks before changing a subscription (the `changePlans` capability is checked before anything is
 * looked up) and what the change costs now. Staying on the current plan is always allowed; moving to
 * another needs a plan this customer is offered.
 */
export function checkChange(
  input: ChangeRequest & { settings: PortalSettings; customer: CustomerRecord },
): ChangePreview {
  const { settings, customer, subscription, newPlan } = input;
  if (newPlan.id !== subscription.planId && !offered(settings, newPlan, customer)) {
    throw forbidden('this plan is not open for self-subscription');
  }
  requireStatus(subscription, 'change');
  return previewChange(input);
}

/** A prorated charge is due now; a credit goes against the next renewal, which a billing clock issues. */
export function prorationDue(preview: ChangePreview, newPlan: Plan): DueNow | undefined {
  if (preview.prorationAmount.amount <= 0) return undefined;
  return {
    description: `Change to ${newPlan.name} × ${preview.quantity}, prorated`,
    amount: preview.prorationAmount.amount,
  };
}

/** The subscription on `newPlan` with `quantity`; a quantity change alone scales each product line. */
export function changed(
  subscription: SubscriptionRecord,
  newPlan: Plan,
  quantity: number,
): SubscriptionRecord {
  if (newPlan.id !== subscription.planId) {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { terms, ...rest } = subscription;
    return {
      ...rest,
      planId: newPlan.id,
      quantity,
      products: [{ name: newPlan.name, quantity }],
      ...(newPlan.terms ? { terms: newPlan.terms } : {}),
    };
  }
  if (quantity === subscription.quantity) return { ...subscription };
  const ratio = quantity / subscription.quantity;
  return {
    ...subscription,
    quantity,
    products: subscription.products.map((product) => ({
      ...product,
      quantity: Math.max(1, Math.round(product.quantity * ratio)),
    })),
  };
}

// Cancelling, pausing, resuming ------------------------------------------------------------------------

/** The checks before cancelling: the plan must allow it, at the moment the merchant allows. */
export function checkCancel(
  settings: PortalSettings,
  subscription: SubscriptionRecord,
  when: CancelSubscription['when'],
): void {
  if (!planRule(settings, subscription.planId).allowCancelling) {
    throw forbidden('this plan cannot be cancelled by the customer');
  }
  const mode = settings.subscriptions.cancellation;
  if (mode !== 'either' && mode !== when) {
    throw forbidden(
      mode === 'period_end'
        ? 'subscriptions can only be cancelled at the end of the period'
        : 'subscriptions can only be cancelled immediately',
    );
  }
  requireStatus(subscription, 'cancel');
}

/** Cancelled now (status `canceled`) or at the period end; either way nothing more is billed. */
export function cancelled(
  subscription: SubscriptionRecord,
  input: Pick<CancelSubscription, 'when' | 'reason'>,
  today: string,
): SubscriptionRecord {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { nextBillingDate, ...rest } = subscription;
  return input.when === 'immediately'
    ? {
        ...rest,
        cancellationReason: input.reason,
        status: 'canceled',
        canceledAt: today,
        cancelAtPeriodEnd: false,
      }
    : { ...rest, cancellationReason: input.reason, cancelAtPeriodEnd: true };
}

/** Paused: nothing is billed until it is resumed. */
export function paused(subscription: SubscriptionRecord): SubscriptionRecord {
  requireStatus(subscription, 'pause');
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { nextBillingDate, ...rest } = subscription;
  return { ...rest, status: 'paused' };
}

/** Active again; a pause that outlasted the period starts a new one today. */
export function resumed(subscription: SubscriptionRecord, plan: Plan, today: string): SubscriptionRecord {
  requireStatus(subscription, 'resume');
  const currentPeriodEnd =
    subscription.currentPeriodEnd < today
      ? addInterval(today, plan.interval, plan.intervalCount)
      : subscription.currentPeriodEnd;
  return {
    ...subscription,
    status: 'active',
    currentPeriodEnd,
    ...(subscription.cancelAtPeriodEnd ? {} : { nextBillingDate: currentPeriodEnd }),
  };
}

// Prices -----------------------------------------------------------------------------------------------

/**
 * What changing a subscription's plan or quantity costs now: the price difference for the unused part of
 * the current period, rounded half up to the minor unit. Nothing is charged during a trial.
 */
export function previewChange(input: ChangeRequest): ChangePreview {
  const { subscription, currentPlan, newPlan, quantity, today } = input;
  if (newPlan.price.currency !== currentPlan.price.currency) {
    throw invalidField('planId', 'the plan is billed in another currency');
  }
  const oldPrice = currentPlan.price.amount * subscription.quantity;
  const nextPrice = newPlan.price.amount * quantity;
  const periodEnd = Date.parse(`${subscription.currentPeriodEnd}T00:00:00Z`);
  const day = 86_400_000;
  const periodDays = Math.max(1, Math.round(periodLengthDays(currentPlan)));
  const remainingDays = Math.min(
    periodDays,
    Math.max(0, Math.round((periodEnd - Date.parse(`${today}T00:00:00Z`)) / day)),
  );
  const difference = nextPrice - oldPrice;
  const proration =
    subscription.status === 'trialing'
      ? 0
      : Math.floor((difference * remainingDays * 2 + periodDays) / (2 * periodDays));
  return {
    subscriptionId: subscription.id,
    planId: newPlan.id,
    quantity,
    prorationAmount: money(proration, newPlan.price.currency),
    nextPrice: money(nextPrice, newPlan.price.currency),
    nextBillingDate: subscription.nextBillingDate ?? subscription.currentPeriodEnd,
  };
}

function periodLengthDays(plan: Plan): number {
  const perUnit = { day: 1, week: 7, month: 30, year: 365 }[plan.interval];
  return perUnit * plan.intervalCount;
}
