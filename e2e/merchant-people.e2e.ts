import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage, outbox, useStack } from './support/stack.js';

/**
 * The merchant's people sections on the console served by `npm start` at /merchant, against the reference
 * server: locking Ada out and letting her back in with a reset email, and previewing her portal, which
 * cannot pay (neither from the page nor by calling the API with the preview's token).
 */
const e2e = useStack();

/** The demo's member of staff (`npm start` prints them). */
const STAFF = ['owner@northwind.example', 'northwind-console-demo'] as const;
const ADA = { email: 'ada@example.com', password: 'correct-horse-battery-staple', name: 'Ada Lovelace' };

/** Signs in to the console and opens its Customers section. */
async function openCustomers(page: Page): Promise<void> {
  await page.goto(`${e2e.stack.url}/merchant`);
  await page.getByLabel('Email').fill(STAFF[0]);
  await page.getByLabel('Password', { exact: true }).fill(STAFF[1]);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('link', { name: 'Customers', exact: true }).click();
  await page.locator('portal-console-customers tbody tr').first().waitFor();
}

/** Ada's row in the Customers section. */
function adaRow(page: Page) {
  return page.locator('portal-console-customers tbody tr', { hasText: 'CUST-0001' });
}

/** Presses one of Ada's actions and confirms it in the dialog. */
async function confirmAction(page: Page, action: string, confirm: string): Promise<void> {
  await adaRow(page).getByRole('button', { name: action, exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: confirm, exact: true }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

async function customerSignsIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${e2e.stack.url}/#account`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('the merchant console’s people sections', { timeout: 240_000 }, () => {
  it('the merchant locks Ada, who is told so on the storefront; reset-and-unlock emails her a reset link', async () => {
    const merchant = await openPage(e2e.browser);
    await openCustomers(merchant.page);
    assert.equal(await adaRow(merchant.page).locator('[part="badge"]').textContent().then(squash), 'Active');

    await confirmAction(merchant.page, 'Lock', 'Lock');
    await adaRow(merchant.page).locator('[part="badge"]', { hasText: 'Locked' }).waitFor();

    const ada = await openPage(e2e.browser);
    await customerSignsIn(ada.page, ADA.email, ADA.password);
    await ada.page.getByText('This account is locked').waitFor();

    const mailsBefore = (await outbox(e2e.stack, ADA.email)).length;
    await confirmAction(merchant.page, 'Reset password and unlock', 'Reset and unlock');
    await adaRow(merchant.page).locator('[part="badge"]', { hasText: 'Active' }).waitFor();
    let mails = await outbox(e2e.stack, ADA.email);
    for (let tries = 0; mails.length === mailsBefore && tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      mails = await outbox(e2e.stack, ADA.email);
    }
    // The unlock email is the reset: it carries a link to choose a new password.
    const reset = mails.slice(mailsBefore).find((mail) => /account is unlocked$/.test(mail.subject));
    assert.ok(
      reset,
      `the reset email arrived: ${JSON.stringify(mails.slice(mailsBefore).map((m) => m.subject))}`,
    );
    assert.match(reset.text, /Choose a new password/);
    assert.ok(reset.text.includes(e2e.stack.url), 'with a link to the storefront');

    assert.deepEqual(merchant.errors, []);
    await merchant.page.close();
    await ada.page.close();
  });

  it('the merchant previews Ada’s portal and cannot pay, from the page or by calling the API with the preview', async () => {
    const { page, errors } = await openPage(e2e.browser);
    await openCustomers(page);
    const paymentRequests: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET' && request.url().includes('/payments'))
        paymentRequests.push(request.url());
    });
    await adaRow(page).getByRole('button', { name: 'Preview as this customer' }).click();
    await page.getByRole('heading', { name: 'Previewing the portal as Ada Lovelace' }).waitFor();
    await page
      .getByText('Preview: you are seeing the portal as this customer does. Nothing can be changed.')
      .waitFor();
    await page.getByText(`Signed in as ${ADA.name}`).waitFor();

    // Paying is shown unavailable, and pressing it anyway opens nothing and sends nothing.
    const portal = page.locator('portal-console-customers portal-root');
    await portal.getByText('Signed in as Ada Lovelace').waitFor();
    await portal.getByRole('button', { name: 'Invoices', exact: true }).click();
    await portal.getByRole('button', { name: 'INV-1009' }).click();
    await portal
      .getByRole('heading', { name: /INV-1009/ })
      .first()
      .waitFor();
    // The merchant may walk the pay flow as Ada would see it, up to the confirmation, which is unavailable.
    await portal.getByRole('button', { name: 'Pay this invoice' }).click();
    await portal.getByRole('button', { name: 'Review payment' }).click();
    await portal.getByRole('heading', { name: 'Review your payment' }).waitFor();
    const pay = portal.getByRole('button', { name: /^Pay \$/ });
    assert.equal(await pay.getAttribute('aria-disabled'), 'true');
    await pay.click({ force: true });
    await portal.getByRole('heading', { name: 'Review your payment' }).waitFor();
    assert.equal(await portal.getByRole('heading', { name: 'Payment received' }).count(), 0);
    assert.deepEqual(paymentRequests, []);

    // The preview's token cannot pay either: the backend refuses it.
    const token = await page.locator('portal-console-customers portal-root').getAttribute('session-token');
    assert.ok(token);
    const response = await fetch(`${e2e.stack.url}/portal-api/invoices/inv_ada_1009/payments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        invoiceId: 'inv_ada_1009',
        allocations: [{ paymentMethodId: 'pm_ada_visa', amount: { amount: 100, currency: 'USD' } }],
        idempotencyKey: 'people-e2e-preview-pay-0001',
      }),
    });
    assert.equal(response.status, 403);
    assert.match(await response.text(), /This is a preview/);

    await page.getByRole('button', { name: 'Close preview' }).click();
    await adaRow(page).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });
});

function squash(value: string | null): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}
