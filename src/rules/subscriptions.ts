import { PortalError } from '../contract/errors.js';
import {
  type CancelSubscription,
  OTHER_REASON,
  type Plan,
  type PortalSettings,
  type SubscriptionActions,
  type SubscriptionStatus,
  planRule,
  taxOn,
} from '../model/index.js';
import { allows, requireCapability } from './capabilities.js';
import { addDays, addInterval } from './dates.js';
import { conflict, forbidden, invalidField, paymentDeclined } from './errors.js';
import type { CustomerRecord, InvoiceRecord, QuoteRecord, SubscriptionRecord } from './records.js';
import { SUBSCRIPTION_TAX, checkQuantity, staleQuote } from './subscription-prices.js';

export {
  type RenewalPrice,
  SUBSCRIPTION_TAX,
  applyQuote,
  buildQuote,
  findPlan,
  nextRenewal,
  quoteLines,
  renewalSpent,
  scheduledChangeApplied,
  toChangePreview,
} from './subscription-prices.js';

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
  /** Minor units in the customer's currency, tax included: what is charged. */
  amount: number;
  /** The invoice lines, before tax. */
  lines: { description: string; amount: number }[];
}

/** `subtotal` plus the subscription tax on it: what a due-now invoice totals. */
export function withTax(subtotal: number): number {
  return subtotal + taxOn(subtotal, SUBSCRIPTION_TAX.rateBasisPoints);
}

/** The checks before subscribing to `plan`, once the plan is found. */
export function checkSubscribe(
  settings: PortalSettings,
  plan: Plan,
  customer: CustomerRecord,
  quantity?: number,
): void {
  requireCapability(settings, 'subscriptions');
  if (!planRule(settings, plan.id).allowSubscribing) {
    throw forbidden('this plan is not open for self-subscription');
  }
  if (plan.price.currency !== customer.currency) {
    throw invalidField('planId', 'the plan is billed in another currency');
  }
  if (quantity !== undefined) checkQuantity(plan, quantity);
}

/**
 * A new subscription to `plan` from `today`. A plan with a trial starts trialing and charges nothing yet;
 * any other priced plan's first period is due now and needs a payment method (`paymentMethodId`: the
 * chosen one, else the default). A method the customer chose (`chosenMethodId`) is remembered on the
 * subscription, so its renewals are charged to it too; without one, renewals follow the default.
 */
export function startSubscription(input: {
  id: string;
  customerId: string;
  plan: Plan;
  quantity: number;
  paymentMethodId: string | undefined;
  chosenMethodId?: string;
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
    const description = `${plan.name} × ${quantity}`;
    dueNow = {
      description,
      amount: withTax(plan.price.amount * quantity),
      lines: [{ description, amount: plan.price.amount * quantity }],
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
    ...(input.chosenMethodId !== undefined ? { paymentMethodId: input.chosenMethodId } : {}),
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
    lines: due.lines.map((line, index) => ({
      id: index === 0 ? input.lineId : `${input.lineId}_${index + 1}`,
      description: line.description,
      quantity: 1,
      unitPrice: line.amount,
    })),
    taxName: SUBSCRIPTION_TAX.name,
    taxRateBasisPoints: SUBSCRIPTION_TAX.rateBasisPoints,
    voided: false,
    refunded: false,
    payments: input.payments,
    notes: [],
  };
}

// What the customer may do now -------------------------------------------------------------------------

export type CustomerAction = keyof SubscriptionActions;

/** The facts an action's permission depends on. */
export interface ActionContext {
  settings: PortalSettings;
  subscription: SubscriptionRecord;
  today: string;
}

/**
 * Why the customer may not take `action` now (`forbidden` when the merchant does not allow it, `conflict`
 * when the subscription's state does not), or undefined when they may. `actionsFor` and every backend
 * check read this one table, so what an element offers is exactly what the backend accepts.
 */
export function refusalOf(action: CustomerAction, context: ActionContext): PortalError | undefined {
  const { settings, subscription, today } = context;
  const { status } = subscription;
  if (!allows(settings, 'subscriptions'))
    return forbidden('subscription self-service is turned off by the merchant');
  const ending = subscription.cancelAtPeriodEnd && status !== 'canceled';
  switch (action) {
    case 'change':
      if (!allows(settings, 'changePlans')) return forbidden('changing plans is turned off by the merchant');
      if (!can('change', status)) return conflict(`a ${status} subscription cannot be changed`);
      if (ending) return conflict('a subscription ending at the period end cannot be changed; keep it first');
      return undefined;
    case 'cancel':
      if (!planRule(settings, subscription.planId).allowCancelling) {
        return forbidden('this plan cannot be cancelled by the customer');
      }
      if (!can('cancel', status)) return conflict(`a ${status} subscription cannot be cancelled`);
      if (ending) return conflict('this subscription already ends at the period end');
      return undefined;
    case 'undoCancel':
      if (!ending) return conflict('no cancellation is scheduled');
      if (today >= subscription.currentPeriodEnd) return conflict('the period has ended');
      return undefined;
    case 'pause':
      if (!settings.subscriptions.allowPause && settings.subscriptions.retentionOffer?.kind !== 'pause') {
        return forbidden('pausing subscriptions is turned off by the merchant');
      }
      if (!can('pause', status)) return conflict(`a ${status} subscription cannot be paused`);
      if (ending) return conflict('a subscription ending at the period end cannot be paused');
      return undefined;
    case 'resume':
      return can('resume', status) ? undefined : conflict(`a ${status} subscription cannot be resumed`);
    case 'withdrawChange':
      if (subscription.scheduledChange === undefined) return conflict('no change is scheduled');
      if (status === 'canceled') return conflict('a canceled subscription cannot be changed');
      return undefined;
  }
}

export function requireAction(action: CustomerAction, context: ActionContext): void {
  const refusal = refusalOf(action, context);
  if (refusal) throw refusal;
}

/** What the customer may do with `subscription` now, as the contract's `actions`. */
export function actionsFor(
  settings: PortalSettings,
  subscription: SubscriptionRecord,
  today: string,
): SubscriptionActions {
  const may = (action: CustomerAction) => refusalOf(action, { settings, subscription, today }) === undefined;
  return {
    change: may('change'),
    cancel: may('cancel'),
    undoCancel: may('undoCancel'),
    pause: may('pause'),
    resume: may('resume'),
    withdrawChange: may('withdrawChange'),
  };
}

// Changing plan or quantity ----------------------------------------------------------------------------

/**
 * The checks before quoting a change: the subscription may change, the target is the current plan or one
 * this customer is offered, the quantity is within the plan's bounds, and something actually changes.
 */
export function checkChange(input: {
  settings: PortalSettings;
  customer: CustomerRecord;
  subscription: SubscriptionRecord;
  newPlan: Plan;
  quantity: number;
  today: string;
}): void {
  const { settings, customer, subscription, newPlan, quantity } = input;
  requireAction('change', { settings, subscription, today: input.today });
  if (newPlan.id !== subscription.planId && !offered(settings, newPlan, customer)) {
    throw forbidden('this plan is not open for self-subscription');
  }
  checkQuantity(newPlan, quantity);
  if (newPlan.id === subscription.planId && quantity === subscription.quantity) {
    throw invalidField('quantity', 'this is the current plan and quantity');
  }
}

/** The refusal of a quote that is unknown, for another subscription, expired or voided. */
export function expiredQuote(message: string): PortalError {
  return new PortalError('conflict', message, { fieldErrors: [{ path: 'quoteId', code: 'expired' }] });
}

/** The quote `changeSubscription` may use, or the `conflict` that asks for a fresh one. */
export function checkQuote(
  quote: QuoteRecord | undefined,
  subscription: SubscriptionRecord,
  now: Date,
): QuoteRecord {
  if (!quote || quote.subscriptionId !== subscription.id) throw expiredQuote('unknown quote');
  const stale = staleQuote(quote, subscription, now);
  if (stale) throw expiredQuote(stale);
  return quote;
}

/** A change with something due today and no method to charge it to. */
export function noMethodToCharge() {
  return paymentDeclined('There is no payment method to charge.');
}

/** A change whose charge is declined is not made. */
export function changePaymentDeclined() {
  return paymentDeclined('The payment for the change was declined.');
}

/** A scheduled change withdrawn: the subscription renews as it is. */
export function changeWithdrawn(context: ActionContext): SubscriptionRecord {
  requireAction('withdrawChange', context);
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { scheduledChange, ...rest } = context.subscription;
  return rest;
}

// Cancelling, retention, pausing, resuming --------------------------------------------------------------

/** The checks before cancelling: the plan must allow it, at the moment the merchant allows. */
export function checkCancel(
  settings: PortalSettings,
  subscription: SubscriptionRecord,
  when: CancelSubscription['when'],
  today: string,
): void {
  requireCapability(settings, 'subscriptions');
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
  requireAction('cancel', { settings, subscription, today });
}

/** The reason must be one the merchant lists or `other`, which needs the customer's own words. */
export function checkCancelReason(
  settings: PortalSettings,
  input: Pick<CancelSubscription, 'reason' | 'comment'>,
): void {
  const known = settings.subscriptions.cancellationReasons.some((reason) => reason.id === input.reason);
  if (!known && input.reason !== OTHER_REASON)
    throw invalidField('reason', 'choose one of the listed reasons');
  if (input.reason === OTHER_REASON && !input.comment?.trim()) {
    throw invalidField('comment', 'say why in a few words', 'required');
  }
}

/** A listed reason in the merchant's words; undefined for `other` and unknown ids. */
export function reasonLabel(settings: PortalSettings, reason: string): string | undefined {
  return settings.subscriptions.cancellationReasons.find((each) => each.id === reason)?.label;
}

/** Cancelled now (status `canceled`) or at the period end; either way nothing more is billed. */
export function cancelled(
  subscription: SubscriptionRecord,
  input: Pick<CancelSubscription, 'when' | 'reason' | 'comment'>,
  today: string,
): SubscriptionRecord {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { nextBillingDate, cancellationComment, ...rest } = subscription;
  const comment = input.comment?.trim();
  const reason = { cancellationReason: input.reason, ...(comment ? { cancellationComment: comment } : {}) };
  if (input.when === 'period_end') return { ...rest, ...reason, cancelAtPeriodEnd: true };
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { scheduledChange, pausedUntil, ...ended } = rest;
  return { ...ended, ...reason, status: 'canceled', canceledAt: today, cancelAtPeriodEnd: false };
}

/** A cancellation at the period end undone before it: the subscription renews again. */
export function cancellationUndone(context: ActionContext): SubscriptionRecord {
  requireAction('undoCancel', context);
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { cancellationReason, cancellationComment, ...rest } = context.subscription;
  return {
    ...rest,
    cancelAtPeriodEnd: false,
    ...(rest.status === 'paused' ? {} : { nextBillingDate: rest.currentPeriodEnd }),
  };
}

/**
 * The merchant's retention discount taken instead of cancelling: percent off the next renewals. Offered
 * to a customer who may cancel, once while a discount runs; a `pause` offer goes through pausing.
 */
export function retentionAccepted(context: ActionContext): SubscriptionRecord {
  const offer = context.settings.subscriptions.retentionOffer;
  requireCapability(context.settings, 'subscriptions');
  if (!offer) throw forbidden('the merchant makes no retention offer');
  if (offer.kind !== 'discount') throw forbidden('the retention offer is a pause: pause the subscription');
  requireAction('cancel', context);
  if (context.subscription.discount) throw conflict('a retention discount already applies');
  return {
    ...context.subscription,
    discount: { percentOff: offer.percentOff, periodsRemaining: offer.periods },
  };
}

/** Paused until `resumeOn` (after today, within the merchant's longest pause): nothing is billed meanwhile. */
export function paused(context: ActionContext, resumeOn: string): SubscriptionRecord {
  requireAction('pause', context);
  const { settings, today } = context;
  if (resumeOn <= today) throw invalidField('resumeOn', 'choose a date after today');
  if (resumeOn > addDays(today, settings.subscriptions.maxPauseDays)) {
    throw invalidField('resumeOn', `at most ${settings.subscriptions.maxPauseDays} days away`, 'too_large');
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { nextBillingDate, ...rest } = context.subscription;
  return { ...rest, status: 'paused', pausedUntil: resumeOn };
}
