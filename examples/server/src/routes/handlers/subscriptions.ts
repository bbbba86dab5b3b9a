import type { Plan, Subscription, SubscriptionChange } from '../../../../../src/model/index.js';
import { requireCapability } from '../../../../../src/rules/capabilities.js';
import { notFound } from '../../../../../src/rules/errors.js';
import { cancellationNoticeMail } from '../../../../../src/rules/mail.js';
import { toSubscription } from '../../../../../src/rules/mappers.js';
import type { CustomerRecord, SubscriptionRecord } from '../../../../../src/rules/records.js';
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
} from '../../../../../src/rules/subscriptions.js';
import { newId } from '../../auth/secrets.js';
import type { Queryable } from '../../db/database.js';
import { queueEmail } from '../../mail/outbox.js';
import type { PaymentGateway } from '../../payments/gateway.js';
import { gatewayKey, runIdempotently } from '../../payments/idempotency.js';
import { loadPlans, loadSettings, loadSubscriptions, saveSubscription } from '../../store/catalog.js';
import { findCustomer } from '../../store/customers.js';
import { insertInvoice } from '../../store/invoices.js';
import { listMethods } from '../../store/payment-methods.js';
import type { Handlers, RequestContext } from '../types.js';

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

/** The customer's own subscription, locked for update, when the merchant allows pausing. */
async function pausable(tx: Queryable, customerId: string, id: string): Promise<SubscriptionRecord> {
  requireCapability(await loadSettings(tx), 'pauseSubscriptions');
  return ownSubscription(tx, customerId, id, true);
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
    due: DueNow;
    methodId: string | undefined;
    key: string;
    requirePayment: boolean;
    now: Date;
    today: string;
  },
): Promise<void> {
  const { customer, due, now, today } = input;
  const methods = await listMethods(tx, customer.id);
  const method = methods.find((each) => each.id === input.methodId);
  const charge = method
    ? await input.gateway.charge({
        amount: due.amount,
        currency: customer.currency,
        method,
        idempotencyKey: gatewayKey(customer.id, input.key, `invoice:${method.id}:${due.amount}`),
        today,
      })
    : undefined;
  if (input.requirePayment && charge?.outcome !== 'succeeded') throw firstPaymentDeclined();
  const { rows } = await tx.query<{ n: number }>("SELECT nextval('invoice_number_seq')::int AS n");
  const invoice = dueNowInvoice({
    id: newId('inv'),
    lineId: newId('line'),
    number: `INV-${rows[0].n}`,
    customer,
    due,
    today,
    // The payment row below records the charge with its outcome.
    payments: [],
  });
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
        due.amount,
        customer.currency,
        charge.outcome,
        charge.reference,
        now,
      ],
    );
  }
}

async function changeTarget(
  tx: Queryable,
  ctx: RequestContext,
  input: SubscriptionChange,
  forUpdate = false,
) {
  const settings = await loadSettings(tx);
  requireCapability(settings, 'changePlans');
  const customer = ctx.requireSession().customer.record;
  const record = await ownSubscription(tx, customer.id, input.subscriptionId, forUpdate);
  const plans = await loadPlans(tx);
  const newPlan = findPlan(plans, input.planId);
  const preview = checkChange({
    settings,
    customer,
    subscription: record,
    currentPlan: findPlan(plans, record.planId),
    newPlan,
    quantity: input.quantity,
    today: ctx.today(),
  });
  return { customer, record, newPlan, preview };
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

  async listPlans(ctx) {
    const settings = await loadSettings(ctx.app.db);
    const customer = ctx.requireSession().customer.record;
    return offeredPlans(settings, await loadPlans(ctx.app.db), customer);
  },

  /** A decline of the first payment creates nothing (rules/subscriptions.ts says what is due when). */
  async subscribe(ctx, input) {
    const session = ctx.requireSession();
    const customerId = session.customer.record.id;
    return runIdempotently(
      ctx.app,
      { customerId, key: input.idempotencyKey, operation: 'subscribe', input },
      async (tx): Promise<Subscription> => {
        const settings = await loadSettings(tx);
        requireCapability(settings, 'subscriptions');
        const customer = (await findCustomer(tx, customerId))?.record;
        if (!customer) throw notFound('customer');
        const plan = findPlan(await loadPlans(tx), input.planId);
        checkSubscribe(settings, plan, customer);
        if (input.paymentMethodId !== undefined) {
          const methods = await listMethods(tx, customerId);
          if (!methods.some((each) => each.id === input.paymentMethodId)) throw notFound('payment method');
        }
        const { record, dueNow } = startSubscription({
          id: newId('sub'),
          customerId,
          plan,
          quantity: input.quantity,
          paymentMethodId: input.paymentMethodId ?? customer.defaultPaymentMethodId,
          today: ctx.today(),
        });
        if (dueNow) {
          await invoiceNow(tx, {
            gateway: ctx.app.deps.gateway,
            customer,
            due: dueNow,
            methodId: dueNow.paymentMethodId,
            key: input.idempotencyKey,
            requirePayment: true,
            now: ctx.now(),
            today: ctx.today(),
          });
        }
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
        const due = prorationDue(preview, newPlan);
        if (due) {
          await invoiceNow(tx, {
            gateway: ctx.app.deps.gateway,
            customer,
            due,
            methodId: customer.defaultPaymentMethodId,
            key: input.idempotencyKey,
            requirePayment: false,
            now: ctx.now(),
            today: ctx.today(),
          });
        }
        const updated = changed(record, newPlan, input.quantity);
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
      requireCapability(settings, 'subscriptions');
      const record = await ownSubscription(tx, customer.id, input.subscriptionId, true);
      checkCancel(settings, record, input.when);
      const updated = cancelled(record, input, ctx.today());
      await saveSubscription(tx, updated, { cancellationComment: input.comment }, now);
      const plan = findPlan(await loadPlans(tx), record.planId);
      const support = settings.branding.supportEmail;
      if (support) {
        const mail = cancellationNoticeMail({
          customer,
          planName: plan.name,
          subscriptionId: record.id,
          cancel: input,
        });
        await queueEmail(tx, { to: support, ...mail }, now);
      }
      return toSubscription(updated, plan);
    });
    ctx.mailQueued = true;
    return result;
  },

  async pauseSubscription(ctx, input) {
    const customerId = ctx.customerId;
    return ctx.app.db.transaction(async (tx) => {
      const updated = paused(await pausable(tx, customerId, input.id));
      await saveSubscription(tx, updated, {}, ctx.now());
      return view(tx, updated);
    });
  },

  async resumeSubscription(ctx, input) {
    const customerId = ctx.customerId;
    return ctx.app.db.transaction(async (tx) => {
      const record = await pausable(tx, customerId, input.id);
      const plan = findPlan(await loadPlans(tx), record.planId);
      const updated = resumed(record, plan, ctx.today());
      await saveSubscription(tx, updated, {}, ctx.now());
      return toSubscription(updated, plan);
    });
  },
};
