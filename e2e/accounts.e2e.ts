import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { AccessLogPage } from '../src/model/index.js';
import { openPage, outbox, useStack } from './support/stack.js';

/**
 * Several billing accounts per person: grace@example.net is granted on Analytical Engines Ltd and on Ada
 * Lovelace's account (demo data). She signs in once, chooses an account, and switches to the other one
 * without signing out; each shows its own invoices only.
 */
const e2e = useStack();
const GRACE = 'grace@example.net';

/** Waits for `shown` in the invoice list, then counts how often `absent` is in it too. */
async function invoicesShow(page: Page, shown: string, absent: string): Promise<number> {
  const list = page.locator('portal-invoices');
  await list.getByText(shown).first().waitFor();
  return list.getByText(absent).count();
}

describe('several billing accounts per person', { timeout: 180_000 }, () => {
  it('Grace chooses Analytical Engines, sees its invoices, then switches to Ada’s account without signing out', async () => {
    const { page, errors } = await openPage(e2e.browser);
    await page.goto(`${e2e.stack.url}/#account`);
    await page.getByLabel('Email').fill(GRACE);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    const link = /https?:\/\/\S*portal-magic-token=[\w-]+/.exec(
      (await outbox(e2e.stack, GRACE)).at(-1)!.text,
    )?.[0];
    assert.ok(link, 'the email holds a sign-in link');
    await page.goto(link);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { name: 'Choose a billing account' }).waitFor();
    await page.getByRole('button', { name: /^Ada Lovelace Customer code CUST-0001$/ }).waitFor();
    assert.equal(await page.locator('portal-root .account-choice').count(), 2, 'both accounts offered');
    // The chooser's code and styles are fetched for her (chunks/accounts-…): the styles apply under the
    // storefront's strict CSP (a constructable stylesheet, no inline style).
    assert.equal(
      await page
        .locator('portal-root .account-choice')
        .first()
        .evaluate((el) => getComputedStyle(el).display),
      'grid',
    );
    await page.getByRole('button', { name: /^Analytical Engines Ltd Customer code CUST-0002/ }).click();
    await page.getByText('Account: Analytical Engines Ltd').waitFor();
    await page.getByRole('button', { name: 'Invoices', exact: true }).click();
    assert.equal(await invoicesShow(page, 'INV-0301', 'INV-1009'), 0, 'none of Ada’s invoices');

    await page.getByRole('button', { name: 'Switch account' }).click();
    await page.getByRole('button', { name: /^Ada Lovelace Customer code CUST-0001/ }).click();
    await page.getByText('Account: Ada Lovelace').waitFor();
    assert.equal(await invoicesShow(page, 'INV-1009', 'INV-0301'), 0, 'none of Analytical Engines’');
    assert.equal(await page.locator('portal-login').count(), 0, 'never signed out');

    // The merchant's access log names the account each step chose.
    const logs = await fetch(`${e2e.stack.url}/portal-api/admin/access-logs?limit=5`, {
      headers: { authorization: 'Bearer sk_test_northwind' },
    });
    const entries = ((await logs.json()) as AccessLogPage).items;
    assert.deepEqual(
      entries.slice(0, 2).map((entry) => `${entry.method} ${entry.customerCode} ${entry.email}`),
      // Analytical Engines was open already: choosing it moved nothing.
      [`account_switch CUST-0001 ${GRACE}`, `magic_link CUST-0002 ${GRACE}`],
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});
