import type { InvoiceListQuery } from '../model/index.js';

/**
 * Store keys. A key names one cached read; the operations table says which key each read is cached
 * under and which keys each mutation invalidates. A target ending in ':' names a family ("invoices:" is
 * every invoice list). Here, in the contract layer, so the operations table can use them.
 */
export const keys = {
  session: 'session',
  settings: 'settings',
  customer: 'customer',
  summary: 'summary',
  /** The family of every invoice list, whatever its filter, size or page. */
  invoiceLists: 'invoices:',
  invoices: (query: InvoiceListQuery = {}) =>
    `invoices:${query.filter ?? 'all'}:${query.limit ?? ''}:${query.cursor ?? ''}`,
  invoice: (id: string) => `invoice:${id}`,
  paymentMethods: 'payment-methods',
  subscriptions: 'subscriptions',
  plans: 'plans',
  pages: 'pages',
  /** One of the merchant's pages, with its body. */
  page: (slug: string) => `page:${slug}`,
  /** The billing accounts the signed-in person may switch between. */
  accounts: 'accounts',
  /** The family of every single invoice (not the lists, which are `invoices:`). */
  invoiceDetails: 'invoice:',
} as const;

/**
 * Whether invalidating `target` touches the read under `key`: a target ending in ':' names a family
 * ("invoices:" is every list), any other target names one read exactly ("invoice:inv_100" is not
 * "invoice:inv_1001").
 */
export function touches(key: string, target: string): boolean {
  return target.endsWith(':') ? key.startsWith(target) : key === target;
}
