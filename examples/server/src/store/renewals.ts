import { type Renewal, afterRenewalPaid } from '../../../../src/rules/billing-cycle.js';
import type { Queryable } from '../db/database.js';
import { loadSubscriptions, saveSubscription } from './catalog.js';
import { loadInvoices } from './invoices.js';

/**
 * Which subscription period each renewal invoice bills (table subscription_renewals, migration 007): the
 * record that makes a period invoiced once, and the way back from an invoice to its subscription.
 */

/** Whether the period starting `periodStart` has its invoice already. */
export async function isRenewalIssued(
  q: Queryable,
  renewal: Pick<Renewal, 'subscriptionId' | 'periodStart'>,
): Promise<boolean> {
  const { rows } = await q.query(
    'SELECT 1 FROM subscription_renewals WHERE subscription_id = $1 AND period_start = $2',
    [renewal.subscriptionId, renewal.periodStart],
  );
  return rows.length > 0;
}

/** Records the period's invoice; a second record of one period violates the primary key and rolls back. */
export async function recordRenewal(q: Queryable, renewal: Renewal, invoiceId: string, now: Date) {
  await q.query(
    `INSERT INTO subscription_renewals (subscription_id, period_start, period_end, invoice_id, created_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [renewal.subscriptionId, renewal.periodStart, renewal.periodEnd, invoiceId, now],
  );
}

/** The subscription an invoice renews, or undefined for any other invoice. */
export async function renewedBy(q: Queryable, invoiceId: string): Promise<string | undefined> {
  const { rows } = await q.query<{ subscription_id: string }>(
    'SELECT subscription_id FROM subscription_renewals WHERE invoice_id = $1',
    [invoiceId],
  );
  return rows[0]?.subscription_id;
}

/** The ids of every renewal invoice a subscription has had. */
export async function renewalInvoiceIds(q: Queryable, subscriptionId: string): Promise<string[]> {
  const { rows } = await q.query<{ invoice_id: string }>(
    'SELECT invoice_id FROM subscription_renewals WHERE subscription_id = $1 ORDER BY period_start',
    [subscriptionId],
  );
  return rows.map((row) => row.invoice_id);
}

/**
 * After a payment on `invoiceId`: when it renews a past-due subscription whose renewal invoices are now
 * all paid, the subscription is active again (rules/billing-cycle.ts `afterRenewalPaid`). Called by
 * payInvoice in its transaction.
 */
export async function settleRenewal(q: Queryable, customerId: string, invoiceId: string, now: Date) {
  const subscriptionId = await renewedBy(q, invoiceId);
  if (subscriptionId === undefined) return;
  const [record] = await loadSubscriptions(q, customerId, { subscriptionId, forUpdate: true });
  if (record?.status !== 'past_due') return;
  const ids = new Set(await renewalInvoiceIds(q, subscriptionId));
  const invoices = (await loadInvoices(q, customerId)).filter((invoice) => ids.has(invoice.id));
  const after = afterRenewalPaid(record, invoices);
  if (after.status !== record.status) await saveSubscription(q, after, now);
}
