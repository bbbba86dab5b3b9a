import type { CustomerRecord } from '../../../../src/rules/records.js';
import type { Address, Contact, TaxIdVerificationStatus } from '../../../../src/model/index.js';
import type { Queryable } from '../db/database.js';
import { compact, isoInstant, present } from './rows.js';

/** A customer as stored: the shared record plus what only the server may see. */
export interface StoredCustomer {
  record: CustomerRecord;
  passwordHash: string | null;
  passwordExpiresAt: Date | null;
}

interface CustomerRow {
  id: string;
  code: string;
  name: string;
  email: string;
  phone: string | null;
  company: string | null;
  currency: string;
  billing_address: Address | null;
  shipping_address: Address | null;
  billing_contact: Contact | null;
  shipping_contact: Contact | null;
  po_number: string | null;
  vat_number: string | null;
  registration_number: string | null;
  default_payment_method_id: string | null;
  password_hash: string | null;
  password_is_temporary: boolean;
  password_expires_at: Date | null;
  locked: boolean;
  auto_pay: boolean;
  pending_email: string | null;
  vat_status: TaxIdVerificationStatus | null;
  vat_checked_at: Date | null;
}

const COLUMNS = `id, code, name, email, phone, company, currency, billing_address, shipping_address,
  billing_contact, shipping_contact, po_number, vat_number, registration_number, default_payment_method_id,
  password_hash, password_is_temporary, password_expires_at, locked, auto_pay, pending_email, vat_status,
  vat_checked_at`;

function toStored(row: CustomerRow): StoredCustomer {
  const record: CustomerRecord = compact({
    id: row.id,
    code: row.code,
    name: row.name,
    email: row.email,
    phone: present(row.phone),
    company: present(row.company),
    currency: row.currency,
    billingAddress: present(row.billing_address),
    shippingAddress: present(row.shipping_address),
    billingContact: present(row.billing_contact),
    shippingContact: present(row.shipping_contact),
    poNumber: present(row.po_number),
    vatNumber: present(row.vat_number),
    registrationNumber: present(row.registration_number),
    defaultPaymentMethodId: present(row.default_payment_method_id),
    pendingEmail: present(row.pending_email),
    vatVerification:
      row.vat_status && row.vat_checked_at
        ? { status: row.vat_status, checkedAt: isoInstant(row.vat_checked_at) }
        : undefined,
    passwordIsTemporary: row.password_is_temporary,
    locked: row.locked,
    autoPay: row.auto_pay,
  });
  return { record, passwordHash: row.password_hash, passwordExpiresAt: row.password_expires_at };
}

export async function findCustomer(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredCustomer | undefined> {
  const { rows } = await q.query<CustomerRow>(
    `SELECT ${COLUMNS} FROM customers WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toStored(rows[0]) : undefined;
}

export async function findCustomerByEmail(q: Queryable, email: string): Promise<StoredCustomer | undefined> {
  const { rows } = await q.query<CustomerRow>(
    `SELECT ${COLUMNS} FROM customers WHERE lower(email) = lower($1)`,
    [email],
  );
  return rows[0] ? toStored(rows[0]) : undefined;
}

export async function listCustomers(q: Queryable): Promise<StoredCustomer[]> {
  const { rows } = await q.query<CustomerRow>(`SELECT ${COLUMNS} FROM customers ORDER BY seq`);
  return rows.map(toStored);
}

/**
 * Inside a transaction that acts on a password checked a moment ago (a sign-in, a change): true while the
 * customer still has that hash, that address and no lock, and the row then stays so until the transaction
 * ends (FOR SHARE). The hash was read before a slow scrypt; a reset, a change, an activation, a lock or an
 * email change that committed meanwhile (each updates this row first) must not be undone by what it replaced.
 */
export async function holdIfUnchanged(
  q: Queryable,
  customer: StoredCustomer,
  passwordHash: string,
): Promise<boolean> {
  const { rows } = await q.query(
    `SELECT 1 FROM customers
      WHERE id = $1 AND password_hash = $2 AND lower(email) = lower($3) AND NOT locked FOR SHARE`,
    [customer.record.id, passwordHash, customer.record.email],
  );
  return rows.length === 1;
}

/** Removes a temporary password (one emailed to an address the account no longer has); their own stays. */
export async function dropTemporaryPassword(q: Queryable, customerId: string): Promise<void> {
  await q.query(
    `UPDATE customers SET password_hash = NULL, password_is_temporary = FALSE, password_expires_at = NULL
      WHERE id = $1 AND password_is_temporary`,
    [customerId],
  );
}

export async function setPassword(
  q: Queryable,
  customerId: string,
  hash: string,
  temporary: { expiresAt: Date } | null,
): Promise<void> {
  await q.query(
    `UPDATE customers SET password_hash = $2, password_is_temporary = $3, password_expires_at = $4 WHERE id = $1`,
    [customerId, hash, temporary !== null, temporary?.expiresAt ?? null],
  );
}
