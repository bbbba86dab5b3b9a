import { type ChangePreview, type Plan, type PortalSettings, money, taxOn } from '../model/index.js';
import { addInterval } from './dates.js';
import { invalidField, notFound } from './errors.js';
import type { QuoteRecord, SubscriptionRecord } from './records.js';

/**
 * What a subscription costs: its next renewal (after a retention discount, a scheduled change and carried
 * credit) and the quote for a plan or quantity change (credit for unused time, charge for the rest of the
 * period, tax, due today). Both backends and the billing cycle price through these, so a preview, the
 * charge that follows it and the renewal invoice agree to the minor unit.
 */

/** A tax rate as invoices carry it. */
export interface TaxRate {
  name: string;
  rateBasisPoints: number;
}

/**
 * The tax on subscription charges (first periods, changes, renewals). The demo merchant charges none on
 * subscriptions; this is the one place a rate would come from, so quotes, the next billing amount and
 * every subscription invoice use the same one.
 */
export const SUBSCRIPTION_TAX: TaxRate = { name: 'Sales tax', rateBasisPoints: 0 };

/** How long a change's quote holds its price. */
export const QUOTE_TTL_MS = 15 * 60_000;

export function findPlan(plans: readonly Plan[], id: string): Plan {
  const plan = plans.find((each) => each.id === id);
  if (!plan) throw notFound('plan');
  return plan;
}

/** The quantities a plan allows: its own bounds, else 1 to 10,000. */
export function quantityBounds(plan: Plan): { min: number; max: number } {
  return { min: plan.minQuantity ?? 1, max: plan.maxQuantity ?? 10_000 };
}

/** Refuses a quantity outside the plan's bounds (field error at `quantity`). */
export function checkQuantity(plan: Plan, quantity: number): void {
  const { min, max } = quantityBounds(plan);
  if (quantity < min) throw invalidField('quantity', `at least ${min} for ${plan.name}`, 'invalid');
  if (quantity > max) throw invalidField('quantity', `at most ${max} for ${plan.name}`, 'too_large');
}

// The next renewal -------------------------------------------------------------------------------------

/** One renewal invoice, priced: what `nextBillingAmount` shows and what the billing cycle invoices. */
export interface RenewalPrice {
  date: string;
  plan: Plan;
  quantity: number;
  currency: string;
  /** Minor units: the plan's price for the whole quantity. */
  listPrice: number;
  /** Off the list price by the retention discount (zero without one). */
  discount: number;
  /** Carried credit from an earlier change, used up to the discounted price. */
  credit: number;
  /** listPrice − discount − credit. */
  subtotal: number;
  tax: TaxRate & { amount: number };
  /** subtotal + tax. */
  total: number;
}

/** `percent` of `amount`, rounded half up to the minor unit. */
export function percentOf(amount: number, percent: number): number {
  return Math.floor((amount * percent * 2 + 100) / 200);
}

/**
 * The next renewal of `record` on its `nextBillingDate` (undefined when none is due: cancelled, paused or
 * ending at the period end): on the scheduled plan and quantity when the change applies by then, less the
 * retention discount and any carried credit, plus tax.
 */
export function nextRenewal(record: SubscriptionRecord, plans: readonly Plan[]): RenewalPrice | undefined {
  const date = record.nextBillingDate;
  if (date === undefined) return undefined;
  const change =
    record.scheduledChange && record.scheduledChange.effectiveDate <= date
      ? record.scheduledChange
      : undefined;
  const plan = findPlan(plans, change?.planId ?? record.planId);
  const quantity = change?.quantity ?? record.quantity;
  const listPrice = plan.price.amount * quantity;
  const discount = record.discount ? percentOf(listPrice, record.discount.percentOff) : 0;
  const credit = Math.min(record.carriedCredit ?? 0, listPrice - discount);
  const subtotal = listPrice - discount - credit;
  const tax = taxOn(subtotal, SUBSCRIPTION_TAX.rateBasisPoints);
  return {
    date,
    plan,
    quantity,
    currency: plan.price.currency,
    listPrice,
    discount,
    credit,
    subtotal,
    tax: { ...SUBSCRIPTION_TAX, amount: tax },
    total: subtotal + tax,
  };
}

/**
 * The subscription once `renewal` (its `nextRenewal`) is invoiced: one period of the retention discount is
 * used (gone after the last) and the carried credit it used is spent. The billing cycle advances the
 * period and applies a due scheduled change itself (`scheduledChangeApplied`).
 */
export function renewalSpent(record: SubscriptionRecord, renewal: RenewalPrice): SubscriptionRecord {
  const { discount, carriedCredit, ...rest } = record;
  const periodsLeft = (discount?.periodsRemaining ?? 0) - 1;
  const creditLeft = (carriedCredit ?? 0) - renewal.credit;
  return {
    ...rest,
    ...(discount && periodsLeft > 0 ? { discount: { ...discount, periodsRemaining: periodsLeft } } : {}),
    ...(creditLeft > 0 ? { carriedCredit: creditLeft } : {}),
  };
}

/** The subscription on its scheduled plan and quantity (the change removed), as on its effective date. */
export function scheduledChangeApplied(
  record: SubscriptionRecord,
  plans: readonly Plan[],
): SubscriptionRecord {
  const change = record.scheduledChange;
  if (!change) return record;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { scheduledChange, terms, ...rest } = record;
  const plan = findPlan(plans, change.planId);
  const samePlan = plan.id === record.planId;
  return {
    ...rest,
    planId: plan.id,
    quantity: change.quantity,
    products: samePlan ? scaled(record, change.quantity) : [{ name: plan.name, quantity: change.quantity }],
    ...(samePlan ? (terms ? { terms } : {}) : plan.terms ? { terms: plan.terms } : {}),
  };
}

// Quotes -----------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Nominal days per period, only to compare prices across intervals. */
function nominalDays(plan: Plan): number {
  return { day: 1, week: 7, month: 30, year: 365 }[plan.interval] * plan.intervalCount;
}

function sameCycle(a: Plan, b: Plan): boolean {
  return a.interval === b.interval && a.intervalCount === b.intervalCount;
}

/** `amount` for `part` of `whole` days, rounded half up. */
function prorate(amount: number, part: number, whole: number): number {
  return Math.floor((amount * part * 2 + whole) / (2 * whole));
}

/** Whether moving to `quantity` of `newPlan` lowers the price per day. */
export function isDowngrade(currentPlan: Plan, currentQuantity: number, newPlan: Plan, quantity: number) {
  const before = currentPlan.price.amount * currentQuantity * nominalDays(newPlan);
  const after = newPlan.price.amount * quantity * nominalDays(currentPlan);
  return after < before;
}

export interface QuoteRequest {
  id: string;
  subscription: SubscriptionRecord;
  plans: readonly Plan[];
  newPlan: Plan;
  quantity: number;
  settings: PortalSettings;
  today: string;
  now: Date;
}

/**
 * The quote for a change. A raise applies now: the unused part of the current period is credited, the new
 * plan and quantity charged for the rest of it (or for a whole new period when the billing interval
 * changes, which restarts the period today), tax added on the difference; credit beyond the charge is
 * carried to the next renewal. A cut applies at the period end when the merchant says so, with nothing due
 * now. During a trial nothing is charged or credited.
 */
export function buildQuote(request: QuoteRequest): QuoteRecord {
  const { subscription, newPlan, quantity, today } = request;
  const currentPlan = findPlan(request.plans, subscription.planId);
  if (newPlan.price.currency !== currentPlan.price.currency) {
    throw invalidField('planId', 'the plan is billed in another currency');
  }
  const trialing = subscription.status === 'trialing';
  const deferred =
    !trialing &&
    request.settings.subscriptions.downgrades === 'period_end' &&
    isDowngrade(currentPlan, subscription.quantity, newPlan, quantity);
  const effective = deferred ? 'period_end' : 'now';
  let credit = 0;
  let charge = 0;
  if (!trialing && !deferred) {
    const periodStart = addInterval(
      subscription.currentPeriodEnd,
      currentPlan.interval,
      -currentPlan.intervalCount,
    );
    const periodDays = Math.max(1, daysBetween(periodStart, subscription.currentPeriodEnd));
    const remaining = Math.min(periodDays, Math.max(0, daysBetween(today, subscription.currentPeriodEnd)));
    credit = prorate(currentPlan.price.amount * subscription.quantity, remaining, periodDays);
    charge = sameCycle(currentPlan, newPlan)
      ? prorate(newPlan.price.amount * quantity, remaining, periodDays)
      : newPlan.price.amount * quantity;
  }
  const net = charge - credit;
  const taxable = Math.max(0, net);
  const tax = taxOn(taxable, SUBSCRIPTION_TAX.rateBasisPoints);
  const partial: QuoteRecord = {
    id: request.id,
    customerId: subscription.customerId,
    subscriptionId: subscription.id,
    planId: newPlan.id,
    quantity,
    effective,
    effectiveDate: deferred ? subscription.currentPeriodEnd : today,
    credit,
    charge,
    tax,
    dueToday: taxable + tax,
    carriedCredit: Math.max(0, -net),
    nextRenewalAmount: 0,
    nextRenewalDate: subscription.currentPeriodEnd,
    basis: {
      planId: subscription.planId,
      quantity: subscription.quantity,
      currentPeriodEnd: subscription.currentPeriodEnd,
    },
    expiresAt: new Date(request.now.getTime() + QUOTE_TTL_MS).toISOString(),
  };
  const after = applyQuote(subscription, partial, request.plans);
  const renewal = nextRenewal({ ...after, nextBillingDate: after.currentPeriodEnd }, request.plans);
  return {
    ...partial,
    nextRenewalAmount: renewal?.total ?? 0,
    nextRenewalDate: renewal?.date ?? after.currentPeriodEnd,
  };
}

/**
 * Why a quote can no longer be used (`conflict`, field error `quoteId: expired`), or undefined while it
 * holds: it ran out, or the subscription moved on since (another change, a renewal).
 */
export function staleQuote(
  quote: QuoteRecord,
  subscription: SubscriptionRecord,
  now: Date,
): string | undefined {
  if (Date.parse(quote.expiresAt) <= now.getTime()) return 'the quote has expired';
  const { basis } = quote;
  if (
    basis.planId !== subscription.planId ||
    basis.quantity !== subscription.quantity ||
    basis.currentPeriodEnd !== subscription.currentPeriodEnd
  ) {
    return 'the subscription changed since the quote';
  }
  return undefined;
}

/**
 * The subscription once the quoted change is made: now (on the new plan and quantity, the period restarted
 * when the interval changed, credit carried) or scheduled for the period end.
 */
export function applyQuote(
  subscription: SubscriptionRecord,
  quote: QuoteRecord,
  plans: readonly Plan[],
): SubscriptionRecord {
  const newPlan = findPlan(plans, quote.planId);
  if (quote.effective === 'period_end') {
    return {
      ...subscription,
      scheduledChange: { planId: newPlan.id, quantity: quote.quantity, effectiveDate: quote.effectiveDate },
    };
  }
  const currentPlan = findPlan(plans, subscription.planId);
  const restart = subscription.status !== 'trialing' && !sameCycle(currentPlan, newPlan);
  const periodEnd = restart
    ? addInterval(quote.effectiveDate, newPlan.interval, newPlan.intervalCount)
    : subscription.currentPeriodEnd;
  const credit = (subscription.carriedCredit ?? 0) + quote.carriedCredit;
  // Made now, the change is applied as a scheduled one would be on its date.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { carriedCredit, ...rest } = scheduledChangeApplied(
    {
      ...subscription,
      scheduledChange: { planId: newPlan.id, quantity: quote.quantity, effectiveDate: quote.effectiveDate },
    },
    plans,
  );
  return {
    ...rest,
    currentPeriodEnd: periodEnd,
    ...(subscription.nextBillingDate !== undefined ? { nextBillingDate: periodEnd } : {}),
    ...(credit > 0 ? { carriedCredit: credit } : {}),
  };
}

/** A quantity change alone scales each product line. */
function scaled(subscription: SubscriptionRecord, quantity: number): SubscriptionRecord['products'] {
  const ratio = quantity / subscription.quantity;
  return subscription.products.map((product) => ({
    ...product,
    quantity: Math.max(1, Math.round(product.quantity * ratio)),
  }));
}

/** A quote as the contract shows it. */
export function toChangePreview(quote: QuoteRecord, plans: readonly Plan[]): ChangePreview {
  const plan = findPlan(plans, quote.planId);
  const m = (amount: number) => money(amount, plan.price.currency);
  return {
    quoteId: quote.id,
    expiresAt: quote.expiresAt,
    subscriptionId: quote.subscriptionId,
    planId: plan.id,
    planName: plan.name,
    quantity: quote.quantity,
    effective: quote.effective,
    effectiveDate: quote.effectiveDate,
    credit: m(quote.credit),
    charge: m(quote.charge),
    tax: m(quote.tax),
    dueToday: m(quote.dueToday),
    carriedCredit: m(quote.carriedCredit),
    nextRenewal: { amount: m(quote.nextRenewalAmount), date: quote.nextRenewalDate },
  };
}

/** The invoice lines of what a change makes due today (none when nothing is due). */
export function quoteLines(
  quote: QuoteRecord,
  plans: readonly Plan[],
  currentPlanName: string,
): { description: string; amount: number }[] {
  if (quote.dueToday === 0) return [];
  const plan = findPlan(plans, quote.planId);
  const lines = [
    { description: `${plan.name} × ${quote.quantity}, from ${quote.effectiveDate}`, amount: quote.charge },
  ];
  if (quote.credit > 0) {
    lines.push({ description: `Unused time on ${currentPlanName}`, amount: -quote.credit });
  }
  return lines;
}
