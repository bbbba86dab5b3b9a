import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QuickOrderCustomer, QuickOrderHandOff, Session } from '../../../src/model/index.js';
import { type Client, useTestServer } from './helpers.js';

/**
 * Quick order on the reference server: a signed-in customer gets a two-minute, single-use hand-off token;
 * the merchant's server exchanges it once at the admin endpoint; the demo checkout does exactly that.
 */
const server = useTestServer();
const GRACE = 'grace@example.net';

async function handOff(client: Client): Promise<QuickOrderHandOff> {
  const reply = await client.post<QuickOrderHandOff>('/portal-api/quick-order-tokens');
  assert.equal(reply.status, 200, reply.text);
  return reply.body;
}

function exchange(token: unknown) {
  return server.admin<{ customerCode: string; name: string }>('POST', '/admin/quick-order-tokens/exchange', {
    token,
  });
}

/** Grace, by her link, switched to Ada's account: an access rule lets her in, but she is not its owner. */
async function graceOnAdas(): Promise<Client> {
  const grace = server.client();
  await grace.post('/portal-api/auth/magic-link', { email: GRACE });
  const token = await server.emailedToken(GRACE, 'portal-magic-token');
  assert.equal((await grace.post('/portal-api/auth/magic-link/verify', { token })).status, 200);
  const switched = await grace.post<Session>('/portal-api/accounts/switch', { customerId: 'cus_ada' });
  assert.equal(switched.body.customerCode, 'CUST-0001', switched.text);
  return grace;
}

describe('quick order hand-off', () => {
  it('appends a token to the demo checkout URL and stores only its hash', async () => {
    const ada = server.client();
    await ada.signIn();
    const { url, token, expiresAt } = await handOff(ada);
    assert.equal(url, `/demo/checkout?portal_handoff=${token}`);
    const rows = await server.query<{ token_hash: string }>('SELECT token_hash FROM quick_order_tokens');
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0].token_hash, token, 'the database keeps a hash, not the token');
    assert.ok(!JSON.stringify(rows).includes(token));
    const lifetime = Date.parse(expiresAt) - Date.now();
    assert.ok(lifetime > 100_000 && lifetime <= 120_000, `two minutes, got ${lifetime} ms`);
  });

  it('answers the customer once, then refuses the same token', async () => {
    const ada = server.client();
    await ada.signIn();
    const { token } = await handOff(ada);
    const first = await exchange(token);
    assert.equal(first.status, 200, first.text);
    assert.equal(first.body.customerCode, 'CUST-0001');
    assert.equal(first.body.name, 'Ada Lovelace');
    const again = await exchange(token);
    assert.equal(again.status, 404);
    assert.equal((again.body as unknown as { error: { code: string } }).error.code, 'not_found');
  });

  it('refuses a token after two minutes', async () => {
    const start = new Date();
    await server.setClock(start);
    const ada = server.client();
    await ada.signIn();
    const { token } = await handOff(ada);
    await server.setClock(new Date(start.getTime() + 121_000));
    assert.equal((await exchange(token)).status, 404, 'expired');
  });

  it('keeps each token with the customer it was made for, and refuses a locked-out one', async () => {
    const ada = server.client();
    await ada.signIn();
    const adas = await handOff(ada);
    const locked = await handOff(ada);
    const grace = server.client();
    const minted = await server.admin<{ token: string }>('POST', '/admin/session-tokens', {
      customerId: 'cus_analytical',
    });
    grace.bearer = minted.body.token;
    const theirs = await handOff(grace);
    assert.equal((await exchange(theirs.token)).body.customerCode, 'CUST-0002');
    assert.equal((await exchange(adas.token)).body.customerCode, 'CUST-0001');
    await server.admin('POST', '/admin/customers/cus_ada/lock');
    assert.equal(
      (await exchange(locked.token)).status,
      404,
      'a customer locked out since is not handed over',
    );
  });

  it('refuses without a session, without the secret key, and with quick order off', async () => {
    const anonymous = server.client();
    assert.equal((await anonymous.post('/portal-api/quick-order-tokens')).status, 401);
    const ada = server.client();
    await ada.signIn();
    const { token } = await handOff(ada);
    const browser = await ada.post('/portal-api/admin/quick-order-tokens/exchange', { token });
    assert.equal(browser.status, 401, 'a customer cannot exchange a token: the secret key is required');
    assert.equal((await exchange('')).status, 400);
    await server.updateSettings((settings) => {
      delete settings.quickOrderUrl;
    });
    assert.equal((await ada.post('/portal-api/quick-order-tokens')).status, 403);
    assert.equal((await exchange(token)).status, 200, 'a token made before still works once');
  });

  it('the demo checkout exchanges the token server-side and greets the customer, once', async () => {
    const ada = server.client();
    await ada.signIn();
    const { url } = await handOff(ada);
    const page = await server.client().get(url);
    assert.equal(page.status, 200);
    assert.match(page.text, /Signed in as Ada Lovelace \(CUST-0001\)/);
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
    const reused = await server.client().get(url);
    assert.equal(reused.status, 410);
    assert.doesNotMatch(reused.text, /Ada/);
    const forged = await server.client().get('/demo/checkout?portal_handoff=%3Cscript%3E');
    assert.equal(forged.status, 410);
    assert.doesNotMatch(forged.text, /<script>/);
  });

  it('answers who asked as well as the account: a granted person is not signed in as the owner', async () => {
    const ada = server.client();
    await ada.signIn();
    const adas = await handOff(ada);
    const grace = await graceOnAdas();
    const graces = await handOff(grace);
    const stored = await server.query<{ signed_in_as: string }>(
      'SELECT signed_in_as FROM quick_order_tokens',
    );
    assert.deepEqual(
      stored.map((row) => row.signed_in_as).sort(),
      ['ada@example.com', GRACE],
      'each token records who was signed in when it was made',
    );
    const byOwner = await server.admin<QuickOrderCustomer>('POST', '/admin/quick-order-tokens/exchange', {
      token: adas.token,
    });
    assert.deepEqual(
      [byOwner.body.customerCode, byOwner.body.email, byOwner.body.signedInAs],
      ['CUST-0001', 'ada@example.com', 'ada@example.com'],
    );
    const byGrace = await server.admin<QuickOrderCustomer>('POST', '/admin/quick-order-tokens/exchange', {
      token: graces.token,
    });
    assert.deepEqual(
      [byGrace.body.customerCode, byGrace.body.email, byGrace.body.signedInAs],
      ['CUST-0001', 'ada@example.com', GRACE],
      'Ada’s account and address, but Grace asked',
    );
  });

  it('the demo checkout signs in the person who asked, ordering for the account', async () => {
    const grace = await graceOnAdas();
    const { url } = await handOff(grace);
    const page = await server.client().get(url);
    assert.equal(page.status, 200);
    assert.match(page.text, /Signed in as grace@example\.net, ordering for Ada Lovelace \(CUST-0001\)\./);
    assert.doesNotMatch(page.text, /Signed in as Ada/);
  });

  it('refuses a token that does not say who asked (made before tokens recorded it)', async () => {
    const ada = server.client();
    await ada.signIn();
    const { token } = await handOff(ada);
    await server.query('UPDATE quick_order_tokens SET signed_in_as = NULL');
    assert.equal((await exchange(token)).status, 404, 'its answer could not say who the visitor is');
  });
});
