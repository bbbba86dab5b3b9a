import { PortalError } from '../contract/errors.js';
import { QUICK_ORDER_TOKEN_PARAM, type PortalSettings } from '../model/index.js';
import { forbidden } from './errors.js';

/**
 * Quick order's policy, written once for both backends: a hand-off token lives two minutes (long enough
 * for a slow page load and a redirect, short enough that a URL left in a history or a log is useless),
 * is used once, and is only made when the merchant has set a checkout URL.
 */
export const QUICK_ORDER_TOKEN_SECONDS = 120;

/** The merchant's checkout URL, or `forbidden` when quick order is off (no URL set). */
export function requireQuickOrderUrl(settings: PortalSettings): string {
  if (!settings.quickOrderUrl)
    throw forbidden('quick order is turned off by the merchant (no quickOrderUrl)');
  return settings.quickOrderUrl;
}

/**
 * The checkout URL with the token appended; the merchant's own query and fragment stay. A path (`/checkout`)
 * stays a path: the browser resolves it on the page's own origin.
 */
export function handOffUrl(checkoutUrl: string, token: string): string {
  const relative = checkoutUrl.startsWith('/');
  const url = new URL(checkoutUrl, 'https://relative.invalid');
  url.searchParams.set(QUICK_ORDER_TOKEN_PARAM, token);
  return relative ? `${url.pathname}${url.search}${url.hash}` : url.href;
}

/** Unknown, used, expired and revoked tokens are refused alike: the answer reveals nothing about which. */
export function handOffRefused(): PortalError {
  return new PortalError('not_found', 'this quick order token is unknown, expired or already used');
}
