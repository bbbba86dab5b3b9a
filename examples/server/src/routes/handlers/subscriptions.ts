import {
  type CustomerRecord,
  type InvoiceRecord,
  type SubscriptionRecord,
  addDays,
  addMonths,
} from '../../../../../src/adapters/shared/demo-data.js';
import { previewChange, toSubscription } from '../../../../../src/adapters/shared/rules.js';
import { PortalError } from '../../../../../src/contract/errors.js';
import {
  type BillingInterval,
  type Plan,
  type PortalSettings,
  type Subscription,
  type SubscriptionChange,
  planRule,
} from '../../../../../src/model/index.js';
import { newId } from '../../auth/secrets.js';
import type { Queryable } from '../../db/database.js';
import { conflict, forbidden, invalidField, notFound } from '../../http/errors.js';
import { queueEmail } from '../../mail/outbox.js';
import type { PaymentGateway } from '../../payments/gateway.js';
import { gatewayKey, runIdempotently } from '../../payments/idempotency.js';
import { loadPlans, loadSettings, loadSubscriptions, saveSubscription } from '../../store/catalog.js';
import { findCustomer } from '../../store/customers.js';
import { insertInvoice } from '../../store/invoices.js';
import { listMethods } from '../../store/payment-methods.js';
import type { Handlers, RequestContext } from '../types.js';

function addInterval(date: string, interval: BillingInterval, count: number): string {
  if (interval === 'day') return addDays(date, count);
  if (interval === 'week') return addDays(date, 7 * count);
  return addMonths(date, interval === 'month' ? count : 12 * count);
}

function requireSelfService(settings: PortalSettings): void {
  if (!settings.subscriptions.enabled)
    throw forbidden('subscription self-service is turned off by the merchant');
}

/** A plan this customer may take: opened for self-subscription and priced in their currency. */
function offered(settings: PortalSettings, plan: Plan, customer: CustomerRecord): boolean {
  return planRule(settings, plan.id).allowSubscribing && plan.price.currency === customer.currency;
}

function findPlan(plans: readonly Plan[], id: string): Plan {
  const plan = plans.find((each) => each.id === id);
  if (!plan) throw notFound('plan');
  return plan;
}

async function ownSubscription(
  q: Queryable,
  customerId: string,
  id: string,
  forUpdate = false,
): Promise<SubscriptionRecord> {
  const [subscription] = await loadSubscriptions(q, customerId, { subscriptionId: id, forUpdate });
  if (!subscription) throw notFound('subscription');
  return subscription;
}

/**
 * The customer's own subscription, locked for update, when the merchant allows pausing and it is in the
 * state the action starts from: active to pause, paused to resume.
 */
async function pausable(
  tx: Queryable,
  customerId: string,
  id: string,
  action: 'pause' | 'resume',
): Promise<SubscriptionRecord> {
  const settings = await loadSettings(tx);
  requireSelfService(settings);
  if (!settings.subscriptions.allowPause)
    throw forbidden('pausing subscriptions is turned off by the merchant');
  const record = await ownSubscription(tx, customerId, id, true);
  const from = action === 'pause' ? 'active' : 'paused';
  if (record.status !== from) throw conflict(`a ${record.status} subscription cannot be ${action}d`);
  return record;
}

/**
 * An invoice for what the customer's own action makes due now, charged at once to `methodId` when there
 * is one, under a gateway key derived from the request's idempotency key. With `requirePayment`, a decline
 * throws (payment_declined) and nothing is written; otherwise a declined charge leaves the invoice open.
 */
async function invoiceNow(
  tx: Queryable,
  input: {
    gateway: PaymentGateway;
    customer: CustomerRecord;
    description: string;
    amount: number;
    methodId: string | undefined;
    key: string;
    requirePayment: boolean;
    now: Date;
    today: string;
  },
): Promise<void> {
  const { customer, now, today } = input;
  const methods = await listMethods(tx, customer.id);
  const method = methods.find((each) => each.id === input.methodId);
  const charge = method
    ? await input.gateway.charge({
        amount: input.amount,
        currency: customer.currency,
        method,
        idempotencyKey: gatewayKey(customer.id, input.key, `invoice:${method.id}:${input.amount}`),
        today,
      })
    : undefined;
  if (input.requirePayment && charge?.outcome !== 'succeeded') {
    throw new PortalError('payment_declined', 'The first payment was declined.');
  }
  const { rows } = await tx.query<{ n: number }>("SELECT nextval('invoice_number_seq')::int AS n");
  const invoice: InvoiceRecord = {
    id: newId('inv'),
    customerId: customer.id,
    number: `INV-${rows[0].n}`,
    kind: 'invoice',
    issueDate: today,
    dueDate: addDays(today, 30),
    currency: customer.currency,
    lines: [{ id: newId('line'), description: input.description, quantity: 1, unitPrice: input.amount }],
    taxName: 'Sales tax',
    taxRateBasisPoints: 0,
    voided: false,
    refunded: false,
    payments: [],
    notes: [],
  };
  await insertInvoice(tx, invoice, now);
  if (method && charge) {
    await tx.query(
      `INSERT INTO payments (id, invoice_id, customer_id, payment_method_id, amount, currency, outcome,
                             gateway_reference, paid_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        newId('pay'),
        invoice.id,
        customer.id,
        method.id,
        input.amount,
        customer.currency,
        charge.outcome,
        charge.reference,
        now,
      ],
    );
  }
}

const CHANGEABLE = new Set<Subscription['status']>(['active', 'trialing', 'past_due']);

async function changeTarget(
  tx: Queryable,
  ctx: RequestContext,
  input: SubscriptionChange,
  forUpdate = false,
) {
  const settings = await loadSettings(tx);
  requireSelfService(settings);
  if (!settings.subscriptions.allowPlanChange) throw forbidden('plan changes are turned off by the merchant');
  const customer = ctx.requireSession().customer.record;
  const record = await ownSubscription(tx, customer.id, input.subscriptionId, forUpdate);
  const plans = await loadPlans(tx);
  const newPlan = findPlan(plans, input.planId);
  if (newPlan.id !== record.planId && !offered(settings, newPlan, customer)) {
    throw forbidden('this plan is not open for self-subscription');
  }
  if (!CHANGEABLE.has(record.status)) throw conflict(`a ${record.status} subscription cannot be changed`);
  const preview = previewChange({
    subscription: record,
    currentPlan: findPlan(plans, record.planId),
    newPlan,
    quantity: input.quantity,
    today: ctx.today(),
  });
  return { customer, record, newPlan, preview, plans };
}

async function view(q: Queryable, record: SubscriptionRecord): Promise<Subscription> {
  return toSubscription(record, findPlan(await loadPlans(q), record.planId));
}

export const subscriptionHandlers: Pick<
  Handlers,
  | 'listSubscriptions'
  | 'listPlans'
  | 'subscribe'
  | 'previewSubscriptionChange'
  | 'changeSubscription'
  | 'cancelSubscription'
  | 'pauseSubscription'
  | 'resumeSubscription'
> = {
  async listSubscriptions(ctx) {
    const plans = await loadPlans(ctx.app.db);
    const subscriptions = await loadSubscriptions(ctx.app.db, ctx.customerId);
    return subscriptions.map((record) => toSubscription(record, findPlan(plans, record.planId)));
  },

  /** With self-service off there is nothing to offer: an empty list, not an error. */
  async listPlans(ctx) {
    const settings = await loadSettings(ctx.app.db);
    if (!settings.subscriptions.enabled) return [];
    const customer = ctx.requireSession().customer.record;
    return (await loadPlans(ctx.app.db)).filter((plan) => offered(settings, plan, customer));
  },

  /**
   * A plan with a trial starts trialing and charges nothing yet; any other plan's first period is invoiced
   * and charged at once to the chosen (or default) payment method, and a decline creates nothing.
   */
  async subscribe(ctx, input) {
    const session = ctx.requireSession();
    const customerId = session.customer.record.id;
    return runIdempotently(
      ctx.app,
      { customerId, key: input.idempotencyKey, operation: 'subscribe', input },
      async (tx): Promise<Subscription> => {
        const settings = await loadSettings(tx);
        requireSelfService(settings);
        const customer = (await findCustomer(tx, customerId))?.record;
        if (!customer) throw notFound('customer');
        const plans = await loadPlans(tx);
        const plan = findPlan(plans, input.planId);
        if (!planRule(settings, plan.id).allowSubscribing) {
          throw forbidden('this plan is not open for self-subscription');
        }
        if (plan.price.currency !== customer.currency) {
          throw invalidField('planId', 'the plan is billed in another currency');
        }
        if (input.paymentMethodId !== undefined) {
          const methods = await listMethods(tx, customerId);
          if (!methods.some((each) => each.id === input.paymentMethodId)) throw notFound('payment method');
        }
        const methodId = input.paymentMethodId ?? customer.defaultPaymentMethodId;
        const today = ctx.today();
        const trialing = plan.trialDays > 0;
        const periodEnd = trialing
          ? addDays(today, plan.trialDays)
          : addInterval(today, plan.interval, plan.intervalCount);
        if (!trialing && plan.price.amount > 0) {
          if (methodId === undefined)
            throw invalidField('paymentMethodId', 'choose a payment method', 'required');
          await invoiceNow(tx, {
            gateway: ctx.app.deps.gateway,
            customer,
            description: `${plan.name} × ${input.quantity}`,
            amount: plan.price.amount * input.quantity,
            methodId,
            key: input.idempotencyKey,
            requirePayment: true,
            now: ctx.now(),
            today,
          });
        }
        const record: SubscriptionRecord = {
          id: newId('sub'),
          customerId,
          planId: plan.id,
          status: trialing ? 'trialing' : 'active',
          quantity: input.quantity,
          products: [{ name: plan.name, quantity: input.quantity }],
          ...(plan.terms ? { terms: plan.terms } : {}),
          startDate: today,
          currentPeriodEnd: periodEnd,
          nextBillingDate: periodEnd,
          ...(trialing ? { trialEnd: periodEnd } : {}),
          cancelAtPeriodEnd: false,
        };
        await saveSubscription(tx, record, {}, ctx.now());
        return toSubscription(record, plan);
      },
    );
  },

  async previewSubscriptionChange(ctx, input) {
    return (await ctx.app.db.transaction((tx) => changeTarget(tx, ctx, input))).preview;
  },

  /**
   * A prorated charge is invoiced and charged to the default payment method at once; when that fails the
   * invoice stays open for the customer to pay. A prorated credit would go against the next renewal,
   * which a billing run outside this server issues; nothing is invoiced for it here.
   */
  async changeSubscription(ctx, input) {
    const customerId = ctx.customerId;
    return runIdempotently(
      ctx.app,
      { customerId, key: input.idempotencyKey, operation: 'changeSubscription', input },
      async (tx): Promise<Subscription> => {
        const { customer, record, newPlan, preview } = await changeTarget(tx, ctx, input, true);
        if (preview.prorationAmount.amount > 0) {
          await invoiceNow(tx, {
            gateway: ctx.app.deps.gateway,
            customer,
            description: `Change to ${newPlan.name} × ${input.quantity}, prorated`,
            amount: preview.prorationAmount.amount,
            methodId: customer.defaultPaymentMethodId,
            key: input.idempotencyKey,
            requirePayment: false,
            now: ctx.now(),
            today: ctx.today(),
          });
        }
        let updated: SubscriptionRecord = { ...record };
        if (newPlan.id !== record.planId) {
          // eslint-disable-next-line @typescript-eslint/no-unused-vars
          const { terms, ...rest } = record;
          updated = {
            ...rest,
            planId: newPlan.id,
            products: [{ name: newPlan.name, quantity: input.quantity }],
            ...(newPlan.terms ? { terms: newPlan.terms } : {}),
          };
        } else if (input.quantity !== record.quantity) {
          const ratio = input.quantity / record.quantity;
          updated.products = record.products.map((product) => ({
            ...product,
            quantity: Math.max(1, Math.round(product.quantity * ratio)),
          }));
        }
        updated.quantity = input.quantity;
        await saveSubscription(tx, updated, {}, ctx.now());
        return toSubscription(updated, newPlan);
      },
    );
  },

  /** The merchant hears why, comment included: that is what the reason question is for. */
  async cancelSubscription(ctx, input) {
    const customer = ctx.requireSession().customer.record;
    const now = ctx.now();
    const result = await ctx.app.db.transaction(async (tx) => {
      const settings = await loadSettings(tx);
      requireSelfService(settings);
      const record = await ownSubscription(tx, customer.id, input.subscriptionId, true);
      if (!planRule(settings, record.planId).allowCancelling) {
        throw forbidden('this plan cannot be cancelled by the customer');
      }
      const mode = settings.subscriptions.cancellation;
      if (mode !== 'either' && mode !== input.when) {
        throw forbidden(
          mode === 'period_end'
            ? 'subscriptions can only be cancelled at the end of the period'
            : 'subscriptions can only be cancelled immediately',
        );
      }
      if (record.status === 'canceled') throw conflict('the subscription is already cancelled');
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { nextBillingDate, ...rest } = record;
      const updated: SubscriptionRecord =
        input.when === 'immediately'
          ? {
              ...rest,
              cancellationReason: input.reason,
              status: 'canceled',
              canceledAt: ctx.today(),
              cancelAtPeriodEnd: false,
            }
          : { ...rest, cancellationReason: input.reason, cancelAtPeriodEnd: true };
      await saveSubscription(tx, updated, { cancellationComment: input.comment }, now);
      const plan = findPlan(await loadPlans(tx), record.planId);
      const support = settings.branding.supportEmail;
      if (support) {
        await queueEmail(
          tx,
          {
            kind: 'cancellation_notice',
            to: support,
            subject: `Subscription cancelled by ${customer.name} (${customer.code})`,
            text: [
              `${customer.name} cancelled ${plan.name} (${record.id}), ${input.when === 'immediately' ? 'effective immediately' : 'at the end of the period'}.`,
              `Reason: ${input.reason}`,
              ...(input.comment ? [`Comment: ${input.comment}`] : []),
            ].join('\n'),
          },
          now,
        );
      }
      return toSubscription(updated, plan);
    });
    ctx.mailQueued = true;
    return result;
  },

  async pauseSubscription(ctx, input) {
    const customerId = ctx.customerId;
    return ctx.app.db.transaction(async (tx) => {
      const record = await pausable(tx, customerId, input.id, 'pause');
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { nextBillingDate, ...rest } = record;
      const updated: SubscriptionRecord = { ...rest, status: 'paused' };
      await saveSubscription(tx, updated, {}, ctx.now());
      return view(tx, updated);
    });
  },

  /** A pause that outlasted the period starts a new one today. */
  async resumeSubscription(ctx, input) {
    const customerId = ctx.customerId;
    return ctx.app.db.transaction(async (tx) => {
      const record = await pausable(tx, customerId, input.id, 'resume');
      const plan = findPlan(await loadPlans(tx), record.planId);
      const today = ctx.today();
      const currentPeriodEnd =
        record.currentPeriodEnd < today
          ? addInterval(today, plan.interval, plan.intervalCount)
          : record.currentPeriodEnd;
      const updated: SubscriptionRecord = {
        ...record,
        status: 'active',
        currentPeriodEnd,
        ...(record.cancelAtPeriodEnd ? {} : { nextBillingDate: currentPeriodEnd }),
      };
      await saveSubscription(tx, updated, {}, ctx.now());
      return toSubscription(updated, plan);
    });
  },
};
