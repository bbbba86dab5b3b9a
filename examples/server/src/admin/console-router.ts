import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { AdminOperationName } from '../../../../src/contract/admin-operations.js';
import {
  type ConsoleOperationName,
  type StaffOperationName,
  consoleOperations,
  staffOperations,
} from '../../../../src/contract/console-operations.js';
import type { Operation } from '../../../../src/contract/operation-schemas.js';
import { unauthorized } from '../../../../src/rules/errors.js';
import { resolveStaffSession } from '../auth/staff.js';
import type { AppContext } from '../context.js';
import { isMutating } from '../http/request.js';
import { checkOrigin, honoPath } from '../routes/router.js';
import type { AdminHandlers } from './handlers.js';
import { answerAdminOperation } from './router.js';
import { STAFF_COOKIE, type StaffHandlers, staffCookieOptions } from './staff-handlers.js';

export const CONSOLE_OPERATION_NAMES = Object.keys(consoleOperations) as ConsoleOperationName[];
const STAFF_OPERATION_NAMES = Object.keys(staffOperations) as StaffOperationName[];

/**
 * The merchant console's API under `/merchant/api`: the staff's own sign-in, and every admin operation a
 * browser may call, served by the very handlers `/admin` uses. It answers only a live staff cookie (the
 * secret key means nothing here, as the cookie means nothing under `/admin`), and state-changing requests
 * pass the customer API's CSRF defence (JSON only) with `Origin` the server's own, on top of SameSite=Strict.
 */
export function consoleRouter(app: AppContext, handlers: AdminHandlers, staff: StaffHandlers): Hono {
  const router = new Hono();
  const guard = (c: Context) => {
    // Only the console's own origin: a storefront on the same site (allowed for the customer API) must
    // not be able to send staff-authenticated changes.
    if (isMutating(c.req.method)) checkOrigin(c, app, true);
    c.header('cache-control', 'no-store');
  };
  for (const name of STAFF_OPERATION_NAMES) {
    const op: Operation = staffOperations[name];
    router.on(op.http.verb, honoPath(op.http.path), async (c) => {
      guard(c);
      return staff[name](c, app);
    });
  }
  for (const name of CONSOLE_OPERATION_NAMES) {
    if (name in staffOperations) continue;
    const adminName = name as AdminOperationName;
    const op: Operation = consoleOperations[name];
    router.on(op.http.verb, honoPath(op.http.path), async (c) => {
      guard(c);
      const cookie = getCookie(c, STAFF_COOKIE);
      const session = cookie ? await resolveStaffSession(app.db, cookie, app.now()) : null;
      if (!session) {
        if (cookie) deleteCookie(c, STAFF_COOKIE, staffCookieOptions(app));
        throw unauthorized('sign in to the console to continue');
      }
      const actor = { kind: 'staff' as const, staffId: session.staff.id, email: session.staff.email };
      return answerAdminOperation(c, app, handlers, adminName, op, actor);
    });
  }
  return router;
}
