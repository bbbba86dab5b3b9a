import type { Formatter } from '../../core/i18n/index.js';
import type { ChargedTo, Money, Plan, Subscription } from '../../model/index.js';
import type { SubscriptionsT } from './messages.js';

/** What the list and the flows say the same way: a price per period, a status, a plan's bounds. */

/** "$48.00 every month", "€96.00 every 2 years": Intl money, plural-aware period. */
export function pricePer(
  t: SubscriptionsT,
  format: Formatter,
  price: Money,
  interval: Plan['interval'],
  count: number,
): string {
  return t.subscriptions.priceEvery(format.money(price), t.subscriptions.every(interval, count));
}

export type BadgeTone = 'success' | 'info' | 'warning' | 'danger' | 'neutral';

const TONES: Record<Subscription['status'], BadgeTone> = {
  trialing: 'info',
  active: 'success',
  past_due: 'danger',
  paused: 'neutral',
  canceled: 'neutral',
};

/** The status badge: its words and tone. A cancellation scheduled for the period end reads "Cancelling". */
export function statusBadge(
  t: SubscriptionsT,
  subscription: Subscription,
): { text: string; tone: BadgeTone } {
  const words = t.subscriptions.status;
  if (subscription.status !== 'canceled' && subscription.cancelAtPeriodEnd) {
    return { text: words.cancelling, tone: 'warning' };
  }
  return { text: words[subscription.status], tone: TONES[subscription.status] };
}

/** The sentence under the badge that says what the status means now, or null when "Active" says it all. */
export function statusLine(t: SubscriptionsT, format: Formatter, subscription: Subscription): string | null {
  const m = t.subscriptions;
  if (subscription.status === 'canceled') {
    return subscription.canceledAt ? m.canceledOn(format.date(subscription.canceledAt)) : null;
  }
  if (subscription.cancelAtPeriodEnd) return m.endsOn(format.date(subscription.currentPeriodEnd));
  if (subscription.status === 'paused' && subscription.pausedUntil) {
    return m.pausedUntil(format.date(subscription.pausedUntil));
  }
  if (subscription.status === 'trialing' && subscription.trialEnd) {
    return m.trialUntil(format.date(subscription.trialEnd));
  }
  if (subscription.status === 'past_due') return m.pastDue;
  return null;
}

/** What a subscription is charged to, by the name the customer knows it. */
export function chargedToLabel(t: SubscriptionsT, chargedTo: ChargedTo | undefined): string {
  if (!chargedTo) return t.subscriptions.chargedToDefault;
  if (chargedTo.kind === 'bank_account') return t.paymentMethod.bankAccount(chargedTo.last4);
  const brands = t.paymentMethod.brands as Record<string, string>;
  return t.paymentMethod.card(brands[chargedTo.label] ?? chargedTo.label, chargedTo.last4);
}

/** The quantities a plan allows. */
export function quantityBounds(plan: Plan | undefined): { min: number; max: number } {
  return { min: plan?.minQuantity ?? 1, max: plan?.maxQuantity ?? 10_000 };
}

/** The typed quantity as a whole number within the plan's bounds, or null. */
export function parseQuantity(text: string, plan: Plan | undefined): number | null {
  const { min, max } = quantityBounds(plan);
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/** `YYYY-MM-DD` `days` after `iso` (calendar days, UTC). */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
