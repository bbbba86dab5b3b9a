import { PGlite } from '@electric-sql/pglite';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openPage, signIn, useStack } from './support/stack.js';

/**
 * A payment whose answer was lost, then a page reload: the portal keeps the request's idempotency key in
 * sessionStorage, asks the server what became of it, and shows the real outcome — never a second charge,
 * never "paid" without the server's word. The charges are counted in the server's own database.
 */
const e2e = useStack();

const ADA = ['ada@example.com', 'correct-horse-battery-staple', 'Ada Lovelace'] as const;

describe('a lost payment answer survives a page reload', { timeout: 180_000 }, () => {
  it('Ada pays, the answer is lost, she reloads, opens the invoice again and sees her receipt', async () => {
    const { page, errors } = await openPage(e2e.browser);
    await signIn(page, e2e.stack, ...ADA);
    await page.getByRole('button', { name: 'Invoices', exact: true }).click();
    await page.getByRole('button', { name: 'INV-1009' }).click();
    await page.getByRole('button', { name: 'Pay this invoice' }).click();
    await page.getByRole('button', { name: 'Review payment' }).click();
    await page.getByRole('heading', { name: 'Review your payment' }).waitFor();

    // The server takes the first attempt and charges; its answer, and every automatic retry, never
    // come back to the browser.
    const keys: string[] = [];
    await page.route('**/portal-api/invoices/*/payments', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length === 1) await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Pay $71.99' }).click();
    await page.getByRole('heading', { name: 'We could not confirm your payment' }).waitFor();
    assert.ok(keys.length >= 1 && new Set(keys).size === 1, 'every attempt carried one key');
    await page.unroute('**/portal-api/invoices/*/payments');

    const payments: string[] = [];
    const lookups: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.method() === 'POST' && url.pathname.endsWith('/payments')) payments.push(url.pathname);
      if (url.pathname.startsWith('/portal-api/intents/')) lookups.push(url.pathname);
    });
    errors.length = 0; // the dropped connections were reported; what follows must be clean
    await page.reload();
    await page.getByText('Signed in as Ada Lovelace').waitFor();
    await page.getByRole('button', { name: 'Invoices', exact: true }).click();
    await page.getByRole('button', { name: 'INV-1009' }).click();
    await page.getByRole('heading', { name: 'Payment received' }).waitFor();
    await page.getByText('$71.99 was paid on INV-1009. Thank you.', { exact: true }).waitFor();
    assert.deepEqual(lookups, [`/portal-api/intents/${keys[0]}`], 'asked once, by the lost key');
    assert.deepEqual(payments, [], 'nothing was sent again');
    assert.deepEqual(errors, []);
    await page.close();

    await e2e.stack.stop();
    const db = new PGlite(e2e.stack.dataDir);
    try {
      const { rows } = await db.query<{ charges: number }>(
        `SELECT count(p.id)::int AS charges FROM invoices i
           JOIN payments p ON p.invoice_id = i.id AND p.outcome = 'succeeded'
          WHERE i.customer_id = 'cus_ada' AND i.number = 'INV-1009'`,
      );
      assert.equal(rows[0].charges, 1, 'INV-1009 was charged exactly once');
    } finally {
      await db.close();
    }
  });
});
