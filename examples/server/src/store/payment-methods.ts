import type { PaymentMethodRecord } from '../../../../src/rules/records.js';
import type { CardBrand } from '../../../../src/model/index.js';
import type { Queryable } from '../db/database.js';
import { compact, present } from './rows.js';

interface MethodRow {
  id: string;
  customer_id: string;
  type: 'card' | 'bank_account';
  brand: CardBrand | null;
  last4: string;
  exp_month: number | null;
  exp_year: number | null;
  holder_name: string | null;
  verified: boolean;
  bank_name: string | null;
  account_type: 'checking' | 'savings' | null;
}

function toRecord(row: MethodRow): PaymentMethodRecord {
  if (row.type === 'card') {
    return compact({
      id: row.id,
      customerId: row.customer_id,
      type: 'card' as const,
      brand: row.brand ?? 'other',
      last4: row.last4,
      expMonth: row.exp_month ?? 1,
      expYear: row.exp_year ?? 2000,
      holderName: present(row.holder_name),
      verified: row.verified,
    });
  }
  return compact({
    id: row.id,
    customerId: row.customer_id,
    type: 'bank_account' as const,
    bankName: present(row.bank_name),
    last4: row.last4,
    accountType: row.account_type ?? 'checking',
    holderName: row.holder_name ?? '',
  });
}

/**
 * A customer's payment methods in the order they were added. Removed ones are included only on request:
 * past payments still need their labels.
 */
export async function listMethods(
  q: Queryable,
  customerId: string,
  options: { includeRemoved?: boolean } = {},
): Promise<PaymentMethodRecord[]> {
  const { rows } = await q.query<MethodRow>(
    `SELECT id, customer_id, type, brand, last4, exp_month, exp_year, holder_name, verified, bank_name, account_type
       FROM payment_methods
      WHERE customer_id = $1${options.includeRemoved ? '' : ' AND removed_at IS NULL'}
      ORDER BY seq`,
    [customerId],
  );
  return rows.map(toRecord);
}

export async function insertMethod(q: Queryable, method: PaymentMethodRecord, now: Date): Promise<void> {
  const card = method.type === 'card' ? method : undefined;
  const bank = method.type === 'bank_account' ? method : undefined;
  await q.query(
    `INSERT INTO payment_methods (id, customer_id, type, brand, last4, exp_month, exp_year, holder_name, verified,
                                  bank_name, account_type, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      method.id,
      method.customerId,
      method.type,
      card?.brand ?? null,
      method.last4,
      card?.expMonth ?? null,
      card?.expYear ?? null,
      method.holderName ?? null,
      card?.verified ?? false,
      bank?.bankName ?? null,
      bank?.accountType ?? null,
      now,
    ],
  );
}

/** Cards on file that have had no expiry reminder yet, with their owner's address. */
export async function listUnremindedCards(
  q: Queryable,
): Promise<{ card: Extract<PaymentMethodRecord, { type: 'card' }>; email: string }[]> {
  const { rows } = await q.query<MethodRow & { email: string }>(
    `SELECT m.id, m.customer_id, m.type, m.brand, m.last4, m.exp_month, m.exp_year, m.holder_name, m.verified,
            m.bank_name, m.account_type, c.email
       FROM payment_methods m JOIN customers c ON c.id = m.customer_id
      WHERE m.type = 'card' AND m.removed_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM card_expiry_reminders r WHERE r.payment_method_id = m.id)
      ORDER BY m.seq`,
  );
  return rows.flatMap((row) => {
    const card = toRecord(row);
    return card.type === 'card' ? [{ card, email: row.email }] : [];
  });
}

/** Records the card's reminder; false when it was already recorded (by another run, maybe right now). */
export async function recordReminder(q: Queryable, paymentMethodId: string, now: Date, today: string) {
  const { rows } = await q.query(
    `INSERT INTO card_expiry_reminders (payment_method_id, reminded_on, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (payment_method_id) DO NOTHING RETURNING payment_method_id`,
    [paymentMethodId, today, now],
  );
  return rows.length === 1;
}
