import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BillingSummary, ChangePreview, PaymentReceipt } from '../../../src/model/index.js';
import { addDays } from '../../../src/rules/dates.js';
import type { RenewalRun } from '../src/jobs/renewals.js';
import { ADA, type Client, useTestServer } from './helpers.js';

const server = useTestServer();

// The demo data is seeded relative to this day: Ada's Espresso Club trial ends on day +10, her Roaster's
// Choice (2 × $24.00 a month, auto-pay to Visa •••• 4242) renews on day +12.
const SEEDED = new Date('2027-01-10T09:00:00Z');
const TODAY = '2027-01-10';
const TRIAL_END = addDays(TODAY, 10);
const RENEWAL = addDays(TODAY, 12);

const at = (date: string) => new Date(`${date}T06:00:00Z`);

async function runDailyJobs(): Promise<RenewalRun> {
  const reply = await server.admin<{ renewals: RenewalRun }>('POST', '/__test__/daily-jobs');
  assert.equal(reply.status, 200, reply.text);
  return reply.body.renewals;
}

interface RenewalRow {
  subscription_id: string;
  period_start: string;
  invoice_id: string;
  total: number;
  paid: number;
  charges: number;
}

/** Every renewal invoice, with its line total, what succeeded against it and how many charges were tried. */
async function renewals(): Promise<RenewalRow[]> {
  return server.query<RenewalRow>(
    `SELECT r.subscription_id, to_char(r.period_start, 'YYYY-MM-DD') AS period_start, r.invoice_id,
            (SELECT sum(l.quantity * l.unit_price)::int FROM invoice_lines l WHERE l.invoice_id = r.invoice_id) AS total,
            (SELECT coalesce(sum(p.amount), 0)::int FROM payments p
              WHERE p.invoice_id = r.invoice_id AND p.outcome = 'succeeded') AS paid,
            (SELECT count(*)::int FROM payments p WHERE p.invoice_id = r.invoice_id) AS charges
       FROM subscription_renewals r ORDER BY r.period_start, r.subscription_id`,
  );
}

/** A subscription as the database holds it. */
async function subscription(id: string) {
  const [row] = await server.query<{ status: string; current_period_end: string; next_billing_date: string }>(
    `SELECT status, to_char(current_period_end, 'YYYY-MM-DD') AS current_period_end,
            to_char(next_billing_date, 'YYYY-MM-DD') AS next_billing_date
       FROM subscriptions WHERE id = $1`,
    [id],
  );
  assert.ok(row, `subscription ${id}`);
  return row;
}

async function signedIn(): Promise<Client> {
  const client = server.client();
  await client.signIn();
  return client;
}

describe('the renewal job', () => {
  it('ends the trial and renews each subscription once on its date, charging auto-pay once', async () => {
    await server.reset(SEEDED);
    assert.deepEqual(await runDailyJobs(), { invoices: 0, declined: 0, canceled: 0 }, 'nothing due yet');

    await server.setClock(at(TRIAL_END));
    assert.equal((await runDailyJobs()).invoices, 1, 'the trial ends');
    await server.setClock(at(RENEWAL));
    assert.equal((await runDailyJobs()).invoices, 1, 'the renewal');
    assert.equal((await runDailyJobs()).invoices, 0, 'the same day again');

    assert.deepEqual(
      (await renewals()).map(({ subscription_id, period_start, total, paid, charges }) => ({
        subscription_id,
        period_start,
        total,
        paid,
        charges,
      })),
      [
        { subscription_id: 'sub_ada_espresso', period_start: TRIAL_END, total: 3900, paid: 3900, charges: 1 },
        { subscription_id: 'sub_ada_roasters', period_start: RENEWAL, total: 4800, paid: 4800, charges: 1 },
      ],
    );
    assert.equal(server.gateway.charges.length, 2, 'one charge per period at the gateway');

    const espresso = await subscription('sub_ada_espresso');
    assert.equal(espresso.status, 'active');
    assert.equal(espresso.next_billing_date, '2027-02-20');
    const roasters = await subscription('sub_ada_roasters');
    assert.equal(roasters.status, 'active');
    assert.equal(roasters.current_period_end, '2027-02-22');
    const client = await signedIn();
    const summary = (await client.get<BillingSummary>('/portal-api/billing-summary')).body;
    assert.equal(summary.nextBillingDate, '2027-02-20', 'the summary follows the clock');
    assert.equal(summary.autoPay.enabled, true);
  });

  it('issues a period once when the job runs several times at once', async () => {
    await server.reset(SEEDED);
    await server.setClock(at(RENEWAL));
    const runs = await Promise.all([runDailyJobs(), runDailyJobs(), runDailyJobs()]);
    assert.equal(
      runs.reduce((sum, run) => sum + run.invoices, 0),
      2,
      'the trial end and the renewal, once each',
    );
    const rows = await renewals();
    assert.equal(rows.length, 2);
    assert.ok(rows.every((row) => row.charges === 1 && row.paid === row.total));
    assert.equal(server.gateway.charges.length, 2);
  });

  it('catches up every missed period once, each dated its own start', async () => {
    await server.reset(SEEDED);
    await server.setClock(at('2027-04-15'));
    assert.equal((await runDailyJobs()).invoices, 6, 'three periods of each subscription');
    assert.deepEqual(
      (await renewals())
        .filter((row) => row.subscription_id === 'sub_ada_roasters')
        .map((row) => row.period_start),
      [RENEWAL, '2027-02-22', '2027-03-22'],
    );
    const [invoice] = await server.query<{ issue_date: string }>(
      `SELECT to_char(issue_date, 'YYYY-MM-DD') AS issue_date FROM invoices i
         JOIN subscription_renewals r ON r.invoice_id = i.id
        WHERE r.subscription_id = 'sub_ada_roasters' AND r.period_start = '2027-02-22'`,
    );
    assert.equal(invoice.issue_date, '2027-02-22');
    assert.equal((await runDailyJobs()).invoices, 0);
  });

  it('leaves the invoice open to pay when auto-pay is off', async () => {
    await server.reset(SEEDED);
    await server.query("UPDATE customers SET auto_pay = FALSE WHERE id = 'cus_ada'");
    await server.setClock(at(RENEWAL));
    assert.deepEqual(await runDailyJobs(), { invoices: 2, declined: 0, canceled: 0 });
    assert.ok((await renewals()).every((row) => row.charges === 0 && row.paid === 0));
    const client = await signedIn();
    assert.equal((await subscription('sub_ada_roasters')).status, 'active');
    const summary = (await client.get<BillingSummary>('/portal-api/billing-summary')).body;
    assert.ok(summary.outstanding.amount >= 3900 + 4800, 'the renewals are owed');
  });

  it('moves a declined renewal to past due with a dunning email; paying it makes it active again', async () => {
    await server.reset(SEEDED);
    // Ada's Visa starts declining (the test gateway's 4000 0000 0000 0002).
    await server.query("UPDATE payment_methods SET last4 = '0002' WHERE id = 'pm_ada_visa'");
    await server.setClock(at(RENEWAL));
    assert.deepEqual(await runDailyJobs(), { invoices: 2, declined: 2, canceled: 0 });
    assert.equal((await runDailyJobs()).invoices, 0, 'not charged again by the next run');

    const client = await signedIn();
    assert.equal((await subscription('sub_ada_roasters')).status, 'past_due');
    const dunning = (await server.outbox(ADA)).filter((email) => email.kind === 'renewal_declined');
    assert.equal(dunning.length, 2);
    const roastersMail = dunning.find((email) => email.text.includes("Roaster's Choice"));
    assert.ok(roastersMail, 'names the plan');
    assert.match(roastersMail.text, /\$48\.00/);
    assert.match(roastersMail.text, /Visa •••• 0002/);

    const roasters = (await renewals()).find((row) => row.subscription_id === 'sub_ada_roasters');
    assert.ok(roasters);
    assert.deepEqual([roasters.charges, roasters.paid], [1, 0], 'tried once, declined, nothing paid');
    const paid = await client.post<PaymentReceipt>(`/portal-api/invoices/${roasters.invoice_id}/payments`, {
      invoiceId: roasters.invoice_id,
      allocations: [{ paymentMethodId: 'pm_ada_mastercard', amount: { amount: 4800, currency: 'USD' } }],
      idempotencyKey: 'pay-the-renewal-0001',
    });
    assert.equal(paid.status, 200, paid.text);
    assert.equal(paid.body.status, 'succeeded');
    assert.equal((await subscription('sub_ada_roasters')).status, 'active');
    assert.equal((await subscription('sub_ada_espresso')).status, 'past_due', 'the other one still owes');
  });

  it('applies a scheduled downgrade on its date and invoices the new quantity', async () => {
    await server.reset(SEEDED);
    const client = await signedIn();
    const preview = await client.post<ChangePreview>(
      '/portal-api/subscriptions/sub_ada_roasters/change-preview',
      {
        planId: 'plan_roasters_choice',
        quantity: 1,
      },
    );
    assert.equal(preview.status, 200, preview.text);
    assert.equal(preview.body.effective, 'period_end');
    assert.equal(preview.body.effectiveDate, RENEWAL);
    const changed = await client.post('/portal-api/subscriptions/sub_ada_roasters/change', {
      quoteId: preview.body.quoteId,
      idempotencyKey: 'downgrade-at-period-end-1',
    });
    assert.equal(changed.status, 200, changed.text);

    await server.setClock(at(addDays(RENEWAL, -1)));
    await runDailyJobs();
    const before = await server.query<{ quantity: number }>(
      "SELECT quantity FROM subscriptions WHERE id = 'sub_ada_roasters'",
    );
    assert.equal(before[0].quantity, 2, 'not before its date');
    await server.setClock(at(RENEWAL));
    await runDailyJobs();
    const [after] = await server.query<{ quantity: number; scheduled_change: unknown }>(
      "SELECT quantity, scheduled_change FROM subscriptions WHERE id = 'sub_ada_roasters'",
    );
    assert.deepEqual(after, { quantity: 1, scheduled_change: null });
    const roasters = (await renewals()).find((row) => row.subscription_id === 'sub_ada_roasters');
    assert.equal(roasters?.total, 2400, 'one bag from this period on');
    assert.equal(roasters?.total, preview.body.nextRenewal.amount.amount, 'what the quote announced');
  });

  it('ends a subscription cancelled at the period end on that date, with no invoice', async () => {
    await server.reset(SEEDED);
    const client = await signedIn();
    const cancelled = await client.post('/portal-api/subscriptions/sub_ada_espresso/cancel', {
      when: 'period_end',
      reason: 'unused',
    });
    assert.equal(cancelled.status, 200, cancelled.text);
    await server.setClock(at(RENEWAL));
    assert.deepEqual(await runDailyJobs(), { invoices: 1, declined: 0, canceled: 1 }, 'only the renewal');
    const espresso = await subscription('sub_ada_espresso');
    assert.equal(espresso.status, 'canceled');
    assert.equal(espresso.next_billing_date, null);
    assert.deepEqual(
      (await renewals()).map((row) => row.subscription_id),
      ['sub_ada_roasters'],
    );
  });

  it('bills nothing while paused and resumes on the chosen date with a new period', async () => {
    await server.reset(SEEDED);
    const client = await signedIn();
    const resumeOn = addDays(RENEWAL, 20);
    const paused = await client.post('/portal-api/subscriptions/sub_ada_roasters/pause', { resumeOn });
    assert.equal(paused.status, 200, paused.text);
    await server.setClock(at(addDays(resumeOn, -1)));
    await runDailyJobs();
    assert.equal((await subscription('sub_ada_roasters')).status, 'paused');
    assert.equal(
      (await renewals()).filter((row) => row.subscription_id === 'sub_ada_roasters').length,
      0,
      'no renewal while paused',
    );
    await server.setClock(at(resumeOn));
    await runDailyJobs();
    const roasters = await subscription('sub_ada_roasters');
    assert.equal(roasters.status, 'active');
    assert.equal(roasters.current_period_end, addDays(resumeOn, 28), 'a month from the resume date');
    const [row] = (await renewals()).filter((each) => each.subscription_id === 'sub_ada_roasters');
    assert.deepEqual([row.period_start, row.total, row.paid], [resumeOn, 4800, 4800]);
  });

  it('invoices and charges, once, the new period a customer resumes into after the paid one ended', async () => {
    await server.reset(SEEDED);
    const client = await signedIn();
    const resumeOn = addDays(RENEWAL, 20);
    const paused = await client.post('/portal-api/subscriptions/sub_ada_roasters/pause', { resumeOn });
    assert.equal(paused.status, 200, paused.text);
    const back = addDays(RENEWAL, 5);
    await server.setClock(at(back));
    await runDailyJobs();
    const roastersRows = async () =>
      (await renewals()).filter((each) => each.subscription_id === 'sub_ada_roasters');
    assert.equal((await roastersRows()).length, 0, 'nothing billed while paused');

    // The session from before the pause has expired by now: Ada signs in again.
    const later = await signedIn();
    const resumed = await later.post('/portal-api/subscriptions/sub_ada_roasters/resume', {});
    assert.equal(resumed.status, 200, resumed.text);
    const roasters = await subscription('sub_ada_roasters');
    assert.equal(roasters.status, 'active');
    assert.equal(roasters.current_period_end, addDays(back, 31), 'a month from the day it resumed');
    assert.equal(roasters.next_billing_date, roasters.current_period_end);
    const again = await later.post('/portal-api/subscriptions/sub_ada_roasters/resume', {});
    assert.equal(again.status, 409, 'resuming twice');
    assert.equal((await runDailyJobs()).invoices, 0, 'the job finds the period invoiced');
    await server.setClock(at(resumeOn));
    await runDailyJobs();
    const rows = await roastersRows();
    assert.deepEqual(
      rows.map((row) => [row.period_start, row.total, row.paid, row.charges]),
      [[back, 4800, 4800, 1]],
      'the resumed period, invoiced and charged once; the old pause date bills nothing more',
    );
  });

  it('charges a renewal to the method chosen when subscribing, not the default', async () => {
    await server.reset(SEEDED);
    const client = await signedIn();
    const subscribed = await client.post<{ id: string }>('/portal-api/subscriptions', {
      planId: 'plan_office_weekly',
      quantity: 1,
      paymentMethodId: 'pm_ada_mastercard',
      idempotencyKey: 'renewal-chosen-method',
    });
    assert.equal(subscribed.status, 200, subscribed.text);
    await server.setClock(at(addDays(TODAY, 7)));
    await runDailyJobs();
    const charges = await server.query<{ payment_method_id: string; outcome: string }>(
      `SELECT p.payment_method_id, p.outcome FROM payments p
         JOIN subscription_renewals r ON r.invoice_id = p.invoice_id WHERE r.subscription_id = $1`,
      [subscribed.body.id],
    );
    assert.deepEqual(charges, [{ payment_method_id: 'pm_ada_mastercard', outcome: 'succeeded' }]);
  });
});

describe('the renewal job’s invoice emails', () => {
  const kinds = async () => (await server.outbox(ADA)).map((email) => email.kind);
  const invoiceMails = async () =>
    (await server.outbox(ADA)).filter((email) => email.kind === 'invoice_issued');

  it('emails an invoice left open to pay once, with a link straight to paying it, however often it runs', async () => {
    await server.reset(SEEDED);
    await server.query("UPDATE customers SET auto_pay = FALSE WHERE id = 'cus_ada'");
    await server.setClock(at(RENEWAL));
    const runs = await Promise.all([runDailyJobs(), runDailyJobs(), runDailyJobs()]);
    assert.equal(
      runs.reduce((sum, run) => sum + run.invoices, 0),
      2,
    );
    assert.equal((await runDailyJobs()).invoices, 0, 'the same day again');

    const rows = await renewals();
    const mails = await invoiceMails();
    assert.equal(mails.length, 2, 'one email per invoice');
    for (const row of rows) {
      const [invoice] = await server.query<{ number: string }>('SELECT number FROM invoices WHERE id = $1', [
        row.invoice_id,
      ]);
      const mail = mails.find((each) => each.text.includes(invoice.number));
      assert.ok(mail, `an email for ${invoice.number}`);
      const link = mail.text.split('\n').find((line) => line.includes('portal-task='));
      assert.ok(link, 'the email carries a task link');
      const params = new URL(link).searchParams;
      assert.equal(params.get('portal-task'), 'pay-invoice');
      assert.equal(params.get('portal-task-invoice'), row.invoice_id);
    }
    const roasters = mails.find((each) => each.text.includes("Roaster's Choice"));
    assert.ok(roasters, 'names the plan');
    assert.match(roasters.text, /\$48\.00/);
    assert.match(roasters.text, /due on February 21, 2027/, 'thirty days after the period starts');
  });

  it('sends no invoice email when auto-pay collects the renewal', async () => {
    await server.reset(SEEDED);
    await server.setClock(at(RENEWAL));
    assert.equal((await runDailyJobs()).invoices, 2);
    assert.equal((await renewals()).filter((row) => row.paid === row.total).length, 2, 'both paid');
    assert.deepEqual(await invoiceMails(), []);
  });

  it('sends only the dunning email when an auto-pay charge is declined', async () => {
    await server.reset(SEEDED);
    await server.query("UPDATE payment_methods SET last4 = '0002' WHERE id = 'pm_ada_visa'");
    await server.setClock(at(RENEWAL));
    assert.equal((await runDailyJobs()).declined, 2);
    await runDailyJobs();
    const sent = await kinds();
    assert.equal(sent.filter((kind) => kind === 'renewal_declined').length, 2);
    assert.ok(!sent.includes('invoice_issued'), 'no invoice email besides the dunning one');
  });
});
