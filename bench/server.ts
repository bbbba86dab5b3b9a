// `npm run bench:server`: requests per second and latency (p50, p99) of the reference server for reading
// invoices, paying (a distinct idempotency key each) and signing in, 20 at a time, on PGlite and on
// PostgreSQL; and the load generator's own ceiling, the same load against a server that does nothing.
// Figures, not pass/fail. PostgreSQL: DATABASE_URL, or the role run-postgres.sh creates on a local server.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/adapters/demo/demo-data.js';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const LOCAL_POSTGRES = 'postgres://portal_test:portal_test@127.0.0.1:5432/portal_test';

interface Row {
  database: string;
  scenario: string;
  requests: number;
  failed: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** Starts a child process and waits for the line that says where it listens. */
async function start(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  return { child, url };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] : NaN;
}

/** CONCURRENCY workers sending `send(n)` back to back for SECONDS; a request fails unless it answers 2xx. */
async function load(
  database: string,
  scenario: string,
  send: (n: number) => Promise<Response>,
): Promise<Row> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const end = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const sent = performance.now();
        const response = await send(next++);
        await response.arrayBuffer();
        latencies.push(performance.now() - sent);
        if (!response.ok) failed++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    database,
    scenario,
    requests: latencies.length,
    failed,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** A different client address per request: the server's per-IP sign-in limit is not what we measure. */
function address(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/portal-api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1' },
    body: JSON.stringify({ email: 'ada@example.com', password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers.getSetCookie()[0].split(';')[0];
}

async function benchServer(database: string, databaseUrl?: string): Promise<Row[]> {
  const { child, url } = await start(['--import', 'tsx', 'bench/server-target.ts'], {
    BENCH_DATABASE_URL: databaseUrl ?? '',
  });
  try {
    const cookie = await signIn(url);
    const outstanding = (await (
      await fetch(`${url}/portal-api/invoices?filter=outstanding`, { headers: { cookie } })
    ).json()) as { items: { id: string; amountDue: { amount: number; currency: string } }[] };
    const payable = outstanding.items.filter((invoice) => invoice.amountDue.amount > 0);
    if (payable.length === 0) throw new Error('Ada has nothing to pay');
    const rows: Row[] = [];
    rows.push(
      await load(database, 'read invoices', () =>
        fetch(`${url}/portal-api/invoices`, { headers: { cookie } }),
      ),
    );
    const run = randomBytes(4).toString('hex');
    rows.push(
      await load(database, 'pay (distinct keys)', (n) => {
        // One cent at a time, across her open invoices, so none runs out during the run.
        const invoice = payable[n % payable.length];
        return fetch(`${url}/portal-api/invoices/${invoice.id}/payments`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({
            invoiceId: invoice.id,
            idempotencyKey: `bench-${run}-${n}-key`,
            allocations: [
              { paymentMethodId: 'pm_ada_visa', amount: { amount: 1, currency: invoice.amountDue.currency } },
            ],
          }),
        });
      }),
    );
    rows.push(
      await load(database, 'sign in', (n) =>
        fetch(`${url}/portal-api/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': address(n) },
          body: JSON.stringify({ email: 'ada@example.com', password: DEMO_PASSWORD }),
        }),
      ),
    );
    return rows;
  } finally {
    await stop(child);
  }
}

/** The load generator's ceiling: the same workers against a server that answers 204 and nothing else. */
async function benchNoop(): Promise<Row> {
  const script = `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => { s.writeHead(204); s.end(); }); })
    .listen(0, '127.0.0.1', function () { console.log('listening http://127.0.0.1:' + this.address().port); });`;
  const { child, url } = await start(['-e', script]);
  try {
    return await load('none', 'no-op endpoint', () => fetch(`${url}/`, { headers: { cookie: 'x=y' } }));
  } finally {
    await stop(child);
  }
}

async function postgresUrl(): Promise<string | null> {
  const url = process.env.DATABASE_URL || LOCAL_POSTGRES;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return null;
  }
}

const rows: Row[] = [await benchNoop(), ...(await benchServer('PGlite'))];
const postgres = await postgresUrl();
if (postgres) rows.push(...(await benchServer('PostgreSQL', postgres)));

const fixed = (value: number, digits = 1) => value.toFixed(digits);
console.log(
  `\nReference server, ${CONCURRENCY} concurrent clients, ${SECONDS} s per scenario, ${new Date().toISOString()}`,
);
console.table(
  rows.map((row) => ({
    database: row.database,
    scenario: row.scenario,
    'requests/s': fixed(row.perSecond),
    'p50 ms': fixed(row.p50),
    'p99 ms': fixed(row.p99),
    requests: row.requests,
    'not 2xx': row.failed,
  })),
);
if (!postgres) {
  console.log(
    'PostgreSQL: not measured (set DATABASE_URL, or run examples/server/test/run-postgres.sh once as root)',
  );
}
