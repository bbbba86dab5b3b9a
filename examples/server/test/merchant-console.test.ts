import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomerAccessPage, PortalSettings, StaffSession } from '../../../src/model/index.js';
import { DEMO_STAFF } from '../src/db/seed.js';
import { type Client, type ErrorReply, MERCHANT_SECRET, useTestServer } from './helpers.js';

const server = useTestServer({ limits: { lockoutThreshold: 3, authRequestsPerIpPerMinute: 8 } });
const SESSION = '/merchant/api/session';
const { email: OWNER, password: OWNER_PASSWORD } = DEMO_STAFF;

async function signedIn(ip?: string): Promise<Client> {
  const client = server.client(ip);
  const reply = await client.post<StaffSession>(SESSION, { email: OWNER, password: OWNER_PASSWORD });
  assert.equal(reply.status, 200, reply.text);
  return client;
}

describe('staff sign-in', () => {
  it('signs in to a Strict, HttpOnly cookie scoped to /merchant, reports and ends the session', async () => {
    const client = server.client();
    assert.equal((await client.get(SESSION)).body, null);
    const reply = await client.post<StaffSession>(SESSION, {
      email: 'OWNER@northwind.example',
      password: OWNER_PASSWORD,
    });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.email, OWNER);
    assert.equal(reply.body.name, DEMO_STAFF.name);
    const cookie = reply.headers.getSetCookie().find((each) => each.startsWith('portal_staff='));
    assert.ok(cookie);
    assert.match(cookie, /; Path=\/merchant(;|$)/);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Strict/);
    assert.doesNotMatch(cookie, /; Secure/, 'the test server is plain http');
    const stored = await server.query<{ token_hash: string }>('SELECT token_hash FROM staff_sessions');
    assert.equal(stored.length, 1);
    assert.ok(!cookie.includes(stored[0].token_hash), 'only the hash is stored');
    assert.equal((await client.get<StaffSession>(SESSION)).body.staffId, DEMO_STAFF.id);

    const value = client.cookies.get('portal_staff');
    assert.equal((await client.request('DELETE', SESSION)).status, 204);
    assert.equal((await client.get(SESSION)).body, null);
    const replay = server.client();
    replay.cookies.set('portal_staff', value ?? '');
    assert.equal((await replay.get('/merchant/api/customers')).status, 401, 'revoked server-side');
  });

  it('refuses a wrong password like an unknown address, then locks out; the per-IP budget applies', async () => {
    const client = server.client('198.51.100.20');
    const wrong = await client.post<ErrorReply>(SESSION, { email: OWNER, password: 'not-the-password' });
    const unknown = await client.post<ErrorReply>(SESSION, {
      email: 'nobody@northwind.example',
      password: 'whatever-it-is',
    });
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.body, unknown.body);
    await client.post(SESSION, { email: OWNER, password: 'not-the-password' });
    await client.post(SESSION, { email: OWNER, password: 'not-the-password' });
    const locked = await client.post<ErrorReply>(SESSION, { email: OWNER, password: OWNER_PASSWORD });
    assert.equal(locked.status, 429, 'locked out after three failures, even with the right password');
    assert.ok(Number(locked.headers.get('retry-after')) >= 1);

    const flooder = server.client('198.51.100.21');
    let status = 0;
    for (let attempt = 0; attempt < 10 && status !== 429; attempt += 1) {
      status = (
        await flooder.post(SESSION, { email: `x${attempt}@northwind.example`, password: 'whatever-it-is' })
      ).status;
    }
    assert.equal(status, 429, 'the per-IP budget of credential endpoints');
  });

  it('a customer lockout and a staff lockout are counted apart', async () => {
    const client = server.client('198.51.100.30');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await client.post('/portal-api/auth/sign-in', { email: OWNER, password: 'not-the-password' });
    }
    assert.equal((await client.post(SESSION, { email: OWNER, password: OWNER_PASSWORD })).status, 200);
  });
});

describe('console API', () => {
  it('serves the admin operations through the staff cookie, and only through it', async () => {
    const client = await signedIn();
    const customers = await client.get<CustomerAccessPage>('/merchant/api/customers?limit=2');
    assert.equal(customers.status, 200);
    assert.equal(customers.body.items.length, 2);
    assert.equal(customers.headers.get('cache-control'), 'no-store');
    const settings = await client.get<PortalSettings>('/merchant/api/settings');
    assert.equal(settings.status, 200);
    const saved = await client.request<PortalSettings>('PUT', '/merchant/api/settings', {
      json: settings.body,
    });
    assert.equal(saved.status, 200);
    const locked = await client.post('/merchant/api/customers/cus_ada/lock');
    assert.equal(locked.status, 200);
    const csv = await client.get('/merchant/api/access-logs.csv');
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');

    const keyOnly = server.client();
    keyOnly.bearer = MERCHANT_SECRET;
    assert.equal(
      (await keyOnly.get('/merchant/api/customers')).status,
      401,
      'the secret key means nothing here',
    );
    const cookieOnly = server.client();
    cookieOnly.cookies.set('portal_staff', client.cookies.get('portal_staff') ?? '');
    assert.equal(
      (await cookieOnly.get('/portal-api/admin/customers')).status,
      401,
      'the cookie means nothing on /admin',
    );
    assert.equal(
      (await client.post('/merchant/api/session-tokens', { customerId: 'cus_ada' })).status,
      404,
      'server-only operations are not in the console',
    );
  });

  it('refuses cross-site and non-JSON state changes', async () => {
    const client = await signedIn();
    const foreign = await client.post<ErrorReply>('/merchant/api/customers/cus_ada/lock', undefined, {
      origin: 'https://evil.example',
    });
    assert.equal(foreign.status, 403);
    const storefront = await client.post<ErrorReply>('/merchant/api/customers/cus_ada/lock', undefined, {
      origin: 'https://shop.example',
    });
    assert.equal(storefront.status, 403, 'a storefront the customer API allows is not the console');
    const form = await client.request<ErrorReply>('POST', '/merchant/api/customers/cus_ada/lock', {
      body: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(form.status, 403);
    const loginCsrf = await server
      .client()
      .post(SESSION, { email: OWNER, password: OWNER_PASSWORD }, { origin: 'https://evil.example' });
    assert.equal(loginCsrf.status, 403);
    const own = await client.post('/merchant/api/customers/cus_ada/lock', undefined, {
      origin: new URL(server.url).origin,
    });
    assert.equal(own.status, 200);
  });
});
