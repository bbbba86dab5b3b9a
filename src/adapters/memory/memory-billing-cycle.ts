import {
  type Renewal,
  afterRenewalPaid,
  nextStep,
  renewalDeclined,
  renewalInvoice,
  renewalMethod,
} from '../../rules/billing-cycle.js';
import { invoiceIssuedMail, renewalDeclinedMail, renewalMailFacts } from '../../rules/mail.js';
import type { InvoiceRecord, SubscriptionRecord } from '../../rules/records.js';
import { testChargeOutcome } from '../../rules/test-gateway.js';
import type { MemoryState } from './memory-state.js';

/** What one run of the billing cycle did (the reference server's renewal job answers the same). */
export interface BillingCycleRun {
  /** Renewal invoices issued (trial ends, renewals, resumed periods). */
  invoices: number;
  /** Of those, charged and declined: each made its subscription past due and sent a dunning email. */
  declined: number;
  /** Subscriptions whose period-end cancellation took effect. */
  canceled: number;
}

/**
 * MemoryAdapter's billing cycle: every subscription brought up to `today` through the shared rules
 * (rules/billing-cycle.ts), like the server's daily renewal job. A period already invoiced (remembered in
 * `state.renewals`) is never invoiced again; with auto-pay on, each invoice is charged through the test
 * gateway's rule, and a decline makes the subscription past due and emails the customer; an invoice left
 * open to pay (auto-pay off, or no method on file) is emailed with a link to paying it.
 */
export function runBillingCycle(state: MemoryState, today: string): BillingCycleRun {
  const run: BillingCycleRun = { invoices: 0, declined: 0, canceled: 0 };
  for (const record of [...state.data.subscriptions]) {
    let current: SubscriptionRecord = record;
    for (
      let step = nextStep(current, state.data.plans, today);
      step;
      step = nextStep(current, state.data.plans, today)
    ) {
      current = step.record;
      if (step.kind === 'canceled') run.canceled += 1;
      const renewal = step.renewal;
      if (renewal) current = issueRenewal(state, current, renewal, today, run);
    }
    if (current !== record) state.saveSubscription(current);
  }
  return run;
}

/**
 * Invoices one period (once: a period already invoiced is skipped) and, with auto-pay, charges it through
 * the test gateway's rule; a decline makes the subscription past due and emails the customer. Answers the
 * subscription after it. The cycle above and resuming a subscription (a new period today) both call it.
 */
export function issueRenewal(
  state: MemoryState,
  record: SubscriptionRecord,
  renewal: Renewal,
  today: string,
  run: BillingCycleRun,
): SubscriptionRecord {
  if (issued(state, renewal.subscriptionId, renewal.periodStart)) return record;
  const customer = state.customerById(record.customerId);
  const invoice = renewalInvoice({
    id: state.nextId('inv'),
    lineId: state.nextId('line'),
    number: state.nextInvoiceNumber(),
    customer,
    renewal,
  });
  state.addInvoice(invoice);
  state.renewals.set(invoice.id, {
    subscriptionId: renewal.subscriptionId,
    periodStart: renewal.periodStart,
  });
  run.invoices += 1;
  if (renewal.amount === 0) return record;
  const method = renewalMethod(record, customer, state.methodsOf(customer.id));
  const facts = renewalMailFacts({
    merchant: state.data.settings.branding.merchantName,
    planName: state.plan(renewal.planId).name,
    invoice,
    renewal,
    portalUrl: state.linkBase,
  });
  if (!method) {
    state.send(
      customer.email,
      invoiceIssuedMail({ ...facts, dueDate: invoice.dueDate ?? invoice.issueDate }),
    );
    return record;
  }
  if (testChargeOutcome(method, today) === 'succeeded') {
    invoice.payments.push({
      id: state.nextId('pay'),
      paidAt: state.nowIso(),
      paymentMethodId: method.id,
      amount: renewal.amount,
    });
    return record;
  }
  run.declined += 1;
  state.send(customer.email, renewalDeclinedMail({ ...facts, method }));
  return renewalDeclined(record);
}

function issued(state: MemoryState, subscriptionId: string, periodStart: string): boolean {
  for (const renewal of state.renewals.values()) {
    if (renewal.subscriptionId === subscriptionId && renewal.periodStart === periodStart) return true;
  }
  return false;
}

/** After a payment on `invoice`: a past-due subscription whose renewals are all paid is active again. */
export function settleRenewal(state: MemoryState, invoice: InvoiceRecord): void {
  const subscriptionId = state.renewals.get(invoice.id)?.subscriptionId;
  if (subscriptionId === undefined) return;
  const record = state.subscriptionOf(invoice.customerId, subscriptionId);
  const renewals = [...state.renewals]
    .filter(([, renewal]) => renewal.subscriptionId === subscriptionId)
    .map(([invoiceId]) => state.invoiceOf(invoice.customerId, invoiceId));
  const after = afterRenewalPaid(record, renewals);
  if (after !== record) state.saveSubscription(after);
}
