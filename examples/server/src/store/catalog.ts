import type { SubscriptionRecord } from '../../../../src/rules/records.js';
import {
  type ContentPage,
  type Plan,
  PortalSettings,
  type SubscriptionStatus,
} from '../../../../src/model/index.js';
import * as z from 'zod/mini';
import type { Queryable } from '../db/database.js';
import { compact, json, present } from './rows.js';

export async function loadSettings(q: Queryable): Promise<PortalSettings> {
  const { rows } = await q.query<{ data: unknown }>('SELECT data FROM settings WHERE id = 1');
  if (!rows[0]) throw new Error('the portal settings are missing: was the database seeded?');
  // Parsed on the way out as well: a hand-edited row must not reach customers in the wrong shape.
  return z.parse(PortalSettings, rows[0].data);
}

export async function saveSettings(q: Queryable, settings: PortalSettings, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO settings (id, data, updated_at) VALUES (1, $1::jsonb, $2)
     ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, updated_at = EXCLUDED.updated_at`,
    [json(settings), now],
  );
}

interface PlanRow {
  id: string;
  name: string;
  description: string;
  price: number;
  currency: string;
  billing_interval: Plan['interval'];
  interval_count: number;
  trial_days: number;
  features: string[];
  terms: string | null;
  min_quantity: number | null;
  max_quantity: number | null;
}

export async function loadPlans(q: Queryable): Promise<Plan[]> {
  const { rows } = await q.query<PlanRow>(
    `SELECT id, name, description, price, currency, billing_interval, interval_count, trial_days, features, terms,
            min_quantity, max_quantity
       FROM plans ORDER BY position`,
  );
  return rows.map((row) =>
    compact({
      id: row.id,
      name: row.name,
      description: row.description,
      price: { amount: row.price, currency: row.currency },
      interval: row.billing_interval,
      intervalCount: row.interval_count,
      trialDays: row.trial_days,
      features: row.features,
      terms: present(row.terms),
      minQuantity: present(row.min_quantity),
      maxQuantity: present(row.max_quantity),
    }),
  );
}

export async function insertPlan(q: Queryable, plan: Plan, position: number): Promise<void> {
  await q.query(
    `INSERT INTO plans (id, name, description, price, currency, billing_interval, interval_count, trial_days,
                        features, terms, position, min_quantity, max_quantity)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13)`,
    [
      plan.id,
      plan.name,
      plan.description,
      plan.price.amount,
      plan.price.currency,
      plan.interval,
      plan.intervalCount,
      plan.trialDays,
      json(plan.features),
      plan.terms ?? null,
      position,
      plan.minQuantity ?? null,
      plan.maxQuantity ?? null,
    ],
  );
}

interface SubscriptionRow {
  id: string;
  customer_id: string;
  plan_id: string;
  status: SubscriptionStatus;
  quantity: number;
  products: { name: string; quantity: number }[];
  terms: string | null;
  start_date: string;
  current_period_end: string;
  next_billing_date: string | null;
  trial_end: string | null;
  cancel_at_period_end: boolean;
  canceled_at: string | null;
  cancellation_reason: string | null;
  cancellation_comment: string | null;
  payment_method_id: string | null;
  paused_until: string | null;
  scheduled_change: SubscriptionRecord['scheduledChange'] | null;
  discount: SubscriptionRecord['discount'] | null;
  carried_credit: number;
}

const SUBSCRIPTION_COLUMNS = `id, customer_id, plan_id, status, quantity, products, terms, start_date, current_period_end,
  next_billing_date, trial_end, cancel_at_period_end, canceled_at, cancellation_reason, cancellation_comment,
  payment_method_id, paused_until, scheduled_change, discount, carried_credit`;

export function subscriptionFromRow(row: SubscriptionRow): SubscriptionRecord {
  return compact({
    id: row.id,
    customerId: row.customer_id,
    planId: row.plan_id,
    status: row.status,
    quantity: row.quantity,
    products: row.products,
    terms: present(row.terms),
    startDate: row.start_date,
    currentPeriodEnd: row.current_period_end,
    nextBillingDate: present(row.next_billing_date),
    trialEnd: present(row.trial_end),
    cancelAtPeriodEnd: row.cancel_at_period_end,
    canceledAt: present(row.canceled_at),
    cancellationReason: present(row.cancellation_reason),
    cancellationComment: present(row.cancellation_comment),
    paymentMethodId: present(row.payment_method_id),
    pausedUntil: present(row.paused_until),
    scheduledChange: present(row.scheduled_change),
    discount: present(row.discount),
    carriedCredit: Number(row.carried_credit) > 0 ? Number(row.carried_credit) : undefined,
  });
}

export async function loadSubscriptions(
  q: Queryable,
  customerId: string,
  options: { subscriptionId?: string; forUpdate?: boolean } = {},
): Promise<SubscriptionRecord[]> {
  const params: unknown[] = [customerId];
  let where = 'customer_id = $1';
  if (options.subscriptionId !== undefined) {
    params.push(options.subscriptionId);
    where += ' AND id = $2';
  }
  const { rows } = await q.query<SubscriptionRow>(
    `SELECT ${SUBSCRIPTION_COLUMNS}
       FROM subscriptions WHERE ${where} ORDER BY seq${options.forUpdate ? ' FOR UPDATE' : ''}`,
    params,
  );
  return rows.map(subscriptionFromRow);
}

/** Every subscription a customer cancelled (now or at the period end), newest first: for the merchant. */
export async function loadCancellations(
  q: Queryable,
): Promise<{ subscription: SubscriptionRecord; customerCode: string }[]> {
  const { rows } = await q.query<SubscriptionRow & { customer_code: string }>(
    `SELECT ${SUBSCRIPTION_COLUMNS.split(',')
      .map((column) => `s.${column.trim()}`)
      .join(', ')}, c.code AS customer_code
       FROM subscriptions s JOIN customers c ON c.id = s.customer_id
      WHERE s.cancellation_reason IS NOT NULL ORDER BY s.seq DESC`,
  );
  return rows.map((row) => ({ subscription: subscriptionFromRow(row), customerCode: row.customer_code }));
}

/** Writes a subscription whole: inserts a new one or replaces every mutable column of an existing one. */
export async function saveSubscription(
  q: Queryable,
  subscription: SubscriptionRecord,
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO subscriptions (id, customer_id, plan_id, status, quantity, products, terms, start_date,
                                current_period_end, next_billing_date, trial_end, cancel_at_period_end, canceled_at,
                                cancellation_reason, cancellation_comment, payment_method_id, paused_until,
                                scheduled_change, discount, carried_credit, created_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18::jsonb,
             $19::jsonb, $20, $21)
     ON CONFLICT (id) DO UPDATE SET
       plan_id = EXCLUDED.plan_id, status = EXCLUDED.status,
       quantity = EXCLUDED.quantity, products = EXCLUDED.products, terms = EXCLUDED.terms,
       current_period_end = EXCLUDED.current_period_end, next_billing_date = EXCLUDED.next_billing_date,
       trial_end = EXCLUDED.trial_end, cancel_at_period_end = EXCLUDED.cancel_at_period_end,
       canceled_at = EXCLUDED.canceled_at, cancellation_reason = EXCLUDED.cancellation_reason,
       cancellation_comment = EXCLUDED.cancellation_comment, payment_method_id = EXCLUDED.payment_method_id,
       paused_until = EXCLUDED.paused_until, scheduled_change = EXCLUDED.scheduled_change,
       discount = EXCLUDED.discount, carried_credit = EXCLUDED.carried_credit`,
    [
      subscription.id,
      subscription.customerId,
      subscription.planId,
      subscription.status,
      subscription.quantity,
      json(subscription.products),
      subscription.terms ?? null,
      subscription.startDate,
      subscription.currentPeriodEnd,
      subscription.nextBillingDate ?? null,
      subscription.trialEnd ?? null,
      subscription.cancelAtPeriodEnd,
      subscription.canceledAt ?? null,
      subscription.cancellationReason ?? null,
      subscription.cancellationComment ?? null,
      subscription.paymentMethodId ?? null,
      subscription.pausedUntil ?? null,
      json(subscription.scheduledChange),
      json(subscription.discount),
      subscription.carriedCredit ?? 0,
      now,
    ],
  );
}

export async function loadPages(q: Queryable): Promise<ContentPage[]> {
  const { rows } = await q.query<ContentPage>(
    'SELECT id, slug, kind, title, html FROM pages ORDER BY position',
  );
  return rows;
}
