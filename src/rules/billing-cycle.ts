import type { Plan } from '../model/index.js';
import { addDays, addInterval } from './dates.js';
import { invoiceAmounts } from './mappers.js';
import type { CustomerRecord, InvoiceRecord, PaymentMethodRecord, SubscriptionRecord } from './records.js';
import {
  type RenewalPrice,
  SUBSCRIPTION_TAX,
  nextRenewal,
  renewalSpent,
  scheduledChangeApplied,
} from './subscription-prices.js';
import { requireStatus } from './subscriptions.js';

/**
 * The billing cycle, written once for both backends: what happens to a subscription as its dates pass.
 * Subscriptions bill in advance, so a renewal on `currentPeriodEnd` invoices the period that starts there.
 * On one date, in this order: a cancellation at the period end takes effect (nothing more is billed); a
 * paused subscription resumes on `pausedUntil`; a trial ends (the first invoice); a scheduled change
 * applies; the period renews, priced by `nextRenewal` (rules/subscription-prices.ts: the price the
 * customer was shown as `nextBillingAmount`), and a retention discount and carried credit are used up.
 *
 * A backend asks `nextStep` again and again until it answers undefined, applying each step, so a job that
 * did not run for several periods issues each missed period once, in order, each dated its own start.
 * That a period is issued once even when two jobs run at the same time is the backend's to ensure (the
 * server: a row lock and a unique (subscription, period start); MemoryAdapter: one thread).
 */

/** One period's invoice: for `periodStart` up to `periodEnd`, charged `amount` minor units (tax included). */
export interface Renewal {
  subscriptionId: string;
  periodStart: string;
  periodEnd: string;
  planId: string;
  quantity: number;
  currency: string;
  /** The invoice lines before tax: the list price, less a discount and carried credit (negative lines). */
  lines: { description: string; amount: number }[];
  /** What is charged: the lines plus tax. */
  amount: number;
}

export type StepKind = 'canceled' | 'resumed' | 'trial_ended' | 'renewed';

export interface CycleStep {
  kind: StepKind;
  /** The date it happens on (not the day the job ran). */
  on: string;
  /** The subscription after the step. */
  record: SubscriptionRecord;
  /** Whether a scheduled change was applied on the way. */
  changeApplied: boolean;
  /** The period to invoice (and charge), when the step starts one. */
  renewal?: Renewal;
}

function renewalOf(record: SubscriptionRecord, price: RenewalPrice, periodEnd: string): Renewal {
  const { plan, quantity } = price;
  const lines = [
    { description: `${plan.name} × ${quantity}, ${price.date} to ${periodEnd}`, amount: price.listPrice },
  ];
  if (price.discount > 0) {
    lines.push({
      description: `Discount, ${record.discount?.percentOff ?? 0} % off`,
      amount: -price.discount,
    });
  }
  if (price.credit > 0) lines.push({ description: 'Credit from an earlier change', amount: -price.credit });
  return {
    subscriptionId: record.id,
    periodStart: price.date,
    periodEnd,
    planId: plan.id,
    quantity,
    currency: price.currency,
    lines,
    amount: price.total,
  };
}

/**
 * A new period from `start`: priced and invoiced now, the scheduled change applied, the discount counted
 * down and the carried credit used, billed again at its end.
 */
function renew(
  record: SubscriptionRecord,
  plans: readonly Plan[],
  start: string,
): Pick<CycleStep, 'record' | 'renewal' | 'changeApplied'> {
  const price = nextRenewal({ ...record, nextBillingDate: start }, plans) as RenewalPrice;
  const periodEnd = addInterval(start, price.plan.interval, price.plan.intervalCount);
  const change = record.scheduledChange;
  const changeApplied = change !== undefined && change.effectiveDate <= start;
  const onPlan = changeApplied ? scheduledChangeApplied(record, plans) : record;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { pausedUntil, ...spent } = renewalSpent(onPlan, price);
  return {
    record: { ...spent, currentPeriodEnd: periodEnd, nextBillingDate: periodEnd },
    renewal: renewalOf(record, price, periodEnd),
    changeApplied,
  };
}

/** The next thing due on or before `today`, or undefined when the subscription is up to date. */
export function nextStep(
  record: SubscriptionRecord,
  plans: readonly Plan[],
  today: string,
): CycleStep | undefined {
  if (record.status === 'canceled') return undefined;
  const periodEnd = record.currentPeriodEnd;
  const paused = record.status === 'paused';
  // A cancellation at the period end happens then, paused or not: the customer asked to stop paying.
  if (record.cancelAtPeriodEnd && periodEnd <= today) return canceledAtPeriodEnd(record);
  if (paused) {
    const resumeOn = record.pausedUntil;
    if (resumeOn === undefined || resumeOn > today) return undefined;
    return resumeStep(record, plans, resumeOn);
  }
  if (periodEnd > today) return undefined;
  if (record.status === 'trialing') {
    const step = renew({ ...record, status: 'active' }, plans, periodEnd);
    return { kind: 'trial_ended', on: periodEnd, ...step };
  }
  // Active and past due alike renew: a past-due customer keeps receiving (and owing) each period.
  return { kind: 'renewed', on: periodEnd, ...renew(record, plans, periodEnd) };
}

/**
 * A paused subscription active again on `resumeOn`: on its `pausedUntil` date (the job) or today when the
 * customer resumes it. Back within the period already paid for, nothing is invoiced until it ends; after
 * it, a new period starts on `resumeOn` and is invoiced (and charged) like any renewal.
 */
export function resumeStep(record: SubscriptionRecord, plans: readonly Plan[], resumeOn: string): CycleStep {
  const periodEnd = record.currentPeriodEnd;
  // Due to end before it resumes: it ends, and no new period is started or billed.
  if (record.cancelAtPeriodEnd && periodEnd <= resumeOn) return canceledAtPeriodEnd(record);
  if (resumeOn < periodEnd) {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { pausedUntil, ...rest } = record;
    const after: SubscriptionRecord = {
      ...rest,
      status: 'active',
      ...(record.cancelAtPeriodEnd ? {} : { nextBillingDate: periodEnd }),
    };
    return { kind: 'resumed', on: resumeOn, record: after, changeApplied: false };
  }
  const step = renew({ ...record, status: 'active' }, plans, resumeOn);
  return { kind: 'resumed', on: resumeOn, ...step };
}

/**
 * Resumed by the customer today: the same step as a pause ending today, so a pause that outlasted the paid
 * period starts a new one today that the backend invoices and charges (`renewal`) like a renewal.
 */
export function resumed(record: SubscriptionRecord, plans: readonly Plan[], today: string): CycleStep {
  requireStatus(record, 'resume');
  return resumeStep(record, plans, today);
}

/** Cancelled on its period end, as the customer scheduled: nothing more is billed. */
function canceledAtPeriodEnd(record: SubscriptionRecord): CycleStep {
  const periodEnd = record.currentPeriodEnd;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { nextBillingDate, scheduledChange, discount, pausedUntil, ...rest } = record;
  const after: SubscriptionRecord = {
    ...rest,
    status: 'canceled',
    canceledAt: periodEnd,
    cancelAtPeriodEnd: false,
  };
  return { kind: 'canceled', on: periodEnd, record: after, changeApplied: false };
}

/** Every step due by `today`, in order: what a run of the daily job does to one subscription. */
export function stepsUntil(record: SubscriptionRecord, plans: readonly Plan[], today: string): CycleStep[] {
  const steps: CycleStep[] = [];
  let current = record;
  for (let step = nextStep(current, plans, today); step; step = nextStep(current, plans, today)) {
    steps.push(step);
    current = step.record;
  }
  return steps;
}

// Charging a renewal -----------------------------------------------------------------------------------

/**
 * The method a renewal is charged to: with the customer's auto-pay on, the subscription's own method when
 * it is still on file, else the customer's default; undefined (the invoice stays open for the customer
 * to pay) with auto-pay off or nothing on file.
 */
export function renewalMethod(
  record: SubscriptionRecord,
  customer: CustomerRecord,
  methods: readonly PaymentMethodRecord[],
): PaymentMethodRecord | undefined {
  if (!customer.autoPay) return undefined;
  const own = methods.find((method) => method.id === record.paymentMethodId);
  return own ?? methods.find((method) => method.id === customer.defaultPaymentMethodId);
}

/** The gateway's idempotency key for a renewal's charge: one per (subscription, period). */
export function renewalChargeKey(renewal: Pick<Renewal, 'subscriptionId' | 'periodStart'>): string {
  return `renewal:${renewal.subscriptionId}:${renewal.periodStart}`;
}

/** The invoice for a renewal, issued on the period's first day and due 30 days later. */
export function renewalInvoice(input: {
  id: string;
  lineId: string;
  number: string;
  customer: CustomerRecord;
  renewal: Renewal;
}): InvoiceRecord {
  const { renewal } = input;
  return {
    id: input.id,
    customerId: input.customer.id,
    number: input.number,
    kind: 'invoice',
    issueDate: renewal.periodStart,
    dueDate: addDays(renewal.periodStart, 30),
    currency: renewal.currency,
    lines: renewal.lines.map((line, index) => ({
      id: index === 0 ? input.lineId : `${input.lineId}_${index + 1}`,
      description: line.description,
      quantity: 1,
      unitPrice: line.amount,
    })),
    taxName: SUBSCRIPTION_TAX.name,
    taxRateBasisPoints: SUBSCRIPTION_TAX.rateBasisPoints,
    voided: false,
    refunded: false,
    payments: [],
    notes: [],
  };
}

/** A renewal charged to the customer's method and declined: the subscription is past due. */
export function renewalDeclined(record: SubscriptionRecord): SubscriptionRecord {
  return record.status === 'active' ? { ...record, status: 'past_due' } : record;
}

/**
 * After a payment on one of its renewal invoices: a past-due subscription is active again once none of
 * its renewal invoices has anything left to pay. The one rule both backends call from `payInvoice`.
 */
export function afterRenewalPaid(
  record: SubscriptionRecord,
  renewalInvoices: readonly InvoiceRecord[],
): SubscriptionRecord {
  if (record.status !== 'past_due') return record;
  const settled = renewalInvoices.every((invoice) => invoiceAmounts(invoice).amountDue === 0);
  return settled ? { ...record, status: 'active' } : record;
}
