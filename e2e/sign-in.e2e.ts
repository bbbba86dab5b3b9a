import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openPage, outbox, useStack } from './support/stack.js';

/**
 * Sign-in journeys on the demo store served by `npm start` (storefront + bundle + reference server on
 * PGlite), driven like a customer would: fields and buttons found by role and accessible name.
 */
const e2e = useStack();

describe('signing in on the storefront', { timeout: 60_000 }, () => {
  it('Ada signs in with her password, in the merchant’s colour and logo', async () => {
    const { page, errors } = await openPage(e2e.browser);
    const response = await page.goto(`${e2e.stack.url}/#account`);
    const policy = response?.headers()['content-security-policy'] ?? '';
    assert.match(policy, /require-trusted-types-for 'script'/, 'the store page enforces Trusted Types');
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/, 'and allows no inline code or eval');
    const portal = page.locator('portal-root');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password', { exact: true }).fill('correct-horse-battery-staple');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Signed in as Ada Lovelace').waitFor();
    // The page sets no colour or logo of its own: both come from the merchant's branding settings.
    assert.equal(await portal.getAttribute('theme-color'), null);
    const primary = await portal.evaluate((el) =>
      getComputedStyle(el).getPropertyValue('--portal-color-primary'),
    );
    assert.equal(primary.trim(), '#0f766e');
    const logo = portal.locator('img[part="logo"]');
    assert.match((await logo.getAttribute('src')) ?? '', /^data:image\/png;base64,|\/branding\/logo\//);
    assert.ok(
      await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      'the logo loads',
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('a member of analytical.example signs in with a magic link that a mail scanner’s GET did not spoil', async () => {
    const { page, errors } = await openPage(e2e.browser);
    await page.goto(`${e2e.stack.url}/#account`);
    await page.getByLabel('Email').fill('grace@example.net');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    const email = (await outbox(e2e.stack, 'grace@example.net')).at(-1)!;
    const link = /https?:\/\/\S*portal-magic-token=[\w-]+/.exec(email.text)?.[0];
    assert.ok(link, 'the email holds a sign-in link');
    const scanned = await fetch(link, { redirect: 'follow' });
    assert.equal(scanned.status, 200, 'a scanner can open the link');
    await page.goto(link);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Signed in as Analytical Engines Ltd').waitFor();
    assert.ok(!page.url().includes('portal-magic-token'), 'the token leaves the address bar');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('a customer already signed in to the store gets in with a token the merchant minted, no second login', async () => {
    // The merchant's backend, with its secret key (the development default printed by npm start).
    const minted = await fetch(`${e2e.stack.url}/portal-api/admin/session-tokens`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk_test_northwind', 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: 'cus_ada' }),
    });
    assert.equal(minted.status, 200);
    const { token } = (await minted.json()) as { token: string };
    const { page, errors } = await openPage(e2e.browser);
    const apiRequests: { url: string; authorization?: string; cookie?: string }[] = [];
    page.on('request', (request) => {
      if (!request.url().includes('/portal-api/')) return;
      const headers = request.headers();
      apiRequests.push({ url: request.url(), authorization: headers.authorization, cookie: headers.cookie });
    });
    await page.goto(`${e2e.stack.url}/#account`);
    await page.getByLabel('Email').waitFor();
    // What the merchant's page template does for a signed-in shopper: <portal-root session-token="…">.
    await page
      .locator('portal-root')
      .evaluate((root, value) => root.setAttribute('session-token', value), token);
    await page.getByText('Signed in as Ada Lovelace').waitFor();
    assert.equal(await page.getByLabel('Password', { exact: true }).count(), 0, 'no sign-in form');
    const afterToken = apiRequests.filter((each) => each.authorization);
    assert.ok(afterToken.length > 0, 'requests carry the token');
    assert.ok(
      afterToken.every((each) => each.authorization === `Bearer ${token}` && !each.cookie),
      'bearer, no cookie',
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('new@example.com is made to change the temporary password', async () => {
    const { page } = await openPage(e2e.browser);
    await page.goto(`${e2e.stack.url}/#account`);
    await page.getByLabel('Email').fill('new@example.com');
    await page.getByLabel('Password', { exact: true }).fill('temp-password-123');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('New password', { exact: true }).fill('a-brand-new-passphrase');
    await page.getByLabel('Confirm new password').fill('a-brand-new-passphrase');
    await page.getByRole('button', { name: /save|change/i }).click();
    await page.getByText('Signed in as Mary Somerville').waitFor();
    await page.close();
  });

  it('locked@example.com is told the account is locked', async () => {
    const { page } = await openPage(e2e.browser);
    await page.goto(`${e2e.stack.url}/#account`);
    await page.getByLabel('Email').fill('locked@example.com');
    await page.getByLabel('Password', { exact: true }).fill('correct-horse-battery-staple');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('This account is locked').waitFor();
    await page.close();
  });

  it('keeps the data across a server restart', async () => {
    const { page } = await openPage(e2e.browser);
    await page.goto(`${e2e.stack.url}/#account`);
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password', { exact: true }).fill('correct-horse-battery-staple');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Signed in as Ada Lovelace').waitFor();
    // A change made through the API: Ada's company name.
    const changed = await page.evaluate(async () => {
      const response = await fetch('/portal-api/customer', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ company: 'Lovelace & Babbage' }),
      });
      return response.status;
    });
    assert.equal(changed, 200);
    await e2e.stack.restart();
    await page.reload();
    await page.getByText('Signed in as Ada Lovelace').waitFor();
    await page.getByText('Lovelace & Babbage').waitFor();
    await page.close();
  });
});
