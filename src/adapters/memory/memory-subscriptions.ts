import type {
  CancelSubscription,
  ChangePreview,
  ChangeSubscription,
  Plan,
  Subscribe,
  Subscription,
  SubscriptionChange,
} from '../../model/index.js';
import type { ById } from '../../contract/adapter.js';
import { requireCapability } from '../../rules/capabilities.js';
import { cancellationNoticeMail } from '../../rules/mail.js';
import { toSubscription } from '../../rules/mappers.js';
import type { CustomerRecord, SubscriptionRecord } from '../../rules/records.js';
import {
  type DueNow,
  cancelled,
  changed,
  checkCancel,
  checkChange,
  checkSubscribe,
  dueNowInvoice,
  firstPaymentDeclined,
  offeredPlans,
  paused,
  prorationDue,
  resumed,
  startSubscription,
} from '../../rules/subscriptions.js';
import { charge } from './memory-billing.js';
import type { MemoryState } from './memory-state.js';

function view(state: MemoryState, record: SubscriptionRecord): Subscription {
  return toSubscription(record, state.plan(record.planId));
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
 * Memory has no billing clock: renewals are never invoiced later.
 */
function invoiceNow(
  state: MemoryState,
  customer: CustomerRecord,
  due: DueNow,
  methodId: string | undefined,
): { paid: boolean; commit: () => void } {
  const method = methodId === undefined ? undefined : state.methodOf(customer.id, methodId);
  const paid = method !== undefined && charge(state, method) === 'succeeded';
  // Built only on commit, so a declined first payment leaves no trace and uses up no invoice number.
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
    checkSubscribe(state.data.settings, plan, customer);
    if (input.paymentMethodId !== undefined) state.methodOf(customer.id, input.paymentMethodId);
    const { record, dueNow } = startSubscription({
      id: state.nextId('sub'),
      customerId: customer.id,
      plan,
      quantity: input.quantity,
      paymentMethodId: input.paymentMethodId ?? customer.defaultPaymentMethodId,
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

function changeTarget(state: MemoryState, customer: CustomerRecord, input: SubscriptionChange) {
  requireCapability(state.data.settings, 'changePlans');
  const record = state.subscriptionOf(customer.id, input.subscriptionId);
  const newPlan = state.plan(input.planId);
  const preview = checkChange({
    settings: state.data.settings,
    customer,
    subscription: record,
    currentPlan: state.plan(record.planId),
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
  return state.idempotent(customer.id, 'changeSubscription', input, () => {
    const { record, newPlan, preview } = changeTarget(state, customer, input);
    const due = prorationDue(preview, newPlan);
    if (due) invoiceNow(state, customer, due, customer.defaultPaymentMethodId).commit();
    const updated = changed(record, newPlan, input.quantity);
    state.saveSubscription(updated);
    return view(state, updated);
  });
}

export function cancelSubscription(state: MemoryState, input: CancelSubscription): Subscription {
  const { settings } = state.data;
  requireCapability(settings, 'subscriptions');
  const customer = state.requireCustomer();
  const record = state.subscriptionOf(customer.id, input.subscriptionId);
  checkCancel(settings, record, input.when);
  const updated = cancelled(record, input, state.today);
  state.saveSubscription(updated);
  const support = settings.branding.supportEmail;
  if (support) {
    const planName = state.plan(record.planId).name;
    state.send(
      support,
      cancellationNoticeMail({ customer, planName, subscriptionId: record.id, cancel: input }),
    );
  }
  return view(state, updated);
}

function pausable(state: MemoryState, id: string): SubscriptionRecord {
  requireCapability(state.data.settings, 'pauseSubscriptions');
  return state.subscriptionOf(state.requireCustomer().id, id);
}

export function pauseSubscription(state: MemoryState, input: ById): Subscription {
  const updated = paused(pausable(state, input.id));
  state.saveSubscription(updated);
  return view(state, updated);
}

export function resumeSubscription(state: MemoryState, input: ById): Subscription {
  const record = pausable(state, input.id);
  const updated = resumed(record, state.plan(record.planId), state.today);
  state.saveSubscription(updated);
  return view(state, updated);
}
