import type { Catalog } from '../../core/i18n/index.js';

/**
 * The English messages of `<portal-invoices>`: the list of invoices and orders. They ship in the element's own code; their shape is
 * the `InvoicesMessages` type the other languages must fill, so a missing translation is a type error.
 */
export const en = {
  caption: 'Invoices and orders, newest first',
  filterLabel: 'Show',
  filters: {
    all: 'All',
    outstanding: 'Outstanding',
    paid: 'Paid',
  },
  columns: {
    number: 'Number',
    kind: 'Type',
    issueDate: 'Issued',
    dueDate: 'Due',
    total: 'Total',
    amountDue: 'Amount due',
    status: 'Status',
  },
  empty: {
    all: 'No invoices yet',
    outstanding: 'Nothing to pay — you’re all caught up',
    paid: 'No paid invoices yet',
  },
  loadingMore: 'Loading more…',
  shown: (count: number, formatted: string) => (count === 1 ? 'Showing 1 row' : `Showing ${formatted} rows`),
  added: (count: number, formatted: string) =>
    count === 1 ? 'Loaded 1 more row.' : `Loaded ${formatted} more rows.`,
  updated: 'The list of invoices was updated.',
};

export type InvoicesMessages = Catalog<typeof en>;
