import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { except } from 'hono/combine';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { PortalError, type PortalErrorCode } from '../../../src/contract/errors.js';
import { adminHandlers } from './admin/handlers.js';
import { allowCardFieldsFrame } from './card-fields/card-fields-server.js';
import { adminRouter } from './admin/router.js';
import { AppContext, type AppDeps } from './context.js';
import { demoCheckoutRouter } from './dev/demo-checkout.js';
import { devRouter } from './dev/outbox-page.js';
import { testRouter } from './dev/test-routes.js';
import { LOGO_BODY_BYTES, limitBodies } from './http/body-limit.js';
import { logoRouter } from './admin/logo-route.js';
import { consoleRouter } from './admin/console-router.js';
import { staffHandlers } from './admin/staff-handlers.js';
import { adminOperations } from '../../../src/contract/admin-operations.js';
import { consoleOperations } from '../../../src/contract/console-operations.js';
import { errorResponse, toErrorResponse } from './http/errors.js';
import { checkHost } from './http/hosts.js';
import { describeError, requestIdOf, requestLog } from './http/log.js';
import { handlers } from './routes/handlers/index.js';
import { API_BASE, customerRouter } from './routes/router.js';

export type { AppDeps } from './context.js';

export interface AppOptions extends AppDeps {
  /** Folders served as static files outside the API (the storefront, the built bundle); first match wins. */
  staticDirs?: readonly string[];
}

export type PortalApp = Hono & { readonly portal: AppContext };

const CODE_BY_STATUS: Record<number, PortalErrorCode> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'validation',
  429: 'rate_limited',
};

/** The storefront's Content-Security-Policy: what a careful merchant would send. */
export const STOREFRONT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html portal-elements#content',
].join('; ');

/** Files under a `chunks/` folder carry a hash of their content in their name (vite.cdn.config.ts). */
const HASHED = /\/chunks\/[^/]+-[\w-]{8,}\.js(\.map)?$/;

/**
 * Caching and compression of static files: a hashed chunk never changes, so it may be kept a year; any
 * other file (`portal.js`, whose name stays the same across releases, and the pages) is revalidated on
 * each use. Scripts are sent brotli- or gzip-compressed (files precompressed at build time, picked by the
 * request's Accept-Encoding), and say that they vary by it so a shared cache keeps the variants apart.
 */
const staticCaching: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return;
  if (c.res.status !== 200 && c.res.status !== 206) return;
  if (c.req.path.startsWith(`${API_BASE}/`) || c.req.path.startsWith('/dev/')) return;
  c.header('cache-control', HASHED.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (/javascript|css|html|json/.test(c.res.headers.get('content-type') ?? '')) {
    const vary = c.res.headers.get('vary');
    if (!vary?.toLowerCase().includes('accept-encoding')) {
      c.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
  }
};

/**
 * The reference backend as a Hono app: the customer contract under /portal-api (one route per operation
 * of `contract.ts`), the merchant's admin contract under /portal-api/admin, the development outbox under
 * /dev, test-mode helpers under /portal-api/__test__, and optional static folders for everything else.
 * `app.portal` exposes the shared context (clock, background email delivery) to the process that runs it.
 */
export function createApp(options: AppOptions): PortalApp {
  const context = new AppContext(options);
  const app = new Hono();

  app.use('*', requestLog(context.log));
  // Every answer, static files, 404s and early refusals included, is to be taken as the type it says.
  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
  });
  app.use('*', checkHost(context.allowedHosts));
  // A logo upload is base64 of up to 2 MB: that route alone may send up to 3 MB (admin/logo.ts checks it).
  const logoUploads = [
    `${API_BASE}${adminOperations.adminUploadLogo.http.path}`,
    consoleOperations.adminUploadLogo.http.path,
  ];
  app.use('*', except(logoUploads, limitBodies()));
  for (const path of logoUploads) app.use(path, limitBodies(LOGO_BODY_BYTES));
  app.use(`${API_BASE}/*`, async (c, next) => {
    await next();
    c.header('referrer-policy', 'no-referrer');
  });
  // Browsers on the merchant's allow-listed origins may call the customer API with credentials. The admin
  // API is for the merchant's servers only, so it never answers a browser's preflight.
  app.use(
    `${API_BASE}/*`,
    except(
      `${API_BASE}/admin/*`,
      cors({
        origin: (origin) => (context.isAllowedOrigin(origin) ? origin : null),
        credentials: true,
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
        allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'Accept'],
        exposeHeaders: ['Content-Disposition', 'Retry-After', 'Idempotent-Replayed'],
        maxAge: 600,
      }),
    ),
  );

  app.route(API_BASE, adminRouter(context, adminHandlers));
  app.route('/', logoRouter(context));
  app.use('/merchant/api/*', async (c, next) => {
    await next();
    c.header('referrer-policy', 'no-referrer');
  });
  app.route('/', consoleRouter(context, adminHandlers, staffHandlers));
  app.route(API_BASE, customerRouter(context, handlers));
  if (options.testMode) app.route(`${API_BASE}/__test__`, testRouter(context));
  if (options.devRoutes) app.route('/dev', devRouter(context));
  // The demo store's checkout, where Quick order hands the customer over (not in production).
  if (options.devRoutes) app.route('/demo', demoCheckoutRouter(context));
  // Pages served from the static folders (the storefront) run under a strict policy: no inline script or
  // style, no eval, Trusted Types enforced with only Lit's policy. The portal must work under it. Their
  // address (which may carry an emailed token) is not sent to other sites; `same-origin` rather than
  // `no-referrer`, because the latter would also turn the portal's own requests' Origin into "null".
  app.use('/*', async (c, next) => {
    await next();
    if (
      c.res.headers.get('content-type')?.startsWith('text/html') &&
      !c.res.headers.has('content-security-policy')
    ) {
      c.header('content-security-policy', allowCardFieldsFrame(STOREFRONT_CSP, context.cardFieldsUrl));
      c.header('referrer-policy', 'same-origin');
    }
  });
  if (options.staticDirs?.length) {
    // Source maps would publish the original sources next to the bundle: never served.
    app.use('/*', async (c, next) => (c.req.path.endsWith('.map') ? c.notFound() : next()));
    app.use('/*', staticCaching);
    for (const root of options.staticDirs) app.use('/*', serveStatic({ root, precompressed: true }));
  }

  // The path is not echoed: whatever a link or a probe put in it stays out of the answer.
  app.notFound(() => errorResponse(new PortalError('not_found', 'no such endpoint')));
  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      const code = CODE_BY_STATUS[error.status] ?? 'unavailable';
      return errorResponse(new PortalError(code, error.message || 'request refused'));
    }
    return toErrorResponse(error, (unexpected) =>
      context.log({
        level: 'error',
        event: 'unexpected_error',
        method: c.req.method,
        path: c.req.path,
        requestId: requestIdOf(c),
        ...describeError(unexpected),
      }),
    );
  });
  return Object.assign(app, { portal: context });
}
