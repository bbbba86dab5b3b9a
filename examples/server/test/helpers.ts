import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { after, before, beforeEach } from 'node:test';
import { DEMO_PASSWORD } from '../../../src/adapters/demo/demo-data.js';
import type { PortalSettings } from '../../../src/model/index.js';
import type { Limits } from '../src/context.js';
import type { Database, Queryable } from '../src/db/database.js';
import { dropSchema } from '../src/db/postgres.js';
import { TestGateway } from '../src/payments/gateway.js';
import { type RunningServer, startServer } from '../src/server.js';

export const MERCHANT_SECRET = 'sk_test_suite_secret';
export const ADA = 'ada@example.com';
export { DEMO_PASSWORD };

/**
 * With PORTAL_RESPONSE_LOG set to a file path, every answer a test receives from a test server's API is
 * appended to it as one JSON line (`method`, `path`, `status`, header names), whichever way the test asked
 * (Client or a bare fetch). `npm test` sets it for the server suite and then checks the lines against
 * openapi.json (openapi-responses.ts): an answer the document does not list fails there.
 */
const responseLog = process.env.PORTAL_RESPONSE_LOG;
const testServerUrls = new Set<string>();
if (responseLog) {
  const send = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const response = await send(input, init);
    if (testServerUrls.has(url.origin) && url.pathname.startsWith('/portal-api/')) {
      const headers = [...new Set([...response.headers.keys()].map((name) => name.toLowerCase()))].sort();
      const line = { method, path: url.pathname, status: response.status, headers };
      appendFileSync(responseLog, `${JSON.stringify(line)}\n`);
    }
    return response;
  };
}

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/**
 * A browser-like client: keeps the cookies the server sets (a tiny jar keyed by name), can pose as another
 * IP (the test server trusts X-Forwarded-For) and sends JSON.
 */
export class Client {
  readonly cookies = new Map<string, string>();
  bearer: string | undefined;

  constructor(
    readonly baseUrl: string,
    readonly ip = '203.0.113.10',
  ) {}

  async request<T = unknown>(
    method: string,
    path: string,
    options: { json?: unknown; headers?: Record<string, string>; body?: string } = {},
  ): Promise<Reply<T>> {
    const headers = new Headers(options.headers);
    headers.set('x-forwarded-for', this.ip);
    if (this.cookies.size > 0 && !headers.has('cookie')) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    if (this.bearer && !headers.has('authorization')) headers.set('authorization', `Bearer ${this.bearer}`);
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const response = await fetch(`${this.nextBaseUrl()}${path}`, {
      method,
      headers,
      body,
      redirect: 'manual',
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      const expired = attributes.some(
        (each) =>
          /^\s*max-age=0/i.test(each) ||
          (/^\s*expires=/i.test(each) && Date.parse(each.split('=')[1]) < Date.now()),
      );
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const text = response.headers.get('content-type')?.includes('application/pdf')
      ? ''
      : await response.text();
    let parsed: unknown = text;
    if (response.headers.get('content-type')?.includes('json') && text !== '') parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  /** Where the next request goes (a subclass may spread requests over several servers). */
  protected nextBaseUrl(): string {
    return this.baseUrl;
  }

  get<T = unknown>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, { headers });
  }

  post<T = unknown>(path: string, json?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, { json, headers });
  }

  async signIn(email = ADA, password = DEMO_PASSWORD): Promise<Reply> {
    const reply = await this.post('/portal-api/auth/sign-in', { email, password });
    if (reply.status !== 200) throw new Error(`sign-in as ${email} failed: ${reply.status} ${reply.text}`);
    return reply;
  }
}

export interface ErrorReply {
  error: {
    code: string;
    message: string;
    fieldErrors?: { path: string; code: string }[];
    retryAfterSeconds?: number;
  };
}

export interface OutboxEntry {
  to: string;
  subject: string;
  text: string;
  kind: string;
}

export interface TestServer {
  url: string;
  running: RunningServer;
  gateway: TestGateway;
  client(ip?: string): Client;
  /** The merchant's side, authenticated with the secret key. */
  admin<T = unknown>(method: string, path: string, json?: unknown): Promise<Reply<T>>;
  updateSettings(change: (settings: PortalSettings) => void): Promise<void>;
  /** Empties the database and seeds the demo data again; `now` also sets the clock. */
  reset(now?: Date): Promise<void>;
  setClock(now: Date): Promise<void>;
  outbox(to?: string): Promise<OutboxEntry[]>;
  /** The newest token for `param` emailed to `to`. */
  emailedToken(to: string, param: string): Promise<string>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.DATABASE_URL);

/**
 * The server under test: on PGlite in memory, or in a schema of its own on the PostgreSQL server named by
 * DATABASE_URL (dropped again on close), always in test mode and trusting X-Forwarded-For.
 */
export async function startTestServer(
  options: { limits?: Partial<Limits>; dataDir?: string } = {},
): Promise<TestServer> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const schema =
    databaseUrl && !options.dataDir ? `portal_test_${randomBytes(6).toString('hex')}` : undefined;
  const gateway = new TestGateway();
  const running = await startServer({
    port: 0,
    hostname: '127.0.0.1',
    databaseUrl: options.dataDir ? undefined : databaseUrl,
    schema,
    dataDir: options.dataDir ?? ':memory:',
    merchantSecret: MERCHANT_SECRET,
    allowedOrigins: ['https://shop.example'],
    trustProxy: true,
    testMode: true,
    gateway,
    limits: options.limits,
  });
  const url = running.url;
  testServerUrls.add(new URL(url).origin);
  // From this machine: the test and development routes (reset, clock, outbox) answer nobody else.
  const adminClient = new Client(url, '127.0.0.1');
  adminClient.bearer = MERCHANT_SECRET;
  const server: TestServer = {
    url,
    running,
    gateway,
    client: (ip?: string) => new Client(url, ip),
    admin: (method, path, json) => adminClient.request(method, `/portal-api${path}`, { json }),
    async updateSettings(change) {
      const current = await server.admin<PortalSettings>('GET', '/admin/settings');
      change(current.body);
      const saved = await server.admin('PUT', '/admin/settings', current.body);
      if (saved.status !== 200) throw new Error(`settings refused: ${saved.text}`);
    },
    async reset(now?: Date) {
      const reply = await adminClient.post(
        '/portal-api/__test__/reset',
        now ? { now: now.toISOString() } : {},
      );
      if (reply.status !== 204) throw new Error(`reset failed: ${reply.status} ${reply.text}`);
    },
    async setClock(now: Date) {
      const reply = await adminClient.post('/portal-api/__test__/clock', { now: now.toISOString() });
      if (reply.status !== 200) throw new Error(`clock failed: ${reply.status} ${reply.text}`);
    },
    async outbox(to?: string) {
      const reply = await adminClient.get<OutboxEntry[]>(
        `/dev/outbox.json${to ? `?to=${encodeURIComponent(to)}` : ''}`,
      );
      return reply.body;
    },
    async emailedToken(to, param) {
      const pattern = new RegExp(`[?&]${param}=([^\\s&#]+)`);
      for (const email of (await server.outbox(to)).reverse()) {
        const match = pattern.exec(email.text);
        if (match) return decodeURIComponent(match[1]);
      }
      throw new Error(`no email to ${to} carries ${param}`);
    },
    async query<T>(sql: string, params?: unknown[]) {
      return (await running.db.query<T>(sql, params)).rows;
    },
    async close() {
      await running.close();
      if (databaseUrl && schema) await dropSchema(databaseUrl, schema);
    },
  };
  return server;
}

/**
 * The test file's server: started before its first test, closed after its last and, unless
 * `freshEachTest` is false, reset to the seeded demo data before each test. Call it at the top of the file;
 * the handle is usable from inside hooks and tests.
 */
export function useTestServer(
  options: Parameters<typeof startTestServer>[0] & { freshEachTest?: boolean } = {},
): TestServer {
  const { freshEachTest = true, ...startOptions } = options;
  let started: TestServer | undefined;
  before(async () => {
    started = await startTestServer(startOptions);
  });
  after(async () => {
    await started?.close();
  });
  if (freshEachTest) {
    beforeEach(async () => {
      await started!.reset();
    });
  }
  return new Proxy({} as TestServer, {
    get(_, name) {
      if (!started) throw new Error('the test server starts in before(): use it inside a hook or a test');
      return Reflect.get(started, name) as unknown;
    },
  });
}

/** A fresh idempotency key per customer intent. */
export function newKey(): string {
  return `test-${randomBytes(12).toString('hex')}`;
}

/**
 * Stops the next transaction on `db` until `release()`: a request held just before it writes (after its
 * password check), so that a test can commit another change in between. Later transactions run as usual.
 */
export function holdNextTransaction(db: Database): { reached: Promise<void>; release: () => void } {
  const original = db.transaction.bind(db);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let reached!: () => void;
  const atTransaction = new Promise<void>((resolve) => (reached = resolve));
  const held = async <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => {
    (db as { transaction: Database['transaction'] }).transaction = original;
    reached();
    await gate;
    return original(fn);
  };
  (db as { transaction: Database['transaction'] }).transaction = held;
  return { reached: atTransaction, release };
}
