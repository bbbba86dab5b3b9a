import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Invoice, PaymentReceipt } from '../../../src/model/index.js';
import { ADA, type Client, DEMO_PASSWORD, type ErrorReply, newKey, useTestServer } from './helpers.js';

/**
 * Many requests at once against the guarantees that must hold under load: the sign-in lockout, the
 * device cookies that keep the owner admitted, one charge per idempotency key, no overpayment. Runs on
 * PGlite and, with DATABASE_URL (run-postgres.sh), on a PostgreSQL server with a connection pool.
 */
const server = useTestServer();
const signInPath = '/portal-api/auth/sign-in';
const THRESHOLD = 5;

/** Sign-in attempts whose password was checked: every logged attempt but those refused before it. */
async function evaluatedAttempts(email: string): Promise<number> {
  const rows = await server.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM access_logs
      WHERE lower(email) = lower($1) AND method = 'password'
        AND reason IS DISTINCT FROM 'too_many_failures' AND reason IS DISTINCT FROM 'ip_rate_limited'`,
    [email],
  );
  return rows[0].count;
}

describe('sign-in lockout under concurrency', () => {
  it(`checks the password of at most ${THRESHOLD} of 100 concurrent guesses at one address`, async () => {
    // One IP per guess, so the per-IP budget never refuses first: only the lockout may.
    const guesses = Array.from({ length: 100 }, (_, index) =>
      index === 59 ? DEMO_PASSWORD : `wrong-guess-${index}`,
    );
    const replies = await Promise.all(
      guesses.map((password, index) =>
        server.client(`198.18.${index >> 8}.${(index & 255) + 1}`).post<ErrorReply>(signInPath, {
          email: ADA,
          password,
        }),
      ),
    );
    const statuses = replies.map((reply) => reply.status);
    const evaluated = statuses.filter((status) => status !== 429).length;
    assert.ok(evaluated <= THRESHOLD, `${evaluated} answered after a password check: ${statuses.join()}`);
    assert.ok(evaluated >= 1, 'the first guesses are checked');
    for (const reply of replies.filter((each) => each.status === 429)) {
      assert.equal(reply.body.error.code, 'rate_limited');
      assert.ok(Number(reply.headers.get('retry-after')) >= 1);
    }
    assert.ok(
      statuses.every((status) => [200, 401, 429].includes(status)),
      statuses.join(),
    );
    assert.equal(await evaluatedAttempts(ADA), evaluated, 'the access log agrees: no hidden checks');
    if (!statuses.includes(200)) {
      // Every checked guess was wrong: the address is locked now, for the right password as well.
      const later = await server
        .client('198.18.9.9')
        .post(signInPath, { email: ADA, password: DEMO_PASSWORD });
      assert.equal(later.status, 429);
    }
  });

  it('keeps admitting a browser that signed in before while a stranger locks the address out', async () => {
    const owner = server.client('203.0.113.20');
    await owner.signIn();
    assert.equal((await owner.post('/portal-api/auth/sign-out')).status, 204);

    const stranger = server.client('198.51.100.66');
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        server
          .client(`198.51.100.${100 + index}`)
          .post(signInPath, { email: ADA, password: `guess-${index}` }),
      ),
    );
    assert.ok(guesses.filter((reply) => reply.status === 401).length <= THRESHOLD);
    const right = await stranger.post(signInPath, { email: ADA, password: DEMO_PASSWORD });
    assert.equal(right.status, 429, 'a browser that never signed in is locked out, right password or not');

    const back = await owner.post(signInPath, { email: ADA, password: DEMO_PASSWORD });
    assert.equal(back.status, 200, `the owner's browser still signs in: ${back.text}`);
    assert.ok(owner.cookies.has('portal_device'), 'it is known by its device cookie');
    assert.equal(
      (await owner.post(signInPath, { email: 'grace@example.net', password: DEMO_PASSWORD })).status,
      401,
      'trust is per address: the device cookie does not help with another address',
    );
    // The owner's browser has a lockout of its own: its own wrong guesses still lock it.
    for (let attempt = 1; attempt <= THRESHOLD; attempt++) {
      assert.equal((await owner.post(signInPath, { email: ADA, password: 'typo' })).status, 401);
    }
    assert.equal((await owner.post(signInPath, { email: ADA, password: DEMO_PASSWORD })).status, 429);
  });

  it('does not let a flood from a shared IP lock out the browsers behind it that signed in before', async () => {
    const office = '192.0.2.200';
    const colleague = server.client(office);
    await colleague.signIn();
    const flood = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        server.client(office).post(signInPath, { email: `visitor${index}@example.org`, password: 'x-x-x-x' }),
      ),
    );
    assert.ok(
      flood.some((reply) => reply.status === 429),
      'the IP is over its budget',
    );
    const stranger = await server.client(office).post(signInPath, { email: ADA, password: DEMO_PASSWORD });
    assert.equal(stranger.status, 429, 'a new browser on that IP waits');
    const again = await colleague.post(signInPath, { email: ADA, password: DEMO_PASSWORD });
    assert.equal(again.status, 200, 'the browser that signed in before does not');
  });
});

describe('payments under concurrency', () => {
  let ada: Client;
  const pay = (invoiceId: string, amount: number, key = newKey()) =>
    ada.post<PaymentReceipt & ErrorReply>(`/portal-api/invoices/${invoiceId}/payments`, {
      invoiceId,
      idempotencyKey: key,
      allocations: [{ paymentMethodId: 'pm_ada_visa', amount: { amount, currency: 'USD' } }],
    });
  const invoice = async (id: string) => (await ada.get<Invoice>(`/portal-api/invoices/${id}`)).body;
  const succeeded = async (invoiceId: string) =>
    server.query<{ count: number; total: number }>(
      `SELECT count(*)::int AS count, coalesce(sum(amount), 0)::int AS total
         FROM payments WHERE invoice_id = $1 AND outcome = 'succeeded'`,
      [invoiceId],
    );

  it('charges once for 50 concurrent requests with one idempotency key', async () => {
    ada = server.client();
    await ada.signIn();
    const due = (await invoice('inv_ada_1008')).amountDue.amount;
    const key = newKey();
    const replies = await Promise.all(Array.from({ length: 50 }, () => pay('inv_ada_1008', due, key)));
    const ok = replies.filter((reply) => reply.status === 200);
    assert.equal(ok.length + replies.filter((reply) => reply.status === 409).length, 50);
    assert.equal(new Set(ok.map((reply) => reply.body.id)).size, 1, 'every success is one receipt');
    assert.equal(server.gateway.charges.length, 1, 'one charge at the gateway');
    assert.deepEqual(await succeeded('inv_ada_1008'), [{ count: 1, total: due }]);
  });

  it('never overpays with 50 concurrent partial payments under different keys', async () => {
    ada = server.client();
    await ada.signIn();
    const due = (await invoice('inv_ada_1008')).amountDue.amount;
    const part = Math.ceil(due / 3);
    const replies = await Promise.all(Array.from({ length: 50 }, () => pay('inv_ada_1008', part)));
    const ok = replies.filter((reply) => reply.status === 200);
    for (const reply of replies) assert.ok(reply.status < 500, `${reply.status} ${reply.text}`);
    const [{ count, total }] = await succeeded('inv_ada_1008');
    assert.equal(count, ok.length, 'one payment row per accepted request');
    assert.equal(server.gateway.charges.length, ok.length, 'one charge per accepted request');
    assert.ok(total <= due, `paid ${total} of ${due}`);
    assert.ok(ok.length >= 2, 'the parts that fit are accepted');
    assert.equal((await invoice('inv_ada_1008')).amountPaid.amount, total);
  });
});
