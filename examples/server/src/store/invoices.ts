import type { InvoiceRecord } from '../../../../src/rules/records.js';
import type { InvoiceKind, InvoiceNote } from '../../../../src/model/index.js';
import type { Queryable } from '../db/database.js';
import { compact, isoInstant, present } from './rows.js';

interface InvoiceRow {
  id: string;
  customer_id: string;
  number: string;
  kind: InvoiceKind;
  issue_date: string;
  due_date: string | null;
  currency: string;
  tax_name: string;
  tax_rate_basis_points: number;
  voided: boolean;
  refunded: boolean;
}

/**
 * A customer's invoices as the shared rules expect them. Only succeeded payments are attached: declined
 * attempts are recorded too, but they never count toward what was paid.
 */
export async function loadInvoices(
  q: Queryable,
  customerId: string,
  options: { invoiceId?: string; forUpdate?: boolean } = {},
): Promise<InvoiceRecord[]> {
  const params: unknown[] = [customerId];
  let where = 'customer_id = $1';
  if (options.invoiceId !== undefined) {
    params.push(options.invoiceId);
    where += ' AND id = $2';
  }
  const invoices = await q.query<InvoiceRow>(
    `SELECT id, customer_id, number, kind, issue_date, due_date, currency, tax_name, tax_rate_basis_points,
            voided, refunded
       FROM invoices WHERE ${where}${options.forUpdate ? ' FOR UPDATE' : ''}`,
    params,
  );
  if (invoices.rows.length === 0) return [];
  const ids = invoices.rows.map((row) => row.id);
  // Sequential on purpose: one transaction is one connection, and pg refuses overlapping queries on it.
  const lines = await q.query<{
    id: string;
    invoice_id: string;
    description: string;
    quantity: number;
    unit_price: number;
  }>(
    `SELECT id, invoice_id, description, quantity, unit_price FROM invoice_lines
        WHERE invoice_id = ANY($1::text[]) ORDER BY invoice_id, position`,
    [ids],
  );
  const payments = await q.query<{
    id: string;
    invoice_id: string;
    payment_method_id: string;
    amount: number;
    paid_at: Date;
  }>(
    `SELECT id, invoice_id, payment_method_id, amount, paid_at FROM payments
        WHERE invoice_id = ANY($1::text[]) AND outcome = 'succeeded' ORDER BY paid_at, seq`,
    [ids],
  );
  const notes = await q.query<{
    id: string;
    invoice_id: string;
    author: InvoiceNote['author'];
    author_name: string;
    body: string;
    created_at: Date;
  }>(
    `SELECT id, invoice_id, author, author_name, body, created_at FROM invoice_notes
        WHERE invoice_id = ANY($1::text[]) ORDER BY created_at, seq`,
    [ids],
  );
  return invoices.rows.map((row) =>
    compact({
      id: row.id,
      customerId: row.customer_id,
      number: row.number,
      kind: row.kind,
      issueDate: row.issue_date,
      dueDate: present(row.due_date),
      currency: row.currency,
      lines: lines.rows
        .filter((line) => line.invoice_id === row.id)
        .map((line) => ({
          id: line.id,
          description: line.description,
          quantity: line.quantity,
          unitPrice: line.unit_price,
        })),
      taxName: row.tax_name,
      taxRateBasisPoints: row.tax_rate_basis_points,
      voided: row.voided,
      refunded: row.refunded,
      payments: payments.rows
        .filter((payment) => payment.invoice_id === row.id)
        .map((payment) => ({
          id: payment.id,
          paidAt: isoInstant(payment.paid_at),
          paymentMethodId: payment.payment_method_id,
          amount: payment.amount,
        })),
      notes: notes.rows
        .filter((note) => note.invoice_id === row.id)
        .map((note) => ({
          id: note.id,
          author: note.author,
          authorName: note.author_name,
          body: note.body,
          createdAt: isoInstant(note.created_at),
        })),
    }),
  );
}

export async function insertInvoice(q: Queryable, invoice: InvoiceRecord, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO invoices (id, customer_id, number, kind, issue_date, due_date, currency, tax_name,
                           tax_rate_basis_points, voided, refunded, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      invoice.id,
      invoice.customerId,
      invoice.number,
      invoice.kind,
      invoice.issueDate,
      invoice.dueDate ?? null,
      invoice.currency,
      invoice.taxName,
      invoice.taxRateBasisPoints,
      invoice.voided,
      invoice.refunded,
      now,
    ],
  );
  for (const [position, line] of invoice.lines.entries()) {
    await q.query(
      `INSERT INTO invoice_lines (id, invoice_id, position, description, quantity, unit_price)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [line.id, invoice.id, position, line.description, line.quantity, line.unitPrice],
    );
  }
  for (const note of invoice.notes) {
    await q.query(
      `INSERT INTO invoice_notes (id, invoice_id, author, author_name, body, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [note.id, invoice.id, note.author, note.authorName, note.body, new Date(note.createdAt)],
    );
  }
}
