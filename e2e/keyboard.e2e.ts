import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  activate,
  announced,
  assertFocusVisible,
  assertNoPointer,
  checkStep,
  chooseRadio,
  cutOff,
  tabIntoFrame,
  tabTo,
  trapPointer,
} from './support/a11y.js';
import { openPage, useStack } from './support/stack.js';

/**
 * Accessibility journeys on one `npm start` stack. Keyboard-only twins of the sign-in, pay, add-card and
 * cancel-a-subscription journeys, driven only with `page.keyboard`: a real pointer event in any frame
 * fails the journey; at every Tab stop the focus is visible; at every step axe finds no WCAG 2.2 A/AA
 * violation and every control is a 24 px target; outcomes and errors are read from live regions. Then
 * the 320 CSS px run (200 % zoom of a 640 px window): nothing of the overview, the invoices, an invoice
 * or paying it is cut off.
 */
const e2e = useStack();

/** A page with the pointer trap, on the store's account section, signed in by keyboard alone. */
async function signedIn(): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openPage(e2e.browser);
  await trapPointer(page);
  await page.goto(`${e2e.stack.url}/#account`);
  await tabTo(page, page.getByLabel('Email'));
  await page.keyboard.type('ada@example.com');
  await page.keyboard.press('Tab');
  await assertFocusVisible(page);
  await page.keyboard.type('correct-horse-battery-staple');
  await page.keyboard.press('Enter');
  await page.getByText('Signed in as Ada Lovelace').waitFor();
  return { page, errors };
}

/** Opens a section of the portal from its navigation by keyboard. */
async function openSection(page: Page, name: string): Promise<void> {
  await activate(page, page.getByRole('button', { name, exact: true }));
}

describe('keyboard only, no pointer at all', { timeout: 120_000 }, () => {
  it('signs in: a wrong password is announced, the right one lands on the account heading', async () => {
    const { page, errors } = await openPage(e2e.browser);
    await trapPointer(page);
    await page.goto(`${e2e.stack.url}/#account`);
    await page.getByLabel('Email').waitFor();
    await checkStep(page, 'sign-in form');

    await tabTo(page, page.getByLabel('Email'));
    await page.keyboard.type('ada@example.com');
    await tabTo(page, page.getByLabel('Password', { exact: true }));
    await page.keyboard.type('not-her-password');
    await activate(page, page.getByRole('button', { name: 'Sign in', exact: true }));
    await announced(page, 'password is incorrect');
    await checkStep(page, 'sign-in refused');

    await tabTo(page, page.getByLabel('Password', { exact: true }), { back: true });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('correct-horse-battery-staple');
    await page.keyboard.press('Enter');
    await page.getByText('Signed in as Ada Lovelace').waitFor();
    // The form is gone; the focus goes to the account's heading, which a screen reader reads out.
    const focused = await page.evaluate<string>(`(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el.localName + ' ' + el.textContent.trim();
    })()`);
    assert.match(focused, /^h2 /, `the focus is on the section heading, not ${focused}`);
    await checkStep(page, 'overview');
    // The browser logs the refused sign-in's 401 itself; nothing else may be logged.
    assert.deepEqual(
      errors.filter((error) => !error.includes('status of 401')),
      [],
    );
    await page.close();
  });

  it('pays an invoice: list, invoice, pay, review, receipt, each step announced', async () => {
    const { page, errors } = await signedIn();
    await openSection(page, 'Invoices');
    await page.getByRole('button', { name: 'View INV-1008' }).waitFor();
    await checkStep(page, 'invoices');

    await activate(page, page.getByRole('button', { name: 'View INV-1008' }));
    await page
      .getByRole('heading', { name: /INV-1008/ })
      .first()
      .waitFor();
    await checkStep(page, 'invoice');

    await activate(page, page.getByRole('button', { name: 'Pay this invoice' }));
    await page.getByRole('button', { name: 'Review payment' }).waitFor();
    await checkStep(page, 'pay');

    await activate(page, page.getByRole('button', { name: 'Review payment' }));
    await page.getByRole('heading', { name: 'Review your payment' }).waitFor();
    await checkStep(page, 'review');

    // Space, not Enter, presses this button: both must work for a keyboard user.
    await activate(page, page.getByRole('button', { name: 'Pay $142.50' }), ' ');
    await page.getByRole('heading', { name: 'Payment received' }).waitFor();
    await announced(page, '$142.50 was paid on INV-1008');
    await checkStep(page, 'receipt');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('adds a card: Tab moves into the provider’s frame, the number is typed there, the outcome is announced', async () => {
    const { page, errors } = await signedIn();
    await openSection(page, 'Payment methods');
    await page.getByRole('button', { name: 'Add a card' }).waitFor();
    await checkStep(page, 'payment methods');

    await activate(page, page.getByRole('button', { name: 'Add a card' }));
    const fields = page.frameLocator('portal-payment-methods iframe');
    await tabIntoFrame(page, fields, '#number');
    await page.keyboard.type('378282246310005');
    await page.keyboard.press('Tab');
    await assertFocusVisible(page);
    await page.keyboard.type('1230');
    await page.keyboard.press('Tab');
    await assertFocusVisible(page);
    await page.keyboard.type('1234');
    await checkStep(page, 'card details typed');

    await activate(page, page.getByRole('button', { name: 'Save card' }));
    await announced(page, 'American Express ending in 0005 was added.');
    await checkStep(page, 'card added');
    await page.getByRole('button', { name: 'Make default: American Express ending in 0005' }).waitFor();
    await assertNoPointer(page);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('keyboard only: subscriptions', { timeout: 120_000 }, () => {
  it("cancels Roaster's Choice at the period end with a reason, past the retention offer, and keeps it again", async () => {
    const plan = "Roaster's Choice Monthly";
    const { page, errors } = await signedIn();
    await openSection(page, 'Subscriptions');
    const cancel = page.getByRole('button', { name: `Cancel subscription ${plan}` });
    await cancel.waitFor();
    await checkStep(page, 'subscriptions');

    await activate(page, cancel);
    await page.getByText('Stay with us and get 20% off your next 3 renewals.').waitFor();
    await checkStep(page, 'retention offer');
    await activate(page, page.getByRole('button', { name: 'Continue cancelling' }));
    await chooseRadio(page, page.getByRole('radio', { name: 'It costs too much' }));
    await chooseRadio(page, page.getByRole('radio', { name: /^At the end of the period, on / }));
    await checkStep(page, 'reason and when');
    await activate(page, page.getByRole('button', { name: 'Continue', exact: true }));
    await page.getByRole('heading', { name: 'Confirm the cancellation' }).waitFor();
    await checkStep(page, 'confirm');

    await activate(page, page.getByRole('button', { name: 'Cancel subscription', exact: true }));
    await announced(page, `${plan} ends on`);
    await checkStep(page, 'cancelling');
    await activate(page, page.getByRole('button', { name: `Keep subscription ${plan}` }));
    await announced(page, `${plan} continues.`);
    await assertNoPointer(page);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('320 CSS px wide, 200 % zoom', { timeout: 120_000 }, () => {
  it('cuts nothing off on the overview, the invoices, an invoice and paying it (one method or split)', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 2 });
    const nothingCut = async (step: string) => assert.deepEqual(await cutOff(page), [], step);
    await page.goto(`${e2e.stack.url}/#account`);
    await page.getByLabel('Email').waitFor();
    await nothingCut('sign-in');
    // Not support's signIn: the narrow header hides its "Signed in as" line, which that helper waits for.
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password', { exact: true }).fill('correct-horse-battery-staple');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('portal-summary [part~="balance"] [part~="value"]').waitFor();
    await nothingCut('overview');
    await page.getByRole('button', { name: 'Invoices', exact: true }).click();
    await page.getByRole('button', { name: 'View INV-1009' }).waitFor();
    await nothingCut('invoices');
    await page.getByRole('button', { name: 'View INV-1009' }).click();
    await page.getByRole('button', { name: 'Pay this invoice' }).waitFor();
    await nothingCut('invoice');
    await page.getByRole('button', { name: 'Pay this invoice' }).click();
    await page.getByRole('button', { name: 'Review payment' }).waitFor();
    await nothingCut('pay');
    await page.getByRole('button', { name: 'Split across payment methods' }).click();
    await page.getByLabel('Payment method 2').selectOption({ label: 'Mastercard ending in 4444' });
    await nothingCut('pay, split across the two cards');
    await page.close();
  });
});
