import { PortalError } from '../../contract/errors.js';
import {
  type AllocationResult,
  type BillingSummary,
  type ChangePreview,
  type Customer,
  type Invoice,
  type InvoiceSummary,
  type Money,
  type PayInvoice,
  type PaymentReceipt,
  type PaymentMethod,
  type PaymentMethodBrief,
  type Plan,
  type PortalSettings,
  type Subscription,
  type SubscriptionStatus,
  deriveInvoiceStatus,
  money,
  taxOn,
} from '../../model/index.js';
import type { CustomerRecord, InvoiceRecord, PaymentMethodRecord, SubscriptionRecord } from './demo-data.js';

/**
 * Billing rules every backend applies the same way: MemoryAdapter and the reference server both call
 * these, so the two cannot disagree about a total, a status or what a payment may do.
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

/** Newest first: by issue date, then by number, then by id so that the order is total. */
export function compareInvoicesNewestFirst(a: InvoiceRecord, b: InvoiceRecord): number {
  if (a.issueDate !== b.issueDate) return a.issueDate < b.issueDate ? 1 : -1;
  if (a.number !== b.number) return a.number < b.number ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** An opaque list cursor: the position (issue date, number, id) of the last row served. */
export function encodeCursor(invoice: Pick<InvoiceRecord, 'issueDate' | 'number' | 'id'>): string {
  return btoa(JSON.stringify([invoice.issueDate, invoice.number, invoice.id]))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function decodeCursor(cursor: string): Pick<InvoiceRecord, 'issueDate' | 'number' | 'id'> {
  try {
    const [issueDate, number, id] = JSON.parse(
      atob(cursor.replace(/-/g, '+').replace(/_/g, '/')),
    ) as unknown[];
    if (typeof issueDate === 'string' && typeof number === 'string' && typeof id === 'string') {
      return { issueDate, number, id };
    }
  } catch {
    // fall through to the validation error
  }
  throw new PortalError('validation', 'unknown invoice list cursor', {
    fieldErrors: [{ path: 'cursor', code: 'invalid' }],
  });
}

export function toSubscription(record: SubscriptionRecord, plan: Plan): Subscription {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { customerId, ...rest } = record;
  return {
    ...rest,
    planName: plan.name,
    price: money(plan.price.amount * record.quantity, plan.price.currency),
    interval: plan.interval,
    intervalCount: plan.intervalCount,
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

function forbidden(message: string): PortalError {
  return new PortalError('forbidden', message);
}

function invalid(path: string, message: string, code: 'invalid' | 'too_large' = 'invalid'): PortalError {
  return new PortalError('validation', message, { fieldErrors: [{ path, code }] });
}

/**
 * Checks a payment request against the invoice, the customer's payment methods and the merchant's
 * settings, before any money moves. Throws the PortalError the customer should see.
 */
export function checkPayment(input: {
  request: PayInvoice;
  invoice: InvoiceRecord;
  methods: readonly PaymentMethodRecord[];
  settings: PortalSettings;
}): void {
  const { request, invoice, methods, settings } = input;
  const { allocations } = request;
  if (!settings.invoices.payInvoices) throw forbidden('paying invoices is turned off');
  if (allocations.length > 1 && !settings.invoices.splitPayments)
    throw forbidden('split payments are turned off');
  if (allocations.length > settings.invoices.maxSplitMethods) {
    throw invalid('allocations', `at most ${settings.invoices.maxSplitMethods} payment methods`, 'too_large');
  }
  const amounts = invoiceAmounts(invoice);
  if (invoice.voided || invoice.refunded || amounts.amountDue === 0) {
    throw new PortalError('conflict', `invoice ${invoice.number} has nothing to pay`);
  }
  const seen = new Set<string>();
  let requested = 0;
  allocations.forEach((allocation, index) => {
    if (allocation.amount.currency !== invoice.currency) {
      throw invalid(`allocations.${index}.amount`, `currency must be ${invoice.currency}`);
    }
    if (allocation.amount.amount <= 0)
      throw invalid(`allocations.${index}.amount`, 'amount must be positive');
    if (!methods.some((method) => method.id === allocation.paymentMethodId)) {
      throw new PortalError('not_found', `unknown payment method ${allocation.paymentMethodId}`);
    }
    if (seen.has(allocation.paymentMethodId)) {
      throw invalid(`allocations.${index}.paymentMethodId`, 'each payment method may be used once');
    }
    seen.add(allocation.paymentMethodId);
    requested += allocation.amount.amount;
  });
  if (requested > amounts.amountDue) {
    throw invalid('allocations', 'the payment is more than the amount due', 'too_large');
  }
  if (requested < amounts.amountDue && !settings.invoices.partialPayments) {
    throw forbidden('partial payments are turned off');
  }
}

/**
 * The receipt of a processed payment request: its status follows the allocations' outcomes (split
 * payments are independent, so some may succeed and some not), and `after` is the invoice once the
 * succeeded allocations are recorded.
 */
export function paymentReceipt(input: {
  id: string;
  invoice: InvoiceRecord;
  after: InvoiceRecord;
  allocations: AllocationResult[];
  createdAt: string;
}): PaymentReceipt {
  const { invoice, allocations } = input;
  const succeeded = allocations.filter((each) => each.outcome === 'succeeded');
  const status =
    succeeded.length === allocations.length
      ? 'succeeded'
      : succeeded.length === 0
        ? 'failed'
        : 'partially_succeeded';
  return {
    id: input.id,
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    status,
    allocations,
    amountPaid: money(
      succeeded.reduce((sum, each) => sum + each.amount.amount, 0),
      invoice.currency,
    ),
    amountDue: money(invoiceAmounts(input.after).amountDue, invoice.currency),
    createdAt: input.createdAt,
  };
}

/**
 * What changing a subscription's plan or quantity costs now: the price difference for the unused part of
 * the current period, rounded half up to the minor unit. Nothing is charged during a trial.
 */
export function previewChange(input: {
  subscription: SubscriptionRecord;
  currentPlan: Plan;
  newPlan: Plan;
  quantity: number;
  today: string;
}): ChangePreview {
  const { subscription, currentPlan, newPlan, quantity, today } = input;
  if (newPlan.price.currency !== currentPlan.price.currency) {
    throw invalid('planId', 'the new plan is billed in another currency');
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
