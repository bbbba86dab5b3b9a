import type { PortalSettings } from '../../../../src/model/index.js';
import { hitRateLimit } from '../auth/throttle.js';
import type { AppContext } from '../context.js';
import { forbidden, invalidField, rateLimited } from '../http/errors.js';
import { loadSettings } from '../store/catalog.js';
import type { RequestContext } from './types.js';

/**
 * Per-IP limit shared by every unauthenticated credential endpoint (sign-in, sign-up, links, resets,
 * challenges): one budget, so an attacker cannot spread guesses over several endpoints.
 */
export async function limitAuthRequests(ctx: RequestContext): Promise<void> {
  const verdict = await hitRateLimit(
    ctx.app.db,
    'auth_ip',
    ctx.ip,
    ctx.app.limits.authRequestsPerIpPerMinute,
    ctx.now(),
  );
  if (!verdict.allowed) throw rateLimited(verdict.retryAfterSeconds);
}

/** Per-address budget for emails that strangers can trigger; over budget, nothing is sent (silently). */
export async function mayEmailAddress(ctx: RequestContext, bucket: string, email: string): Promise<boolean> {
  const verdict = await hitRateLimit(
    ctx.app.db,
    bucket,
    email.trim().toLowerCase(),
    ctx.app.limits.emailsPerAddressPer15Minutes,
    ctx.now(),
    15 * 60_000,
  );
  return verdict.allowed;
}

/** The settings, after checking that the capability `allowed` picks from them is on. */
export async function requireCapability(
  app: AppContext,
  allowed: (settings: PortalSettings) => boolean,
  what: string,
): Promise<PortalSettings> {
  const settings = await loadSettings(app.db);
  if (!allowed(settings)) throw forbidden(`${what} is turned off by the merchant`);
  return settings;
}

/**
 * Where an emailed link points: the request's `returnUrl` when its origin is ours or allow-listed
 * (ASVS 3.7.2), otherwise the portal's public URL; the token goes in the query parameter `param`.
 */
/**
 * A `returnUrl` must be on the server's own origin or an allowed one. A foreign one is refused — the same
 * way for every address, before any account is looked up — rather than silently replaced, so a
 * misconfigured page learns why its links point elsewhere. MemoryAdapter refuses it the same way.
 */
export function checkReturnUrl(app: AppContext, returnUrl: string | undefined): void {
  if (returnUrl !== undefined && !app.isAllowedOrigin(new URL(returnUrl).origin)) {
    throw invalidField('returnUrl', 'the return URL is not on an allowed origin');
  }
}

export function emailLink(
  app: AppContext,
  returnUrl: string | undefined,
  param: string,
  token: string,
): string {
  checkReturnUrl(app, returnUrl);
  const url = new URL(returnUrl ?? app.deps.publicUrl);
  url.hash = '';
  url.searchParams.set(param, token);
  return url.toString();
}
