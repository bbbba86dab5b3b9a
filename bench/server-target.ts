// The server `npm run bench:server` measures, in a process of its own so the load generator does not share
// its event loop: the reference server on PGlite (a throwaway folder) or, with BENCH_DATABASE_URL, on
// PostgreSQL in a schema of its own. Prints `listening <url>`; SIGTERM closes it and removes its data.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchema } from '../examples/server/src/db/postgres.js';
import { startServer } from '../examples/server/src/server.js';

const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
const schema = databaseUrl ? `portal_bench_${randomBytes(6).toString('hex')}` : undefined;
const dataDir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'portal-bench-server-'));

const running = await startServer({
  port: 0,
  hostname: '127.0.0.1',
  databaseUrl,
  schema,
  dataDir,
  merchantSecret: 'sk_bench',
  // Each simulated customer comes from an address of its own, as real traffic does.
  trustProxy: true,
});
console.log(`listening ${running.url}`);

process.once('SIGTERM', () => {
  void (async () => {
    await running.close();
    if (databaseUrl && schema) await dropSchema(databaseUrl, schema);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  })();
});
