import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildExample, launchBrowser, linkPackage, openPage, run, serve, signInAda } from './support.js';

/** examples/vue, as its README section shows it: vue-tsc, built with Vite, used in Chromium. */
describe('the Vue example', { timeout: 120_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'portal-vue-'));
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serve>>;

  before(async () => {
    linkPackage();
    await buildExample('vue', out);
    site = await serve(out);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('type-checks its templates against the package’s Vue types (GlobalComponents)', () => {
    run('npx', ['vue-tsc', '-p', 'examples/vue']);
  });

  it('works with the adapter kept in ref() (a reactive Proxy) and hands typed events to Vue', async () => {
    const { page, errors } = await openPage(browser, site.url);
    const list = page.getByRole('complementary').locator('portal-invoices');
    await list.getByText('Please sign in to continue.').waitFor();

    await signInAda(page);
    // The standalone list reads through the same proxied adapter, now signed in.
    const first = list.getByRole('rowheader').getByRole('button').first();
    await first.waitFor();
    const number = (await first.textContent())?.trim() ?? '';
    await first.click();
    await page.getByText(/The list chose invoice inv_/).waitFor();
    assert.ok(number, 'an invoice number was shown');

    await page
      .locator('portal-root')
      .getByRole('navigation')
      .getByRole('button', { name: 'Payment methods' })
      .click();
    await page.getByText('Section on show: paymentMethods').waitFor();
    assert.equal(await page.getByText('The billing service is unavailable').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
