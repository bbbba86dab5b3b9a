import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage, signIn, useStack } from './support/stack.js';

/**
 * The merchant at the console served by `npm start` (/merchant, under the storefront's strict CSP with
 * Trusted Types), and what Ada then sees on the storefront.
 */
const e2e = useStack();

const STAFF = ['owner@northwind.example', 'northwind-console-demo'] as const;
const ADA = ['ada@example.com', 'correct-horse-battery-staple', 'Ada Lovelace'] as const;
const LOGO = resolve(import.meta.dirname, '../examples/storefront/northwind-logo.png');

async function signInToConsole(page: Page, section: string): Promise<void> {
  const response = await page.goto(`${e2e.stack.url}/merchant#${section}`);
  const policy = response?.headers()['content-security-policy'] ?? '';
  assert.match(policy, /require-trusted-types-for 'script'/, 'the console page enforces Trusted Types');
  await page.getByLabel('Email').fill(STAFF[0]);
  await page.getByLabel('Password', { exact: true }).fill(STAFF[1]);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByText('Signed in as Nora Northwind').waitFor();
}

describe('the merchant console', { timeout: 180_000 }, () => {
  it('the merchant turns off adding and removing cards, and Ada’s portal no longer offers either', async () => {
    const { page, errors } = await openPage(e2e.browser);
    await signInToConsole(page, 'settings');
    await page.getByLabel('Customers can add cards').uncheck();
    await page.getByLabel('Customers can remove cards').uncheck();
    // No card can be added or removed any more, so "keep one on file" has nothing left to guard.
    await page.getByLabel('Keep at least one card on file').uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').first().waitFor();
    // A reload keeps the section (the hash) and shows what the server saved.
    await page.reload();
    await page.getByLabel('Customers can add cards').waitFor();
    assert.equal(await page.getByLabel('Customers can add cards').isChecked(), false);
    assert.deepEqual(errors, []);

    const ada = await openPage(e2e.browser);
    await signIn(ada.page, e2e.stack, ...ADA);
    await ada.page.getByRole('button', { name: 'Payment methods', exact: true }).click();
    await ada.page.locator('portal-payment-methods .method').first().waitFor();
    assert.equal(await ada.page.getByRole('button', { name: 'Add a card' }).count(), 0);
    assert.equal(await ada.page.getByRole('button', { name: /^Remove (Visa|Mastercard)/ }).count(), 0);
    assert.deepEqual(ada.errors, []);
    await page.close();
    await ada.page.close();
  });

  it('the merchant sets a new theme colour and uploads a PNG logo, and the storefront’s portal shows them', async () => {
    const { page, errors } = await openPage(e2e.browser);
    await signInToConsole(page, 'branding');
    const colour = page.getByLabel('Theme colour', { exact: true });
    await colour.fill('#7c3aed');
    await page.getByRole('button', { name: 'Save branding' }).click();
    await page.getByText('Branding saved.').first().waitFor();
    await page.getByLabel('Logo file').setInputFiles(LOGO);
    await page.getByRole('img', { name: 'The logo you chose, not uploaded yet' }).waitFor();
    await page.getByRole('button', { name: 'Upload logo' }).click();
    await page.getByRole('status').filter({ hasText: 'Logo uploaded.' }).waitFor();
    const uploaded = await page.getByRole('img', { name: 'The current logo' }).getAttribute('src');
    assert.match(uploaded ?? '', /\/branding\/logo\//, 'the server serves its re-encoded copy');
    assert.deepEqual(errors, []);

    const ada = await openPage(e2e.browser);
    await signIn(ada.page, e2e.stack, ...ADA);
    const portal = ada.page.locator('portal-root');
    const primary = await portal.evaluate((el) =>
      getComputedStyle(el).getPropertyValue('--portal-color-primary'),
    );
    assert.equal(primary.trim(), '#7c3aed');
    const logo = portal.locator('img[part="logo"]');
    assert.equal(await logo.getAttribute('src'), new URL(uploaded!, e2e.stack.url).href);
    assert.ok(
      await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      'the uploaded logo loads',
    );
    assert.deepEqual(ada.errors, []);
    await page.close();
    await ada.page.close();
  });
});
