import type {
  CancelSubscription,
  ChangePreview,
  ChangeSubscription,
  PauseSubscription,
  Plan,
  Subscribe,
  Subscription,
  SubscriptionChange,
  SubscriptionRef,
} from '../../model/index.js';
import { resumed } from '../../rules/billing-cycle.js';
import { requireCapability } from '../../rules/capabilities.js';
import { cancellationNoticeMail } from '../../rules/mail.js';
import { chargedMethod, toSubscription } from '../../rules/mappers.js';
import type { CustomerRecord, SubscriptionRecord } from '../../rules/records.js';
import {
  type ActionContext,
  type DueNow,
  applyQuote,
  buildQuote,
  cancellationUndone,
  cancelled,
  changePaymentDeclined,
  changeWithdrawn,
  checkCancel,
  checkCancelReason,
  checkChange,
  checkQuote,
  checkSubscribe,
  dueNowInvoice,
  firstPaymentDeclined,
  noMethodToCharge,
  offeredPlans,
  paused,
  quoteLines,
  reasonLabel,
  requireAction,
  retentionAccepted,
  startSubscription,
  toChangePreview,
} from '../../rules/subscriptions.js';
import { issueRenewal } from './memory-billing-cycle.js';
import { charge } from './memory-billing.js';
import type { MemoryState } from './memory-state.js';

function view(state: MemoryState, record: SubscriptionRecord): Subscription {
  const customer = state.customerById(record.customerId);
  return toSubscription(record, {
    plans: state.data.plans,
    settings: state.data.settings,
    methods: state.methodsOf(customer.id),
    defaultMethodId: customer.defaultPaymentMethodId,
    today: state.today,
  });
}

export function listSubscriptions(state: MemoryState): Subscription[] {
  const customer = state.requireCustomer();
  return state.subscriptionsOf(customer.id).map((record) => view(state, record));
}

export function listPlans(state: MemoryState): Plan[] {
  return offeredPlans(state.data.settings, state.data.plans, state.requireCustomer());
}

/**
 * Invoices what a customer's own action makes due now, charged at once to `methodId` when there is one.
 * The billing cycle, not this, invoices renewals.
 */
function invoiceNow(
  state: MemoryState,
  customer: CustomerRecord,
  due: DueNow,
  methodId: string | undefined,
): { paid: boolean; commit: () => void } {
  const method = methodId === undefined ? undefined : state.methodOf(customer.id, methodId);
  const paid = method !== undefined && charge(state, method) === 'succeeded';
  // Built only on commit, so a declined payment leaves no trace and uses up no invoice number.
  const commit = () => {
    const payments =
      method && paid
        ? [
            {
              id: state.nextId('pay'),
              paidAt: state.nowIso(),
              paymentMethodId: method.id,
              amount: due.amount,
            },
          ]
        : [];
    state.addInvoice(
      dueNowInvoice({
        id: state.nextId('inv'),
        lineId: state.nextId('line'),
        number: state.nextInvoiceNumber(),
        customer,
        due,
        today: state.today,
        payments,
      }),
    );
  };
  return { paid, commit };
}

export function subscribe(state: MemoryState, input: Subscribe): Subscription {
  const customer = state.requireCustomer();
  return state.idempotent(customer.id, 'subscribe', input, () => {
    requireCapability(state.data.settings, 'subscriptions');
    const plan = state.plan(input.planId);
    checkSubscribe(state.data.settings, plan, customer, input.quantity);
    if (input.paymentMethodId !== undefined) state.methodOf(customer.id, input.paymentMethodId);
    const { record, dueNow } = startSubscription({
      id: state.nextId('sub'),
      customerId: customer.id,
      plan,
      quantity: input.quantity,
      paymentMethodId: input.paymentMethodId ?? customer.defaultPaymentMethodId,
      chosenMethodId: input.paymentMethodId,
      today: state.today,
    });
    if (dueNow) {
      const first = invoiceNow(state, customer, dueNow, dueNow.paymentMethodId);
      if (!first.paid) throw firstPaymentDeclined();
      first.commit();
    }
    state.saveSubscription(record);
    return view(state, record);
  });
}

/** The signed-in customer's subscription and what its actions depend on. */
function own(state: MemoryState, subscriptionId: string): ActionContext & { customer: CustomerRecord } {
  const customer = state.requireCustomer();
  return {
    customer,
    settings: state.data.settings,
    subscription: state.subscriptionOf(customer.id, subscriptionId),
    today: state.today,
  };
}

/** Quotes a change: the price is pinned under the quote's id until it expires or the subscription moves. */
export function previewSubscriptionChange(state: MemoryState, input: SubscriptionChange): ChangePreview {
  requireCapability(state.data.settings, 'changePlans');
  const { customer, settings, subscription, today } = own(state, input.subscriptionId);
  const newPlan = state.plan(input.planId);
  checkChange({ settings, customer, subscription, newPlan, quantity: input.quantity, today });
  const quote = buildQuote({
    id: state.nextId('quote'),
    subscription,
    plans: state.data.plans,
    newPlan,
    quantity: input.quantity,
    settings,
    today,
    now: state.now(),
  });
  for (const [id, old] of state.quotes) {
    if (Date.parse(old.expiresAt) <= state.nowMs()) state.quotes.delete(id);
  }
  state.quotes.set(quote.id, quote);
  return toChangePreview(quote, state.data.plans);
}

/**
 * Makes the quoted change, charging exactly the quote's `dueToday` to the subscription's method; a declined
 * charge changes nothing. Each quote is used once.
 */
export function changeSubscription(state: MemoryState, input: ChangeSubscription): Subscription {
  const customer = state.requireCustomer();
  return state.idempotent(customer.id, 'changeSubscription', input, () => {
    requireCapability(state.data.settings, 'changePlans');
    const context = own(state, input.subscriptionId);
    const { subscription } = context;
    const quote = checkQuote(state.quotes.get(input.quoteId), subscription, state.now());
    checkChange({
      ...context,
      newPlan: state.plan(quote.planId),
      quantity: quote.quantity,
    });
    if (quote.dueToday > 0) {
      const method = chargedMethod(
        subscription,
        state.methodsOf(customer.id),
        customer.defaultPaymentMethodId,
      );
      if (!method) throw noMethodToCharge();
      const lines = quoteLines(quote, state.data.plans, state.plan(subscription.planId).name);
      const due: DueNow = { description: lines[0].description, amount: quote.dueToday, lines };
      const payment = invoiceNow(state, customer, due, method.id);
      if (!payment.paid) throw changePaymentDeclined();
      payment.commit();
    }
    state.quotes.delete(quote.id);
    const updated = applyQuote(subscription, quote, state.data.plans);
    state.saveSubscription(updated);
    return view(state, updated);
  });
}

export function withdrawSubscriptionChange(state: MemoryState, input: SubscriptionRef): Subscription {
  return save(state, changeWithdrawn(own(state, input.subscriptionId)));
}

/** Cancels with the customer's reason, which reaches the merchant by email (and the admin API). */
export function cancelSubscription(state: MemoryState, input: CancelSubscription): Subscription {
  const { customer, settings, subscription, today } = own(state, input.subscriptionId);
  checkCancel(settings, subscription, input.when, today);
  checkCancelReason(settings, input);
  const updated = cancelled(subscription, input, today);
  state.saveSubscription(updated);
  const support = settings.branding.supportEmail;
  if (support) {
    const planName = state.plan(subscription.planId).name;
    state.send(
      support,
      cancellationNoticeMail({
        customer,
        planName,
        subscriptionId: subscription.id,
        cancel: input,
        reasonLabel: reasonLabel(settings, input.reason),
      }),
    );
  }
  return view(state, updated);
}

export function undoCancelSubscription(state: MemoryState, input: SubscriptionRef): Subscription {
  return save(state, cancellationUndone(own(state, input.subscriptionId)));
}

export function acceptRetentionOffer(state: MemoryState, input: SubscriptionRef): Subscription {
  return save(state, retentionAccepted(own(state, input.subscriptionId)));
}

export function pauseSubscription(state: MemoryState, input: PauseSubscription): Subscription {
  return save(state, paused(own(state, input.subscriptionId), input.resumeOn));
}

export function resumeSubscription(state: MemoryState, input: SubscriptionRef): Subscription {
  const context = own(state, input.subscriptionId);
  requireAction('resume', context);
  const { subscription, today } = context;
  const step = resumed(subscription, state.data.plans, today);
  // A pause that outlasted the paid period: the new period from today is invoiced and charged now.
  const run = { invoices: 0, declined: 0, canceled: 0 };
  const record = step.renewal ? issueRenewal(state, step.record, step.renewal, today, run) : step.record;
  return save(state, record);
}

function save(state: MemoryState, record: SubscriptionRecord): Subscription {
  state.saveSubscription(record);
  return view(state, record);
}
