import * as z from 'zod/mini';
import { Email, Id, IsoDateTime, ShortText, StorableText } from './common.js';
import { CheckoutUrl } from './settings.js';

export const PageSlug = z.string().check(z.regex(/^[a-z0-9-]{1,64}$/));

/**
 * What the list of the merchant's pages carries: no body. A page's HTML (up to 200 KB each) comes with
 * `getPage`, only for the page a customer opens, so listing ten policies does not download ten policies.
 */
export const ContentPageSummary = z.object({
  id: Id,
  slug: PageSlug,
  kind: z.enum(['policy', 'contact', 'custom']),
  title: ShortText,
});
export type ContentPageSummary = z.infer<typeof ContentPageSummary>;

/** Merchant content: policies, contact information, custom pages. `html` is sanitized before display. */
export const ContentPage = z.extend(ContentPageSummary, {
  html: StorableText.check(z.maxLength(200_000)),
});
export type ContentPage = z.infer<typeof ContentPage>;

export const PageBySlug = z.object({ slug: PageSlug });
export type PageBySlug = z.infer<typeof PageBySlug>;

/**
 * Quick order: the merchant's checkout URL with a single-use hand-off token appended (`portal_handoff=`),
 * which the merchant's server exchanges for the customer (`POST /admin/quick-order-tokens/exchange`).
 */
export const QuickOrderHandOff = z.object({
  url: CheckoutUrl,
  token: z.string().check(z.minLength(16), z.maxLength(256)),
  expiresAt: IsoDateTime,
});
export type QuickOrderHandOff = z.infer<typeof QuickOrderHandOff>;

/** The query parameter the hand-off token travels in. */
export const QUICK_ORDER_TOKEN_PARAM = 'portal_handoff';

export const QuickOrderExchange = z.object({ token: z.string().check(z.minLength(1), z.maxLength(256)) });
export type QuickOrderExchange = z.infer<typeof QuickOrderExchange>;

/**
 * Who the token was made for: answered once, to the merchant's server. `customerId`, `customerCode`,
 * `name` and `email` describe the billing account; `email` is the account's address, not necessarily the
 * visitor's, because several people may reach one account (an access rule grants an address or a domain,
 * and `switchAccount` moves a session onto it). `signedInAs` is the address of the person who pressed Quick
 * order, recorded when the token was made: sign the visitor in to your store as `signedInAs`. It equals
 * `email` (compared case-insensitively) only when the account's owner asked; anyone else is a person the
 * account granted access, who may order for it but is not its owner.
 */
export const QuickOrderCustomer = z.object({
  customerId: Id,
  customerCode: ShortText,
  name: ShortText,
  /** The billing account's email address (its owner's sign-in), not necessarily the visitor's. */
  email: Email,
  /** The signed-in person who asked for the token: sign the visitor in as this address. */
  signedInAs: Email,
});
export type QuickOrderCustomer = z.infer<typeof QuickOrderCustomer>;
