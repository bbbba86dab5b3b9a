import { PGlite } from '@electric-sql/pglite';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage, signIn, useStack } from './support/stack.js';

/**
 * Ada manages her subscriptions on the demo store served by `npm start`: cancelling and undoing it,
 * subscribing, and changing a quantity at the backend's quote — whose charge is then read back from the
 * server's own database.
 */
const e2e = useStack();

const ADA = ['ada@example.com', 'correct-horse-battery-staple', 'Ada Lovelace'] as const;
const ROASTERS = "Roaster's Choice Monthly";

async function openSubscriptions(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Subscriptions', exact: true }).click();
  await page.locator('portal-subscriptions [part="subscription"]').first().waitFor();
}

/** What the element says about the last action, in its notice. */
async function notice(page: Page, text: string): Promise<void> {
  await page.locator('portal-subscriptions [part="notice"]', { hasText: text }).waitFor();
}

/** The card of the subscription to `plan`. */
function card(page: Page, plan: string) {
  return page.locator('portal-subscriptions [part="subscription"]', {
    has: page.getByRole('heading', { name: plan, exact: true }),
  });
}

async function textOf(locator: ReturnType<Page['locator']>): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** A fact's value ("Due today" → "$24.00") inside `scope`. */
function fact(scope: ReturnType<Page['locator']>, label: string) {
  return scope.locator(`dt:text-is("${label}") + dd`);
}

describe('subscriptions on the storefront', { timeout: 180_000 }, () => {
  it("Ada cancels Roaster's Choice at the period end with a reason, sees until when it runs, and undoes it", async () => {
    const { page, errors } = await openPage(e2e.browser);
    await signIn(page, e2e.stack, ...ADA);
    await openSubscriptions(page);
    await page.getByRole('button', { name: `Cancel subscription ${ROASTERS}` }).click();
    // The merchant's retention offer comes first; Ada goes on.
    await page.getByText('Stay with us and get 20% off your next 3 renewals.').waitFor();
    await page.getByRole('button', { name: 'Continue cancelling' }).click();
    await page.getByRole('radio', { name: 'It costs too much' }).check();
    const periodEnd = page.getByRole('radio', { name: /^At the end of the period, on / });
    await periodEnd.check();
    const label = (await periodEnd.evaluate((input) => input.parentElement?.textContent)) ?? '';
    const date = /on (.+)$/.exec(label.replace(/\s+/g, ' ').trim())?.[1] ?? '';
    assert.ok(date, 'the period end is named');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('heading', { name: 'Confirm the cancellation' }).waitFor();
    await page
      .getByText(
        `${ROASTERS} ends on ${date}. You keep what you paid for until then, and you can undo this before that date.`,
      )
      .waitFor();
    await page.getByRole('button', { name: 'Cancel subscription', exact: true }).click();
    await notice(page, `${ROASTERS} ends on ${date}. You can undo this until then.`);
    await card(page, ROASTERS).getByText(`Ends on ${date}. You keep it until then.`).waitFor();
    assert.equal(await textOf(card(page, ROASTERS).locator('[part="badge"]')), 'Cancelling');

    await page.getByRole('button', { name: `Keep subscription ${ROASTERS}` }).click();
    await notice(page, `${ROASTERS} continues.`);
    await page.reload();
    await page.getByText('Signed in as Ada Lovelace').waitFor();
    await openSubscriptions(page);
    assert.equal(await textOf(card(page, ROASTERS).locator('[part="badge"]')), 'Active');
    assert.equal(await page.getByRole('button', { name: `Keep subscription ${ROASTERS}` }).count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('Ada subscribes to Office Weekly', async () => {
    const { page, errors } = await openPage(e2e.browser);
    await signIn(page, e2e.stack, ...ADA);
    await openSubscriptions(page);
    await page.getByRole('button', { name: 'Subscribe to a plan' }).click();
    await page.getByRole('button', { name: 'Choose Office Weekly' }).click();
    await page.getByLabel('Quantity').fill('1');
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await page.getByRole('heading', { name: 'Review your subscription' }).waitFor();
    const review = page.locator('portal-subscriptions [part="panel"]');
    assert.equal(await textOf(fact(review, 'Charged today')), '$45.00');
    assert.equal(await textOf(fact(review, 'Then')), '$45.00 every week');
    await page.getByRole('button', { name: 'Subscribe and pay $45.00' }).click();
    await notice(page, 'You subscribed to Office Weekly.');
    await card(page, 'Office Weekly').waitFor();
    await page.reload();
    await page.getByText('Signed in as Ada Lovelace').waitFor();
    await openSubscriptions(page);
    assert.equal(await textOf(card(page, 'Office Weekly').locator('[part="badge"]')), 'Active');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('Ada subscribes to Office Weekly paying with a new card typed into the test-mode frame', async () => {
    const started = new Date();
    const { page, errors } = await openPage(e2e.browser);
    await signIn(page, e2e.stack, ...ADA);
    await openSubscriptions(page);
    await page.getByRole('button', { name: 'Subscribe to a plan' }).click();
    await page.getByRole('button', { name: 'Choose Office Weekly' }).click();
    await page.getByRole('radio', { name: 'A new card' }).check();
    const iframe = page.locator('portal-subscriptions iframe');
    await iframe.waitFor();
    const frameOrigin = new URL((await iframe.getAttribute('src')) ?? '').origin;
    assert.notEqual(frameOrigin, new URL(e2e.stack.url).origin, 'the fields come from another origin');
    const fields = page.frameLocator('portal-subscriptions iframe');
    await fields.locator('#number').pressSequentially('4242 4242 4242 4242');
    await fields.locator('#expiry').pressSequentially('1230');
    await fields.locator('#cvc').pressSequentially('123');
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await page.getByRole('heading', { name: 'Review your subscription' }).waitFor();
    const review = page.locator('portal-subscriptions [part="panel"]');
    assert.equal(await textOf(fact(review, 'Pay with')), 'A new card');
    await page.getByRole('button', { name: 'Subscribe and pay $45.00' }).click();
    await notice(page, 'You subscribed to Office Weekly.');
    assert.deepEqual(errors, []);
    await page.close();

    // The server's own database: one card saved, one subscription charged to it, its first week paid by it.
    await e2e.stack.stop();
    const db = new PGlite(e2e.stack.dataDir);
    try {
      const cards = await db.query<{ id: string; brand: string; last4: string }>(
        `SELECT id, brand, last4 FROM payment_methods WHERE customer_id = 'cus_ada' AND created_at >= $1`,
        [started],
      );
      assert.deepEqual(
        cards.rows.map(({ brand, last4 }) => `${brand} ${last4}`),
        ['visa 4242'],
        'one new card',
      );
      const [{ id: cardId }] = cards.rows;
      const subscriptions = await db.query<{ plan_id: string; payment_method_id: string; paid: string }>(
        `SELECT s.plan_id, s.payment_method_id,
                (SELECT COALESCE(SUM(p.amount), 0)::text FROM payments p
                  WHERE p.payment_method_id = $2 AND p.outcome = 'succeeded') AS paid
           FROM subscriptions s WHERE s.customer_id = 'cus_ada' AND s.created_at >= $1`,
        [started, cardId],
      );
      assert.deepEqual(subscriptions.rows, [
        { plan_id: 'plan_office_weekly', payment_method_id: cardId, paid: '4500' },
      ]);
    } finally {
      await db.close();
    }
    await e2e.stack.restart();
  });

  it("Ada changes Roaster's Choice to 3 bags and is charged exactly the previewed amount", async () => {
    const { page, errors } = await openPage(e2e.browser);
    await signIn(page, e2e.stack, ...ADA);
    await openSubscriptions(page);
    await page.getByRole('button', { name: `Change plan or quantity of ${ROASTERS}` }).click();
    await page.getByLabel('Quantity').fill('3');
    await page.getByRole('button', { name: 'See the price' }).click();
    await page.getByRole('heading', { name: 'The price of this change' }).waitFor();
    const quote = page.locator('portal-subscriptions [part="quote"]');
    const dueToday = await textOf(fact(quote, 'Due today'));
    assert.match(dueToday, /^\$\d+\.\d{2}$/);
    await page.getByRole('button', { name: `Confirm and pay ${dueToday}` }).click();
    await notice(page, `${ROASTERS} was changed.`);
    await page.reload();
    await page.getByText('Signed in as Ada Lovelace').waitFor();
    await openSubscriptions(page);
    assert.equal(await textOf(fact(card(page, ROASTERS), 'Quantity')), '3');
    assert.deepEqual(errors, []);
    await page.close();

    const charged = await changeCharges();
    assert.equal(charged.length, 1, 'one quote used, charged once');
    const [{ due_today, paid, quantity }] = charged;
    assert.equal(Number(paid), Number(due_today), 'the payment is the quote’s due today');
    assert.equal(`$${(Number(paid) / 100).toFixed(2)}`, dueToday, 'and what the page showed');
    assert.equal(quantity, 3);
  });
});

/** The quotes Ada used, with what was paid on the invoice each charged, from the stopped server's database. */
async function changeCharges(): Promise<{ due_today: string; paid: string; quantity: number }[]> {
  await e2e.stack.stop();
  const db = new PGlite(e2e.stack.dataDir);
  try {
    const result = await db.query<{ due_today: string; paid: string; quantity: number }>(
      `SELECT q.due_today::text, COALESCE(SUM(p.amount), 0)::text AS paid, s.quantity
         FROM subscription_quotes q
         JOIN subscriptions s ON s.id = q.subscription_id
         LEFT JOIN payments p ON p.invoice_id = q.invoice_id AND p.outcome = 'succeeded'
        WHERE q.customer_id = 'cus_ada' AND q.used_at IS NOT NULL
        GROUP BY q.id, q.due_today, s.quantity`,
    );
    return result.rows;
  } finally {
    await db.close();
  }
}
