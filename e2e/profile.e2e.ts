import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { openPage, outbox, signIn, useStack } from './support/stack.js';

/**
 * Customers keep their own details on the demo store served by `npm start`, on the reference server's
 * database, under the storefront's strict CSP with Trusted Types.
 */
const e2e = useStack();

async function openProfile(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Profile', exact: true }).click();
  await page.locator('portal-profile form').first().waitFor();
}

/** The profile's form headed `heading`. */
function form(page: Page, heading: string): Locator {
  return page.locator('portal-profile form').filter({ has: page.getByRole('heading', { name: heading }) });
}

describe('profile journeys', () => {
  it('Ada edits her billing address and it survives a reload', async () => {
    const { page, errors } = await openPage(e2e.browser);
    await signIn(page, e2e.stack, 'ada@example.com', 'correct-horse-battery-staple', 'Ada Lovelace');
    await openProfile(page);
    const addresses = form(page, 'Addresses and contacts');
    const line1 = addresses.getByLabel('Address', { exact: true });
    assert.equal(await line1.inputValue(), '12 Analytical Row');
    await line1.fill('1 Dock Street');
    await addresses.getByLabel('ZIP code').fill('97209');
    await addresses.getByRole('button', { name: 'Save addresses and contacts' }).click();
    await addresses.getByText('Your changes were saved.').waitFor();

    await page.reload();
    await page.getByText('Signed in as Ada Lovelace').waitFor();
    await openProfile(page);
    const again = form(page, 'Addresses and contacts');
    assert.equal(await again.getByLabel('Address', { exact: true }).inputValue(), '1 Dock Street');
    assert.equal(await again.getByLabel('ZIP code').inputValue(), '97209');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('a member of Analytical Engines enters a malformed VAT number, is told at the field, then saves a PO number', async () => {
    const { page, errors } = await openPage(e2e.browser);
    const member = 'charles@analytical.example';
    await page.goto(`${e2e.stack.url}/#account`);
    await page.getByLabel('Email').fill(member);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    const email = (await outbox(e2e.stack, member)).at(-1)!;
    const link = /https?:\/\/\S*portal-magic-token=[\w-]+/.exec(email.text)?.[0];
    assert.ok(link, 'the email holds a sign-in link');
    await page.goto(link);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Signed in as Analytical Engines Ltd').waitFor();
    await openProfile(page);

    const tax = form(page, 'Tax and purchasing details');
    const vat = tax.getByLabel('VAT number');
    assert.equal(await vat.inputValue(), 'FR40303265045');
    await vat.fill('FR123');
    await tax.getByRole('button', { name: 'Save tax details' }).click();
    await tax.getByText('Enter a VAT number like FR12345678901.').waitFor();
    assert.equal(await vat.getAttribute('aria-invalid'), 'true');
    assert.equal(await vat.inputValue(), 'FR123', 'what was typed stays');
    assert.ok(await vat.evaluate((input) => input === (input.getRootNode() as ShadowRoot).activeElement));

    await vat.fill('FR40303265045');
    await tax.getByLabel('Purchase order (PO) number').fill('PO-2027-01');
    await tax.getByRole('button', { name: 'Save tax details' }).click();
    await tax.getByText('Your changes were saved.').waitFor();
    await page.reload();
    await page.getByText('Signed in as Analytical Engines Ltd').waitFor();
    await openProfile(page);
    const after = form(page, 'Tax and purchasing details');
    assert.equal(await after.getByLabel('Purchase order (PO) number').inputValue(), 'PO-2027-01');
    assert.equal(await after.getByLabel('VAT number').inputValue(), 'FR40303265045');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
