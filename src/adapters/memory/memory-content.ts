import type {
  ContentPage,
  ContentPageSummary,
  PageBySlug,
  QuickOrderCustomer,
  QuickOrderHandOff,
  Session,
} from '../../model/index.js';
import { normalizeEmail } from '../../rules/access.js';
import { notFound } from '../../rules/errors.js';
import {
  QUICK_ORDER_TOKEN_SECONDS,
  handOffRefused,
  handOffUrl,
  requireQuickOrderUrl,
} from '../../rules/quick-order.js';
import { type MemoryState, randomToken } from './memory-state.js';

/** The merchant's pages without their bodies. */
export function listPages(state: MemoryState): ContentPageSummary[] {
  return state.data.pages.map(({ id, slug, kind, title }) => ({ id, slug, kind, title }));
}

export function getPage(state: MemoryState, { slug }: PageBySlug): ContentPage {
  const page = state.data.pages.find((each) => each.slug === slug);
  if (!page) throw notFound('page');
  return page;
}

/**
 * A hand-off token for the signed-in customer, kept until used or expired, with who is signed in: on an
 * account an access rule lets them reach, that is not the account's owner.
 */
export function createQuickOrderToken(state: MemoryState): QuickOrderHandOff {
  const customer = state.requireCustomer();
  const signedInAs = normalizeEmail((state.currentSession() as Session).email);
  const checkoutUrl = requireQuickOrderUrl(state.data.settings);
  const token = randomToken();
  const expiresAt = state.nowMs() + QUICK_ORDER_TOKEN_SECONDS * 1000;
  state.quickOrderTokens.set(token, { customerId: customer.id, signedInAs, expiresAt });
  return { url: handOffUrl(checkoutUrl, token), token, expiresAt: new Date(expiresAt).toISOString() };
}

/** The merchant's side: the customer a token was made for and who asked for it, once. */
export function exchangeQuickOrderToken(state: MemoryState, token: string): QuickOrderCustomer {
  const grant = state.quickOrderTokens.get(token);
  state.quickOrderTokens.delete(token);
  if (!grant || grant.expiresAt <= state.nowMs()) throw handOffRefused();
  const customer = state.customerById(grant.customerId);
  return {
    customerId: customer.id,
    customerCode: customer.code,
    name: customer.name,
    email: customer.email,
    signedInAs: grant.signedInAs,
  };
}
