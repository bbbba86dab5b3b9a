import { QUICK_ORDER_TOKEN_PARAM } from '../../model/index.js';
import { ConformanceError, equal, ok, rejects, show } from './assert.js';
import { GRACE, type Register, type TestContext } from './context.js';

/** The token a hand-off URL carries, checked against the token answered beside it. */
function tokenInUrl(url: string, token: string): void {
  const parsed = new URL(url, 'https://relative.invalid');
  equal(parsed.searchParams.get(QUICK_ORDER_TOKEN_PARAM), token, `the URL's ${QUICK_ORDER_TOKEN_PARAM}`);
}

/** The merchant's server exchanging a token; the suite checks exchanges only when the harness can. */
function exchange(t: TestContext, token: string) {
  const exchangeToken = t.harness.exchangeQuickOrderToken;
  if (!exchangeToken) throw new ConformanceError('the harness has no exchangeQuickOrderToken');
  return exchangeToken(token);
}

export function contentTests(test: Register): void {
  test('lists the merchant’s pages without bodies and opens each by slug, before sign-in', async (t) => {
    const pages = await t.adapter.listPages();
    ok(pages.length > 0, 'listPages() lists the merchant’s pages');
    ok(
      pages.every((page) => !('html' in page)),
      `listPages() carries no bodies, got ${show(pages[0])}`,
    );
    ok(
      pages.some((page) => page.kind === 'policy') && pages.some((page) => page.kind === 'contact'),
      'the demo lists policies and a contact page',
    );
    for (const summary of pages) {
      const page = await t.adapter.getPage({ slug: summary.slug });
      equal(page.id, summary.id, `getPage(${summary.slug}).id`);
      equal(page.title, summary.title, `getPage(${summary.slug}).title`);
      ok(page.html.length > 0, `getPage(${summary.slug}) has a body`);
    }
    await rejects(t.adapter.getPage({ slug: 'no-such-page' }), 'not_found', 'getPage of an unknown slug');
    await rejects(t.adapter.getPage({ slug: 'Not A Slug!' }), 'validation', 'getPage of a malformed slug');
  });

  test('makes a single-use quick order token for the signed-in customer', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const settings = await adapter.getSettings();
    ok(settings.quickOrderUrl, 'the demo merchant has a quick order URL');
    const first = await adapter.createQuickOrderToken();
    tokenInUrl(first.url, first.token);
    const checkout = settings.quickOrderUrl.split(/[?#]/)[0];
    ok(first.url.startsWith(checkout), `the hand-off goes to the checkout ${checkout}, got ${first.url}`);
    const expiresIn = Date.parse(first.expiresAt) - Date.now();
    ok(expiresIn > 0 && expiresIn <= 5 * 60_000, `the token is short-lived, expires in ${expiresIn} ms`);
    const second = await adapter.createQuickOrderToken();
    ok(second.token !== first.token, 'each hand-off has its own token');
    if (!t.harness.exchangeQuickOrderToken) return;
    const customer = await exchange(t, first.token);
    equal(customer.customerCode, 'CUST-0001', 'the token is exchanged for Ada');
    equal(customer.email, 'ada@example.com', 'the exchange answers the customer’s email');
    await rejects(exchange(t, first.token), 'not_found', 'a token exchanged a second time');
    await rejects(exchange(t, 'not-a-token-the-backend-made'), 'not_found', 'a forged token');
    equal((await exchange(t, second.token)).customerCode, 'CUST-0001', 'the other token still works once');
  });

  test('hands each customer their own token, and none while signed out or with quick order off', async (t) => {
    const { adapter } = t;
    await t.signInByMagicLink(GRACE);
    const theirs = await adapter.createQuickOrderToken();
    await adapter.signOut();
    await rejects(adapter.createQuickOrderToken(), 'unauthorized', 'createQuickOrderToken while signed out');
    await t.signInAda();
    if (t.harness.exchangeQuickOrderToken) {
      equal(
        (await exchange(t, theirs.token)).customerCode,
        'CUST-0002',
        'a token made for Analytical Engines stays theirs, whoever is signed in now',
      );
    }
    await t.changeSettings((settings) => {
      delete settings.quickOrderUrl;
    });
    await rejects(adapter.createQuickOrderToken(), 'forbidden', 'createQuickOrderToken with no checkout URL');
  });
}
