import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OPERATION_NAMES, operations } from '../../../src/contract/operations.js';
import { adminOperations } from '../../../src/contract/admin-operations.js';
import { ADMIN_OPERATION_NAMES } from '../src/admin/router.js';
import { CONSOLE_OPERATION_NAMES } from '../src/admin/console-router.js';
import { consoleOperations, staffOperations } from '../../../src/contract/console-operations.js';
import { DEMO_STAFF } from '../src/db/seed.js';
import { createApp } from '../src/app.js';
import { silentMailer } from '../src/mail/mailer.js';
import { handlers } from '../src/routes/handlers/index.js';
import { type ErrorReply, MERCHANT_SECRET, useTestServer } from './helpers.js';

const server = useTestServer();

const fill = (path: string) => path.replace(/\{(\w+)\}/g, 'x_probe');
const isNoRoute = (reply: { status: number; text: string }) =>
  reply.status === 404 && reply.text.includes('no such endpoint');

describe('routes', () => {
  it('has a handler for every operation of the contract and nothing else', () => {
    assert.deepEqual(Object.keys(handlers).sort(), [...OPERATION_NAMES].sort());
  });

  it('serves every customer operation at its verb and path', async () => {
    const client = server.client();
    for (const name of OPERATION_NAMES) {
      const { verb, path } = operations[name].http;
      const reply = await client.request(verb, `/portal-api${fill(path)}`);
      assert.ok(!isNoRoute(reply), `${name}: ${verb} ${path} is not routed`);
      assert.ok(reply.status < 500, `${name}: ${reply.status} ${reply.text}`);
    }
  });

  it('serves every admin operation at its verb and path, behind the merchant key', async () => {
    const anonymous = server.client();
    for (const name of ADMIN_OPERATION_NAMES) {
      const { verb, path } = adminOperations[name].http;
      const refused = await anonymous.request(verb, `/portal-api${fill(path)}`);
      assert.equal(refused.status, 401, `${name} without the key`);
      const reply = await server.admin(verb, fill(path));
      assert.ok(!isNoRoute(reply) && reply.status !== 401, `${name}: ${verb} ${path} → ${reply.status}`);
    }
  });

  it('serves every console operation at its verb and path, behind the staff cookie', async () => {
    const anonymous = server.client();
    const staff = server.client();
    const signedIn = await staff.post('/merchant/api/session', {
      email: DEMO_STAFF.email,
      password: DEMO_STAFF.password,
    });
    assert.equal(signedIn.status, 200);
    for (const name of CONSOLE_OPERATION_NAMES) {
      const { verb, path } = consoleOperations[name].http;
      if (name in staffOperations) continue;
      const refused = await anonymous.request(verb, fill(path));
      assert.equal(refused.status, 401, `${name} without the cookie`);
      const reply = await staff.request(verb, fill(path));
      assert.ok(!isNoRoute(reply) && reply.status !== 401, `${name}: ${verb} ${path} → ${reply.status}`);
      assert.ok(reply.status < 500, `${name}: ${reply.status} ${reply.text}`);
    }
  });

  it('answers unknown routes and methods with a 404 ErrorBody', async () => {
    for (const [method, path] of [
      ['GET', '/portal-api/nothing-here'],
      ['DELETE', '/portal-api/invoices'],
      ['GET', '/portal-api/auth/sign-in'],
    ]) {
      const reply = await server.client().request<ErrorReply>(method, path);
      assert.equal(reply.status, 404);
      assert.equal(reply.body.error.code, 'not_found');
      assert.match(reply.headers.get('content-type') ?? '', /application\/json/);
    }
  });

  it('answers invalid input with 400 and field errors, before doing anything', async () => {
    const client = server.client();
    await client.signIn();
    const bad = await client.request<ErrorReply>('PATCH', '/portal-api/customer', {
      json: { billingAddress: { line1: 'x', city: 'y', country: 'usa' } },
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.fieldErrors, [{ path: 'billingAddress.country', code: 'invalid' }]);
    const limit = await client.get<ErrorReply>('/portal-api/invoices?limit=0');
    assert.deepEqual(limit.body.error.fieldErrors, [{ path: 'limit', code: 'too_short' }]);
    const broken = await client.request<ErrorReply>('POST', '/portal-api/invoices/inv_ada_1009/notes', {
      body: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(broken.status, 400);
    const mismatch = await client.post<ErrorReply>(
      '/portal-api/subscriptions/sub_ada_roasters/change-preview',
      {
        subscriptionId: 'sub_ada_espresso',
        planId: 'plan_roasters_choice',
        quantity: 3,
      },
    );
    assert.equal(mismatch.status, 400, 'a body id that contradicts the path');
    assert.equal((await client.get('/portal-api/customer')).status, 200);
  });

  it('sends no-store and nosniff on API answers', async () => {
    const reply = await server.client().get('/portal-api/settings');
    assert.equal(reply.headers.get('cache-control'), 'no-store');
    assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
  });
});

describe('cross-site requests', () => {
  it('refuses cookie-authenticated changes from a foreign origin and accepts allowed ones', async () => {
    const client = server.client();
    await client.signIn();
    const note = (origin?: string) =>
      client.post<ErrorReply>(
        '/portal-api/invoices/inv_ada_1009/notes',
        { body: 'hello' },
        origin ? { origin } : {},
      );
    const evil = await note('https://evil.example');
    assert.equal(evil.status, 403);
    assert.equal(evil.body.error.code, 'forbidden');
    assert.equal((await note('https://shop.example')).status, 200, 'an allowed origin');
    assert.equal((await note(server.url)).status, 200, 'our own origin');
    assert.equal((await note()).status, 200, 'a non-browser client sends no Origin');
    const login = await server.client().post(
      '/portal-api/auth/sign-in',
      { email: 'ada@example.com', password: 'x' },
      {
        origin: 'https://evil.example',
      },
    );
    assert.equal(login.status, 403, 'login CSRF is refused too');
    const notes = await server.query("SELECT id FROM invoice_notes WHERE invoice_id = 'inv_ada_1009'");
    assert.equal(notes.length, 3);
  });

  it('refuses bodies an HTML form could send', async () => {
    const client = server.client();
    await client.signIn();
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const reply = await client.request<ErrorReply>('POST', '/portal-api/invoices/inv_ada_1009/notes', {
        body: JSON.stringify({ body: 'forged' }),
        headers: { 'content-type': type },
      });
      assert.equal(reply.status, 403, type);
    }
    assert.equal((await server.query('SELECT id FROM invoice_notes WHERE body = $1', ['forged'])).length, 0);
  });

  it('answers CORS preflights for allowed origins only, never for the admin API', async () => {
    const preflight = (path: string, origin: string) =>
      fetch(`${server.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,idempotency-key',
        },
      });
    const allowed = await preflight('/portal-api/invoices/inv_ada_1009/payments', 'https://shop.example');
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
    const evil = await preflight('/portal-api/invoices/inv_ada_1009/payments', 'https://evil.example');
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    const admin = await preflight('/portal-api/admin/settings', 'https://shop.example');
    assert.equal(admin.headers.get('access-control-allow-origin'), null);
    const get = await fetch(`${server.url}/portal-api/settings`, {
      headers: { origin: 'https://shop.example' },
    });
    assert.match(get.headers.get('access-control-expose-headers') ?? '', /Content-Disposition/i);
  });
});

describe('development and test routes', () => {
  it('lists the outbox as escaped HTML with clickable links, and as JSON', async () => {
    const client = server.client();
    await client.signIn();
    const comment = '<script>alert("x")</script> & <b>bold</b>';
    await client.post('/portal-api/subscriptions/sub_ada_roasters/cancel', {
      when: 'period_end',
      reason: 'other',
      comment,
    });
    await server.client().post('/portal-api/auth/magic-link', { email: 'grace@example.net' });
    const page = await server.client('127.0.0.1').get('/dev/outbox');
    assert.equal(page.status, 200);
    assert.ok(!page.text.includes('<script>alert'), 'customer text is escaped');
    assert.ok(
      page.text.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;'),
    );
    assert.match(page.text, /<a href="http:\/\/localhost:\d+\/\?portal-magic-token=[\w-]+">/);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const json = await server.outbox('support@northwind.example');
    assert.equal(json.length, 1);
    assert.ok(json[0].text.includes(comment), 'the JSON keeps the text as it was');
  });

  it('serves neither /dev nor /__test__ unless enabled', async () => {
    const production = createApp({
      ...server.running.app.portal.deps,
      mailer: silentMailer,
      devRoutes: false,
      testMode: false,
    });
    for (const [method, path] of [
      ['GET', '/dev/outbox'],
      ['GET', '/dev/outbox.json'],
      ['POST', '/portal-api/__test__/reset'],
      ['POST', '/portal-api/__test__/clock'],
    ]) {
      const reply = await production.request(`http://localhost${path}`, {
        method,
        headers: { authorization: `Bearer ${MERCHANT_SECRET}` },
      });
      assert.equal(reply.status, 404, path);
    }
  });
});
