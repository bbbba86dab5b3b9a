import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { createApp } from '../src/app.js';
import { type LogEntry, describeError } from '../src/http/log.js';
import { silentMailer } from '../src/mail/mailer.js';
import { main } from '../src/main.js';
import { ADA, DEMO_PASSWORD, useTestServer } from './helpers.js';

/**
 * Issue 13's server findings, each proven from outside: DNS rebinding and the loopback-only development
 * routes (3), structured logs (5), answers made before address-dependent work (7), headers and small
 * gaps (9). The lockout (1, 6) is in concurrency.test.ts, the body limit (2) in memory.test.ts.
 */
const server = useTestServer();

/** A raw HTTP request, so that the Host header can be anything (fetch always sends the URL's). */
function rawGet(url: string, host: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(url, { method: 'GET', headers: { host } }, (response) => {
      let body = '';
      response.on('data', (data: Buffer) => (body += data.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('a development server nobody else can reach (finding 3)', () => {
  it('answers only to its own host names: a rebound name gets 421 before any route runs', async () => {
    const port = new URL(server.url).port;
    for (const host of ['evil.example', `evil.example:${port}`, 'localhost.evil.example', '192.168.1.20']) {
      const reply = await rawGet(`${server.url}/portal-api/settings`, host);
      assert.equal(reply.status, 421, host);
      assert.equal((JSON.parse(reply.body) as { error: { code: string } }).error.code, 'forbidden');
      assert.equal((await rawGet(`${server.url}/dev/outbox.json`, host)).status, 421, `${host} outbox`);
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST']) {
      assert.equal((await rawGet(`${server.url}/portal-api/settings`, host)).status, 200, host);
    }
  });

  it('answers configured names, and never takes its own origin from the Host header (CSRF)', async () => {
    const app = createApp({
      ...server.running.app.portal.deps,
      mailer: silentMailer,
      allowedHosts: ['portal.internal'],
    });
    const settings = await app.request('http://portal.internal/portal-api/settings');
    assert.equal(settings.status, 200, 'a name from ALLOWED_HOSTS');
    // Host says portal.internal, and Origin matches it: still not an origin this server calls its own.
    const forged = await app.request('http://portal.internal/portal-api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://portal.internal' },
      body: JSON.stringify({ email: ADA, password: DEMO_PASSWORD }),
    });
    assert.equal(forged.status, 403);
  });

  it('serves the outbox and the test routes to this machine only', async () => {
    const remote = server.client('203.0.113.99');
    assert.equal((await remote.get('/dev/outbox')).status, 404);
    assert.equal((await remote.get('/dev/outbox.json')).status, 404);
    assert.equal((await remote.post('/portal-api/__test__/clock', { advanceSeconds: 1 })).status, 404);
    const local = server.client('127.0.0.1');
    assert.equal((await local.get('/dev/outbox.json')).status, 200);
    assert.equal((await local.post('/portal-api/__test__/clock', { advanceSeconds: 1 })).status, 200);
  });
});

describe('structured logs (finding 5)', () => {
  it('writes one JSON object per request, CR/LF in the path escaped, with a request id', async () => {
    const entries: string[] = [];
    const app = createApp({
      ...server.running.app.portal.deps,
      mailer: silentMailer,
      log: (entry) => entries.push(JSON.stringify(entry)),
    });
    const forged = '/portal-api/nothing%0D%0A%7B%22level%22%20%22info%22%7D';
    const reply = await app.request(`http://localhost${forged}`);
    assert.equal(reply.status, 404);
    assert.equal(entries.length, 1);
    const lines = entries.join('\n').split(/\r?\n|\r/);
    assert.equal(lines.length, 1, 'the CR/LF did not start a line of its own');
    const entry = JSON.parse(lines[0]) as LogEntry;
    assert.equal(entry.method, 'GET');
    assert.equal(entry.status, 404);
    assert.equal(entry.path, '/portal-api/nothing\r\n{"level" "info"}');
    assert.equal(typeof entry.ms, 'number');
    assert.equal(entry.requestId, reply.headers.get('x-request-id'));
  });
});

describe('reset and magic-link requests answer before looking at the address (finding 7)', () => {
  const cases = [
    { path: '/portal-api/auth/password-reset', bucket: 'reset_email', known: ADA },
    { path: '/portal-api/auth/magic-link', bucket: 'magic_link_email', known: 'grace@example.net' },
  ];
  for (const { path, bucket, known } of cases) {
    it(`${path}: the answer is made before any address-dependent work, known address or not`, async () => {
      const app = server.running.app.portal;
      const budgetSpent = async (email: string) =>
        (await server.query('SELECT 1 FROM rate_limits WHERE bucket = $1 AND key = $2', [bucket, email]))
          .length > 0;
      const emailsTo = async (email: string) =>
        (await server.query('SELECT 1 FROM outbox WHERE lower(to_address) = $1', [email])).length;
      for (const email of [known, 'nobody-here@example.com']) {
        const release = app.holdBackgroundWork();
        try {
          const reply = await server.client().post(path, { email });
          assert.equal(reply.status, 204);
          assert.equal(await budgetSpent(email), false, `${email}: nothing looked up before the answer`);
          assert.equal(await emailsTo(email), 0, `${email}: nothing queued before the answer`);
        } finally {
          release();
        }
        await app.drain();
        assert.equal(await budgetSpent(email), true, `${email}: the same work ran after the answer`);
        assert.equal(await emailsTo(email), email === known ? 1 : 0);
      }
    });
  }
});

describe('headers and small gaps (finding 9)', () => {
  it('sends nosniff on static files and 404s, Referrer-Policy on pages, serves no source maps', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-static-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>store</title>');
    writeFileSync(join(dir, 'portal.js'), 'export {};\n//# sourceMappingURL=portal.js.map');
    writeFileSync(join(dir, 'portal.js.map'), '{"version":3,"sources":["secret.ts"]}');
    const app = createApp({ ...server.running.app.portal.deps, mailer: silentMailer, staticDirs: [dir] });
    try {
      const get = (path: string) => app.request(`http://localhost${path}`);
      for (const path of ['/', '/portal.js', '/nothing-here', '/portal-api/nothing']) {
        assert.equal((await get(path)).headers.get('x-content-type-options'), 'nosniff', path);
      }
      assert.equal((await get('/')).headers.get('referrer-policy'), 'same-origin');
      const map = await get('/portal.js.map');
      assert.equal(map.status, 404);
      assert.doesNotMatch(await map.text(), /secret\.ts/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not echo the path in a 404', async () => {
    const reply = await server.client().get('/portal-api/%3Cimg%20src%3Dx%3E/probe-7f3a');
    assert.equal(reply.status, 404);
    assert.doesNotMatch(reply.text, /img|probe-7f3a/);
  });

  it('keeps the outbox page out of frames', async () => {
    const page = await server.client('127.0.0.1').get('/dev/outbox');
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  });

  it('refuses an empty form-encoded body with a cookie session and no Origin (CSRF)', async () => {
    const client = server.client();
    await client.signIn();
    const signOut = await client.request('POST', '/portal-api/auth/sign-out', {
      body: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(signOut.status, 403);
    assert.equal((await client.get('/portal-api/customer')).status, 200, 'still signed in');
  });
});

/**
 * Last, and without the shared server's help: these start databases in this process, which holds up its
 * event loop long enough for an idle keep-alive connection to the shared server to go stale.
 */
describe('the process as npm start runs it, and database errors in the log (findings 3, 5)', () => {
  it('npm start listens on loopback unless HOST says otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-main-'));
    const env = { PORT: '0', DATA_DIR: join(dir, 'db'), CARD_FIELDS_DIR: dir, CARD_FIELDS_PORT: '0' };
    try {
      const loopback = await main(env);
      assert.equal((loopback.server.server.address() as AddressInfo).address, '127.0.0.1');
      await loopback.stop();
      const everywhere = await main({ ...env, HOST: '0.0.0.0', ALLOWED_HOSTS: 'billing.example' });
      assert.equal((everywhere.server.server.address() as AddressInfo).address, '0.0.0.0');
      const named = await rawGet(`${everywhere.server.url}/portal-api/settings`, 'billing.example');
      assert.equal(named.status, 200, 'ALLOWED_HOSTS');
      await everywhere.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('logs a database error by its SQLSTATE, never its parameters or the values it quotes', async () => {
    const db = await PGlite.create();
    try {
      await db.exec('CREATE TABLE t (id TEXT PRIMARY KEY)');
      await db.query('INSERT INTO t VALUES ($1)', ['secret-value-1']);
      const errors: unknown[] = [];
      await db.query('INSERT INTO t VALUES ($1)', ['secret-value-1']).catch((e: unknown) => errors.push(e));
      await db.query('SELECT $1::int', ['secret-value-2']).catch((e: unknown) => errors.push(e));
      assert.equal(errors.length, 2);
      for (const error of errors) {
        const line = JSON.stringify(describeError(error));
        assert.doesNotMatch(line, /secret-value/);
        assert.match(line, /"sqlState":"(23505|22P02)"/);
      }
    } finally {
      await db.close();
    }
  });
});
