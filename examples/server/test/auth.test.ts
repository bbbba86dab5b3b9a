import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { DEMO_TEMPORARY_PASSWORD } from '../../../src/adapters/demo/demo-data.js';
import type {
  AccessLogPage,
  CustomerAccessPage,
  CustomerAccessState,
  Session,
  SignInResult,
} from '../../../src/model/index.js';
import { createApp } from '../src/app.js';
import { silentMailer } from '../src/mail/mailer.js';
import {
  ADA,
  DEMO_PASSWORD,
  type ErrorReply,
  MERCHANT_SECRET,
  holdNextTransaction,
  useTestServer,
} from './helpers.js';

const WRONG = 'not-the-password-at-all';
const NOBODY = 'nobody-here@example.com';

const server = useTestServer();

const signInPath = '/portal-api/auth/sign-in';

describe('password sign-in', () => {
  for (const email of [ADA, NOBODY]) {
    it(`locks ${email} out after five failures, with Retry-After, for 15 minutes`, async () => {
      const client = server.client();
      const failures = [];
      for (let attempt = 1; attempt <= 5; attempt++) {
        failures.push(await client.post<ErrorReply>(signInPath, { email, password: WRONG }));
      }
      for (const reply of failures) {
        assert.equal(reply.status, 401);
        assert.deepEqual(reply.body, failures[0].body, 'every failure answers the same');
      }
      const locked = await client.post<ErrorReply>(signInPath, { email, password: WRONG });
      assert.equal(locked.status, 429);
      assert.equal(locked.body.error.code, 'rate_limited');
      const retryAfter = Number(locked.headers.get('retry-after'));
      assert.ok(retryAfter > 0 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
      assert.equal(locked.body.error.retryAfterSeconds, retryAfter);
      // The right password does not get through during the lockout, from any address.
      const right = await server.client('198.51.100.77').post(signInPath, { email, password: DEMO_PASSWORD });
      assert.equal(right.status, 429);
      await server.setClock(new Date(Date.now() + 15 * 60_000 + 1000));
      const later = await client.post(signInPath, { email, password: DEMO_PASSWORD });
      assert.equal(later.status, email === ADA ? 200 : 401, 'the lockout ends after 15 minutes');
    });
  }

  it('counts failures per address, whatever the case of the address', async () => {
    const client = server.client();
    for (const email of ['ADA@example.com', 'Ada@Example.com', 'ada@EXAMPLE.com', 'ada@example.COM', ADA]) {
      assert.equal((await client.post(signInPath, { email, password: WRONG })).status, 401);
    }
    assert.equal((await client.post(signInPath, { email: ADA, password: DEMO_PASSWORD })).status, 429);
  });

  it('a password reset lifts the lockout', async () => {
    const client = server.client();
    for (let attempt = 1; attempt <= 5; attempt++)
      await client.post(signInPath, { email: ADA, password: WRONG });
    assert.equal((await client.post(signInPath, { email: ADA, password: DEMO_PASSWORD })).status, 429);
    assert.equal((await client.post('/portal-api/auth/password-reset', { email: ADA })).status, 204);
    const token = await server.emailedToken(ADA, 'portal-reset-token');
    const reset = await client.post('/portal-api/auth/password-reset/confirm', {
      token,
      newPassword: 'a-new-password-1',
    });
    assert.equal(reset.status, 204);
    assert.equal((await client.post(signInPath, { email: ADA, password: 'a-new-password-1' })).status, 200);
  });

  it('limits credential requests per IP (20 a minute across sign-in, links and resets)', async () => {
    // Start a test window at the top of a minute, so the whole burst falls in one window.
    const minute = Math.ceil(Date.now() / 60_000) * 60_000;
    await server.setClock(new Date(minute + 1000));
    const client = server.client('192.0.2.50');
    const paths = [
      '/portal-api/auth/sign-in',
      '/portal-api/auth/magic-link',
      '/portal-api/auth/password-reset',
    ];
    for (let index = 0; index < 20; index++) {
      const path = paths[index % 3];
      // A new address each time, so the per-address lockout never kicks in first.
      const reply = await client.post(path, { email: `visitor${index}@example.org`, password: WRONG });
      assert.notEqual(reply.status, 429, `request ${index + 1} is within the limit`);
    }
    for (const path of paths) {
      const limited = await client.post<ErrorReply>(path, { email: 'one-more@example.org', password: WRONG });
      assert.equal(limited.status, 429, path);
      assert.equal(limited.body.error.code, 'rate_limited');
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    }
    const other = server.client('192.0.2.51');
    assert.equal((await other.post(signInPath, { email: ADA, password: DEMO_PASSWORD })).status, 200);
    const logs = (await server.admin<AccessLogPage>('GET', '/admin/access-logs?limit=100')).body.items;
    assert.ok(
      logs.some((each) => each.ip === '192.0.2.50' && each.reason === 'ip_rate_limited' && !each.success),
      'a refused attempt is logged too',
    );
    // Sliding window: one minute later the previous minute still weighs in; two minutes later it is gone.
    await server.setClock(new Date(minute + 61_000));
    assert.equal((await client.post(signInPath, { email: ADA, password: DEMO_PASSWORD })).status, 429);
    await server.setClock(new Date(minute + 121_000));
    assert.equal((await client.post(signInPath, { email: ADA, password: DEMO_PASSWORD })).status, 200);
  });
});

describe('no account enumeration', () => {
  const states = {
    unknown: NOBODY,
    normal: ADA,
    locked: 'locked@example.com',
    temporary: 'new@example.com',
  };

  it('answers a wrong password identically for unknown, normal, locked and temporary accounts', async () => {
    const replies = await Promise.all(
      Object.entries(states).map(([state, email], index) =>
        server
          .client(`192.0.2.${10 + index}`)
          .post(signInPath, { email, password: WRONG })
          .then((reply) => ({ state, reply })),
      ),
    );
    for (const { state, reply } of replies) {
      assert.equal(reply.status, 401, state);
      assert.equal(reply.text, replies[0].reply.text, `${state} answers like ${replies[0].state}`);
    }
  });

  it('takes about as long for an unknown address as for a known one (one scrypt each)', async () => {
    const time = async (email: string, ip: string) => {
      const client = server.client(ip);
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        await client.post(signInPath, { email, password: WRONG });
        samples.push(performance.now() - started);
      }
      return samples.sort((a, b) => a - b)[1];
    };
    const known = await time(ADA, '192.0.2.20');
    const unknown = await time(NOBODY, '192.0.2.21');
    const ratio = unknown / known;
    assert.ok(
      ratio > 0.4 && ratio < 2.5,
      `median ${unknown.toFixed(0)} ms unknown vs ${known.toFixed(0)} ms known`,
    );
  });

  for (const [flow, path] of [
    ['magic link', '/portal-api/auth/magic-link'],
    ['password reset', '/portal-api/auth/password-reset'],
  ] as const) {
    it(`answers ${flow} requests identically in all four states`, async () => {
      const replies = [];
      for (const [index, email] of Object.values(states).entries()) {
        replies.push(await server.client(`192.0.2.${30 + index}`).post(path, { email }));
      }
      for (const reply of replies) {
        assert.equal(reply.status, 204);
        assert.equal(reply.text, '');
      }
    });
  }

  it('reveals a locked account only to someone who knows its password', async () => {
    const client = server.client();
    assert.equal(
      (await client.post(signInPath, { email: 'locked@example.com', password: WRONG })).status,
      401,
    );
    const right = await client.post<ErrorReply>(signInPath, {
      email: 'locked@example.com',
      password: DEMO_PASSWORD,
    });
    assert.equal(right.status, 423);
    assert.equal(right.body.error.code, 'account_locked');
    assert.equal(client.cookies.size, 0, 'no session cookie');
  });
});

describe('temporary passwords', () => {
  it('must be replaced before any session exists', async () => {
    const client = server.client();
    const first = await client.post<SignInResult>(signInPath, {
      email: 'new@example.com',
      password: DEMO_TEMPORARY_PASSWORD,
    });
    assert.equal(first.status, 200);
    assert.equal(first.body.status, 'password_change_required');
    assert.equal(client.cookies.size, 0, 'no cookie before the change');
    assert.equal((await client.get('/portal-api/session')).text, 'null');
    assert.equal((await client.get('/portal-api/customer')).status, 401);
    const challenge = first.body.status === 'password_change_required' ? first.body.challenge : '';
    const same = await client.post<ErrorReply>('/portal-api/auth/password-change', {
      challenge,
      newPassword: DEMO_TEMPORARY_PASSWORD,
    });
    assert.equal(same.status, 400, 'the temporary password cannot become the real one');
    assert.deepEqual(same.body.error.fieldErrors, [{ path: 'newPassword', code: 'invalid' }]);
    const done = await client.post<Session>('/portal-api/auth/password-change', {
      challenge,
      newPassword: 'mary-chooses-this',
    });
    assert.equal(done.status, 200);
    assert.equal(done.body.customerCode, 'CUST-0003');
    assert.equal((await client.get<{ name: string }>('/portal-api/customer')).body.name, 'Mary Somerville');
    const again = await client.post('/portal-api/auth/password-change', {
      challenge,
      newPassword: 'another-choice-1',
    });
    assert.equal(again.status, 401, 'the challenge is single use');
    const old = await server
      .client('192.0.2.99')
      .post(signInPath, { email: 'new@example.com', password: DEMO_TEMPORARY_PASSWORD });
    assert.equal(old.status, 401);
  });

  it('activation emails a random temporary password that expires after 72 hours', async () => {
    const sent = await server.admin('POST', '/admin/customers/cus_analytical/activation');
    assert.equal(sent.status, 204);
    const [email] = await server.outbox('accounts@analytical.example');
    assert.match(email.subject, /customer portal account/);
    const password = /^ {4}(\S+)$/m.exec(email.text)?.[1] ?? '';
    assert.match(password, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const states = (await server.admin<CustomerAccessPage>('GET', '/admin/customers?limit=100')).body.items;
    assert.equal(states.find((each) => each.customerId === 'cus_analytical')?.activated, false);
    const signIn = await server
      .client()
      .post<SignInResult>(signInPath, { email: 'accounts@analytical.example', password });
    assert.equal(signIn.body.status, 'password_change_required');
    await server.admin('POST', '/admin/customers/cus_analytical/activation');
    const [, second] = await server.outbox('accounts@analytical.example');
    const expiring = /^ {4}(\S+)$/m.exec(second.text)?.[1] ?? '';
    await server.setClock(new Date(Date.now() + 72 * 3_600_000 + 60_000));
    const expired = await server
      .client('192.0.2.98')
      .post(signInPath, { email: 'accounts@analytical.example', password: expiring });
    assert.equal(expired.status, 401, 'an expired temporary password is just a wrong password');
  });
});

describe('sessions', () => {
  it('sets an HttpOnly, SameSite=Lax cookie scoped to the API, stores only its hash, and signs out', async () => {
    const client = server.client();
    const reply = await client.signIn();
    const cookie = reply.headers.getSetCookie().find((each) => each.startsWith('portal_session='));
    assert.ok(cookie);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Lax/);
    assert.match(cookie, /; Path=\/portal-api(;|$)/);
    assert.doesNotMatch(cookie, /; Secure/, 'plain http in tests');
    const token = client.cookies.get('portal_session') ?? '';
    assert.ok(Buffer.from(token, 'base64url').length === 32, '256-bit session id');
    const rows = await server.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    assert.deepEqual(
      rows.map((row) => row.token_hash),
      [createHash('sha256').update(token).digest('hex')],
    );
    const out = await client.post('/portal-api/auth/sign-out');
    assert.equal(out.status, 204);
    assert.match(out.headers.getSetCookie().join(), /portal_session=;.*Max-Age=0/);
    assert.equal((await server.query('SELECT token_hash FROM sessions')).length, 0);
    const replay = await server.client().get('/portal-api/customer', { cookie: `portal_session=${token}` });
    assert.equal(replay.status, 401, 'the old cookie is worthless');
  });

  it('marks the cookie Secure when configured for https', async () => {
    const secure = createApp({
      ...server.running.app.portal.deps,
      mailer: silentMailer,
      cookieSecure: true,
    });
    const reply = await secure.request('http://localhost/portal-api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADA, password: DEMO_PASSWORD }),
    });
    assert.equal(reply.status, 200);
    assert.match(reply.headers.get('set-cookie') ?? '', /; Secure/);
  });

  it('expires a cookie session after 12 idle hours', async () => {
    const client = server.client();
    await client.signIn();
    await server.setClock(new Date(Date.now() + 11 * 3_600_000));
    assert.equal((await client.get('/portal-api/customer')).status, 200, 'still alive after 11 h');
    await server.setClock(new Date(Date.now() + 22 * 3_600_000));
    assert.equal(
      (await client.get('/portal-api/customer')).status,
      200,
      'each request slides the idle expiry',
    );
    await server.setClock(new Date(Date.now() + 34 * 3_600_000 + 60_000));
    assert.equal((await client.get('/portal-api/customer')).status, 401, 'gone after 12 idle hours');
  });

  it('housekeeping, riding on traffic, deletes expired sessions, tokens and old counters, nothing live', async () => {
    const old = server.client('192.0.2.150');
    await old.signIn();
    await old.post(signInPath, { email: NOBODY, password: WRONG });
    await old.post('/portal-api/auth/magic-link', { email: 'grace@example.net' });
    // The link is made after the answer (same timing for every address): let it be made before the day passes.
    await server.running.app.portal.drain();
    await server.setClock(new Date(Date.now() + 25 * 3_600_000));
    const fresh = server.client('192.0.2.151');
    await fresh.signIn();
    await fresh.post('/portal-api/auth/magic-link', { email: 'grace@example.net' });
    await server.running.app.portal.drain();
    const count = async (table: string) =>
      (await server.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
    assert.equal(await count('sessions'), 1, 'the expired session is gone');
    assert.equal((await fresh.get('/portal-api/customer')).status, 200, 'the live one still works');
    assert.equal(await count('auth_tokens'), 1, 'the day-old link is gone, the new one stays');
    assert.equal(await count('sign_in_failures'), 0, 'a day-old failure count is gone');
    const windows = await server.query<{ key: string }>('SELECT DISTINCT key FROM rate_limits ORDER BY key');
    assert.deepEqual(
      windows.map((row) => row.key),
      ['192.0.2.151', 'grace@example.net'],
      'only the current windows remain',
    );
  });

  it('accepts merchant-minted bearer tokens until they expire', async () => {
    const minted = await server.admin<{ token: string; expiresAt: string }>('POST', '/admin/session-tokens', {
      customerId: 'cus_ada',
    });
    assert.equal(minted.status, 200);
    const lifetime = Date.parse(minted.body.expiresAt) - Date.now();
    assert.ok(lifetime > 14 * 60_000 && lifetime <= 15 * 60_000, `default lifetime ${lifetime} ms`);
    const rows = await server.query<{ token_hash: string; kind: string }>(
      'SELECT token_hash, kind FROM sessions',
    );
    assert.deepEqual(rows, [
      { token_hash: createHash('sha256').update(minted.body.token).digest('hex'), kind: 'bearer' },
    ]);
    const client = server.client();
    client.bearer = minted.body.token;
    const session = await client.get<Session>('/portal-api/session');
    assert.equal(session.body.method, 'session_token');
    assert.equal(session.body.customerCode, 'CUST-0001');
    // An embedded widget on the merchant's site calls with the token: no cookie, another origin.
    const note = await client.request('POST', '/portal-api/invoices/inv_ada_1009/notes', {
      json: { body: 'From the store' },
      headers: { origin: 'https://anywhere.example' },
    });
    assert.equal(note.status, 200);
    await server.setClock(new Date(Date.now() + 15 * 60_000 + 1000));
    assert.equal((await client.get('/portal-api/customer')).status, 401, 'expired');

    const short = await server.admin<{ token: string }>('POST', '/admin/session-tokens', {
      customerId: 'cus_ada',
      ttlSeconds: 60,
    });
    client.bearer = short.body.token;
    assert.equal((await client.get('/portal-api/customer')).status, 200);
    await server.setClock(new Date(Date.now() + 15 * 60_000 + 62_000));
    assert.equal((await client.get('/portal-api/customer')).status, 401);

    assert.equal(
      (await server.admin('POST', '/admin/session-tokens', { customerId: 'cus_nobody' })).status,
      404,
    );
    assert.equal(
      (await server.admin('POST', '/admin/session-tokens', { customerId: 'cus_locked' })).status,
      423,
    );
    const stranger = server.client();
    stranger.bearer = 'sk_wrong';
    assert.equal(
      (await stranger.post('/portal-api/admin/session-tokens', { customerId: 'cus_ada' })).status,
      401,
    );
    stranger.bearer = MERCHANT_SECRET.slice(0, -1);
    assert.equal((await stranger.get('/portal-api/admin/customers')).status, 401);
  });

  it('locking a customer ends their sessions; unlocking emails a reset link', async () => {
    const client = server.client();
    await client.signIn();
    const locked = await server.admin<CustomerAccessState>('POST', '/admin/customers/cus_ada/lock');
    const { lastSignInAt, ...state } = locked.body;
    assert.deepEqual(state, {
      customerId: 'cus_ada',
      customerCode: 'CUST-0001',
      name: 'Ada Lovelace',
      email: ADA,
      state: 'locked',
      locked: true,
      activated: true,
    });
    assert.ok(lastSignInAt, 'the sign-in just made');
    assert.equal((await client.get('/portal-api/customer')).status, 401);
    assert.equal((await client.post(signInPath, { email: ADA, password: DEMO_PASSWORD })).status, 423);
    const unlocked = await server.admin<CustomerAccessState>('POST', '/admin/customers/cus_ada/unlock');
    assert.equal(unlocked.body.locked, false);
    assert.ok(await server.emailedToken(ADA, 'portal-reset-token'));
    assert.equal((await client.post(signInPath, { email: ADA, password: DEMO_PASSWORD })).status, 200);
    assert.equal((await server.admin('POST', '/admin/customers/cus_nobody/lock')).status, 404);
  });
});

describe('a password check racing a change that commits first', () => {
  /** A request stopped after its password check, just before its transaction writes. */
  async function held<T>(send: () => Promise<T>) {
    const hold = holdNextTransaction(server.running.db);
    const pending = send();
    await hold.reached;
    return { release: hold.release, pending };
  }

  async function resetAdaPassword(newPassword: string) {
    const reset = await server.client('192.0.2.150').post('/portal-api/auth/password-reset/confirm', {
      token: await server.emailedToken(ADA, 'portal-reset-token'),
      newPassword,
    });
    assert.equal(reset.status, 204, reset.text);
  }

  it('a sign-in with the password a reset replaced meanwhile opens no session', async () => {
    assert.equal((await server.client().post('/portal-api/auth/password-reset', { email: ADA })).status, 204);
    await server.emailedToken(ADA, 'portal-reset-token');
    const client = server.client();
    const signIn = await held(() => client.post(signInPath, { email: ADA, password: DEMO_PASSWORD }));
    await resetAdaPassword('chosen-after-the-reset');
    signIn.release();
    const reply = await signIn.pending;
    assert.equal(reply.status, 401, reply.text);
    assert.equal((await client.get('/portal-api/customer')).status, 401);
    assert.equal((await server.query('SELECT 1 FROM sessions')).length, 0);
    const logged = await server.query<{ reason: string }>(
      "SELECT reason FROM access_logs WHERE reason = 'changed_during_sign_in'",
    );
    assert.equal(logged.length, 1, 'the access log says why');
  });

  it('a sign-in checked before the merchant locked the account opens no session', async () => {
    const client = server.client();
    const signIn = await held(() => client.post(signInPath, { email: ADA, password: DEMO_PASSWORD }));
    assert.equal((await server.admin('POST', '/admin/customers/cus_ada/lock')).status, 200);
    signIn.release();
    assert.equal((await signIn.pending).status, 401);
    assert.equal((await server.query('SELECT 1 FROM sessions')).length, 0);
  });

  it('a temporary password replaced by a new activation meanwhile gets no challenge', async () => {
    const analytical = 'accounts@analytical.example';
    await server.admin('POST', '/admin/customers/cus_analytical/activation');
    const password = /^ {4}(\S+)$/m.exec((await server.outbox(analytical))[0].text)?.[1] ?? '';
    const signIn = await held(() => server.client().post(signInPath, { email: analytical, password }));
    assert.equal((await server.admin('POST', '/admin/customers/cus_analytical/activation')).status, 204);
    signIn.release();
    assert.equal((await signIn.pending).status, 401);
    const challenges = await server.query(
      "SELECT 1 FROM auth_tokens WHERE purpose = 'password_change' AND consumed_at IS NULL",
    );
    assert.equal(challenges.length, 0);
  });

  it('a password change checked before a reset committed does not undo the reset', async () => {
    const client = server.client();
    await client.signIn();
    assert.equal((await server.client().post('/portal-api/auth/password-reset', { email: ADA })).status, 204);
    await server.emailedToken(ADA, 'portal-reset-token');
    const change = await held(() =>
      client.request<ErrorReply>('PUT', '/portal-api/auth/password', {
        json: { currentPassword: DEMO_PASSWORD, newPassword: 'chosen-by-the-session' },
      }),
    );
    await resetAdaPassword('chosen-after-the-reset');
    change.release();
    const reply = await change.pending;
    assert.notEqual(reply.status, 204, 'the change is refused');
    const fresh = server.client('192.0.2.151');
    const signedIn = await fresh.post(signInPath, { email: ADA, password: 'chosen-after-the-reset' });
    assert.equal(signedIn.status, 200, 'the reset password stands');
  });
});

describe('password reset', () => {
  it('emails a single-use link to the public origin or an allowed returnUrl, refuses a foreign one, and ends sessions', async () => {
    const client = server.client();
    const other = server.client('192.0.2.200');
    await other.signIn();
    for (const email of [ADA, 'nobody@example.com']) {
      const foreign = await client.post('/portal-api/auth/password-reset', {
        email,
        returnUrl: 'https://evil.example/steal',
      });
      assert.equal(foreign.status, 400, 'a foreign returnUrl is refused, whoever asks');
      assert.deepEqual((foreign.body as { error: { fieldErrors: unknown } }).error.fieldErrors, [
        { path: 'returnUrl', code: 'invalid' },
      ]);
    }
    assert.equal((await server.outbox(ADA)).length, 0, 'nothing is sent for a refused request');
    await client.post('/portal-api/auth/password-reset', { email: ADA });
    const [first] = await server.outbox(ADA);
    assert.ok(first.text.includes(`${server.url}/?portal-reset-token=`), 'the default link is the portal');
    await client.post('/portal-api/auth/password-reset', {
      email: ADA,
      returnUrl: 'https://shop.example/account?tab=1',
    });
    const second = (await server.outbox(ADA)).at(-1);
    assert.match(second?.text ?? '', /https:\/\/shop\.example\/account\?tab=1&portal-reset-token=/);
    const token = await server.emailedToken(ADA, 'portal-reset-token');
    assert.equal(
      (await client.post('/portal-api/auth/password-reset/confirm', { token, newPassword: 'brand-new-pass' }))
        .status,
      204,
    );
    assert.equal(
      (await client.post('/portal-api/auth/password-reset/confirm', { token, newPassword: 'again-new-pass' }))
        .status,
      401,
    );
    assert.equal((await other.get('/portal-api/customer')).status, 401, 'sessions ended by the reset');
    assert.equal((await client.post(signInPath, { email: ADA, password: DEMO_PASSWORD })).status, 401);
    assert.equal((await client.post(signInPath, { email: ADA, password: 'brand-new-pass' })).status, 200);
    const expired = await server
      .client('192.0.2.201')
      .post('/portal-api/auth/password-reset', { email: 'new@example.com' });
    assert.equal(expired.status, 204);
    const late = await server.emailedToken('new@example.com', 'portal-reset-token');
    await server.setClock(new Date(Date.now() + 60 * 60_000 + 1000));
    assert.equal(
      (
        await client.post('/portal-api/auth/password-reset/confirm', {
          token: late,
          newPassword: 'too-late-pass',
        })
      ).status,
      401,
    );
  });

  it('sends nothing to unknown addresses and a "contact us" note to locked accounts', async () => {
    const client = server.client();
    await client.post('/portal-api/auth/password-reset', { email: NOBODY });
    await client.post('/portal-api/auth/password-reset', { email: 'locked@example.com' });
    assert.equal((await server.outbox(NOBODY)).length, 0);
    const [locked] = await server.outbox('locked@example.com');
    assert.doesNotMatch(locked.text, /portal-reset-token/);
    assert.match(locked.text, /locked/);
  });
});

describe('sign-up', () => {
  it('refuses a registered address with email: taken and tells its owner', async () => {
    const reply = await server.client().post<ErrorReply>('/portal-api/auth/sign-up', {
      email: 'ADA@example.com',
      password: 'a-long-password',
      name: 'Someone Else',
      billingAddress: { line1: '1 Main St', city: 'Portland', country: 'US' },
    });
    assert.equal(reply.status, 400);
    assert.deepEqual(reply.body.error.fieldErrors, [{ path: 'email', code: 'taken' }]);
    const notices = await server.outbox(ADA);
    assert.equal(notices.length, 1);
    assert.match(notices[0].subject, /tried to create/);
    assert.equal((await server.query('SELECT id FROM customers')).length, 4, 'no account was created');
  });

  it('creates an account with the required details and signs it in', async () => {
    const client = server.client();
    const missing = await client.post<ErrorReply>('/portal-api/auth/sign-up', {
      email: 'caroline@example.com',
      password: 'a-long-password',
      name: 'Caroline Herschel',
    });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.error.fieldErrors, [{ path: 'billingAddress', code: 'required' }]);
    const created = await client.post<Session>('/portal-api/auth/sign-up', {
      email: 'caroline@example.com',
      password: 'a-long-password',
      name: 'Caroline Herschel',
      billingAddress: { line1: '1 Main St', city: 'Portland', country: 'US' },
      cardToken: `tok_visa_05${new Date().getUTCFullYear() + 2}`,
    });
    assert.equal(created.status, 200);
    assert.equal(created.body.customerCode, 'CUST-0005');
    const methods = await client.get<{ last4: string; isDefault: boolean; verified: boolean }[]>(
      '/portal-api/payment-methods',
    );
    assert.deepEqual(
      methods.body.map(({ last4, isDefault, verified }) => ({ last4, isDefault, verified })),
      [{ last4: '4242', isDefault: true, verified: true }],
    );
    const [row] = await server.query<{ password_hash: string }>(
      "SELECT password_hash FROM customers WHERE email = 'caroline@example.com'",
    );
    assert.match(row.password_hash, /^scrypt\$32768\$8\$3\$/);
    assert.ok(!row.password_hash.includes('a-long-password'));
  });
});

describe('access log', () => {
  it('records every sign-in attempt with result, method, IP, time and customer code, and no secrets', async () => {
    const started = Date.now();
    const client = server.client('192.0.2.77');
    await client.post(signInPath, { email: ADA, password: WRONG });
    await client.post(signInPath, { email: NOBODY, password: WRONG });
    await client.post(signInPath, { email: 'new@example.com', password: DEMO_TEMPORARY_PASSWORD });
    await client.signIn();
    await client.post('/portal-api/auth/magic-link', { email: 'grace@example.net' });
    const magic = await server.emailedToken('grace@example.net', 'portal-magic-token');
    await client.post('/portal-api/auth/magic-link/verify', { token: magic });
    await client.post('/portal-api/auth/magic-link/verify', { token: magic });
    await client.post('/portal-api/auth/password-reset/confirm', {
      token: 'x'.repeat(43),
      newPassword: 'whatever-pass',
    });
    const minted = await server.admin<{ token: string }>('POST', '/admin/session-tokens', {
      customerId: 'cus_ada',
    });
    const widget = server.client('192.0.2.78');
    widget.bearer = minted.body.token;
    await widget.get('/portal-api/customer');
    await widget.get('/portal-api/customer');
    widget.bearer = 'forged-token-forged-token';
    await widget.get('/portal-api/customer');

    const logs = (
      await server.admin<AccessLogPage>('GET', '/admin/access-logs?limit=50')
    ).body.items.reverse();
    const summary = logs.map(({ success, method, email, ip, customerCode, reason }) => ({
      success,
      method,
      email,
      ip,
      customerCode,
      reason,
    }));
    assert.deepEqual(summary, [
      {
        success: false,
        method: 'password',
        email: ADA,
        ip: '192.0.2.77',
        customerCode: 'CUST-0001',
        reason: 'wrong_password',
      },
      {
        success: false,
        method: 'password',
        email: NOBODY,
        ip: '192.0.2.77',
        customerCode: undefined,
        reason: 'unknown_email',
      },
      {
        success: false,
        method: 'password',
        email: 'new@example.com',
        ip: '192.0.2.77',
        customerCode: 'CUST-0003',
        reason: 'password_change_required',
      },
      {
        success: true,
        method: 'password',
        email: ADA,
        ip: '192.0.2.77',
        customerCode: 'CUST-0001',
        reason: undefined,
      },
      {
        success: true,
        method: 'magic_link',
        email: 'grace@example.net',
        ip: '192.0.2.77',
        customerCode: 'CUST-0002',
        reason: undefined,
      },
      {
        success: false,
        method: 'magic_link',
        email: '',
        ip: '192.0.2.77',
        customerCode: undefined,
        reason: 'invalid_token',
      },
      {
        success: false,
        method: 'password_reset',
        email: '',
        ip: '192.0.2.77',
        customerCode: undefined,
        reason: 'invalid_token',
      },
      {
        success: true,
        method: 'session_token',
        email: ADA,
        ip: '192.0.2.78',
        customerCode: 'CUST-0001',
        reason: undefined,
      },
      {
        success: false,
        method: 'session_token',
        email: '',
        ip: '192.0.2.78',
        customerCode: undefined,
        reason: 'invalid_token',
      },
    ]);
    for (const entry of logs) {
      const at = Date.parse(entry.at);
      assert.ok(at >= started - 1000 && at <= Date.now() + 1000, 'logged at the time of the attempt');
    }
    const text = JSON.stringify(logs);
    for (const secret of [WRONG, DEMO_PASSWORD, DEMO_TEMPORARY_PASSWORD, magic, minted.body.token]) {
      assert.ok(!text.includes(secret), 'no password or token in the access log');
    }
  });
});
