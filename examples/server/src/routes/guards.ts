import type { PortalSettings } from '../../../../src/model/index.js';
import { foreignReturnUrl, normalizeEmail } from '../../../../src/rules/access.js';
import { type Capability, requireCapability as require } from '../../../../src/rules/capabilities.js';
import { rateLimited } from '../../../../src/rules/errors.js';
import { hitRateLimit } from '../auth/throttle.js';
import type { AppContext } from '../context.js';
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
    normalizeEmail(email),
    ctx.app.limits.emailsPerAddressPer15Minutes,
    ctx.now(),
    15 * 60_000,
  );
  return verdict.allowed;
}

/** The settings, after checking that the merchant allows `capability`. */
export async function requireCapability(app: AppContext, capability: Capability): Promise<PortalSettings> {
  const settings = await loadSettings(app.db);
  require(settings, capability);
  return settings;
}

/**
 * A `returnUrl` must be on the server's own origin or an allowed one. A foreign one is refused — the same
 * way for every address, before any account is looked up — rather than silently replaced, so a
 * misconfigured page learns why its links point elsewhere. MemoryAdapter refuses it the same way.
 */
export function checkReturnUrl(app: AppContext, returnUrl: string | undefined): void {
  if (returnUrl !== undefined && !app.isAllowedOrigin(new URL(returnUrl).origin)) {
    throw foreignReturnUrl();
  }
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
  checkReturnUrl(app, returnUrl);
  const url = new URL(returnUrl ?? app.deps.publicUrl);
  url.hash = '';
  url.searchParams.set(param, token);
  return url.toString();
}
