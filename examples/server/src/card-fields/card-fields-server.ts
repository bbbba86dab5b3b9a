import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/**
 * The test-mode card fields' own origin: a second listener (CARD_FIELDS_PORT, default PORT + 1) that serves
 * only the built frame page (dist/card-fields). Another port is another origin, so the portal's page can
 * talk to the fields only by postMessage and can never read what is typed into them.
 */
export interface CardFieldsServerOptions {
  /** 0 picks a free port. */
  port: number;
  hostname?: string;
  /** The built frame (vite.card-fields.config.ts writes dist/card-fields). */
  root: string;
  /** Origins whose pages may embed the fields (the portal's public origin and ALLOWED_ORIGINS). */
  frameAncestors: readonly string[];
}

export interface RunningCardFieldsServer {
  url: string;
  port: number;
  /** False when `root` holds no built frame: every request then answers 503 saying how to build it. */
  built: boolean;
  close(): Promise<void>;
}

/** Only the page's own script and stylesheet; nothing to fetch, submit or frame; embeddable by the portal only. */
export function cardFieldsCsp(frameAncestors: readonly string[]): string {
  const origins = [...new Set(frameAncestors.map((origin) => new URL(origin).origin))];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'none'",
    "img-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${origins.length > 0 ? origins.join(' ') : "'none'"}`,
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

/** A page's policy, letting it frame the card fields (`frame-src`) when they are served. */
export function allowCardFieldsFrame(csp: string, cardFieldsUrl: string | undefined): string {
  return cardFieldsUrl ? `${csp}; frame-src ${new URL(cardFieldsUrl).origin}` : csp;
}

export const BUILD_HINT = 'npx vite build --config vite.card-fields.config.ts';

export function cardFieldsApp(options: Pick<CardFieldsServerOptions, 'root' | 'frameAncestors'>): Hono {
  const csp = cardFieldsCsp(options.frameAncestors);
  const built = existsSync(join(options.root, 'index.html'));
  const app = new Hono();
  app.use('/*', async (c, next) => {
    await next();
    c.header('content-security-policy', csp);
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    c.header('cache-control', 'no-cache');
  });
  app.on(['GET', 'HEAD'], '/*', async (c, next) => {
    if (!built) return c.text(`The card fields frame is not built. Run: ${BUILD_HINT}\n`, 503);
    return serveStatic({ root: options.root })(c, next);
  });
  app.notFound((c) => c.text('Not found\n', 404));
  return app;
}

export async function startCardFieldsServer(
  options: CardFieldsServerOptions,
): Promise<RunningCardFieldsServer> {
  const app = cardFieldsApp(options);
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://localhost:${port}/`,
    port,
    built: existsSync(join(options.root, 'index.html')),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      return closing;
    },
  };
}
