import {
  type InvoiceListQuery,
  type InvoicePage,
  type InvoiceSummary,
  matchesFilter,
} from '../model/index.js';
import { invalidField } from './errors.js';
import { toInvoiceSummary } from './mappers.js';
import type { InvoiceRecord } from './records.js';

/**
 * The invoice list's paging, newest first with keyset cursors: the cursor names the last row served, so
 * invoices added or paid between two pages neither repeat nor go missing.
 */

export const DEFAULT_PAGE_SIZE = 20;

/** Newest first: by issue date, then by number, then by id so that the order is total. */
export function compareInvoicesNewestFirst(a: InvoiceRecord, b: InvoiceRecord): number {
  if (a.issueDate !== b.issueDate) return a.issueDate < b.issueDate ? 1 : -1;
  if (a.number !== b.number) return a.number < b.number ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** An opaque list cursor: the position (issue date, number, id) of the last row served. */
export function encodeCursor(invoice: Pick<InvoiceRecord, 'issueDate' | 'number' | 'id'>): string {
  return btoa(JSON.stringify([invoice.issueDate, invoice.number, invoice.id]))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function decodeCursor(cursor: string): Pick<InvoiceRecord, 'issueDate' | 'number' | 'id'> {
  try {
    const [issueDate, number, id] = JSON.parse(
      atob(cursor.replace(/-/g, '+').replace(/_/g, '/')),
    ) as unknown[];
    if (typeof issueDate === 'string' && typeof number === 'string' && typeof id === 'string') {
      return { issueDate, number, id };
    }
  } catch {
    // fall through to the validation error
  }
  throw invalidField('cursor', 'unknown invoice list cursor');
}

/** Index of the first invoice that comes after `position` in newest-first order (binary search). */
function firstAfter(
  sorted: readonly InvoiceRecord[],
  position: Pick<InvoiceRecord, 'issueDate' | 'number' | 'id'>,
): number {
  // The comparison reads only the three position fields.
  const target = position as InvoiceRecord;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareInvoicesNewestFirst(sorted[middle], target) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** One page of `sorted` (a customer's invoices, newest first) for the query. */
export function invoicePage(
  sorted: readonly InvoiceRecord[],
  query: InvoiceListQuery,
  today: string,
): InvoicePage {
  const filter = query.filter ?? 'all';
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const start = query.cursor === undefined ? 0 : firstAfter(sorted, decodeCursor(query.cursor));
  const items: InvoiceSummary[] = [];
  let last: InvoiceRecord | undefined;
  let more = false;
  for (let index = start; index < sorted.length; index += 1) {
    const summary = toInvoiceSummary(sorted[index], today);
    if (!matchesFilter(summary.status, filter)) continue;
    if (items.length === limit) {
      more = true;
      break;
    }
    items.push(summary);
    last = sorted[index];
  }
  return { items, nextCursor: more && last ? encodeCursor(last) : null };
}
