/**
 * One reference server in a process of its own, for tests that watch a process from outside (its
 * memory) or run several processes on one database. Configured by environment variables:
 * DATABASE_URL + PORTAL_SCHEMA (PostgreSQL, one schema shared by the processes) or PGlite in memory;
 * PORTAL_TEST_MODE=1 for the test routes.
 * Prints one JSON line `{ "url": …, "pid": … }` once it listens; SIGTERM closes it cleanly.
 */
import { startServer } from '../../src/server.js';

const MERCHANT_SECRET = 'sk_test_suite_secret';

const server = await startServer({
  port: 0,
  hostname: '127.0.0.1',
  databaseUrl: process.env.DATABASE_URL || undefined,
  schema: process.env.PORTAL_SCHEMA || undefined,
  dataDir: ':memory:',
  merchantSecret: MERCHANT_SECRET,
  allowedOrigins: ['https://shop.example'],
  trustProxy: true,
  // PORTAL_TEST_MODE=1: the local /__test__ routes (clock, daily jobs), as main.ts reads it.
  testMode: process.env.PORTAL_TEST_MODE === '1',
});
process.stdout.write(`${JSON.stringify({ url: server.url, pid: process.pid })}\n`);
process.once('SIGTERM', () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
