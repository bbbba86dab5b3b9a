import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openPage, outbox, useStack } from './support/stack.js';

/**
 * Single-task links on the demo store served by `npm start` (in test mode, so the journey can move the
 * server's clock and run its daily jobs): the card-expiry reminder links straight to replacing that card;
 * Ada opens it, signs in, replaces her Mastercard, removes it, and is back on her portal.
 */
const e2e = useStack({ PORTAL_TEST_MODE: '1' });

const ADA = 'ada@example.com';

/** The server's test routes; anyone on this machine may call them in test mode. */
async function testRoute(path: string, body: unknown = {}): Promise<unknown> {
  const response = await fetch(`${e2e.stack.url}/portal-api/__test__${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.ok(response.ok, await response.clone().text());
  return response.status === 204 ? null : response.json();
}

/** Records every portal-task-* event the page sees, for the journey to read back. */
const RECORD_TASK_EVENTS = () => {
  const seen: { type: string; detail: unknown }[] = [];
  (window as unknown as { taskEvents: typeof seen }).taskEvents = seen;
  for (const type of ['portal-task-complete', 'portal-task-cancel', 'portal-task-done']) {
    document.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail }));
  }
};

describe('single-task links on the storefront', { timeout: 240_000 }, () => {
  it('the expiry reminder’s link opens "Replace a card" after sign-in; Ada replaces and removes her Mastercard', async () => {
    // On this day the demo Mastercard (•••• 4444) expires at the end of next month; 30 days before, the
    // daily job reminds her.
    await testRoute('/reset', { now: '2027-01-10T09:00:00Z' });
    await testRoute('/clock', { now: '2027-01-29T06:00:00Z' });
    const jobs = (await testRoute('/daily-jobs')) as { expiryReminders: number };
    assert.equal(jobs.expiryReminders, 1);
    const [mail] = (await outbox(e2e.stack, ADA)).filter((each) => each.subject.includes('expires soon'));
    assert.ok(mail, 'the reminder was sent');
    const link = /https?:\/\/\S+/.exec(mail.text)?.[0] ?? '';
    const url = new URL(link);
    assert.equal(url.origin, new URL(e2e.stack.url).origin, 'the link is on the merchant’s portal page');
    assert.equal(url.searchParams.get('portal-task'), 'replace-payment-method');
    assert.equal(url.searchParams.get('portal-task-payment-method'), 'pm_ada_mastercard');

    const { page, errors } = await openPage(e2e.browser);
    await page.addInitScript(RECORD_TASK_EVENTS);
    await page.goto(link);
    // Signed out: the task waits behind the sign-in form.
    await page.getByLabel('Email').fill(ADA);
    await page.getByLabel('Password', { exact: true }).fill('correct-horse-battery-staple');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Replace a card' }).waitFor();
    await page.getByText('Add the card that replaces Mastercard ending in 4444.', { exact: false }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Billing portal sections' }).count(), 0);

    const fields = page.frameLocator('portal-payment-methods iframe');
    await fields.locator('#number').pressSequentially('378282246310005');
    await fields.locator('#expiry').pressSequentially('1230');
    await fields.locator('#cvc').pressSequentially('1234');
    assert.equal(
      await page.getByRole('checkbox', { name: 'Make it my default payment method' }).isChecked(),
      true,
    );
    await page.getByRole('button', { name: 'Save card' }).click();

    await page.getByRole('heading', { name: 'Card replaced' }).waitFor();
    await page.getByText('American Express ending in 0005 is now your default payment method.').waitFor();
    assert.equal(new URL(page.url()).searchParams.has('portal-task'), false, 'a reload does not reopen it');
    await page.getByRole('button', { name: 'Remove Mastercard ending in 4444' }).click();
    await page.getByText('Mastercard ending in 4444 was removed.').waitFor();

    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await page.getByRole('navigation', { name: 'Billing portal sections' }).waitFor();
    const events = (await page.evaluate(() => (window as unknown as { taskEvents: unknown }).taskEvents)) as {
      type: string;
      detail: { task: string; result: { paymentMethod: { last4: string }; replaced: { id: string } } };
    }[];
    assert.deepEqual(
      events.map((each) => each.type),
      ['portal-task-complete', 'portal-task-done'],
    );
    assert.equal(events[0].detail.task, 'replace-payment-method');
    assert.equal(events[0].detail.result.paymentMethod.last4, '0005');
    assert.equal(events[0].detail.result.replaced.id, 'pm_ada_mastercard');

    await page.getByRole('button', { name: 'Payment methods', exact: true }).click();
    await page.locator('portal-payment-methods .method').first().waitFor();
    const rows = (await page.locator('portal-payment-methods .method .what').allTextContents()).map((row) =>
      row.replace(/\s+/g, ' ').trim(),
    );
    assert.ok(
      rows.some((row) => row.startsWith('American Express ending in 0005') && row.endsWith('Default')),
      rows.join(' | '),
    );
    assert.ok(!rows.some((row) => row.includes('4444')), rows.join(' | '));
    assert.deepEqual(errors, []);
    await page.close();
  });
});
