import type { QuoteRecord } from '../../../../src/rules/records.js';
import type { Queryable } from '../db/database.js';

/** Change quotes: stored when previewed, read and marked used when the change is made. */

interface QuoteRow {
  id: string;
  customer_id: string;
  subscription_id: string;
  plan_id: string;
  quantity: number;
  effective: QuoteRecord['effective'];
  effective_date: string;
  credit: number;
  charge: number;
  tax: number;
  due_today: number;
  carried_credit: number;
  next_renewal_amount: number;
  next_renewal_date: string;
  basis_plan_id: string;
  basis_quantity: number;
  basis_period_end: string;
  expires_at: Date;
}

export async function insertQuote(q: Queryable, quote: QuoteRecord, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO subscription_quotes (id, customer_id, subscription_id, plan_id, quantity, effective, effective_date,
                                      credit, charge, tax, due_today, carried_credit, next_renewal_amount,
                                      next_renewal_date, basis_plan_id, basis_quantity, basis_period_end, expires_at,
                                      created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [
      quote.id,
      quote.customerId,
      quote.subscriptionId,
      quote.planId,
      quote.quantity,
      quote.effective,
      quote.effectiveDate,
      quote.credit,
      quote.charge,
      quote.tax,
      quote.dueToday,
      quote.carriedCredit,
      quote.nextRenewalAmount,
      quote.nextRenewalDate,
      quote.basis.planId,
      quote.basis.quantity,
      quote.basis.currentPeriodEnd,
      new Date(quote.expiresAt),
      now,
    ],
  );
}

/** The customer's unused quote with this id, locked until the transaction ends; undefined otherwise. */
export async function findUnusedQuote(
  q: Queryable,
  customerId: string,
  id: string,
): Promise<QuoteRecord | undefined> {
  const { rows } = await q.query<QuoteRow>(
    `SELECT * FROM subscription_quotes
      WHERE id = $1 AND customer_id = $2 AND used_at IS NULL FOR UPDATE`,
    [id, customerId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    customerId: row.customer_id,
    subscriptionId: row.subscription_id,
    planId: row.plan_id,
    quantity: row.quantity,
    effective: row.effective,
    effectiveDate: row.effective_date,
    credit: row.credit,
    charge: row.charge,
    tax: row.tax,
    dueToday: row.due_today,
    carriedCredit: row.carried_credit,
    nextRenewalAmount: row.next_renewal_amount,
    nextRenewalDate: row.next_renewal_date,
    basis: {
      planId: row.basis_plan_id,
      quantity: row.basis_quantity,
      currentPeriodEnd: row.basis_period_end,
    },
    expiresAt: row.expires_at.toISOString(),
  };
}

/** A quote is used once; `invoiceId` is the invoice that recorded its charge, when one was due. */
export async function markQuoteUsed(
  q: Queryable,
  id: string,
  invoiceId: string | undefined,
  now: Date,
): Promise<void> {
  await q.query('UPDATE subscription_quotes SET used_at = $2, invoice_id = $3 WHERE id = $1', [
    id,
    now,
    invoiceId ?? null,
  ]);
}
