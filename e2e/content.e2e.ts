import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage, signIn, useStack } from './support/stack.js';

/**
 * The merchant's pages, paying from the list and quick order on the demo store served by `npm start`,
 * under the storefront's strict Content-Security-Policy with Trusted Types enforced.
 */
const e2e = useStack();

const ADA = ['ada@example.com', 'correct-horse-battery-staple', 'Ada Lovelace'] as const;

/** Records every CSP / Trusted Types violation and whether any hostile payload ran. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record = window as unknown as { __violations: string[] };
    record.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      record.__violations.push(`${event.violatedDirective}: ${event.sample}`),
    );
  });
}

describe('content, pay from the list and quick order on the storefront', { timeout: 180_000 }, () => {
  it('a content page whose HTML carries a script, an inline handler and an iframe shows its text and runs nothing', async () => {
    const { page, errors } = await openPage(e2e.browser);
    await watchViolations(page);
    await signIn(page, e2e.stack, ...ADA);
    await page.getByRole('button', { name: 'Policies', exact: true }).click();
    await page.getByRole('button', { name: 'Roasting notes' }).click();
    await page.getByRole('heading', { name: 'Roasting notes' }).waitFor();
    await page.locator('portal-content').getByText('Ethiopia Guji', { exact: true }).waitFor();
    await page.getByText('Brew it at 94 °C for the brightest cup.').click();
    await page.getByText('Best within a month of roasting.').waitFor();
    const body = page.locator('portal-content [part="body"]');
    assert.equal(await body.locator('script, iframe, [onclick], [style]').count(), 0, 'nothing active kept');
    assert.equal(await page.locator('iframe').count(), 0, 'no frame anywhere on the page');
    assert.equal(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
      undefined,
      'no payload ran',
    );
    assert.deepEqual(
      await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
      [],
      'no CSP or Trusted Types violation',
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('Ada pays INV-1008 from its row', async () => {
    const { page, errors } = await openPage(e2e.browser);
    await signIn(page, e2e.stack, ...ADA);
    await page.getByRole('button', { name: 'Invoices', exact: true }).click();
    const row = page.getByRole('row', { name: /INV-1008/ });
    await row.getByRole('button', { name: 'Pay', exact: true }).click();
    await page.getByRole('button', { name: 'Review payment' }).click();
    await page.getByRole('heading', { name: 'Review your payment' }).waitFor();
    await page.getByRole('button', { name: 'Pay $142.50' }).click();
    await page.getByRole('heading', { name: 'Payment received' }).waitFor();
    await page.getByText('$142.50 was paid on INV-1008. Thank you.', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Back to invoices' }).click();
    await row.getByText('Paid').waitFor();
    assert.equal(
      await row.getByRole('button', { name: 'Pay', exact: true }).count(),
      0,
      'nothing left to pay',
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('Quick order hands Ada to the checkout signed in, once', async () => {
    const { page, errors } = await openPage(e2e.browser);
    await signIn(page, e2e.stack, ...ADA);
    await page.getByRole('button', { name: 'Quick order' }).click();
    await page.waitForURL(/\/demo\/checkout\?portal_handoff=/);
    await page.getByText('Signed in as Ada Lovelace (CUST-0001).').waitFor();
    await page.reload();
    await page.getByText('This sign-in link has expired or was already used.').waitFor();
    assert.deepEqual(
      errors.filter((each) => !/410/.test(each)),
      [],
      'no error but the refused reuse',
    );
    await page.close();
  });
});
