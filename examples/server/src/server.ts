import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { type PortalApp, createApp } from './app.js';
import type { Limits } from './context.js';
import type { LogSink } from './http/log.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { seedIfEmpty } from './db/seed.js';
import { type Mailer, consoleMailer, silentMailer, smtpMailer } from './mail/mailer.js';
import { type PaymentGateway, TestGateway } from './payments/gateway.js';

export interface ServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** The interface to listen on; 127.0.0.1 (this machine only) unless given, e.g. '0.0.0.0' or '::'. */
  hostname?: string;
  /** Static folders served outside the API (storefront, built bundle). */
  staticDirs?: readonly string[];
  /** PostgreSQL connection string; without it the embedded PGlite database in `dataDir` is used. */
  databaseUrl?: string;
  /** PGlite data folder, or ':memory:'. */
  dataDir?: string;
  /** PostgreSQL only: a schema of its own (tests). */
  schema?: string;
  smtpUrl?: string;
  mailFrom?: string;
  merchantSecret: string;
  /** Defaults to http://localhost:<port>. */
  publicUrl?: string;
  allowedOrigins?: readonly string[];
  /** Host names answered besides localhost, 127.0.0.1, [::1] and publicUrl's host (DNS rebinding). */
  allowedHosts?: readonly string[];
  trustProxy?: boolean;
  /** Defaults to true when publicUrl is https. */
  cookieSecure?: boolean;
  production?: boolean;
  testMode?: boolean;
  /** Print emails' arrival to the console (development). */
  logEmails?: boolean;
  gateway?: PaymentGateway;
  mailer?: Mailer;
  clock?: () => Date;
  limits?: Partial<Limits>;
  /** Structured log entries; warnings and errors to stderr when absent. */
  log?: LogSink;
}

export interface RunningServer {
  url: string;
  port: number;
  app: PortalApp;
  db: Database;
  server: ServerType;
  /** Stops accepting requests, finishes background work and closes the database (PGlite flushes). */
  close(): Promise<void>;
}

/**
 * Opens the database (migrating it, and seeding it the first time), then serves the API, the admin API,
 * the development outbox and the static folders on one port.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const db = await openDatabase({
    url: options.databaseUrl,
    dataDir: options.dataDir,
    schema: options.schema,
  });
  try {
    await migrate(db);
    await seedIfEmpty(db, (options.clock ?? (() => new Date()))(), options.production ?? false);
  } catch (error) {
    await db.close();
    throw error;
  }

  // The app needs the port (for its public URL) and the port needs the server: fill the app in once it listens.
  const holder: { app?: PortalApp } = {};
  const server = serve({
    fetch: (request, env) => (holder.app as PortalApp).fetch(request, env),
    port: options.port,
    hostname: options.hostname ?? '127.0.0.1',
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const publicUrl = options.publicUrl ?? `http://localhost:${port}`;
  const production = options.production ?? false;
  const outboxUrl = `${publicUrl}/dev/outbox`;
  const mailer =
    options.mailer ??
    (options.smtpUrl
      ? smtpMailer(options.smtpUrl, options.mailFrom ?? 'portal@localhost')
      : options.logEmails
        ? consoleMailer(outboxUrl)
        : silentMailer);
  const running = createApp({
    db,
    mailer,
    gateway: options.gateway ?? new TestGateway(),
    clock: options.clock ?? (() => new Date()),
    merchantSecret: options.merchantSecret,
    cookieSecure: options.cookieSecure ?? publicUrl.startsWith('https:'),
    publicUrl,
    allowedOrigins: options.allowedOrigins ?? [],
    allowedHosts: options.allowedHosts ?? [],
    trustProxy: options.trustProxy ?? false,
    testMode: options.testMode ?? false,
    devRoutes: !production,
    redactSentEmails: production && Boolean(options.smtpUrl),
    staticDirs: options.staticDirs,
    limits: options.limits,
    log: options.log,
  });
  holder.app = running;

  let closing: Promise<void> | undefined;
  return {
    url: publicUrl,
    port,
    app: running,
    db,
    server,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive connections would hold close() open; nothing is in flight once we get here.
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
        await running.portal.drain();
        await db.close();
      })();
      return closing;
    },
  };
}
