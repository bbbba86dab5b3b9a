import { delimiter, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO_PASSWORD } from '../../../src/adapters/demo/demo-data.js';
import { BUILD_HINT, startCardFieldsServer } from './card-fields/card-fields-server.js';
import { scheduleDailyJobs } from './jobs/expiry-reminders.js';
import { stdoutSink } from './http/log.js';
import { DEMO_STAFF } from './db/seed.js';
import { type RunningServer, startServer } from './server.js';

export { startServer } from './server.js';
export type { RunningServer, ServerOptions } from './server.js';

const DEV_MERCHANT_SECRET = 'sk_test_northwind';

/**
 * Runs the server from environment variables (see README "Configuration") until SIGINT or SIGTERM; the
 * answer's `stop()` does the same from code (tests).
 */
export async function main(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ server: RunningServer; stop(): Promise<void> }> {
  const production = env.NODE_ENV === 'production';
  const merchantSecret = env.MERCHANT_SECRET_KEY ?? (production ? undefined : DEV_MERCHANT_SECRET);
  if (!merchantSecret) {
    throw new Error('MERCHANT_SECRET_KEY must be set in production (the admin API would be open otherwise)');
  }
  const list = (value: string | undefined, separator: string) =>
    (value ?? '')
      .split(separator)
      .map((each) => each.trim())
      .filter(Boolean);
  // Test mode (reset, clock, daily jobs on demand: dev/test-routes.ts) lets anyone wipe the database, so
  // it is for development stacks that tests drive from outside (e2e/renewals.e2e.ts), never production.
  const testMode = env.PORTAL_TEST_MODE === '1';
  if (testMode && production) throw new Error('PORTAL_TEST_MODE=1 is refused when NODE_ENV=production');
  const port = Number(env.PORT ?? 8080);
  const hostname = env.HOST || '127.0.0.1';
  const allowedOrigins = list(env.ALLOWED_ORIGINS, ',');
  const server = await startServer({
    port,
    // This machine only, unless HOST says otherwise (0.0.0.0 or :: behind a load balancer).
    hostname,
    allowedHosts: list(env.ALLOWED_HOSTS, ','),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? '.data/pglite'),
    staticDirs: list(env.STATIC_DIR, delimiter).map((dir) => resolve(dir)),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM,
    merchantSecret,
    publicUrl: env.PUBLIC_URL || undefined,
    allowedOrigins,
    trustProxy: env.TRUST_PROXY === '1',
    ...(env.COOKIE_SECURE ? { cookieSecure: env.COOKIE_SECURE === '1' } : {}),
    production,
    testMode,
    logEmails: !production,
    log: stdoutSink,
  });
  // The test-mode card fields on a second port: another origin than the portal's pages.
  const cardFields = await startCardFieldsServer({
    port: env.CARD_FIELDS_PORT ? Number(env.CARD_FIELDS_PORT) : port === 0 ? 0 : port + 1,
    hostname,
    root: resolve(env.CARD_FIELDS_DIR ?? 'dist/card-fields'),
    frameAncestors: [new URL(server.url).origin, ...allowedOrigins],
  }).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  server.app.portal.cardFieldsUrl = cardFields.url;
  const dailyJobs = scheduleDailyJobs(server.app.portal);
  const database = env.DATABASE_URL
    ? 'PostgreSQL (DATABASE_URL)'
    : `PGlite in ${resolve(env.DATA_DIR ?? '.data/pglite')}`;
  console.log(`Portal Elements reference server on ${server.url}`);
  console.log(`  API          ${server.url}/portal-api`);
  console.log(`  listening on ${hostname}${env.HOST ? ' (HOST)' : ' only (set HOST to listen elsewhere)'}`);
  console.log(`  database     ${database}`);
  console.log(`  card fields  ${cardFields.url} (test mode)`);
  if (!cardFields.built) console.warn(`  card fields are not built; run ${BUILD_HINT}`);
  if (!production) {
    console.log(`  demo sign-in ada@example.com / ${DEMO_PASSWORD}`);
    console.log(`  console      ${server.url}/merchant  ${DEMO_STAFF.email} / ${DEMO_STAFF.password}`);
    console.log(`  outbox       ${server.url}/dev/outbox`);
    if (testMode) console.log(`  test mode    ${server.url}/portal-api/__test__ (PORTAL_TEST_MODE=1)`);
    if (!env.MERCHANT_SECRET_KEY) console.log(`  admin key    ${DEV_MERCHANT_SECRET} (development default)`);
  }
  const stop = async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    dailyJobs.stop();
    await Promise.all([server.close(), cardFields.close()]);
  };
  const onSignal = (signal: string) => {
    console.log(`${signal}: shutting down`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return { server, stop };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
