import { Hono } from 'hono';
import { QUICK_ORDER_TOKEN_PARAM, QuickOrderCustomer } from '../../../../src/model/index.js';
import * as z from 'zod/mini';
import { isAccountOwner } from '../../../../src/rules/account-owner.js';
import type { AppContext } from '../context.js';
import { escapeHtml } from './outbox-page.js';

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Northwind Coffee Roasters</title><link rel="icon" href="/northwind-logo.png"><link rel="stylesheet" href="/store.css"></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}<p><a href="/">Back to the store</a></p></main></body>
</html>`;
}

/**
 * The demo store's checkout, the target of the portal's Quick order button (`quickOrderUrl:
 * '/demo/checkout'`). It does what a merchant's checkout does with the hand-off token: its server (this
 * handler) exchanges it over HTTP at the admin endpoint with the secret key, and signs in the person who
 * pressed the button (`signedInAs`), ordering for the account it was made for: a person an access rule lets
 * reach someone else's account is not its owner, so the account's `email` is not theirs to sign in as. The
 * token is single-use, so a reload or a shared link is refused.
 */
export function demoCheckoutRouter(app: AppContext): Hono {
  const router = new Hono();
  router.get('/checkout', async (c) => {
    // The token is in this page's URL: no Referer carries it on, and no cache keeps the page.
    c.header('referrer-policy', 'no-referrer');
    c.header('cache-control', 'no-store');
    c.header(
      'content-security-policy',
      "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'",
    );
    const token = c.req.query(QUICK_ORDER_TOKEN_PARAM);
    if (!token) {
      return c.html(page('Checkout', '<p>You are not signed in. Open the checkout from your account.</p>'));
    }
    const reply = await fetch(new URL('/portal-api/admin/quick-order-tokens/exchange', c.req.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${app.deps.merchantSecret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    const customer = reply.ok ? z.safeParse(QuickOrderCustomer, await reply.json()) : null;
    if (!customer?.success) {
      return c.html(
        page(
          'Checkout',
          '<p>This sign-in link has expired or was already used. Open the checkout again from your account.</p>',
        ),
        410,
      );
    }
    const { name, customerCode, email, signedInAs } = customer.data;
    const account = `${escapeHtml(name)} (${escapeHtml(customerCode)})`;
    const who = isAccountOwner({ email }, signedInAs)
      ? `Signed in as ${account}.`
      : `Signed in as ${escapeHtml(signedInAs)}, ordering for ${account}.`;
    return c.html(page('Checkout', `<p>${who}</p><p>Your basket is empty.</p>`));
  });
  return router;
}
