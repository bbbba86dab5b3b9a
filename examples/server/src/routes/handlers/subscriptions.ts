import type { PortalError } from '../../../../../src/contract/errors.js';
import type { Subscription } from '../../../../../src/model/index.js';
import { requireCapability } from '../../../../../src/rules/capabilities.js';
import { notFound } from '../../../../../src/rules/errors.js';
import { cancellationNoticeMail } from '../../../../../src/rules/mail.js';
import { chargedMethod, toSubscription } from '../../../../../src/rules/mappers.js';
import type { CustomerRecord, SubscriptionRecord } from '../../../../../src/rules/records.js';
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
  findPlan,
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
} from '../../../../../src/rules/subscriptions.js';
import { resumed } from '../../../../../src/rules/billing-cycle.js';
import { newId } from '../../auth/secrets.js';
import type { Queryable } from '../../db/database.js';
import { issueRenewal } from '../../jobs/renewals.js';
import { queueEmail } from '../../mail/outbox.js';
import type { PaymentGateway } from '../../payments/gateway.js';
import { gatewayKey, runIdempotently } from '../../payments/idempotency.js';
import { loadPlans, loadSettings, loadSubscriptions, saveSubscription } from '../../store/catalog.js';
import { findCustomer } from '../../store/customers.js';
import { insertInvoice } from '../../store/invoices.js';
import { listMethods } from '../../store/payment-methods.js';
import { findUnusedQuote, insertQuote, markQuoteUsed } from '../../store/quotes.js';
import type { Handlers, RequestContext } from '../types.js';

/** The customer as stored now (their default method may have changed since the session began). */
async function currentCustomer(q: Queryable, customerId: string): Promise<CustomerRecord> {
  const customer = (await findCustomer(q, customerId))?.record;
  if (!customer) throw notFound('customer');
  return customer;
}

/** The signed-in customer's subscription (locked for update) and what its actions depend on. */
async function own(
  tx: Queryable,
  ctx: RequestContext,
  subscriptionId: string,
): Promise<ActionContext & { customer: CustomerRecord }> {
  const customer = await currentCustomer(tx, ctx.customerId);
  const [subscription] = await loadSubscriptions(tx, customer.id, { subscriptionId, forUpdate: true });
  if (!subscription) throw notFound('subscription');
  return { customer, settings: await loadSettings(tx), subscription, today: ctx.today() };
}

/** Every subscription answer is mapped here, through the shared mapper. */
async function view(
  q: Queryable,
  ctx: RequestContext,
  records: SubscriptionRecord[],
): Promise<Subscription[]> {
  const customer = await currentCustomer(q, ctx.customerId);
  const context = {
    plans: await loadPlans(q),
    settings: await loadSettings(q),
    methods: await listMethods(q, customer.id),
    defaultMethodId: customer.defaultPaymentMethodId,
    today: ctx.today(),
  };
  return records.map((record) => toSubscription(record, context));
}

async function saved(tx: Queryable, ctx: RequestContext, record: SubscriptionRecord): Promise<Subscription> {
  await saveSubscription(tx, record, ctx.now());
  return (await view(tx, ctx, [record]))[0];
}

/**
 * An invoice for what the customer's own action makes due now, charged at once to `methodId` under a
 * gateway key derived from the request's idempotency key. A decline throws `declined()` and writes nothing
 * (the transaction rolls back and the idempotency key is freed). Answers the invoice's id.
 */
async function invoiceNow(
  tx: Queryable,
  input: {
    gateway: PaymentGateway;
    customer: CustomerRecord;
    due: DueNow;
    methodId: string;
    key: string;
    declined: () => PortalError;
    now: Date;
    today: string;
  },
): Promise<string> {
  const { customer, due, now, today } = input;
  const method = (await listMethods(tx, customer.id)).find((each) => each.id === input.methodId);
  if (!method) throw notFound('payment method');
  const charge = await input.gateway.charge({
    amount: due.amount,
    currency: customer.currency,
    method,
    idempotencyKey: gatewayKey(customer.id, input.key, `invoice:${method.id}:${due.amount}`),
    today,
  });
  if (charge.outcome !== 'succeeded') throw input.declined();
  const { rows } = await tx.query<{ n: number }>("SELECT nextval('invoice_number_seq')::int AS n");
  const invoice = dueNowInvoice({
    id: newId('inv'),
    lineId: newId('line'),
    number: `INV-${rows[0].n}`,
    customer,
    due,
    today,
    // The payment row below records the charge.
    payments: [],
  });
  await insertInvoice(tx, invoice, now);
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
  return invoice.id;
}

type SubscriptionOperations =
  | 'listSubscriptions'
  | 'listPlans'
  | 'subscribe'
  | 'previewSubscriptionChange'
  | 'changeSubscription'
  | 'cancelSubscription'
  | 'undoCancelSubscription'
  | 'acceptRetentionOffer'
  | 'withdrawSubscriptionChange'
  | 'pauseSubscription'
  | 'resumeSubscription';

export const subscriptionHandlers: Pick<Handlers, SubscriptionOperations> = {
  async listSubscriptions(ctx) {
    return view(ctx.app.db, ctx, await loadSubscriptions(ctx.app.db, ctx.customerId));
  },

  async listPlans(ctx) {
    const settings = await loadSettings(ctx.app.db);
    const customer = ctx.requireSession().customer.record;
    return offeredPlans(settings, await loadPlans(ctx.app.db), customer);
  },

  /** A decline of the first payment creates nothing (rules/subscriptions.ts says what is due when). */
  async subscribe(ctx, input) {
    const customerId = ctx.customerId;
    return runIdempotently(
      ctx.app,
      { customerId, key: input.idempotencyKey, operation: 'subscribe', input },
      async (tx): Promise<Subscription> => {
        const settings = await loadSettings(tx);
        requireCapability(settings, 'subscriptions');
        const customer = await currentCustomer(tx, customerId);
        const plan = findPlan(await loadPlans(tx), input.planId);
        checkSubscribe(settings, plan, customer, input.quantity);
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
          chosenMethodId: input.paymentMethodId,
          today: ctx.today(),
        });
        if (dueNow) {
          await invoiceNow(tx, {
            gateway: ctx.app.deps.gateway,
            customer,
            due: dueNow,
            methodId: dueNow.paymentMethodId,
            key: input.idempotencyKey,
            declined: firstPaymentDeclined,
            now: ctx.now(),
            today: ctx.today(),
          });
        }
        return saved(tx, ctx, record);
      },
    );
  },

  /** Quotes a change and stores the quote, which pins its price until it expires or is used. */
  async previewSubscriptionChange(ctx, input) {
    return ctx.app.db.transaction(async (tx) => {
      requireCapability(await loadSettings(tx), 'changePlans');
      const { customer, settings, subscription, today } = await own(tx, ctx, input.subscriptionId);
      const plans = await loadPlans(tx);
      const newPlan = findPlan(plans, input.planId);
      checkChange({ settings, customer, subscription, newPlan, quantity: input.quantity, today });
      const quote = buildQuote({
        id: newId('quote'),
        subscription,
        plans,
        newPlan,
        quantity: input.quantity,
        settings,
        today,
        now: ctx.now(),
      });
      await insertQuote(tx, quote, ctx.now());
      return toChangePreview(quote, plans);
    });
  },

  /**
   * Makes the quoted change, charging exactly the quote's `dueToday` to the subscription's method and
   * recording it as a payment on an invoice; a declined charge changes nothing. Each quote is used once.
   */
  async changeSubscription(ctx, input) {
    const customerId = ctx.customerId;
    return runIdempotently(
      ctx.app,
      { customerId, key: input.idempotencyKey, operation: 'changeSubscription', input },
      async (tx): Promise<Subscription> => {
        requireCapability(await loadSettings(tx), 'changePlans');
        const context = await own(tx, ctx, input.subscriptionId);
        const { customer, subscription } = context;
        const now = ctx.now();
        const quote = checkQuote(await findUnusedQuote(tx, customerId, input.quoteId), subscription, now);
        const plans = await loadPlans(tx);
        checkChange({ ...context, newPlan: findPlan(plans, quote.planId), quantity: quote.quantity });
        let invoiceId: string | undefined;
        if (quote.dueToday > 0) {
          const methods = await listMethods(tx, customerId);
          const method = chargedMethod(subscription, methods, customer.defaultPaymentMethodId);
          if (!method) throw noMethodToCharge();
          const lines = quoteLines(quote, plans, findPlan(plans, subscription.planId).name);
          invoiceId = await invoiceNow(tx, {
            gateway: ctx.app.deps.gateway,
            customer,
            due: { description: lines[0].description, amount: quote.dueToday, lines },
            methodId: method.id,
            key: input.idempotencyKey,
            declined: changePaymentDeclined,
            now,
            today: ctx.today(),
          });
        }
        await markQuoteUsed(tx, quote.id, invoiceId, now);
        return saved(tx, ctx, applyQuote(subscription, quote, plans));
      },
    );
  },

  async withdrawSubscriptionChange(ctx, input) {
    return ctx.app.db.transaction(async (tx) =>
      saved(tx, ctx, changeWithdrawn(await own(tx, ctx, input.subscriptionId))),
    );
  },

  /** The merchant hears why, comment included (by email now, and from the admin API's cancellations). */
  async cancelSubscription(ctx, input) {
    const now = ctx.now();
    const result = await ctx.app.db.transaction(async (tx) => {
      const { customer, settings, subscription, today } = await own(tx, ctx, input.subscriptionId);
      checkCancel(settings, subscription, input.when, today);
      checkCancelReason(settings, input);
      const answer = await saved(tx, ctx, cancelled(subscription, input, today));
      const support = settings.branding.supportEmail;
      if (support) {
        const mail = cancellationNoticeMail({
          customer,
          planName: answer.planName,
          subscriptionId: subscription.id,
          cancel: input,
          reasonLabel: reasonLabel(settings, input.reason),
        });
        await queueEmail(tx, { to: support, ...mail }, now);
      }
      return answer;
    });
    ctx.mailQueued = true;
    return result;
  },

  async undoCancelSubscription(ctx, input) {
    return ctx.app.db.transaction(async (tx) =>
      saved(tx, ctx, cancellationUndone(await own(tx, ctx, input.subscriptionId))),
    );
  },

  async acceptRetentionOffer(ctx, input) {
    return ctx.app.db.transaction(async (tx) =>
      saved(tx, ctx, retentionAccepted(await own(tx, ctx, input.subscriptionId))),
    );
  },

  async pauseSubscription(ctx, input) {
    return ctx.app.db.transaction(async (tx) =>
      saved(tx, ctx, paused(await own(tx, ctx, input.subscriptionId), input.resumeOn)),
    );
  },

  async resumeSubscription(ctx, input) {
    return ctx.app.db.transaction(async (tx) => {
      const context = await own(tx, ctx, input.subscriptionId);
      requireAction('resume', context);
      const plans = await loadPlans(tx);
      const step = resumed(context.subscription, plans, context.today);
      if (!step.renewal) return saved(tx, ctx, step.record);
      // A pause that outlasted the paid period: the new period from today is invoiced and charged now,
      // through the renewal job's own code (once per period, the gateway key per period).
      const run = { invoices: 0, declined: 0, canceled: 0 };
      const record = await issueRenewal(ctx.app, tx, context.customer, step.record, step.renewal, plans, run);
      // An invoice not paid on the spot queued its email (the invoice's, or the dunning one).
      if (run.invoices > 0) ctx.mailQueued = true;
      return saved(tx, ctx, record);
    });
  },
};
