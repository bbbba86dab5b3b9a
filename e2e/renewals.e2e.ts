import { PGlite } from '@electric-sql/pglite';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays, addMonths } from '../src/rules/dates.js';
import { openPage, signIn, useStack } from './support/stack.js';

/**
 * The billing cycle on the demo store served by `npm start` (in test mode, so the journey can move the
 * server's clock and run its daily jobs): Ada's trial ends and her subscription renews, each invoiced and
 * charged once however often the jobs run, and her overview shows the next billing date.
 */
const e2e = useStack({ PORTAL_TEST_MODE: '1' });

const ADA = ['ada@example.com', 'correct-horse-battery-staple', 'Ada Lovelace'] as const;

/** The server's test routes; anyone may call them in test mode. */
async function testRoute<T>(path: string, body: unknown = {}): Promise<T> {
  const response = await fetch(`${e2e.stack.url}/portal-api/__test__${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as T;
}

interface DailyJobs {
  renewals: { invoices: number; declined: number; canceled: number };
}

/** The overview's "Next billing date" figure. */
async function nextBillingDate(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Overview', exact: true }).click();
  const figure = page.locator('portal-summary [part~="figure"]', { hasText: 'Next billing date' });
  const value = figure.locator('[part~="value"]');
  await value.waitFor();
  return ((await value.textContent()) ?? '').trim();
}

const medium = (date: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

interface RenewalRow {
  subscription_id: string;
  period_start: string;
  total: number;
  succeeded: number;
  attempts: number;
}

/** Renewal invoices with their totals and charges, read from the server's database once it has stopped. */
async function renewalsInDatabase(): Promise<RenewalRow[]> {
  await e2e.stack.stop();
  const db = new PGlite(e2e.stack.dataDir);
  try {
    const result = await db.query<RenewalRow>(
      `SELECT r.subscription_id, to_char(r.period_start, 'YYYY-MM-DD') AS period_start,
              (SELECT sum(l.quantity * l.unit_price)::int FROM invoice_lines l WHERE l.invoice_id = r.invoice_id)
                AS total,
              (SELECT count(*)::int FROM payments p WHERE p.invoice_id = r.invoice_id AND p.outcome = 'succeeded')
                AS succeeded,
              (SELECT count(*)::int FROM payments p WHERE p.invoice_id = r.invoice_id) AS attempts
         FROM subscription_renewals r ORDER BY r.period_start`,
    );
    return result.rows;
  } finally {
    await db.close();
  }
}

describe('the billing cycle on the storefront', { timeout: 180_000 }, () => {
  it('renews Ada’s subscriptions once past their dates, charges auto-pay once, and shows the next date', async () => {
    const { page, errors } = await openPage(e2e.browser);
    await signIn(page, e2e.stack, ...ADA);
    // The demo was seeded relative to the server's day: the trial ends on day +10, the renewal is day +12.
    const { now } = await testRoute<{ now: string }>('/clock', { advanceSeconds: 0 });
    const seeded = now.slice(0, 10);
    const trialEnd = addDays(seeded, 10);
    const renewal = addDays(seeded, 12);
    assert.equal(await nextBillingDate(page), medium(trialEnd));
    assert.deepEqual(errors, []);

    await testRoute('/clock', { now: `${addDays(seeded, 13)}T09:00:00Z` });
    const first = await testRoute<DailyJobs>('/daily-jobs');
    assert.deepEqual(first.renewals, { invoices: 2, declined: 0, canceled: 0 });
    const again = await Promise.all([
      testRoute<DailyJobs>('/daily-jobs'),
      testRoute<DailyJobs>('/daily-jobs'),
    ]);
    assert.deepEqual(
      again.map((run) => run.renewals.invoices),
      [0, 0],
      'running the jobs again, twice at once, issues nothing more',
    );

    // Thirteen days on, the morning's session has long expired: Ada comes back and signs in again.
    // The reload's requests with the expired cookie answer 401 (and the portal shows the sign-in form).
    await page.reload();
    await page.getByLabel('Email').waitFor();
    // Every request the reload made with the expired cookie has answered (the form can show before the
    // last of them): only then are the expected 401s forgotten.
    await page.waitForLoadState('networkidle');
    errors.length = 0;
    await signIn(page, e2e.stack, ...ADA);
    assert.equal(
      await nextBillingDate(page),
      medium(addMonths(trialEnd, 1)),
      'the espresso club’s next month',
    );
    assert.deepEqual(errors, []);
    await page.close();

    assert.deepEqual(await renewalsInDatabase(), [
      { subscription_id: 'sub_ada_espresso', period_start: trialEnd, total: 3900, succeeded: 1, attempts: 1 },
      { subscription_id: 'sub_ada_roasters', period_start: renewal, total: 4800, succeeded: 1, attempts: 1 },
    ]);
  });
});
