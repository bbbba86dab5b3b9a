import { PGlite } from '@electric-sql/pglite';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage, signIn, useStack } from './support/stack.js';

/**
 * Money moving on the demo store served by `npm start`: Ada pays invoices through the portal, and the
 * charges are counted afterwards in the server's own database.
 */
const e2e = useStack();

const ADA = ['ada@example.com', 'correct-horse-battery-staple', 'Ada Lovelace'] as const;

async function openInvoice(page: Page, number: string): Promise<void> {
  await page.getByRole('button', { name: 'Invoices', exact: true }).click();
  await page.getByRole('button', { name: number }).click();
  await page
    .getByRole('heading', { name: new RegExp(`${number}`) })
    .first()
    .waitFor();
}

async function outstandingBalance(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Overview', exact: true }).click();
  const figure = page.locator('portal-summary [part~="balance"] [part~="value"]');
  await figure.waitFor();
  return (await figure.textContent())?.trim() ?? '';
}

/** Succeeded charges per invoice, read from the server's database once it has stopped. */
async function chargesInDatabase(): Promise<Record<string, number>> {
  await e2e.stack.stop();
  const db = new PGlite(e2e.stack.dataDir);
  try {
    const result = await db.query<{ number: string; charges: number }>(
      `SELECT i.number, count(p.id)::int AS charges FROM invoices i
       LEFT JOIN payments p ON p.invoice_id = i.id AND p.outcome = 'succeeded'
       WHERE i.customer_id = 'cus_ada' GROUP BY i.number`,
    );
    return Object.fromEntries(result.rows.map((row) => [row.number, row.charges]));
  } finally {
    await db.close();
  }
}

describe('paying invoices on the storefront', { timeout: 120_000 }, () => {
  it('Ada pays an open invoice split across her two cards, and after a reload it is still paid', async () => {
    const { page, errors } = await openPage(e2e.browser);
    await signIn(page, e2e.stack, ...ADA);
    const before = await outstandingBalance(page);
    assert.equal(before, '$348.31');
    await openInvoice(page, 'INV-1009');
    await page.getByRole('button', { name: 'Pay this invoice' }).click();
    await page.getByRole('button', { name: 'Split across payment methods' }).click();
    await page.getByLabel('Payment method 1').selectOption({ label: 'Visa ending in 4242' });
    await page.getByLabel('Amount 1 (USD)').fill('40.00');
    await page.getByLabel('Payment method 2').selectOption({ label: 'Mastercard ending in 4444' });
    await page.getByLabel('Amount 2 (USD)').fill('31.99');
    await page.getByText('Left to allocate: $0.00').waitFor();
    await page.getByRole('button', { name: 'Review payment' }).click();
    await page.getByRole('heading', { name: 'Review your payment' }).waitFor();
    await page.getByRole('button', { name: 'Pay $71.99' }).click();
    await page.getByRole('heading', { name: 'Payment received' }).waitFor();
    await page.getByText('$71.99 was paid on INV-1009. Thank you.', { exact: true }).waitFor();
    const receipt = page.locator('portal-pay-invoice');
    for (const [method, amount] of [
      ['Visa ending in 4242', '$40.00'],
      ['Mastercard ending in 4444', '$31.99'],
    ]) {
      const line = receipt.getByRole('row', { name: new RegExp(method) });
      const text = ((await line.textContent()) ?? '').replace(/\s+/g, ' ').trim();
      assert.equal(text, `${method} ${amount} Charged`);
    }

    await page.reload();
    await page.getByText('Signed in as Ada Lovelace').waitFor();
    assert.equal(await outstandingBalance(page), '$276.32', 'the balance is lower by $71.99');
    await page.getByRole('button', { name: 'Invoices', exact: true }).click();
    const row = page.getByRole('row', { name: /INV-1009/ });
    await row.getByText('Paid').waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('charges once when the customer double-clicks Pay', async () => {
    const { page } = await openPage(e2e.browser);
    await signIn(page, e2e.stack, ...ADA);
    await openInvoice(page, 'INV-1008');
    await page.getByRole('button', { name: 'Pay this invoice' }).click();
    await page.getByRole('button', { name: 'Review payment' }).click();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/payments')) requests.push(request.url());
    });
    await page.getByRole('button', { name: 'Pay $142.50' }).dblclick();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Payment received' }).waitFor();
    assert.equal(requests.length, 1, 'one payment request for one intent');
    await page.close();
  });

  it('charges once when the connection drops after the server took the payment, and the retry replays it', async () => {
    const { page } = await openPage(e2e.browser);
    await signIn(page, e2e.stack, ...ADA);
    await openInvoice(page, 'INV-1007');
    await page.getByRole('button', { name: 'Pay this invoice' }).click();
    await page.getByRole('button', { name: 'Review payment' }).click();
    const keys: string[] = [];
    let dropped = false;
    await page.route('**/portal-api/invoices/*/payments', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (dropped) return route.continue();
      dropped = true;
      await route.fetch(); // the server records the charge…
      await route.abort('connectionreset'); // …and the answer never reaches the browser
    });
    await page.getByRole('button', { name: 'Pay $133.82' }).click();
    await page.getByRole('heading', { name: 'Payment received' }).waitFor();
    assert.ok(keys.length >= 2, 'the payment request was retried');
    assert.equal(new Set(keys).size, 1, 'every attempt carried the same idempotency key');
    await page.close();
  });

  it('counts exactly one charge per allocation in the database', async () => {
    const charges = await chargesInDatabase();
    assert.equal(charges['INV-1009'], 2, 'the split: one charge per card');
    assert.equal(charges['INV-1008'], 1, 'the double click: one charge');
    assert.equal(charges['INV-1007'], 2, 'the dropped connection: the earlier payment plus one');
  });
});
