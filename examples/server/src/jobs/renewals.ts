import type { Plan } from '../../../../src/model/index.js';
import {
  type Renewal,
  nextStep,
  renewalChargeKey,
  renewalDeclined,
  renewalInvoice,
  renewalMethod,
} from '../../../../src/rules/billing-cycle.js';
import { invoiceIssuedMail, renewalDeclinedMail, renewalMailFacts } from '../../../../src/rules/mail.js';
import type { CustomerRecord, SubscriptionRecord } from '../../../../src/rules/records.js';
import { newId } from '../auth/secrets.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { queueEmail } from '../mail/outbox.js';
import { gatewayKey } from '../payments/idempotency.js';
import { loadPlans, loadSettings, loadSubscriptions, saveSubscription } from '../store/catalog.js';
import { findCustomer } from '../store/customers.js';
import { insertInvoice } from '../store/invoices.js';
import { listMethods } from '../store/payment-methods.js';
import { isRenewalIssued, recordRenewal } from '../store/renewals.js';

/** What one run did, for the test route's answer and the log. */
export interface RenewalRun {
  /** Renewal invoices issued (trial ends, renewals, resumed periods). */
  invoices: number;
  /** Of those, charged and declined: each made its subscription past due and sent a dunning email. */
  declined: number;
  /** Subscriptions whose period-end cancellation took effect. */
  canceled: number;
}

/**
 * The daily renewal job: brings every subscription up to the server's clock through the shared billing
 * cycle (rules/billing-cycle.ts), one transaction per subscription with its row locked. Each period is
 * invoiced once: a second run, or one in another process at the same moment, waits for the lock and then
 * finds the subscription up to date; the (subscription, period start) key of subscription_renewals is the
 * backstop. With auto-pay on, each invoice is charged to the subscription's method or the default under
 * a gateway key derived from (subscription, period), so a charge retried after a crash is one charge.
 */
export async function runRenewals(app: AppContext): Promise<RenewalRun> {
  const today = app.today();
  const run: RenewalRun = { invoices: 0, declined: 0, canceled: 0 };
  // A cheap first cut outside any lock; each candidate is read again, locked, before anything happens.
  const { rows } = await app.db.query<{ id: string; customer_id: string }>(
    `SELECT id, customer_id FROM subscriptions
      WHERE status <> 'canceled' AND (current_period_end <= $1 OR paused_until <= $1) ORDER BY seq`,
    [today],
  );
  for (const row of rows) {
    await app.db.transaction((tx) => renewOne(app, tx, row.customer_id, row.id, run));
  }
  // Every invoice either was paid or had its email (the invoice, or the dunning one) queued with it.
  if (run.invoices > 0) app.deliverMailSoon();
  return run;
}

async function renewOne(
  app: AppContext,
  tx: Queryable,
  customerId: string,
  subscriptionId: string,
  run: RenewalRun,
): Promise<void> {
  const [record] = await loadSubscriptions(tx, customerId, { subscriptionId, forUpdate: true });
  const today = app.today();
  const plans = await loadPlans(tx);
  // Another run (here or in another process) may have brought it up to date while this one waited.
  if (!record || nextStep(record, plans, today) === undefined) return;
  const customer = (await findCustomer(tx, customerId))?.record;
  if (!customer) return;
  let current: SubscriptionRecord = record;
  for (let step = nextStep(current, plans, today); step; step = nextStep(current, plans, today)) {
    current = step.record;
    if (step.kind === 'canceled') run.canceled += 1;
    if (step.renewal) current = await issueRenewal(app, tx, customer, current, step.renewal, plans, run);
  }
  await saveSubscription(tx, current, app.now());
}

/**
 * Invoices one period once (a period already invoiced is skipped) and, with auto-pay, charges it; a decline
 * makes the subscription past due (the dunning email is queued in this transaction). Answers the
 * subscription after it. The job above and resuming a subscription (a new period today) both call it.
 */
export async function issueRenewal(
  app: AppContext,
  tx: Queryable,
  customer: CustomerRecord,
  record: SubscriptionRecord,
  renewal: Renewal,
  plans: readonly Plan[],
  run: RenewalRun,
): Promise<SubscriptionRecord> {
  if (await isRenewalIssued(tx, renewal)) return record;
  const paid = await issue(app, tx, customer, renewal, record, plans);
  run.invoices += 1;
  if (paid) return record;
  run.declined += 1;
  return renewalDeclined(record);
}

/**
 * Issues the renewal's invoice and, with auto-pay, charges it; answers false when a charge was declined
 * (the dunning email is queued in this transaction), true otherwise: paid, or left open to pay with the
 * invoice email queued in this transaction (so a period invoiced once is emailed once).
 */
async function issue(
  app: AppContext,
  tx: Queryable,
  customer: CustomerRecord,
  renewal: Renewal,
  record: SubscriptionRecord,
  plans: readonly Plan[],
): Promise<boolean> {
  const now = app.now();
  const { rows } = await tx.query<{ n: number }>("SELECT nextval('invoice_number_seq')::int AS n");
  const invoice = renewalInvoice({
    id: newId('inv'),
    lineId: newId('line'),
    number: `INV-${rows[0].n}`,
    customer,
    renewal,
  });
  await insertInvoice(tx, invoice, now);
  await recordRenewal(tx, renewal, invoice.id, now);
  if (renewal.amount === 0) return true;
  const method = renewalMethod(record, customer, await listMethods(tx, customer.id));
  const settings = await loadSettings(tx);
  const facts = renewalMailFacts({
    merchant: settings.branding.merchantName,
    planName: plans.find((each) => each.id === renewal.planId)?.name ?? renewal.planId,
    invoice,
    renewal,
    portalUrl: app.deps.publicUrl,
  });
  if (!method) {
    const mail = invoiceIssuedMail({ ...facts, dueDate: invoice.dueDate ?? invoice.issueDate });
    await queueEmail(tx, { to: customer.email, ...mail }, now);
    return true;
  }
  const charge = await app.deps.gateway.charge({
    amount: renewal.amount,
    currency: renewal.currency,
    method,
    idempotencyKey: gatewayKey(customer.id, renewalChargeKey(renewal), 'renewal'),
    today: app.today(),
  });
  await tx.query(
    `INSERT INTO payments (id, invoice_id, customer_id, payment_method_id, amount, currency, outcome,
                           gateway_reference, paid_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      newId('pay'),
      invoice.id,
      customer.id,
      method.id,
      renewal.amount,
      renewal.currency,
      charge.outcome,
      charge.reference,
      now,
    ],
  );
  if (charge.outcome === 'succeeded') return true;
  const mail = renewalDeclinedMail({ ...facts, method });
  await queueEmail(tx, { to: customer.email, ...mail }, now);
  return false;
}
