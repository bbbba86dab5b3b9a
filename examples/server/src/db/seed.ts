import { type DemoData, createDemoData } from '../../../../src/adapters/demo/demo-data.js';
import { isoToday } from '../../../../src/rules/dates.js';
import { hashPassword } from '../auth/passwords.js';
import { insertStaff } from '../auth/staff.js';
import { insertInvoice } from '../store/invoices.js';
import { insertMethod } from '../store/payment-methods.js';
import { insertPlan, saveSettings, saveSubscription } from '../store/catalog.js';
import { json } from '../store/rows.js';
import type { Database, Queryable } from './database.js';
import { applicationTables } from './migrate.js';

/**
 * Hashing is the slow part of seeding (scrypt on purpose), and tests re-seed before every case: each
 * demo password is hashed once per process, with its own random salt, and reused like a snapshot.
 */
const seedHashes = new Map<string, Promise<string>>();
function seedHash(customerId: string, password: string): Promise<string> {
  const key = `${customerId}\u0000${password}`;
  let hash = seedHashes.get(key);
  if (!hash) {
    hash = hashPassword(password);
    seedHashes.set(key, hash);
  }
  return hash;
}

/** The demo's one member of staff, for the merchant console at /merchant (`npm start` prints them). */
export const DEMO_STAFF = {
  id: 'staff_owner',
  email: 'owner@northwind.example',
  name: 'Nora Northwind',
  password: 'northwind-console-demo',
} as const;

/** Loads the demo snapshot (the same one MemoryAdapter starts from) into empty tables. */
export async function seedDemoData(tx: Queryable, now: Date, data: DemoData = createDemoData(isoToday(now))) {
  await saveSettings(tx, data.settings, now);
  for (const customer of data.customers) {
    const hash = customer.password ? await seedHash(customer.id, customer.password) : null;
    await tx.query(
      `INSERT INTO customers (id, code, name, email, phone, company, currency, billing_address, shipping_address,
                              billing_contact, shipping_contact, po_number, vat_number, registration_number,
                              default_payment_method_id, password_hash, password_is_temporary, locked, auto_pay,
                              created_at, pending_email, vat_status, vat_checked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11::jsonb, $12, $13, $14, $15, $16,
               $17, $18, $19, $20, $21, $22, $23)`,
      [
        customer.id,
        customer.code,
        customer.name,
        customer.email,
        customer.phone ?? null,
        customer.company ?? null,
        customer.currency,
        json(customer.billingAddress),
        json(customer.shippingAddress),
        json(customer.billingContact),
        json(customer.shippingContact),
        customer.poNumber ?? null,
        customer.vatNumber ?? null,
        customer.registrationNumber ?? null,
        customer.defaultPaymentMethodId ?? null,
        hash,
        customer.passwordIsTemporary,
        customer.locked,
        customer.autoPay,
        now,
        customer.pendingEmail ?? null,
        customer.vatVerification?.status ?? null,
        customer.vatVerification?.checkedAt ?? null,
      ],
    );
  }
  await tx.query("SELECT setval('customer_number_seq', $1)", [data.customers.length]);
  for (const method of data.paymentMethods) await insertMethod(tx, method, now);
  for (const [position, plan] of data.plans.entries()) await insertPlan(tx, plan, position);
  let highestInvoiceNumber = 1000;
  for (const invoice of data.invoices) {
    await insertInvoice(tx, invoice, now);
    for (const payment of invoice.payments) {
      await tx.query(
        `INSERT INTO payments (id, invoice_id, customer_id, payment_method_id, amount, currency, outcome, paid_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'succeeded', $7)`,
        [
          payment.id,
          invoice.id,
          invoice.customerId,
          payment.paymentMethodId,
          payment.amount,
          invoice.currency,
          new Date(payment.paidAt),
        ],
      );
    }
    const number = /^INV-(\d+)$/.exec(invoice.number);
    if (number) highestInvoiceNumber = Math.max(highestInvoiceNumber, Number(number[1]));
  }
  await tx.query("SELECT setval('invoice_number_seq', $1)", [highestInvoiceNumber]);
  for (const subscription of data.subscriptions) await saveSubscription(tx, subscription, now);
  for (const [position, page] of data.pages.entries()) {
    await tx.query(
      'INSERT INTO pages (id, slug, kind, title, html, position) VALUES ($1, $2, $3, $4, $5, $6)',
      [page.id, page.slug, page.kind, page.title, page.html, position],
    );
  }
  for (const rule of data.accessRules) {
    await tx.query(
      'INSERT INTO access_rules (id, customer_id, kind, value, created_at) VALUES ($1, $2, $3, $4, $5)',
      [rule.id, rule.customerId, rule.kind, rule.value.toLowerCase(), now],
    );
  }
}

/** The demo's member of staff, whose password is published: never in a production database. */
async function seedDemoStaff(tx: Queryable, now: Date): Promise<void> {
  const { password, ...staff } = DEMO_STAFF;
  await insertStaff(tx, { ...staff, passwordHash: await seedHash(staff.id, password) }, now);
}

/**
 * Seeds a database that has never been seeded; an existing database keeps its data. In production the
 * demo staff member is left out: its password is in the README, and it could run the whole console.
 */
export async function seedIfEmpty(db: Database, now: Date, production = false): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('LOCK TABLE settings IN EXCLUSIVE MODE');
    const { rows } = await tx.query<{ count: number }>('SELECT count(*)::int AS count FROM settings');
    if (rows[0].count > 0) return false;
    await seedDemoData(tx, now);
    if (!production) await seedDemoStaff(tx, now);
    return true;
  });
}

/** Test mode: empties every table and seeds again, so each test starts from the demo snapshot. */
export async function resetDatabase(db: Database, now: Date): Promise<void> {
  const tables = await applicationTables(db);
  await db.transaction(async (tx) => {
    await tx.exec(`TRUNCATE ${tables.map((table) => `"${table}"`).join(', ')} RESTART IDENTITY CASCADE`);
    await seedDemoData(tx, now);
    await seedDemoStaff(tx, now);
  });
}
