import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { StaffOperationName } from '../../../../src/contract/console-operations.js';
import { StaffSignIn } from '../../../../src/model/index.js';
import { accountLocked, badCredentials } from '../../../../src/rules/access.js';
import { rateLimited } from '../../../../src/rules/errors.js';
import { STAFF_DEVICE_COOKIE, attemptScope, trustDevice } from '../auth/devices.js';
import { verifyAgainstDummy, verifyPassword } from '../auth/passwords.js';
import {
  createStaffSession,
  deleteStaffSession,
  findStaffByEmail,
  holdStaffIfUnchanged,
  resolveStaffSession,
  toStaffSession,
} from '../auth/staff.js';
import { claimAttempt, clearAttempts, hitRateLimit, lockIfExhausted } from '../auth/throttle.js';
import type { AppContext } from '../context.js';
import { operationInput } from '../http/input.js';
import { clientIp } from '../http/request.js';

/** The console's session cookie: only ever sent to `/merchant` pages and API, never cross-site. */
export const STAFF_COOKIE = 'portal_staff';
const SESSION_PATH = '/merchant/api/session';

export function staffCookieOptions(app: AppContext) {
  return {
    httpOnly: true,
    secure: app.deps.cookieSecure || app.publicOrigin.startsWith('https:'),
    sameSite: 'Strict' as const,
    path: '/merchant',
  };
}

export type StaffHandlers = Record<StaffOperationName, (c: Context, app: AppContext) => Promise<Response>>;

/**
 * Staff sign-in, written like the customers' (routes/handlers/auth.ts) on the same defences: the per-IP
 * budget of every credential endpoint, the lockout claimed before the password is checked and counted
 * per address or per trusted browser (realm `staff`, auth/throttle.ts), one scrypt for unknown addresses
 * too, and the same answers. Attempts go to the server log (the customer access log is the customers').
 */
export const staffHandlers: StaffHandlers = {
  async staffSignIn(c, app) {
    const input = (await operationInput(c, StaffSignIn, 'POST', [], 'staffSignIn')) as StaffSignIn;
    const { db, limits } = app;
    const ip = clientIp(c, app.deps.trustProxy);
    const policy = { threshold: limits.lockoutThreshold, minutes: limits.lockoutMinutes };
    const log = (outcome: string) =>
      app.log({
        level: outcome === 'success' ? 'info' : 'warn',
        event: 'staff_sign_in',
        outcome,
        email: input.email.slice(0, 200),
        ip,
      });
    const deviceToken = getCookie(c, STAFF_DEVICE_COOKIE);
    const scope = await attemptScope(db, deviceToken, input.email, app.now(), 'staff');
    if (scope.device === '') {
      const verdict = await hitRateLimit(db, 'auth_ip', ip, limits.authRequestsPerIpPerMinute, app.now());
      if (!verdict.allowed) {
        log('ip_rate_limited');
        throw rateLimited(verdict.retryAfterSeconds);
      }
    }
    const now = app.now();
    const claim = await claimAttempt(db, scope, now, policy);
    if (!claim.allowed) {
      log('too_many_failures');
      throw rateLimited(claim.retryAfterSeconds);
    }
    const staff = await findStaffByEmail(db, input.email);
    const passwordOk = staff
      ? await verifyPassword(input.password, staff.passwordHash)
      : await verifyAgainstDummy(input.password);
    if (!staff || !passwordOk) {
      await lockIfExhausted(db, scope, now, policy);
      log(staff ? 'wrong_password' : 'unknown_email');
      throw badCredentials();
    }
    await clearAttempts(db, scope);
    if (staff.locked) {
      log('account_locked');
      throw accountLocked();
    }
    const previous = getCookie(c, STAFF_COOKIE);
    const opened = await db.transaction(async (tx) => {
      // The hash checked above may have been replaced (or the member locked or removed) during scrypt.
      if (!(await holdStaffIfUnchanged(tx, staff.id, staff.passwordHash))) return null;
      if (previous) {
        const old = await resolveStaffSession(tx, previous, now);
        if (old) await deleteStaffSession(tx, old.tokenHash);
      }
      return {
        created: await createStaffSession(tx, staff.id, now),
        device: await trustDevice(tx, deviceToken, staff.email, now, 'staff'),
      };
    });
    if (!opened) {
      log('changed_during_sign_in');
      throw badCredentials();
    }
    const { created, device } = opened;
    setCookie(c, STAFF_COOKIE, created.token, { ...staffCookieOptions(app), expires: created.expiresAt });
    setCookie(c, STAFF_DEVICE_COOKIE, device.token, {
      ...staffCookieOptions(app),
      path: SESSION_PATH,
      expires: device.expiresAt,
    });
    log('success');
    return c.json(toStaffSession(staff, created.expiresAt), 200);
  },

  async staffSession(c, app) {
    const cookie = getCookie(c, STAFF_COOKIE);
    const session = cookie ? await resolveStaffSession(app.db, cookie, app.now()) : null;
    if (cookie && !session) deleteCookie(c, STAFF_COOKIE, staffCookieOptions(app));
    return c.json(session ? toStaffSession(session.staff, session.expiresAt) : null, 200);
  },

  /** Ends the session server-side (the cookie alone is worth nothing afterwards) and clears the cookie. */
  async staffSignOut(c, app) {
    const cookie = getCookie(c, STAFF_COOKIE);
    if (cookie) {
      const session = await resolveStaffSession(app.db, cookie, app.now());
      if (session) {
        await deleteStaffSession(app.db, session.tokenHash);
        app.log({ level: 'info', event: 'staff_signed_out', staffId: session.staff.id });
      }
    }
    deleteCookie(c, STAFF_COOKIE, staffCookieOptions(app));
    return c.body(null, 204);
  },
};
