import {
  type BillingSummary,
  type ChargedTo,
  type Customer,
  type Invoice,
  type InvoiceSummary,
  type Money,
  type PaymentMethod,
  type PaymentMethodBrief,
  type Plan,
  type PortalSettings,
  type Subscription,
  type SubscriptionCancellation,
  type SubscriptionStatus,
  deriveInvoiceStatus,
  money,
  taxOn,
} from '../model/index.js';
import type { CustomerRecord, InvoiceRecord, PaymentMethodRecord, SubscriptionRecord } from './records.js';
import { findPlan, nextRenewal } from './subscription-prices.js';
import { actionsFor, reasonLabel } from './subscriptions.js';

/**
 * From what a backend stores to what the contract answers: both backends map their records through these,
 * so the two cannot disagree about a total, a status, a label or the billing summary.
 */

const BRAND_NAMES: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  other: 'Card',
};

/** What a customer recognises on a receipt: "Visa •••• 4242", "First Difference Bank •••• 6789". */
export function methodLabel(method: PaymentMethodRecord): string {
  const name = method.type === 'card' ? BRAND_NAMES[method.brand] : (method.bankName ?? 'Bank account');
  return `${name} •••• ${method.last4}`;
}

/** The facts an element needs to name a method in the customer's language. */
export function methodBrief(method: PaymentMethodRecord): PaymentMethodBrief {
  return method.type === 'card'
    ? { type: 'card', brand: method.brand, last4: method.last4 }
    : { type: 'bank_account', last4: method.last4 };
}

export function toPaymentMethod(record: PaymentMethodRecord, defaultId: string | undefined): PaymentMethod {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { customerId, ...rest } = record;
  return { ...rest, isDefault: record.id === defaultId };
}

export function toCustomer(record: CustomerRecord): Customer {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { password, passwordIsTemporary, locked, autoPay, ...customer } = record;
  return customer;
}

export interface InvoiceAmounts {
  subtotal: number;
  tax: number;
  total: number;
  amountPaid: number;
  amountDue: number;
}

export function invoiceAmounts(invoice: InvoiceRecord): InvoiceAmounts {
  const subtotal = invoice.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  const tax = taxOn(subtotal, invoice.taxRateBasisPoints);
  const total = subtotal + tax;
  const amountPaid = invoice.payments.reduce((sum, payment) => sum + payment.amount, 0);
  const settled = invoice.voided || invoice.refunded;
  return { subtotal, tax, total, amountPaid, amountDue: settled ? 0 : Math.max(total - amountPaid, 0) };
}

export function toInvoiceSummary(invoice: InvoiceRecord, today: string): InvoiceSummary {
  const amounts = invoiceAmounts(invoice);
  const m = (amount: number): Money => money(amount, invoice.currency);
  return {
    id: invoice.id,
    number: invoice.number,
    kind: invoice.kind,
    status: deriveInvoiceStatus({ ...invoice, total: amounts.total, amountPaid: amounts.amountPaid, today }),
    issueDate: invoice.issueDate,
    ...(invoice.dueDate ? { dueDate: invoice.dueDate } : {}),
    total: m(amounts.total),
    amountPaid: m(amounts.amountPaid),
    amountDue: m(amounts.amountDue),
  };
}

export function toInvoice(
  invoice: InvoiceRecord,
  methods: readonly PaymentMethodRecord[],
  today: string,
): Invoice {
  const amounts = invoiceAmounts(invoice);
  const m = (amount: number): Money => money(amount, invoice.currency);
  return {
    ...toInvoiceSummary(invoice, today),
    lines: invoice.lines.map((line) => ({
      id: line.id,
      description: line.description,
      quantity: line.quantity,
      unitPrice: m(line.unitPrice),
      amount: m(line.quantity * line.unitPrice),
    })),
    subtotal: m(amounts.subtotal),
    taxes:
      invoice.taxRateBasisPoints > 0
        ? [{ name: invoice.taxName, rateBasisPoints: invoice.taxRateBasisPoints, amount: m(amounts.tax) }]
        : [],
    tax: m(amounts.tax),
    payments: invoice.payments.map((payment) => {
      const method = methods.find((each) => each.id === payment.paymentMethodId);
      return {
        id: payment.id,
        paidAt: payment.paidAt,
        methodLabel: method ? methodLabel(method) : 'Payment',
        ...(method ? { method: methodBrief(method) } : {}),
        amount: m(payment.amount),
      };
    }),
    notes: invoice.notes,
  };
}

/** What a subscription's answer is derived from besides its record. */
export interface SubscriptionContext {
  plans: readonly Plan[];
  settings: PortalSettings;
  /** The customer's methods on file and their default: what the subscription is charged to. */
  methods: readonly PaymentMethodRecord[];
  defaultMethodId: string | undefined;
  today: string;
}

/**
 * The method a subscription's invoices are charged to: its own while it is on file, else the customer's
 * default (the same choice as rules/billing-cycle.ts `renewalMethod`, so `chargedTo` says what renewals do).
 */
export function chargedMethod(
  record: Pick<SubscriptionRecord, 'paymentMethodId'>,
  methods: readonly PaymentMethodRecord[],
  defaultMethodId: string | undefined,
): PaymentMethodRecord | undefined {
  const own = methods.find((method) => method.id === record.paymentMethodId);
  return own ?? methods.find((method) => method.id === defaultMethodId);
}

function toChargedTo(method: PaymentMethodRecord): ChargedTo {
  return {
    id: method.id,
    kind: method.type,
    label: method.type === 'card' ? method.brand : (method.bankName ?? 'Bank account'),
    last4: method.last4,
  };
}

/**
 * A subscription as the customer sees it: priced from its plan, its next renewal (rules `nextRenewal`),
 * its scheduled change named and priced, what it is charged to and what the customer may do now. The
 * merchant's notes (the cancellation comment, the carried credit, the method id) stay behind.
 */
export function toSubscription(record: SubscriptionRecord, context: SubscriptionContext): Subscription {
  const {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    customerId,
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    paymentMethodId,
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    cancellationComment,
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    carriedCredit,
    scheduledChange,
    ...rest
  } = record;
  const plan = findPlan(context.plans, record.planId);
  const renewal = nextRenewal(record, context.plans);
  const method = chargedMethod(record, context.methods, context.defaultMethodId);
  const target = scheduledChange ? findPlan(context.plans, scheduledChange.planId) : undefined;
  return {
    ...rest,
    planName: plan.name,
    price: money(plan.price.amount * record.quantity, plan.price.currency),
    interval: plan.interval,
    intervalCount: plan.intervalCount,
    ...(renewal ? { nextBillingAmount: money(renewal.total, renewal.currency) } : {}),
    ...(scheduledChange && target
      ? {
          scheduledChange: {
            planId: target.id,
            planName: target.name,
            quantity: scheduledChange.quantity,
            price: money(target.price.amount * scheduledChange.quantity, target.price.currency),
            effectiveDate: scheduledChange.effectiveDate,
          },
        }
      : {}),
    ...(method ? { chargedTo: toChargedTo(method) } : {}),
    actions: actionsFor(context.settings, record, context.today),
  };
}

/** A cancelled subscription as the merchant's admin API lists it, with the reason in their words. */
export function toCancellation(
  record: SubscriptionRecord,
  customerCode: string,
  settings: PortalSettings,
): SubscriptionCancellation | undefined {
  if (record.cancellationReason === undefined) return undefined;
  const label = reasonLabel(settings, record.cancellationReason);
  const ended = record.status === 'canceled';
  return {
    subscriptionId: record.id,
    customerId: record.customerId,
    customerCode,
    planId: record.planId,
    state: ended ? 'ended' : 'ending',
    endsOn: ended ? (record.canceledAt ?? record.currentPeriodEnd) : record.currentPeriodEnd,
    reason: record.cancellationReason,
    ...(label ? { reasonLabel: label } : {}),
    ...(record.cancellationComment ? { comment: record.cancellationComment } : {}),
  };
}

const LIVE_STATUSES: readonly SubscriptionStatus[] = ['active', 'trialing', 'past_due'];

export function billingSummary(input: {
  customer: CustomerRecord;
  invoices: readonly InvoiceRecord[];
  subscriptions: readonly SubscriptionRecord[];
  plans: readonly Plan[];
  paymentMethods: readonly PaymentMethodRecord[];
  today: string;
}): BillingSummary {
  const { customer, today } = input;
  let outstanding = 0;
  let outstandingCount = 0;
  let overdue = 0;
  let overdueCount = 0;
  for (const invoice of input.invoices) {
    const summary = toInvoiceSummary(invoice, today);
    if (summary.amountDue.amount > 0) {
      outstanding += summary.amountDue.amount;
      outstandingCount += 1;
      if (summary.status === 'overdue') {
        overdue += summary.amountDue.amount;
        overdueCount += 1;
      }
    }
  }
  const live = input.subscriptions.filter((sub) => LIVE_STATUSES.includes(sub.status));
  const nextBillingDate = live
    .map((sub) => sub.nextBillingDate)
    .filter((date): date is string => date !== undefined)
    .sort()[0];
  const intervals = new Set(
    live.map((sub) => {
      const plan = input.plans.find((each) => each.id === sub.planId);
      return plan ? `${plan.interval}:${plan.intervalCount}` : '';
    }),
  );
  const [onlyInterval] = intervals.size === 1 ? [...intervals] : [];
  const defaultMethod = input.paymentMethods.find((method) => method.id === customer.defaultPaymentMethodId);
  const autoPayOn = customer.autoPay && defaultMethod !== undefined;
  return {
    outstanding: money(outstanding, customer.currency),
    outstandingCount,
    overdue: money(overdue, customer.currency),
    overdueCount,
    ...(nextBillingDate ? { nextBillingDate } : {}),
    ...(onlyInterval
      ? {
          billingFrequency: {
            interval: onlyInterval.split(':')[0] as Plan['interval'],
            intervalCount: Number(onlyInterval.split(':')[1]),
          },
        }
      : {}),
    autoPay: autoPayOn
      ? {
          enabled: true,
          paymentMethodId: defaultMethod.id,
          paymentMethodLabel: methodLabel(defaultMethod),
          paymentMethod: methodBrief(defaultMethod),
        }
      : { enabled: false },
  };
}

/** The file name an invoice's PDF downloads as. */
export function invoicePdfFileName(invoice: Pick<Invoice, 'number'>): string {
  return `${invoice.number}.pdf`;
}
