import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Invoice, InvoiceSummary, PaymentReceipt, Subscription } from '../../../../src/model/index.js';
import { dropSchema } from '../../src/db/postgres.js';
import { ADA, Client, DEMO_PASSWORD, type ErrorReply, type OutboxEntry, newKey } from '../helpers.js';
import { type ChildServer, startChildServer } from '../support/child.js';

/**
 * The way a merchant scales out: two server processes on one PostgreSQL database, requests alternating
 * between them. Every guarantee that must hold across processes gets one `it` block below; they share
 * the two processes and the seeded data, so each uses its own addresses, IPs and invoices. Runs in the
 * PostgreSQL step (run-postgres.sh), which provides DATABASE_URL.
 */
const DATABASE_URL = process.env.DATABASE_URL ?? '';
const schema = `portal_two_${randomBytes(6).toString('hex')}`;
let servers: ChildServer[] = [];

before(async () => {
  assert.ok(DATABASE_URL, 'two-processes.test.ts needs DATABASE_URL (run it through run-postgres.sh)');
  // One after the other: the first migrates and seeds, the second finds the schema ready.
  for (let index = 0; index < 2; index++) {
    // Test mode adds only the local /__test__ routes: the last test moves each process's clock with them.
    servers.push(await startChildServer({ DATABASE_URL, PORTAL_SCHEMA: schema, PORTAL_TEST_MODE: '1' }));
  }
});
after(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
  if (DATABASE_URL) await dropSchema(DATABASE_URL, schema);
});

/** A browser whose requests go to the two processes in turn (one cookie jar, as behind a load balancer). */
class Alternating extends Client {
  #turn = 0;
  constructor(ip: string) {
    super(servers[0].url, ip);
  }
  protected override nextBaseUrl(): string {
    return servers[this.#turn++ % servers.length].url;
  }
}

/** The development outbox of one process, read from this machine. */
async function outbox(server: ChildServer, to: string): Promise<OutboxEntry[]> {
  const reply = await new Client(server.url, '127.0.0.1').get<OutboxEntry[]>(
    `/dev/outbox.json?to=${encodeURIComponent(to)}`,
  );
  assert.equal(reply.status, 200);
  return reply.body;
}

const signIn = '/portal-api/auth/sign-in';

describe('two server processes on one PostgreSQL database', () => {
  it('charges once per idempotency key and never overpays, whichever process answers', async () => {
    const ada = new Alternating('203.0.113.1');
    await ada.signIn();
    const invoiceId = 'inv_ada_1008';
    const due = (await ada.get<Invoice>(`/portal-api/invoices/${invoiceId}`)).body.amountDue.amount;
    const pay = (amount: number, key: string) =>
      ada.post<PaymentReceipt & ErrorReply>(`/portal-api/invoices/${invoiceId}/payments`, {
        invoiceId,
        idempotencyKey: key,
        allocations: [{ paymentMethodId: 'pm_ada_visa', amount: { amount, currency: 'USD' } }],
      });
    const key = newKey();
    const part = Math.ceil(due / 3);
    const once = await Promise.all(Array.from({ length: 20 }, () => pay(part, key)));
    const ok = once.filter((reply) => reply.status === 200);
    assert.equal(ok.length + once.filter((reply) => reply.status === 409).length, 20);
    assert.equal(new Set(ok.map((reply) => reply.body.id)).size, 1, 'one receipt');
    let invoice = (await ada.get<Invoice>(`/portal-api/invoices/${invoiceId}`)).body;
    assert.equal(invoice.amountPaid.amount, part, 'one key, one charge');

    const many = await Promise.all(Array.from({ length: 20 }, () => pay(part, newKey())));
    for (const reply of many) assert.ok(reply.status < 500, reply.text);
    invoice = (await ada.get<Invoice>(`/portal-api/invoices/${invoiceId}`)).body;
    assert.ok(invoice.amountPaid.amount <= due, `paid ${invoice.amountPaid.amount} of ${due}`);
    assert.equal(invoice.amountPaid.amount, part * (1 + many.filter((reply) => reply.status === 200).length));
  });

  it('evaluates at most the lockout threshold of guesses spread over both processes', async () => {
    const email = 'ghost-two-processes@example.com';
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        new Client(servers[index % 2].url, `198.18.1.${index + 1}`).post(signIn, {
          email,
          password: `guess-${index}`,
        }),
      ),
    );
    const evaluated = replies.filter((reply) => reply.status !== 429).length;
    assert.ok(evaluated <= 5, `${evaluated} guesses checked: ${replies.map((reply) => reply.status).join()}`);
    for (const server of servers) {
      const later = await new Client(server.url, '198.18.2.1').post(signIn, { email, password: 'another' });
      assert.equal(later.status, 429, 'locked in both processes');
    }
  });

  it('shares the per-IP budget between the processes', async () => {
    const visitor = new Alternating('192.0.2.99');
    const statuses: number[] = [];
    for (let index = 0; index < 25; index++) {
      statuses.push(
        (await visitor.post(signIn, { email: `visitor${index}@example.org`, password: 'x' })).status,
      );
    }
    assert.ok(
      statuses.slice(0, 20).every((status) => status === 401),
      statuses.join(),
    );
    assert.ok(
      statuses.slice(20).every((status) => status === 429),
      statuses.join(),
    );
  });

  it('lets a magic link sign in once, even when both processes are asked at the same moment', async () => {
    const email = 'grace@example.net';
    const [first, second] = servers;
    assert.equal(
      (await new Client(first.url, '203.0.113.2').post('/portal-api/auth/magic-link', { email })).status,
      204,
    );
    const [mail] = await outbox(first, email);
    const token = /portal-magic-token=([\w-]+)/.exec(mail.text)?.[1];
    assert.ok(token, 'the link carries a token');
    const uses = await Promise.all(
      [first, second, first, second].map((server, index) =>
        new Client(server.url, `203.0.113.${10 + index}`).post('/portal-api/auth/magic-link/verify', {
          token,
        }),
      ),
    );
    assert.deepEqual(
      uses.map((reply) => reply.status).sort(),
      [200, 401, 401, 401],
      uses.map((reply) => reply.text).join('\n'),
    );
  });

  it('ends a session everywhere when it is ended in one process', async () => {
    const [first, second] = servers;
    const laptop = new Client(first.url, '203.0.113.3');
    await laptop.signIn(ADA, DEMO_PASSWORD);
    const elsewhere = new Client(second.url, '203.0.113.3');
    for (const [name, value] of laptop.cookies) elsewhere.cookies.set(name, value);
    assert.equal((await elsewhere.get('/portal-api/customer')).status, 200, 'the session works in both');
    assert.equal((await elsewhere.post('/portal-api/auth/sign-out')).status, 204);
    assert.equal((await laptop.get('/portal-api/customer')).status, 401, 'signed out in the other one too');
  });

  // Last: it moves both processes' clocks (each process keeps its own) past Ada's renewal date.
  it('issues and charges a renewal once when the job runs in both processes at the same moment', async () => {
    const first = new Client(servers[0].url, '203.0.113.4');
    await first.signIn(ADA, DEMO_PASSWORD);
    const subscriptions = await first.get<Subscription[]>('/portal-api/subscriptions');
    const roasters = subscriptions.body.find((each) => each.planId === 'plan_roasters_choice');
    assert.ok(roasters, 'Ada’s Roaster’s Choice');
    const renewsOn = roasters.currentPeriodEnd;
    const before = (await first.get<{ items: InvoiceSummary[] }>('/portal-api/invoices?limit=100')).body.items
      .length;
    const local = servers.map((server) => new Client(server.url, '127.0.0.1'));
    for (const client of local) {
      const moved = await client.post('/portal-api/__test__/clock', { now: `${renewsOn}T06:00:00.000Z` });
      assert.equal(moved.status, 200, moved.text);
    }
    const runs = await Promise.all(
      local.map((client) =>
        client.post<{ renewals: { invoices: number } }>('/portal-api/__test__/daily-jobs'),
      ),
    );
    for (const run of runs) assert.equal(run.status, 200, run.text);

    const ada = new Alternating('203.0.113.4');
    await ada.signIn();
    const page = await ada.get<{ items: InvoiceSummary[] }>('/portal-api/invoices?limit=100');
    const renewal = page.body.items.filter((item) => item.issueDate === renewsOn);
    assert.equal(renewal.length, 1, 'one invoice for the period');
    assert.deepEqual(
      [renewal[0].total.amount, renewal[0].amountPaid.amount, renewal[0].amountDue.amount],
      [roasters.nextBillingAmount?.amount, roasters.nextBillingAmount?.amount, 0],
      'the period’s amount, charged (paid) once',
    );
    const issued = runs.reduce((sum, run) => sum + run.body.renewals.invoices, 0);
    assert.equal(page.body.items.length - before, issued, 'what the two runs say they issued, each once');
    const [after] = (await ada.get<Subscription[]>('/portal-api/subscriptions')).body.filter(
      (each) => each.id === roasters.id,
    );
    assert.notEqual(after.currentPeriodEnd, renewsOn, 'the subscription moved on to its next period');
  });
});
