import { PGlite } from '@electric-sql/pglite';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage, signIn, useStack } from './support/stack.js';

/**
 * Ada manages her cards on the demo store served by `npm start`: the card number is typed into the
 * test-mode fields served from the card fields origin (PORT + 1), and it must never reach the store's
 * page, the portal API or the database — only the provider's token does.
 */
const e2e = useStack();

const ADA = ['ada@example.com', 'correct-horse-battery-staple', 'Ada Lovelace'] as const;
const AMEX = '378282246310005';
/** The number as typed and as the fields format it ("3782 822463 10005"). */
const AMEX_SHAPES = [AMEX, '3782 822463 10005', '822463'];

/**
 * Every text, attribute and field value on the host page, shadow roots included (never the cross-origin
 * frame). A string, not a function: tsx's compiled helpers do not exist inside the page.
 */
const HOST_PAGE_TEXT = `(() => {
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof HTMLInputElement) parts.push(node.value);
    if (node instanceof Element) {
      for (const attribute of node.attributes) parts.push(attribute.value);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    node.childNodes.forEach(walk);
  };
  walk(document.documentElement);
  return parts.join('\\n');
})()`;

/** Wraps the page's fetch before any of its scripts run, keeping what each portal API request carries. */
const RECORD_API_BODIES = `(() => {
  const original = window.fetch;
  const bodies = [];
  Object.defineProperty(window, '__portalApiBodies', { value: bodies });
  window.fetch = function (input, init) {
    const request = new Request(input, init);
    if (request.url.includes('/portal-api/')) {
      bodies.push(request.clone().text().then((text) => request.method + ' ' + request.url + ' ' + text));
    }
    return original.call(this, request);
  };
})()`;

async function apiBodies(page: Page): Promise<string[]> {
  return page.evaluate<string[]>('Promise.all(window.__portalApiBodies)');
}

function hostPageText(page: Page): Promise<string> {
  return page.evaluate<string>(HOST_PAGE_TEXT);
}

function assertNoCardNumber(where: string, text: string): void {
  for (const shape of AMEX_SHAPES) assert.ok(!text.includes(shape), `the card number appears in ${where}`);
}

/** What the element says about the last action, in its notice (the live region repeats it for screen readers). */
async function notice(page: Page, text: string): Promise<void> {
  await page.locator('portal-payment-methods [part="notice"]', { hasText: text }).waitFor();
}

async function openPaymentMethods(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Payment methods', exact: true }).click();
  await page.locator('portal-payment-methods .method').first().waitFor();
}

/** The methods as listed: label, details and badges of each row. */
async function listed(page: Page): Promise<string[]> {
  const rows = page.locator('portal-payment-methods .method .what');
  return (await rows.allTextContents()).map((row) => row.replace(/\s+/g, ' ').trim());
}

/** Every row of every table, as JSON text, read from the server's database once it has stopped. */
async function databaseText(): Promise<string> {
  await e2e.stack.stop();
  const db = new PGlite(e2e.stack.dataDir);
  try {
    const tables = await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    const dumps: string[] = [];
    for (const { name } of tables.rows) {
      const rows = await db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name}" t`);
      dumps.push(...rows.rows.map((each) => each.row));
    }
    return dumps.join('\n');
  } finally {
    await db.close();
  }
}

describe('payment methods on the storefront', { timeout: 180_000 }, () => {
  it('Ada adds an Amex through the cross-origin fields, makes it the default, removes her Mastercard, and a reload shows exactly that', async () => {
    const { page, errors } = await openPage(e2e.browser);
    // Every request body the page sends to the portal API, read where the page sends it: ky hands fetch a
    // Request whose body the browser's automation does not report.
    await page.addInitScript(RECORD_API_BODIES);
    await signIn(page, e2e.stack, ...ADA);
    await openPaymentMethods(page);

    await page.getByRole('button', { name: 'Add a card' }).click();
    const iframe = page.locator('portal-payment-methods iframe');
    await iframe.waitFor();
    const frameOrigin = new URL((await iframe.getAttribute('src')) ?? '').origin;
    assert.notEqual(frameOrigin, new URL(e2e.stack.url).origin, 'the fields come from another origin');
    const fields = page.frameLocator('portal-payment-methods iframe');
    await fields.locator('#number').pressSequentially(AMEX);
    await fields.locator('#expiry').pressSequentially('1230');
    await fields.locator('#cvc').pressSequentially('1234');
    assertNoCardNumber('the host page while typing', await hostPageText(page));

    await page.getByRole('button', { name: 'Save card' }).click();
    await notice(page, 'American Express ending in 0005 was added.');
    // Ada has an overdue invoice: the portal offers to pay it with the new card; not now.
    await page.getByRole('button', { name: 'Not now' }).click();

    await page.getByRole('button', { name: 'Make default: American Express ending in 0005' }).click();
    await notice(page, 'American Express ending in 0005 is now your default payment method.');

    await page.getByRole('button', { name: 'Remove Mastercard ending in 4444' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Mastercard ending in 4444?' });
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await notice(page, 'Mastercard ending in 4444 was removed.');

    const before = await apiBodies(page);
    await page.reload();
    await page.getByText('Signed in as Ada Lovelace').waitFor();
    await openPaymentMethods(page);
    const rows = await listed(page);
    assert.equal(rows.length, 3, rows.join(' | '));
    assert.match(rows[0], /^Visa ending in 4242 expires 08\/\d{4}$/);
    assert.equal(rows[1], 'American Express ending in 0005 expires 12/2030 Default');
    assert.equal(rows[2], 'Bank account ending in 6789 First Difference Bank · Checking');

    assertNoCardNumber('the host page', await hostPageText(page));
    const bodies = [...before, ...(await apiBodies(page))];
    assertNoCardNumber('a request to the portal API', bodies.join('\n'));
    assert.ok(
      bodies.some((body) => /\/payment-methods\/cards .*"token":\s*"tok_amex_/.test(body)),
      `the provider’s token is what was sent:\n${bodies.join('\n')}`,
    );
    assert.deepEqual(errors, []);
    await page.close();
    assertNoCardNumber('the database', await databaseText());
  });
});
