import { PortalError } from '../../contract/errors.js';
import {
  type BillingInterval,
  type CancelSubscription,
  type ChangePreview,
  type ChangeSubscription,
  type Plan,
  type Subscribe,
  type Subscription,
  type SubscriptionChange,
  planRule,
} from '../../model/index.js';
import type { ById } from '../../contract/adapter.js';
import {
  type CustomerRecord,
  type InvoiceRecord,
  type SubscriptionRecord,
  addDays,
  addMonths,
} from '../shared/demo-data.js';
import { previewChange, toSubscription } from '../shared/rules.js';
import { charge } from './memory-billing.js';
import { type MemoryState, conflict, fieldError, forbidden } from './memory-state.js';

function addInterval(date: string, interval: BillingInterval, count: number): string {
  if (interval === 'day') return addDays(date, count);
  if (interval === 'week') return addDays(date, 7 * count);
  return addMonths(date, interval === 'month' ? count : 12 * count);
}

function requireSelfService(state: MemoryState): void {
  if (!state.data.settings.subscriptions.enabled) throw forbidden('subscription self-service is turned off');
}

function view(state: MemoryState, record: SubscriptionRecord): Subscription {
  return toSubscription(record, state.plan(record.planId));
}

export function listSubscriptions(state: MemoryState): Subscription[] {
  const customer = state.requireCustomer();
  return state.subscriptionsOf(customer.id).map((record) => view(state, record));
}

/** A plan this customer may take: opened for self-subscription and priced in their currency. */
function offered(state: MemoryState, plan: Plan, customer: CustomerRecord): boolean {
  return planRule(state.data.settings, plan.id).allowSubscribing && plan.price.currency === customer.currency;
}

export function listPlans(state: MemoryState): Plan[] {
  const customer = state.requireCustomer();
  if (!state.data.settings.subscriptions.enabled) return [];
  return state.data.plans.filter((plan) => offered(state, plan, customer));
}

/**
 * An invoice for what a customer's own action makes due now, charged at once to `methodId` when there is
 * one. It is recorded only by `commit`, so a declined first payment leaves no trace. Memory has no
 * billing clock: renewals are never invoiced later.
 */
function invoiceNow(
  state: MemoryState,
  customer: CustomerRecord,
  description: string,
  amount: number,
  methodId: string | undefined,
): { paid: boolean; commit: () => void } {
  const method = methodId === undefined ? undefined : state.methodOf(customer.id, methodId);
  const paid = method !== undefined && charge(state, method) === 'succeeded';
  // Built only on commit, so a declined first payment does not use up an invoice number.
  const commit = () => {
    const invoice: InvoiceRecord = {
      id: state.nextId('inv'),
      customerId: customer.id,
      number: state.nextInvoiceNumber(),
      kind: 'invoice',
      issueDate: state.today,
      dueDate: addDays(state.today, 30),
      currency: customer.currency,
      lines: [{ id: state.nextId('line'), description, quantity: 1, unitPrice: amount }],
      taxName: 'Sales tax',
      taxRateBasisPoints: 0,
      voided: false,
      refunded: false,
      payments:
        method && paid
          ? [{ id: state.nextId('pay'), paidAt: state.nowIso(), paymentMethodId: method.id, amount }]
          : [],
      notes: [],
    };
    state.addInvoice(invoice);
  };
  return { paid, commit };
}

export function subscribe(state: MemoryState, input: Subscribe): Subscription {
  const customer = state.requireCustomer();
  const fingerprint = ['subscribe', input.planId, input.quantity, input.paymentMethodId ?? null];
  return state.idempotent(customer.id, input.idempotencyKey, fingerprint, () => {
    requireSelfService(state);
    const plan = state.plan(input.planId);
    if (!planRule(state.data.settings, plan.id).allowSubscribing) {
      throw forbidden('this plan is not open for self-subscription');
    }
    if (plan.price.currency !== customer.currency) {
      throw fieldError('planId', 'invalid', 'the plan is billed in another currency');
    }
    const methodId = input.paymentMethodId ?? customer.defaultPaymentMethodId;
    if (input.paymentMethodId !== undefined) state.methodOf(customer.id, input.paymentMethodId);
    const trialing = plan.trialDays > 0;
    const periodEnd = trialing
      ? addDays(state.today, plan.trialDays)
      : addInterval(state.today, plan.interval, plan.intervalCount);
    if (!trialing && plan.price.amount > 0) {
      if (methodId === undefined) throw fieldError('paymentMethodId', 'required', 'choose a payment method');
      const first = invoiceNow(
        state,
        customer,
        `${plan.name} × ${input.quantity}`,
        plan.price.amount * input.quantity,
        methodId,
      );
      if (!first.paid) throw new PortalError('payment_declined', 'the first payment was declined');
      first.commit();
    }
    const record: SubscriptionRecord = {
      id: state.nextId('sub'),
      customerId: customer.id,
      planId: plan.id,
      status: trialing ? 'trialing' : 'active',
      quantity: input.quantity,
      products: [{ name: plan.name, quantity: input.quantity }],
      ...(plan.terms ? { terms: plan.terms } : {}),
      startDate: state.today,
      currentPeriodEnd: periodEnd,
      nextBillingDate: periodEnd,
      ...(trialing ? { trialEnd: periodEnd } : {}),
      cancelAtPeriodEnd: false,
    };
    state.data.subscriptions.push(record);
    return view(state, record);
  });
}

const CHANGEABLE = new Set<Subscription['status']>(['active', 'trialing', 'past_due']);

function changeTarget(state: MemoryState, customer: CustomerRecord, input: SubscriptionChange) {
  requireSelfService(state);
  if (!state.data.settings.subscriptions.allowPlanChange) throw forbidden('plan changes are turned off');
  const record = state.subscriptionOf(customer.id, input.subscriptionId);
  const newPlan = state.plan(input.planId);
  if (newPlan.id !== record.planId && !offered(state, newPlan, customer)) {
    throw forbidden('this plan is not open for self-subscription');
  }
  if (!CHANGEABLE.has(record.status)) throw conflict(`a ${record.status} subscription cannot be changed`);
  const currentPlan = state.plan(record.planId);
  const preview = previewChange({
    subscription: record,
    currentPlan,
    newPlan,
    quantity: input.quantity,
    today: state.today,
  });
  return { record, newPlan, preview };
}

export function previewSubscriptionChange(state: MemoryState, input: SubscriptionChange): ChangePreview {
  return changeTarget(state, state.requireCustomer(), input).preview;
}

/**
 * A prorated charge is invoiced and charged to the default payment method at once; when that fails the
 * invoice stays open for the customer to pay. A prorated credit goes against the next renewal, which only
 * a backend with a billing clock issues, so memory records no credit note.
 */
export function changeSubscription(state: MemoryState, input: ChangeSubscription): Subscription {
  const customer = state.requireCustomer();
  const fingerprint = ['changeSubscription', input.subscriptionId, input.planId, input.quantity];
  return state.idempotent(customer.id, input.idempotencyKey, fingerprint, () => {
    const { record, newPlan, preview } = changeTarget(state, customer, input);
    if (preview.prorationAmount.amount > 0) {
      invoiceNow(
        state,
        customer,
        `Change to ${newPlan.name} × ${input.quantity}, prorated`,
        preview.prorationAmount.amount,
        customer.defaultPaymentMethodId,
      ).commit();
    }
    if (newPlan.id !== record.planId) {
      record.planId = newPlan.id;
      record.products = [{ name: newPlan.name, quantity: input.quantity }];
      if (newPlan.terms) record.terms = newPlan.terms;
      else delete record.terms;
    } else if (input.quantity !== record.quantity) {
      const ratio = input.quantity / record.quantity;
      record.products = record.products.map((product) => ({
        ...product,
        quantity: Math.max(1, Math.round(product.quantity * ratio)),
      }));
    }
    record.quantity = input.quantity;
    return view(state, record);
  });
}

export function cancelSubscription(state: MemoryState, input: CancelSubscription): Subscription {
  requireSelfService(state);
  const customer = state.requireCustomer();
  const record = state.subscriptionOf(customer.id, input.subscriptionId);
  const settings = state.data.settings.subscriptions;
  if (!planRule(state.data.settings, record.planId).allowCancelling) {
    throw forbidden('this plan cannot be cancelled by the customer');
  }
  if (settings.cancellation !== 'either' && settings.cancellation !== input.when) {
    throw forbidden(
      settings.cancellation === 'period_end'
        ? 'subscriptions can only be cancelled at the end of the period'
        : 'subscriptions can only be cancelled immediately',
    );
  }
  if (record.status === 'canceled') throw conflict('the subscription is already cancelled');
  record.cancellationReason = input.reason;
  delete record.nextBillingDate;
  if (input.when === 'immediately') {
    record.status = 'canceled';
    record.canceledAt = state.today;
    record.cancelAtPeriodEnd = false;
  } else {
    record.cancelAtPeriodEnd = true;
  }
  // The merchant hears why, comment included: that is what the reason question is for.
  const support = state.data.settings.branding.supportEmail;
  if (support) {
    state.send(
      support,
      `Subscription cancelled by ${customer.name} (${customer.code})`,
      [
        `${customer.name} cancelled ${state.plan(record.planId).name} (${record.id}), ${input.when === 'immediately' ? 'effective immediately' : 'at the end of the period'}.`,
        `Reason: ${input.reason}`,
        ...(input.comment ? [`Comment: ${input.comment}`] : []),
      ].join('\n'),
    );
  }
  return view(state, record);
}

function requirePause(state: MemoryState): CustomerRecord {
  requireSelfService(state);
  if (!state.data.settings.subscriptions.allowPause) throw forbidden('pausing subscriptions is turned off');
  return state.requireCustomer();
}

export function pauseSubscription(state: MemoryState, input: ById): Subscription {
  const customer = requirePause(state);
  const record = state.subscriptionOf(customer.id, input.id);
  if (record.status !== 'active') throw conflict(`a ${record.status} subscription cannot be paused`);
  record.status = 'paused';
  delete record.nextBillingDate;
  return view(state, record);
}

export function resumeSubscription(state: MemoryState, input: ById): Subscription {
  const customer = requirePause(state);
  const record = state.subscriptionOf(customer.id, input.id);
  if (record.status !== 'paused') throw conflict(`a ${record.status} subscription cannot be resumed`);
  const plan = state.plan(record.planId);
  record.status = 'active';
  // A pause that outlasted the period starts a new one today.
  if (record.currentPeriodEnd < state.today) {
    record.currentPeriodEnd = addInterval(state.today, plan.interval, plan.intervalCount);
  }
  if (!record.cancelAtPeriodEnd) record.nextBillingDate = record.currentPeriodEnd;
  return view(state, record);
}
