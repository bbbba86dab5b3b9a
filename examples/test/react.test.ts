import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildExample, launchBrowser, linkPackage, openPage, run, serve, signInAda } from './support.js';

/** examples/react, as its README section shows it: type-checked, built with Vite, used in Chromium. */
describe('the React example', { timeout: 120_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'portal-react-'));
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serve>>;

  before(async () => {
    linkPackage();
    await buildExample('react', out);
    site = await serve(out);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('type-checks against the package’s React types (JSX tags, properties, event details)', () => {
    run('npx', ['tsc', '-p', 'examples/react']);
  });

  it('renders the portal and a standalone element sharing one adapter, and hands their typed events to React', async () => {
    const { page, errors } = await openPage(browser, site.url);
    // Nobody signed in yet: the standalone summary asks for a sign-in, with nothing to retry.
    const summary = page.getByRole('complementary').locator('portal-summary');
    await summary.getByText('Please sign in to continue.').waitFor();
    assert.equal(await summary.getByRole('button').count(), 0);

    await signInAda(page);
    await summary.getByText('Outstanding balance').waitFor();
    // The summary's event reaches React's handler, which cancels it and shows what was asked.
    await summary.getByRole('button', { name: 'Manage payment methods' }).click();
    await page.getByText('The summary asked for: paymentMethods').waitFor();
    // The root's own navigation, and its `portal-section` event into React state.
    await page
      .locator('portal-root')
      .getByRole('navigation')
      .getByRole('button', { name: 'Invoices' })
      .click();
    await page.getByText('Section on show: invoices').waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });
});
