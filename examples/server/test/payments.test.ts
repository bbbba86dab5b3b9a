import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { Invoice, PaymentMethod, PaymentReceipt, PortalSettings } from '../../../src/model/index.js';
import { createApp } from '../src/app.js';
import { silentMailer } from '../src/mail/mailer.js';
import type { PaymentGateway } from '../src/payments/gateway.js';
import { type Client, type ErrorReply, newKey, useTestServer } from './helpers.js';

const CARD_YEAR = new Date().getUTCFullYear() + 3;

const server = useTestServer();
let ada: Client;
beforeEach(async () => {
  ada = server.client();
  await ada.signIn();
});

const usd = (amount: number) => ({ amount, currency: 'USD' });

function pay(
  client: Client,
  invoiceId: string,
  allocations: [string, number][],
  key = newKey(),
  headers?: Record<string, string>,
) {
  return client.post<PaymentReceipt & ErrorReply>(
    `/portal-api/invoices/${invoiceId}/payments`,
    {
      invoiceId,
      idempotencyKey: key,
      allocations: allocations.map(([paymentMethodId, amount]) => ({ paymentMethodId, amount: usd(amount) })),
    },
    headers,
  );
}

async function invoice(id: string): Promise<Invoice> {
  return (await ada.get<Invoice>(`/portal-api/invoices/${id}`)).body;
}

async function succeededPayments(invoiceId: string): Promise<number> {
  const rows = await server.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM payments WHERE invoice_id = $1 AND outcome = 'succeeded'",
    [invoiceId],
  );
  return rows[0].count;
}

describe('idempotent payments', () => {
  it('replays a repeated request instead of charging again', async () => {
    const due = (await invoice('inv_ada_1009')).amountDue.amount;
    const key = newKey();
    const first = await pay(ada, 'inv_ada_1009', [['pm_ada_visa', due]], key, { 'idempotency-key': key });
    assert.equal(first.status, 200);
    assert.equal(first.body.status, 'succeeded');
    const again = await pay(ada, 'inv_ada_1009', [['pm_ada_visa', due]], key);
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body, 'the first response, verbatim');
    // The same customer in another session (another device) gets the same replay.
    const phone = server.client('198.51.100.30');
    await phone.signIn();
    assert.deepEqual((await pay(phone, 'inv_ada_1009', [['pm_ada_visa', due]], key)).body, first.body);
    assert.equal(await succeededPayments('inv_ada_1009'), 1, 'one payment row');
    assert.equal(server.gateway.charges.length, 1, 'one charge at the gateway');
    assert.equal((await invoice('inv_ada_1009')).status, 'paid');

    const different = await pay(ada, 'inv_ada_1008', [['pm_ada_visa', 100]], key);
    assert.equal(different.status, 409, 'the same key for a different request');
    assert.equal(different.body.error.code, 'conflict');
    const mismatch = await pay(ada, 'inv_ada_1008', [['pm_ada_visa', 100]], newKey(), {
      'idempotency-key': newKey(),
    });
    assert.equal(mismatch.status, 400, 'header and body keys must agree');
    assert.equal(server.gateway.charges.length, 1);
  });

  it('charges exactly once for 20 concurrent requests with one key', async () => {
    const due = (await invoice('inv_ada_1008')).amountDue.amount;
    const key = newKey();
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => pay(ada, 'inv_ada_1008', [['pm_ada_visa', due]], key)),
    );
    const ok = replies.filter((reply) => reply.status === 200);
    const conflicts = replies.filter((reply) => reply.status === 409);
    assert.equal(
      ok.length + conflicts.length,
      20,
      `statuses: ${replies.map((reply) => reply.status).join()}`,
    );
    assert.ok(ok.length >= 1);
    assert.equal(new Set(ok.map((reply) => reply.body.id)).size, 1, 'every success is the same receipt');
    for (const reply of conflicts) assert.match(reply.body.error.message, /still being processed/);
    assert.equal(server.gateway.charges.length, 1);
    assert.equal(await succeededPayments('inv_ada_1008'), 1);
    const after = await invoice('inv_ada_1008');
    assert.equal(after.amountPaid.amount, due);
    assert.equal(after.status, 'paid');
  });

  it('never overpays: 20 concurrent full payments with different keys charge once', async () => {
    const due = (await invoice('inv_ada_1008')).amountDue.amount;
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => pay(ada, 'inv_ada_1008', [['pm_ada_visa', due]])),
    );
    assert.equal(replies.filter((reply) => reply.status === 200).length, 1);
    for (const reply of replies.filter((each) => each.status !== 200)) {
      assert.equal(reply.status, 409, reply.text);
    }
    assert.equal(server.gateway.charges.length, 1);
    assert.equal((await invoice('inv_ada_1008')).amountPaid.amount, due);
  });

  it('does not keep the key when the request fails midway, so a retry can run', async () => {
    let failNext = true;
    const flaky: PaymentGateway = {
      resolveCardToken: (token) => server.gateway.resolveCardToken(token),
      charge: (request) => {
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('gateway exploded at /secret/internal/path'));
        }
        return server.gateway.charge(request);
      },
    };
    const app = createApp({ ...server.running.app.portal.deps, mailer: silentMailer, gateway: flaky });
    const cookie = `portal_session=${ada.cookies.get('portal_session')}`;
    const body = JSON.stringify({
      invoiceId: 'inv_ada_1009',
      idempotencyKey: 'retry-after-crash-0001',
      allocations: [{ paymentMethodId: 'pm_ada_visa', amount: usd(500) }],
    });
    const send = () =>
      app.request('http://localhost/portal-api/invoices/inv_ada_1009/payments', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body,
      });
    const crashed = await send();
    assert.equal(crashed.status, 500);
    const text = await crashed.text();
    assert.deepEqual(JSON.parse(text), {
      error: { code: 'unavailable', message: 'Something went wrong on our side.' },
    });
    assert.ok(!text.includes('secret') && !text.includes(' at '), 'no internals in the body');
    assert.equal(
      (await server.query('SELECT key FROM idempotency_keys')).length,
      0,
      'the claim was released',
    );
    assert.equal(await succeededPayments('inv_ada_1009'), 0, 'nothing recorded');
    const retried = await send();
    assert.equal(retried.status, 200);
    assert.equal(((await retried.json()) as PaymentReceipt).status, 'succeeded');
    assert.equal(await succeededPayments('inv_ada_1009'), 1);
  });
});

describe('split payments', () => {
  it('leaves the invoice paid by exactly the approved part when the second card is declined', async () => {
    await server.updateSettings((settings) => {
      settings.paymentMethods.verifyNewCards = false;
    });
    const declined = await ada.post<PaymentMethod>('/portal-api/payment-methods/cards', {
      token: `tok_visa_declined_12${CARD_YEAR}`,
    });
    assert.equal(declined.status, 200);
    assert.equal(declined.body.type === 'card' && declined.body.verified, false);
    const before = await invoice('inv_ada_1008');
    const due = before.amountDue.amount;
    const first = 5000;
    const receipt = await pay(ada, 'inv_ada_1008', [
      ['pm_ada_visa', first],
      [declined.body.id, due - first],
    ]);
    assert.equal(receipt.status, 200);
    assert.equal(receipt.body.status, 'partially_succeeded');
    assert.deepEqual(
      receipt.body.allocations.map((each) => [each.outcome, Boolean(each.paymentId)]),
      [
        ['succeeded', true],
        ['declined', false],
      ],
    );
    const partly = await invoice('inv_ada_1008');
    assert.equal(partly.amountPaid.amount, before.amountPaid.amount + first);
    assert.equal(partly.amountDue.amount, due - first);
    assert.equal(partly.status, 'overdue', 'still past due, partly paid');
    const outcomes = await server.query<{ outcome: string; amount: number }>(
      'SELECT outcome, amount FROM payments WHERE invoice_id = $1 ORDER BY seq',
      ['inv_ada_1008'],
    );
    assert.deepEqual(outcomes, [
      { outcome: 'succeeded', amount: first },
      { outcome: 'declined', amount: due - first },
    ]);
    const rest = await pay(ada, 'inv_ada_1008', [['pm_ada_mastercard', due - first]]);
    assert.equal(rest.body.status, 'succeeded');
    assert.equal(rest.body.amountDue.amount, 0);
    assert.equal((await invoice('inv_ada_1008')).status, 'paid');
  });
});

describe('merchant settings are enforced on the server', () => {
  const cases: {
    name: string;
    change: (settings: PortalSettings) => void;
    call: () => Promise<{ status: number }>;
  }[] = [
    {
      name: 'paying invoices',
      change: (s) => (s.invoices.payInvoices = false),
      call: () => pay(ada, 'inv_ada_1009', [['pm_ada_visa', 7199]]),
    },
    {
      name: 'partial payments',
      change: (s) => (s.invoices.partialPayments = false),
      call: () => pay(ada, 'inv_ada_1009', [['pm_ada_visa', 100]]),
    },
    {
      name: 'split payments',
      change: (s) => (s.invoices.splitPayments = false),
      call: () =>
        pay(ada, 'inv_ada_1009', [
          ['pm_ada_visa', 100],
          ['pm_ada_mastercard', 7099],
        ]),
    },
    {
      name: 'customer notes',
      change: (s) => (s.invoices.customerNotes = false),
      call: () => ada.post('/portal-api/invoices/inv_ada_1009/notes', { body: 'hi' }),
    },
    {
      name: 'PDF downloads',
      change: (s) => (s.invoices.downloadPdf = false),
      call: () => ada.get('/portal-api/invoices/inv_ada_1009/pdf'),
    },
    {
      name: 'adding cards',
      change: (s) => (s.paymentMethods.addCards = false),
      call: () => ada.post('/portal-api/payment-methods/cards', { token: `tok_visa_01${CARD_YEAR}` }),
    },
    {
      name: 'adding bank accounts',
      change: (s) => (s.paymentMethods.addBankAccounts = false),
      call: () =>
        ada.post('/portal-api/payment-methods/bank-accounts', {
          holderName: 'Ada Lovelace',
          routingNumber: '110000000',
          accountNumber: '000123456789',
          accountType: 'checking',
        }),
    },
    {
      name: 'removing cards',
      change: (s) => (s.paymentMethods.removeCards = false),
      call: () => ada.request('DELETE', '/portal-api/payment-methods/pm_ada_mastercard'),
    },
    {
      name: 'profile changes',
      change: (s) => (s.profile.modifyInformation = false),
      call: () => ada.request('PATCH', '/portal-api/customer', { json: { phone: '+1 555' } }),
    },
    {
      name: 'tax id changes',
      change: (s) => (s.profile.modifyInformation = false),
      call: () => ada.request('PUT', '/portal-api/customer/tax-ids', { json: { poNumber: 'PO-1' } }),
    },
    {
      name: 'changing the default method',
      change: (s) => (s.profile.modifyInformation = false),
      call: () => ada.post('/portal-api/payment-methods/pm_ada_mastercard/default'),
    },
    {
      name: 'subscribing',
      change: (s) => (s.subscriptions.enabled = false),
      call: () =>
        ada.post('/portal-api/subscriptions', {
          planId: 'plan_roasters_choice',
          quantity: 1,
          idempotencyKey: newKey(),
        }),
    },
    {
      name: 'subscribing to a closed plan',
      change: (s) =>
        (s.subscriptions.plans = s.subscriptions.plans.map((rule) => ({ ...rule, allowSubscribing: false }))),
      call: () =>
        ada.post('/portal-api/subscriptions', {
          planId: 'plan_roasters_choice',
          quantity: 1,
          idempotencyKey: newKey(),
        }),
    },
    {
      name: 'plan changes',
      change: (s) => (s.subscriptions.allowPlanChange = false),
      call: () =>
        ada.post('/portal-api/subscriptions/sub_ada_roasters/change', {
          quoteId: 'quote_any',
          idempotencyKey: newKey(),
        }),
    },
    {
      name: 'change previews',
      change: (s) => (s.subscriptions.allowPlanChange = false),
      call: () =>
        ada.post('/portal-api/subscriptions/sub_ada_roasters/change-preview', {
          planId: 'plan_roasters_choice',
          quantity: 3,
        }),
    },
    {
      name: 'pausing',
      change: (s) => (s.subscriptions.allowPause = false),
      call: () =>
        ada.post('/portal-api/subscriptions/sub_ada_roasters/pause', {
          resumeOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
        }),
    },
    {
      name: 'cancelling a plan that forbids it',
      change: (s) =>
        (s.subscriptions.plans = s.subscriptions.plans.map((rule) => ({ ...rule, allowCancelling: false }))),
      call: () =>
        ada.post('/portal-api/subscriptions/sub_ada_roasters/cancel', {
          when: 'immediately',
          reason: 'other',
        }),
    },
    {
      name: 'cancelling immediately when only period-end is allowed',
      change: (s) => (s.subscriptions.cancellation = 'period_end'),
      call: () =>
        ada.post('/portal-api/subscriptions/sub_ada_roasters/cancel', {
          when: 'immediately',
          reason: 'other',
        }),
    },
    {
      name: 'sign-up',
      change: (s) => (s.accountCreation.enabled = false),
      call: () =>
        server
          .client('198.51.100.9')
          .post('/portal-api/auth/sign-up', { email: 'x@example.org', password: 'long-enough-1', name: 'X' }),
    },
    {
      name: 'password sign-in',
      change: (s) => (s.signIn.password = false),
      call: () =>
        server
          .client('198.51.100.9')
          .post('/portal-api/auth/sign-in', { email: 'ada@example.com', password: 'x' }),
    },
  ];

  it(`refuses every action turned off (${cases.length} cases) with 403, changing nothing`, async () => {
    const defaults = (await server.admin<PortalSettings>('GET', '/admin/settings')).body;
    const snapshot = async () =>
      JSON.stringify([
        await server.query('SELECT * FROM payments ORDER BY id'),
        await server.query('SELECT id, removed_at FROM payment_methods ORDER BY id'),
        await server.query('SELECT * FROM invoice_notes ORDER BY id'),
        await server.query(
          'SELECT id, phone, po_number, default_payment_method_id FROM customers ORDER BY id',
        ),
        await server.query(
          'SELECT id, status, quantity, cancel_at_period_end FROM subscriptions ORDER BY id',
        ),
      ]);
    const before = await snapshot();
    for (const { name, change, call } of cases) {
      await server.updateSettings(change);
      const reply = await call();
      assert.equal(reply.status, 403, name);
      await server.admin('PUT', '/admin/settings', defaults);
    }
    assert.equal(await snapshot(), before);
    assert.equal(server.gateway.charges.length, 0);
  });
});
