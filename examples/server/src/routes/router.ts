import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as z from 'zod/mini';
import { OPERATION_NAMES, type OperationName, pathParams } from '../../../../src/contract/operations.js';
import {
  type Operation,
  operationsWithSchemas as operations,
} from '../../../../src/contract/operation-schemas.js';
import { PortalError } from '../../../../src/contract/errors.js';
import { logAccess } from '../auth/access-log.js';
import { DEVICE_COOKIE } from '../auth/devices.js';
import { type AuthenticatedSession, resolveSession } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { unauthorized } from '../../../../src/rules/errors.js';
import { requirePreviewAllows } from '../../../../src/rules/preview.js';
import { operationInput } from '../http/input.js';
import { bearerToken, clientIp, isJsonContentType, isMutating } from '../http/request.js';
import { type DocumentFile, type Handlers, RequestContext, StoredResponse } from './types.js';

export const SESSION_COOKIE = 'portal_session';
/** The API is mounted here; the session cookie is scoped to it. */
export const API_BASE = '/portal-api';

/** `/invoices/{id}` → `/invoices/:id` */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/**
 * The session behind the request: a bearer token (minted by the merchant) wins over the cookie. Failed
 * bearer tokens and the first use of a good one are sign-in attempts and go to the access log.
 */
async function authenticate(c: Context, app: AppContext, ip: string): Promise<AuthenticatedSession | null> {
  const now = app.now();
  const bearer = bearerToken(c);
  if (bearer !== undefined) {
    const session = await resolveSession(app.db, bearer, 'bearer', now);
    if (!session) {
      await logAccess(
        app.db,
        { success: false, method: 'session_token', email: '', ip, reason: 'invalid_token' },
        now,
      );
      return null;
    }
    // A preview is the merchant looking, not the customer signing in: never in their access log.
    if (session.firstUse && !session.preview) {
      await logAccess(
        app.db,
        {
          success: true,
          method: 'session_token',
          email: session.email,
          ip,
          customerCode: session.customer.record.code,
        },
        now,
      );
    }
    return session;
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie ? resolveSession(app.db, cookie, 'cookie', now) : null;
}

/**
 * Cross-site request forgery: a browser attaches the session cookie to requests other sites trigger, so
 * state-changing requests that rely on the cookie must come from an origin we trust. Browsers send
 * `Origin` on every non-GET request; when present it must be our own (from configuration, never from the
 * request's Host) or an allowed origin. Requests without it come from non-browser clients, which cannot
 * ride a victim's cookie. A Content-Type other than JSON is refused even on an empty body: it is what an
 * HTML form sends, and an empty form post could otherwise sign out or trigger any input-less operation.
 * Together with SameSite=Lax this covers login CSRF as well.
 */
export function checkOrigin(c: Context, app: AppContext, ownOnly = false): void {
  const type = c.req.header('content-type');
  if (type !== undefined && !isJsonContentType(type)) {
    throw new PortalError('forbidden', 'request bodies must be sent as application/json');
  }
  const origin = c.req.header('origin');
  if (origin === undefined) return;
  if (ownOnly ? !app.ownOrigins.has(origin) : !app.isAllowedOrigin(origin)) {
    throw new PortalError('forbidden', 'cross-origin request refused');
  }
}

function cookieOptions(app: AppContext) {
  return {
    httpOnly: true,
    secure: app.deps.cookieSecure,
    sameSite: 'Lax' as const,
    path: API_BASE,
  };
}

function respond(
  c: Context,
  app: AppContext,
  name: OperationName,
  op: Operation,
  ctx: RequestContext,
  result: unknown,
) {
  if (ctx.cookie === 'clear') deleteCookie(c, SESSION_COOKIE, cookieOptions(app));
  else if (ctx.cookie) {
    setCookie(c, SESSION_COOKIE, ctx.cookie.token, {
      ...cookieOptions(app),
      expires: ctx.cookie.expiresAt,
    });
  }
  if (ctx.deviceCookie) {
    setCookie(c, DEVICE_COOKIE, ctx.deviceCookie.token, {
      ...cookieOptions(app),
      path: `${API_BASE}/auth`,
      expires: ctx.deviceCookie.expiresAt,
    });
  }
  c.header('cache-control', 'no-store');
  if (result instanceof StoredResponse) {
    c.header('idempotent-replayed', 'true');
    return c.json(result.body, result.status as 200);
  }
  if (op.output === null) return c.body(null, 204);
  if (op.output === 'pdf') {
    const file = result as DocumentFile;
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
    });
  }
  if (op.output === 'csv') throw new Error(`${name}: only the merchant's operations answer CSV`);
  // Parsing the output strips anything that is not in the contract (internal columns never leak) and
  // turns a handler bug into a logged 500 instead of a malformed answer.
  const parsed = z.safeParse(op.output, result);
  if (!parsed.success)
    throw new Error(`${name} produced output outside the contract: ${parsed.error.message}`);
  return c.json(parsed.data as object, 200);
}

/** One route per operation of the contract, all built the same way from the operations table. */
export function customerRouter(app: AppContext, handlers: Handlers): Hono {
  const router = new Hono();
  for (const name of OPERATION_NAMES) {
    const op: Operation = operations[name];
    const handler = handlers[name] as (ctx: RequestContext, input: unknown) => Promise<unknown>;
    if (typeof handler !== 'function') throw new Error(`no handler for operation ${name}`);
    const params = pathParams(op.http.path);
    router.on(op.http.verb, honoPath(op.http.path), async (c) => {
      const ip = clientIp(c, app.deps.trustProxy);
      const session = await authenticate(c, app, ip);
      if (isMutating(c.req.method) && !(session?.kind === 'bearer')) checkOrigin(c, app);
      if (!op.public && !session) throw unauthorized();
      requirePreviewAllows(session, name);
      const input = op.input ? await operationInput(c, op.input, op.http.verb, params, name) : undefined;
      if (op.money) {
        const header = c.req.header('idempotency-key');
        const key = (input as { idempotencyKey?: string }).idempotencyKey;
        if (header !== undefined && header !== key) {
          throw new PortalError('validation', 'the Idempotency-Key header differs from idempotencyKey', {
            fieldErrors: [{ path: 'idempotencyKey', code: 'invalid' }],
          });
        }
      }
      const ctx = new RequestContext(
        app,
        ip,
        session,
        (header) => c.req.header(header),
        getCookie(c, DEVICE_COOKIE),
      );
      let result: unknown;
      try {
        result = await handler(ctx, input);
      } finally {
        // Also after a refusal: some refusals commit an email first (sign-up with a registered address).
        if (ctx.mailQueued) app.deliverMailSoon();
        app.pruneSoon();
      }
      const response = respond(c, app, name, op, ctx, result);
      for (const work of ctx.deferred) app.afterResponse(work);
      return response;
    });
  }
  return router;
}

/** The operations the router serves, as `VERB /path` (for the completeness test and the startup banner). */
export function customerRoutes(): { name: OperationName; verb: string; path: string }[] {
  return OPERATION_NAMES.map((name) => ({
    name,
    verb: operations[name].http.verb,
    path: operations[name].http.path,
  }));
}
