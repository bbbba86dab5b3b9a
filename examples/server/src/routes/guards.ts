import type { PortalSettings } from '../../../../src/model/index.js';
import { hitRateLimit } from '../auth/throttle.js';
import type { AppContext } from '../context.js';
import { forbidden, rateLimited } from '../http/errors.js';
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
export function emailLink(
  app: AppContext,
  returnUrl: string | undefined,
  param: string,
  token: string,
): string {
  let url = new URL(app.deps.publicUrl);
  if (returnUrl !== undefined) {
    const requested = new URL(returnUrl);
    if (app.isAllowedOrigin(requested.origin)) url = requested;
  }
  url.hash = '';
  url.searchParams.set(param, token);
  return url.toString();
}
