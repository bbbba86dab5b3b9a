import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccessRule, Session } from '../../../src/model/index.js';
import { type ErrorReply, useTestServer } from './helpers.js';

const GRACE = 'grace@example.net';
const request = '/portal-api/auth/magic-link';
const verify = '/portal-api/auth/magic-link/verify';

const server = useTestServer();

async function linkFor(email: string, returnUrl?: string): Promise<{ url: string; token: string }> {
  const reply = await server.client().post(request, { email, ...(returnUrl ? { returnUrl } : {}) });
  assert.equal(reply.status, 204);
  const token = await server.emailedToken(email, 'portal-magic-token');
  const text = (await server.outbox(email)).at(-1)?.text ?? '';
  const url = /https?:\/\/\S+portal-magic-token=\S+/.exec(text)?.[0] ?? '';
  return { url, token };
}

describe('magic links', () => {
  it('sign in once, within 10 minutes', async () => {
    const { token } = await linkFor(GRACE);
    const stored = await server.query<{ token_hash: string }>('SELECT token_hash FROM auth_tokens');
    assert.ok(!stored.some((row) => row.token_hash === token), 'only the hash is stored');
    await server.setClock(new Date(Date.now() + 9 * 60_000 + 50_000));
    const client = server.client();
    const session = await client.post<Session>(verify, { token });
    assert.equal(session.status, 200);
    assert.equal(session.body.method, 'magic_link');
    assert.equal(session.body.email, GRACE);
    assert.equal(session.body.customerCode, 'CUST-0002');
    assert.ok(client.cookies.has('portal_session'));
    assert.equal((await server.client().post(verify, { token })).status, 401, 'a link works once');

    await server.setClock(new Date());
    const late = await linkFor(GRACE);
    await server.setClock(new Date(Date.now() + 10 * 60_000 + 1000));
    const expired = await server.client().post<ErrorReply>(verify, { token: late.token });
    assert.equal(expired.status, 401);
    assert.equal(expired.body.error.code, 'unauthorized');
  });

  it('is not used up by a mail scanner fetching the emailed URL', async () => {
    const { url, token } = await linkFor(GRACE);
    assert.ok(url.startsWith(`${server.url}/?portal-magic-token=`), url);
    const scanner = server.client('198.51.100.200');
    await scanner.get(url.slice(server.url.length), { 'user-agent': 'SafeLinks-Scanner/1.0' });
    await scanner.get(`${verify}?token=${encodeURIComponent(token)}`);
    await scanner.request('HEAD', url.slice(server.url.length));
    const [row] = await server.query<{ consumed_at: Date | null }>('SELECT consumed_at FROM auth_tokens');
    assert.equal(row.consumed_at, null, 'GET and HEAD consume nothing');
    assert.equal((await server.client().post(verify, { token })).status, 200, 'the person can still sign in');
  });

  it('reaches only addresses an access rule grants, case-insensitively', async () => {
    const cases: [string, boolean][] = [
      ['ops@analytical.example', true],
      ['GRACE@Example.NET', true],
      ['ada@example.com', false],
      ['someone@example.net', false],
      ['x@sub.analytical.example', false],
      ['locked@example.com', false],
    ];
    for (const [email, allowed] of cases) {
      assert.equal((await server.client().post(request, { email })).status, 204, email);
      const sent = (await server.outbox(email)).filter((each) => each.text.includes('portal-magic-token'));
      assert.equal(sent.length, allowed ? 1 : 0, email);
    }
  });

  it('sends the link to an allowed returnUrl and refuses a foreign one for every address alike', async () => {
    const allowed = await linkFor(GRACE, 'https://shop.example/portal?x=1#top');
    assert.match(allowed.url, /^https:\/\/shop\.example\/portal\?x=1&portal-magic-token=[\w-]+$/);
    for (const email of ['ops@analytical.example', 'stranger@example.org']) {
      const reply = await server.client().post(request, { email, returnUrl: 'https://evil.example/' });
      assert.equal(reply.status, 400);
      assert.deepEqual((reply.body as { error: { fieldErrors: unknown } }).error.fieldErrors, [
        { path: 'returnUrl', code: 'invalid' },
      ]);
    }
    assert.equal((await server.outbox('ops@analytical.example')).length, 0);
    const plain = await linkFor('ops@analytical.example');
    assert.ok(plain.url.startsWith(`${server.url}/?portal-magic-token=`), plain.url);
  });

  it('stops working when the merchant withdraws the rule or locks the account', async () => {
    const { token } = await linkFor(GRACE);
    assert.equal((await server.admin('DELETE', '/admin/access-rules/rule_analytical_grace')).status, 204);
    assert.equal((await server.client().post(verify, { token })).status, 401);
    const member = await linkFor('ops@analytical.example');
    await server.admin('POST', '/admin/customers/cus_analytical/lock');
    assert.equal(
      (await server.client().post(verify, { token: member.token })).status,
      401,
      'lock revokes links',
    );
    assert.equal((await server.admin('DELETE', '/admin/access-rules/rule_does_not_exist')).status, 404);
  });

  it('is refused altogether when the merchant turns it off', async () => {
    const { token } = await linkFor(GRACE);
    await server.updateSettings((settings) => {
      settings.signIn.magicLink = false;
    });
    assert.equal((await server.client().post<ErrorReply>(request, { email: GRACE })).status, 403);
    assert.equal((await server.client().post<ErrorReply>(verify, { token })).status, 403);
  });
});

describe('access rules', () => {
  it('refuses rules overlapping another of the same account with 409, and grants one address on several', async () => {
    const add = (rule: Omit<AccessRule, 'id'>) =>
      server.admin<ErrorReply | AccessRule>('POST', '/admin/access-rules', rule);
    const overlapping: Omit<AccessRule, 'id'>[] = [
      { customerId: 'cus_analytical', kind: 'email', value: 'someone@Analytical.Example' },
      { customerId: 'cus_analytical', kind: 'domain', value: 'example.net' },
      { customerId: 'cus_analytical', kind: 'domain', value: 'ANALYTICAL.example' },
      { customerId: 'cus_analytical', kind: 'email', value: 'Grace@example.net' },
      { customerId: 'cus_ada', kind: 'email', value: 'Grace@example.net' },
    ];
    for (const rule of overlapping) {
      const reply = await add(rule);
      assert.equal(reply.status, 409, `${rule.kind} ${rule.value}`);
      assert.equal((reply.body as ErrorReply).error.code, 'conflict');
    }
    const created = await add({ customerId: 'cus_ada', kind: 'domain', value: 'Lovelace.Example' });
    assert.equal(created.status, 200);
    assert.equal((created.body as AccessRule).value, 'lovelace.example');
    assert.equal(
      (await add({ customerId: 'cus_ada', kind: 'email', value: 'bob@lovelace.example' })).status,
      409,
      'the same account already grants the domain',
    );
    assert.equal(
      (await add({ customerId: 'cus_analytical', kind: 'email', value: 'bob@lovelace.example' })).status,
      200,
      'another account may grant the same person',
    );
    assert.equal(
      (await add({ customerId: 'cus_nobody', kind: 'domain', value: 'fresh.example' })).status,
      404,
    );
    const rules = (await server.admin<AccessRule[]>('GET', '/admin/access-rules')).body;
    assert.deepEqual(
      rules.map((rule) => `${rule.customerId} ${rule.kind} ${rule.value}`),
      [
        'cus_analytical domain analytical.example',
        'cus_analytical email grace@example.net',
        'cus_ada email grace@example.net',
        'cus_ada domain lovelace.example',
        'cus_analytical email bob@lovelace.example',
      ],
    );
    const { token } = await linkFor('bob@lovelace.example');
    const session = await server.client().post<Session>(verify, { token });
    assert.equal(
      session.body.customerCode,
      'CUST-0001',
      'the first rule granting him, in the merchant’s order',
    );
    assert.equal(session.body.email, 'bob@lovelace.example');
    assert.equal(session.body.accountCount, 2);
  });
});
