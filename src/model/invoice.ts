import * as z from 'zod/mini';
import { Id, IsoDate, IsoDateTime, ShortText, StorableText } from './common.js';
import { Money } from './money.js';
import { PaymentMethodBrief } from './payment-method.js';

export const InvoiceKind = z.enum(['invoice', 'order']);
export type InvoiceKind = z.infer<typeof InvoiceKind>;

export const InvoiceStatus = z.enum(['open', 'overdue', 'partially_paid', 'paid', 'void', 'refunded']);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

/** The list filter: everything, what still has something to pay, or what is settled. */
export const InvoiceFilter = z.enum(['all', 'outstanding', 'paid']);
export type InvoiceFilter = z.infer<typeof InvoiceFilter>;

export const OUTSTANDING_STATUSES: readonly InvoiceStatus[] = ['open', 'overdue', 'partially_paid'];

export function matchesFilter(status: InvoiceStatus, filter: InvoiceFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'outstanding') return OUTSTANDING_STATUSES.includes(status);
  return status === 'paid' || status === 'refunded';
}

/** One row of the invoice list. */
export const InvoiceSummary = z.object({
  id: Id,
  number: ShortText,
  kind: InvoiceKind,
  status: InvoiceStatus,
  issueDate: IsoDate,
  dueDate: z.optional(IsoDate),
  total: Money,
  amountPaid: Money,
  amountDue: Money,
});
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;

export const InvoiceLine = z.object({
  id: Id,
  description: ShortText,
  quantity: z.int().check(z.positive()),
  unitPrice: Money,
  amount: Money,
});
export type InvoiceLine = z.infer<typeof InvoiceLine>;

export const TaxLine = z.object({
  name: ShortText,
  /** Rate in basis points (825 = 8.25 %). */
  rateBasisPoints: z.int().check(z.nonnegative()),
  amount: Money,
});
export type TaxLine = z.infer<typeof TaxLine>;

export const InvoicePayment = z.object({
  id: Id,
  paidAt: IsoDateTime,
  /** The backend's label ("Visa •••• 4242"), shown when `method` is absent. */
  methodLabel: ShortText,
  method: z.optional(PaymentMethodBrief),
  amount: Money,
});
export type InvoicePayment = z.infer<typeof InvoicePayment>;

export const NoteBody = StorableText.check(z.trim(), z.minLength(1), z.maxLength(2000));

export const InvoiceNote = z.object({
  id: Id,
  author: z.enum(['merchant', 'customer']),
  authorName: ShortText,
  body: NoteBody,
  createdAt: IsoDateTime,
});
export type InvoiceNote = z.infer<typeof InvoiceNote>;

export const Invoice = z.extend(InvoiceSummary, {
  lines: z.array(InvoiceLine),
  subtotal: Money,
  taxes: z.array(TaxLine),
  tax: Money,
  payments: z.array(InvoicePayment),
  notes: z.array(InvoiceNote),
});
export type Invoice = z.infer<typeof Invoice>;

export const InvoiceListQuery = z.object({
  filter: z.optional(InvoiceFilter),
  cursor: z.optional(StorableText.check(z.maxLength(200))),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(100))),
});
export type InvoiceListQuery = z.infer<typeof InvoiceListQuery>;

export const InvoicePage = z.object({ items: z.array(InvoiceSummary), nextCursor: z.nullable(z.string()) });
export type InvoicePage = z.infer<typeof InvoicePage>;

export const NewInvoiceNote = z.object({ body: NoteBody });
export type NewInvoiceNote = z.infer<typeof NewInvoiceNote>;

export const DocumentLink = z.object({
  url: z.string().check(z.maxLength(2_000_000)),
  fileName: ShortText,
});
export type DocumentLink = z.infer<typeof DocumentLink>;

/**
 * An invoice's status is derived from what was recorded against it, never stored on its own:
 * void and refunded are explicit; otherwise nothing due is paid, past the due date is overdue,
 * something paid is partially paid, and the rest is open.
 */
export function deriveInvoiceStatus(invoice: {
  voided: boolean;
  refunded: boolean;
  total: number;
  amountPaid: number;
  dueDate?: string;
  today: string;
}): InvoiceStatus {
  if (invoice.voided) return 'void';
  if (invoice.refunded) return 'refunded';
  if (invoice.amountPaid >= invoice.total) return 'paid';
  if (invoice.dueDate !== undefined && invoice.dueDate < invoice.today) return 'overdue';
  if (invoice.amountPaid > 0) return 'partially_paid';
  return 'open';
}

/** Tax on a subtotal at a rate in basis points, rounded half up to the minor unit (integers only). */
export function taxOn(subtotal: number, rateBasisPoints: number): number {
  return Math.floor((subtotal * rateBasisPoints + 5000) / 10_000);
}
