import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { OPERATION_NAMES, type OperationName, operations } from '../../../src/contract/operations.js';
import { type Client, type Reply, newKey, useTestServer } from './helpers.js';

const CARD_YEAR = new Date().getUTCFullYear() + 3;
/** Granted on Analytical Engines and on Ada's account (demo data). */
const GRACE = 'grace@example.net';
/** A pause's resume date the merchant allows. */
const IN_A_WEEK = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
/** Ids of Analytical Engines Ltd (the other customer) from the demo data. */
const THEIRS = {
  invoice: 'inv_analytical_301',
  method: 'pm_analytical_visa',
  subscription: 'sub_analytical_atelier',
  /** The idempotency key of a payment they made (written before each test). */
  intentKey: 'their-payment-key-000000000001',
};
/** Anything of theirs that must never appear in an answer to Ada. */
const FOREIGN =
  /cus_analytical|inv_analytical|pm_analytical|sub_analytical|analytical\.example|Analytical Engines|Rue de la Machine|FR40303265045|PO-7731|RCS Paris|grace|atelier|"EUR"|CUST-0002|INV-030/i;

/** Refused to a person granted the account, who is not its owner: its email and its password. */
const OWNER_ONLY = new Set<OperationName>(['requestEmailChange', 'changePassword']);

type Probe = { op: OperationName; expect: 200 | 204 | 404; send: (client: Client) => Promise<Reply> };

const probes: Probe[] = [
  { op: 'getSession', expect: 200, send: (c) => c.get('/portal-api/session') },
  { op: 'getCustomer', expect: 200, send: (c) => c.get('/portal-api/customer') },
  {
    op: 'updateProfile',
    expect: 200,
    send: (c) => c.request('PATCH', '/portal-api/customer', { json: { company: 'Lovelace Ltd' } }),
  },
  {
    op: 'updateTaxIds',
    expect: 200,
    send: (c) => c.request('PUT', '/portal-api/customer/tax-ids', { json: { poNumber: 'PO-1' } }),
  },
  {
    op: 'requestEmailChange',
    expect: 200,
    send: (c) => c.post('/portal-api/customer/email-change', { newEmail: 'ada.king@example.com' }),
  },
  { op: 'getBillingSummary', expect: 200, send: (c) => c.get('/portal-api/billing-summary') },
  { op: 'listInvoices', expect: 200, send: (c) => c.get('/portal-api/invoices?limit=100') },
  { op: 'listInvoices', expect: 200, send: (c) => c.get('/portal-api/invoices?filter=outstanding') },
  { op: 'getInvoice', expect: 404, send: (c) => c.get(`/portal-api/invoices/${THEIRS.invoice}`) },
  {
    op: 'addInvoiceNote',
    expect: 404,
    send: (c) => c.post(`/portal-api/invoices/${THEIRS.invoice}/notes`, { body: 'mine now' }),
  },
  { op: 'getInvoicePdf', expect: 404, send: (c) => c.get(`/portal-api/invoices/${THEIRS.invoice}/pdf`) },
  {
    op: 'payInvoice',
    expect: 404,
    send: (c) =>
      c.post(`/portal-api/invoices/${THEIRS.invoice}/payments`, {
        invoiceId: THEIRS.invoice,
        idempotencyKey: newKey(),
        allocations: [{ paymentMethodId: 'pm_ada_visa', amount: { amount: 100, currency: 'EUR' } }],
      }),
  },
  {
    op: 'payInvoice',
    expect: 404,
    send: (c) =>
      c.post('/portal-api/invoices/inv_ada_1009/payments', {
        invoiceId: 'inv_ada_1009',
        idempotencyKey: newKey(),
        allocations: [{ paymentMethodId: THEIRS.method, amount: { amount: 100, currency: 'USD' } }],
      }),
  },
  {
    op: 'getIntentOutcome',
    expect: 200,
    send: async (c) => {
      const reply = await c.get(`/portal-api/intents/${THEIRS.intentKey}`);
      assert.deepEqual(reply.body, { status: 'not_found' }, 'their key is unknown to Ada');
      return reply;
    },
  },
  { op: 'listPaymentMethods', expect: 200, send: (c) => c.get('/portal-api/payment-methods') },
  {
    op: 'addCard',
    expect: 200,
    send: (c) => c.post('/portal-api/payment-methods/cards', { token: `tok_amex_03${CARD_YEAR}` }),
  },
  {
    op: 'addBankAccount',
    expect: 200,
    send: (c) =>
      c.post('/portal-api/payment-methods/bank-accounts', {
        holderName: 'Ada Lovelace',
        routingNumber: '110000000',
        accountNumber: '000999888777',
        accountType: 'savings',
      }),
  },
  {
    op: 'removePaymentMethod',
    expect: 404,
    send: (c) => c.request('DELETE', `/portal-api/payment-methods/${THEIRS.method}`),
  },
  {
    op: 'setDefaultPaymentMethod',
    expect: 404,
    send: (c) => c.post(`/portal-api/payment-methods/${THEIRS.method}/default`),
  },
  { op: 'listSubscriptions', expect: 200, send: (c) => c.get('/portal-api/subscriptions') },
  { op: 'listPlans', expect: 200, send: (c) => c.get('/portal-api/plans') },
  {
    op: 'subscribe',
    expect: 404,
    send: (c) =>
      c.post('/portal-api/subscriptions', {
        planId: 'plan_roasters_choice',
        quantity: 1,
        paymentMethodId: THEIRS.method,
        idempotencyKey: newKey(),
      }),
  },
  {
    op: 'previewSubscriptionChange',
    expect: 404,
    send: (c) =>
      c.post(`/portal-api/subscriptions/${THEIRS.subscription}/change-preview`, {
        planId: 'plan_atelier_eur',
        quantity: 2,
      }),
  },
  {
    op: 'changeSubscription',
    expect: 404,
    send: (c) =>
      c.post(`/portal-api/subscriptions/${THEIRS.subscription}/change`, {
        quoteId: 'quote_theirs',
        idempotencyKey: newKey(),
      }),
  },
  {
    op: 'cancelSubscription',
    expect: 404,
    send: (c) =>
      c.post(`/portal-api/subscriptions/${THEIRS.subscription}/cancel`, {
        when: 'immediately',
        reason: 'other',
        comment: 'Probing.',
      }),
  },
  {
    op: 'undoCancelSubscription',
    expect: 404,
    send: (c) => c.post(`/portal-api/subscriptions/${THEIRS.subscription}/undo-cancel`),
  },
  {
    op: 'acceptRetentionOffer',
    expect: 404,
    send: (c) => c.post(`/portal-api/subscriptions/${THEIRS.subscription}/retention-offer`),
  },
  {
    op: 'withdrawSubscriptionChange',
    expect: 404,
    send: (c) => c.post(`/portal-api/subscriptions/${THEIRS.subscription}/scheduled-change/withdraw`),
  },
  {
    op: 'pauseSubscription',
    expect: 404,
    send: (c) => c.post(`/portal-api/subscriptions/${THEIRS.subscription}/pause`, { resumeOn: IN_A_WEEK }),
  },
  {
    op: 'resumeSubscription',
    expect: 404,
    send: (c) => c.post(`/portal-api/subscriptions/${THEIRS.subscription}/resume`),
  },
  {
    op: 'createQuickOrderToken',
    expect: 200,
    send: async (c) => {
      const reply = await c.post('/portal-api/quick-order-tokens');
      const { token } = reply.body as { token: string };
      const exchanged = await server.admin<{ customerCode: string }>(
        'POST',
        '/admin/quick-order-tokens/exchange',
        { token },
      );
      assert.equal(exchanged.body.customerCode, 'CUST-0001', 'Ada’s hand-off is Ada’s');
      return reply;
    },
  },
  { op: 'listAccounts', expect: 200, send: (c) => c.get('/portal-api/accounts') },
  {
    op: 'switchAccount',
    expect: 404,
    send: (c) => c.post('/portal-api/accounts/switch', { customerId: 'cus_analytical' }),
  },
  {
    op: 'changePassword',
    expect: 204,
    send: (c) =>
      c.request('PUT', '/portal-api/auth/password', {
        json: {
          currentPassword: 'correct-horse-battery-staple',
          newPassword: 'correct-horse-battery-staple',
        },
      }),
  },
];

const server = useTestServer();

beforeEach(async () => {
  await server.query(
    `INSERT INTO idempotency_keys (customer_id, key, operation, fingerprint, state, response_status,
       response_body, created_at, updated_at)
     VALUES ('cus_analytical', $1, 'payInvoice', 'theirs', 'completed', 200, $2::jsonb, now(), now())`,
    [THEIRS.intentKey, JSON.stringify({ id: 'rcpt_analytical', invoiceId: THEIRS.invoice })],
  );
});

async function theirState(): Promise<string> {
  return JSON.stringify([
    await server.query("SELECT * FROM customers WHERE id = 'cus_analytical'"),
    await server.query("SELECT * FROM invoices WHERE customer_id = 'cus_analytical' ORDER BY id"),
    await server.query("SELECT * FROM invoice_notes WHERE invoice_id LIKE 'inv_analytical%' ORDER BY id"),
    await server.query(
      "SELECT * FROM payments WHERE customer_id = 'cus_analytical' OR payment_method_id = $1 ORDER BY id",
      [THEIRS.method],
    ),
    await server.query("SELECT * FROM payment_methods WHERE customer_id = 'cus_analytical' ORDER BY id"),
    await server.query("SELECT * FROM subscriptions WHERE customer_id = 'cus_analytical' ORDER BY id"),
  ]);
}

describe('isolation between customers', () => {
  it('probes every customer operation of the contract', () => {
    const needSession = OPERATION_NAMES.filter((name) => !('public' in operations[name]));
    const probed = new Set(probes.map((probe) => probe.op));
    assert.deepEqual(
      needSession.filter((name) => !probed.has(name)),
      [],
      'operations without an isolation probe',
    );
  });

  for (const [how, signIn] of [
    ['a cookie session', async (client: Client) => void (await client.signIn())],
    [
      'a merchant-minted session token',
      async (client: Client) => {
        const minted = await server.admin<{ token: string }>('POST', '/admin/session-tokens', {
          customerId: 'cus_ada',
        });
        client.bearer = minted.body.token;
      },
    ],
    [
      'the session of a person granted on both accounts, switched to Ada’s',
      async (client: Client) => {
        await client.post('/portal-api/auth/magic-link', { email: GRACE });
        const token = await server.emailedToken(GRACE, 'portal-magic-token');
        assert.equal((await client.post('/portal-api/auth/magic-link/verify', { token })).status, 200);
        const switched = await client.post('/portal-api/accounts/switch', { customerId: 'cus_ada' });
        assert.equal(switched.status, 200, switched.text);
      },
    ],
  ] as const) {
    it(`gives Ada nothing of Analytical Engines through ${how} (${probes.length} probes)`, async () => {
      const before = await theirState();
      const ada = server.client();
      await signIn(ada);
      // Grace may list and switch to Analytical Engines (tested in accounts.test.ts); on Ada's account,
      // everything else must answer as it does to Ada herself.
      const person = how.includes('granted on both');
      for (const probe of probes) {
        if (person && (probe.op === 'listAccounts' || probe.op === 'switchAccount')) continue;
        const reply = await probe.send(ada);
        // What signs in to Ada's account is hers alone (src/rules/account-owner.ts, accounts.test.ts).
        const expected = person && OWNER_ONLY.has(probe.op) ? 403 : probe.expect;
        assert.equal(reply.status, expected, `${probe.op}: ${reply.text}`);
        if (probe.expect === 404) {
          assert.deepEqual(
            reply.body,
            {
              error: {
                code: 'not_found',
                message: (reply.body as { error: { message: string } }).error.message,
              },
            },
            `${probe.op} answers a bare not_found`,
          );
        }
        // An id Ada sent may be echoed in a message ("unknown payment method <id>", as for any unknown id):
        // that is her own input, not their data. Everything else of theirs must be absent.
        let text = reply.text;
        for (const id of Object.values(THEIRS)) text = text.replaceAll(id, '<sent id>');
        if (person) text = text.replaceAll(GRACE, '<the person signed in>');
        assert.doesNotMatch(text, FOREIGN, `${probe.op} leaks nothing of theirs`);
      }
      assert.equal(await theirState(), before, 'nothing of theirs changed');
      assert.equal(
        server.gateway.charges.filter((charge) => charge.method.customerId !== 'cus_ada').length,
        0,
      );
    });
  }

  it('answers their ids exactly like unknown ids', async () => {
    const ada = server.client();
    await ada.signIn();
    const pairs: [string, string][] = [
      [`/portal-api/invoices/${THEIRS.invoice}`, '/portal-api/invoices/inv_unknown'],
      [`/portal-api/invoices/${THEIRS.invoice}/pdf`, '/portal-api/invoices/inv_unknown/pdf'],
    ];
    for (const [theirs, unknown] of pairs) {
      const a = await ada.get(theirs);
      const b = await ada.get(unknown);
      assert.equal(a.status, b.status);
      assert.equal(a.text, b.text);
    }
    const pause = (id: string) => ada.post(`/portal-api/subscriptions/${id}/pause`, { resumeOn: IN_A_WEEK });
    assert.equal((await pause(THEIRS.subscription)).text, (await pause('sub_unknown')).text);
    const remove = (id: string) => ada.request('DELETE', `/portal-api/payment-methods/${id}`);
    assert.equal((await remove(THEIRS.method)).text, (await remove('pm_unknown')).text);
  });
});

// A merchant's preview of Ada's portal (adminPreviewCustomer): generated from the operations table, so an
// operation added later is probed without anyone writing its probe. Reads answer; everything else is
// refused before it does anything, the session's own sign-out excepted.
describe('preview sessions', () => {
  /** Ada's ids, by path parameter name. */
  const ADA_IDS: Record<string, string> = {
    id: 'inv_ada_1009',
    invoiceId: 'inv_ada_1009',
    subscriptionId: 'sub_ada_roasters',
    idempotencyKey: 'preview-probe-key-0000000001',
    slug: 'refund-policy',
  };
  const pathFor = (path: string) =>
    `/portal-api${path.replace(/\{(\w+)\}/g, (_, name: string) => ADA_IDS[name] ?? 'unknown')}`;

  async function adaState(): Promise<string> {
    return JSON.stringify([
      await server.query("SELECT * FROM customers WHERE id = 'cus_ada'"),
      await server.query("SELECT * FROM invoice_notes WHERE invoice_id LIKE 'inv_ada%' ORDER BY id"),
      await server.query("SELECT * FROM payments WHERE customer_id = 'cus_ada' ORDER BY id"),
      await server.query("SELECT * FROM payment_methods WHERE customer_id = 'cus_ada' ORDER BY id"),
      await server.query("SELECT * FROM subscriptions WHERE customer_id = 'cus_ada' ORDER BY id"),
      await server.query('SELECT count(*) FROM access_logs'),
      await server.query('SELECT count(*) FROM outbox'),
    ]);
  }

  it('reads answer and every other operation is refused with forbidden, before any effect', async () => {
    const grant = await server.admin<{ token: string; customerId: string }>(
      'POST',
      '/admin/customers/cus_ada/preview',
    );
    assert.equal(grant.status, 200);
    assert.equal(grant.body.customerId, 'cus_ada');
    const before = await adaState();
    const viewer = server.client();
    viewer.bearer = grant.body.token;
    const session = await viewer.get<{ customerId: string; preview?: boolean }>('/portal-api/session');
    assert.equal(session.body.customerId, 'cus_ada');
    assert.equal(session.body.preview, true);
    for (const name of OPERATION_NAMES) {
      if (name === 'signOut') continue;
      const op = operations[name];
      const reply = await viewer.request(op.http.verb, pathFor(op.http.path), {
        ...(op.http.verb === 'GET' || op.http.verb === 'DELETE' ? {} : { json: {} }),
      });
      if ('key' in op) {
        assert.ok(![401, 403].includes(reply.status) && reply.status < 500, `${name} reads: ${reply.text}`);
        if ('noInput' in op) assert.equal(reply.status, 200, `${name}: ${reply.text}`);
      } else {
        assert.equal(reply.status, 403, `${name} is refused: ${reply.text}`);
        assert.match(reply.text, /This is a preview/, name);
      }
    }
    assert.equal(await adaState(), before, 'nothing changed, nothing was logged or emailed');
    const signOut = operations.signOut.http;
    assert.equal((await viewer.request(signOut.verb, `/portal-api${signOut.path}`)).status, 204);
    assert.equal((await viewer.get('/portal-api/session')).body, null, 'sign-out ends the preview');
  });

  it('is never Ada’s sign-in: not in her access log, not her last sign-in, and short-lived', async () => {
    const grant = await server.admin<{ token: string; expiresAt: string }>(
      'POST',
      '/admin/customers/cus_ada/preview',
    );
    const minutes = (Date.parse(grant.body.expiresAt) - Date.now()) / 60_000;
    assert.ok(minutes > 14 && minutes <= 15, `${minutes} minutes`);
    const viewer = server.client();
    viewer.bearer = grant.body.token;
    assert.equal((await viewer.get('/portal-api/invoices')).status, 200);
    assert.deepEqual(await server.query("SELECT * FROM access_logs WHERE customer_code = 'CUST-0001'"), []);
    const listed = await server.admin<{ items: { lastSignInAt?: string }[] }>(
      'GET',
      '/admin/customers?search=CUST-0001',
    );
    assert.equal(listed.body.items[0].lastSignInAt, undefined);
    await server.setClock(new Date(Date.now() + 15 * 60_000 + 1000));
    assert.equal((await viewer.get('/portal-api/invoices')).status, 401, 'gone after 15 minutes');
    assert.equal((await server.admin('POST', '/admin/customers/cus_nobody/preview')).status, 404);
  });
});
