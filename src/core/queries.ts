import { keys } from '../contract/keys.js';
import { type ReadName, readKey } from '../contract/operations.js';
import type { InvoiceListQuery } from '../model/index.js';
import type { QueryOptions } from './query.js';
import type { InputOf, OutputOf } from './store.js';

/**
 * A read as a query: the key it is cached under (from the operations table) and how to load it, side by
 * side, for `new QueryController(this, …)`. `input` answers null while there is nothing to ask yet (no
 * invoice chosen); the query then stays idle.
 */
export function query<N extends ReadName>(
  name: N,
  input: () => InputOf<N> | null,
): QueryOptions<OutputOf<N>> {
  return {
    key: () => {
      const value = input();
      return value === null ? null : readKey(name, value);
    },
    load: (store, options) => store.read(name, input() as InputOf<N>, options),
  };
}

/** The same query, idle while `condition` is false (the customer is not signed in yet). */
export function when<T>(condition: () => boolean, options: QueryOptions<T>): QueryOptions<T> {
  return { key: () => (condition() ? options.key() : null), load: options.load };
}

const always = () => undefined;

/** Every read an element makes, declared once. */
export const queries = {
  /** Who is signed in; asking also records the answer as the store's session. */
  session: {
    key: () => keys.session,
    load: (store, options) => store.restoreSession(options),
  } satisfies QueryOptions<OutputOf<'getSession'>>,
  settings: query('getSettings', always),
  customer: query('getCustomer', always),
  summary: query('getBillingSummary', always),
  paymentMethods: query('listPaymentMethods', always),
  subscriptions: query('listSubscriptions', always),
  plans: query('listPlans', always),
  pages: query('listPages', always),
  /** The billing accounts the signed-in person may switch between. */
  accounts: query('listAccounts', always),
  /** One of the merchant's pages, with its body, by the slug the element shows (none: idle). */
  page: (slug: () => string | null | undefined) =>
    query('getPage', () => {
      const value = slug();
      return value ? { slug: value } : null;
    }),
  /** One invoice, by the id the element shows (none: idle). */
  invoice: (id: () => string | null | undefined) =>
    query('getInvoice', () => {
      const value = id();
      return value ? { id: value } : null;
    }),
  /** One page of invoices. */
  invoices: (list: () => InvoiceListQuery | null) => query('listInvoices', list),
};
