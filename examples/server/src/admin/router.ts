import { type Context, Hono } from 'hono';
import * as z from 'zod/mini';
import { pathParams } from '../../../../src/contract/operations.js';
import type { Operation } from '../../../../src/contract/operation-schemas.js';
import { type AdminOperationName, adminOperations } from '../../../../src/contract/admin-operations.js';
import { secretsEqual } from '../auth/secrets.js';
import type { AppContext } from '../context.js';
import { unauthorized } from '../../../../src/rules/errors.js';
import { ACCESS_LOG_CSV_FILE_NAME } from '../../../../src/rules/access-log-csv.js';
import { operationInput } from '../http/input.js';
import { bearerToken, clientIp } from '../http/request.js';
import { honoPath } from '../routes/router.js';
import type { AdminHandlers, AdminRequest } from './handlers.js';

export const ADMIN_OPERATION_NAMES = Object.keys(adminOperations) as AdminOperationName[];

/**
 * Runs one admin operation for whoever the door let in (the secret key here, a member of staff in the
 * console): parses the input, calls the one handler, answers in the contract's shape.
 */
export async function answerAdminOperation(
  c: Context,
  app: AppContext,
  handlers: AdminHandlers,
  name: AdminOperationName,
  op: Operation,
  actor: AdminRequest['actor'],
): Promise<Response> {
  const handler = handlers[name] as (request: AdminRequest, input: unknown) => Promise<unknown>;
  const input = op.input
    ? await operationInput(c, op.input, op.http.verb, pathParams(op.http.path), name)
    : undefined;
  const request: AdminRequest = { app, actor, ip: clientIp(c, app.deps.trustProxy), mailQueued: false };
  let result: unknown;
  try {
    result = await handler(request, input);
  } finally {
    if (request.mailQueued) app.deliverMailSoon();
  }
  c.header('cache-control', 'no-store');
  if (op.output === null || op.output === 'pdf') return c.body(null, 204);
  if (op.output === 'csv') {
    return c.body(result as string, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${ACCESS_LOG_CSV_FILE_NAME}"`,
    });
  }
  const parsed = z.safeParse(op.output, result);
  if (!parsed.success)
    throw new Error(`${name} produced output outside the contract: ${parsed.error.message}`);
  return c.json(parsed.data as object, 200);
}

/**
 * The merchant's endpoints, built from the admin contract table like the customer ones. They answer only
 * `Authorization: Bearer <merchant secret>` (compared in constant time); cookies mean nothing here, so
 * they need no CSRF defence and no CORS.
 */
export function adminRouter(app: AppContext, handlers: AdminHandlers): Hono {
  const router = new Hono();
  for (const name of ADMIN_OPERATION_NAMES) {
    const op: Operation = adminOperations[name];
    router.on(op.http.verb, honoPath(op.http.path), async (c) => {
      const token = bearerToken(c);
      if (token === undefined || !secretsEqual(token, app.deps.merchantSecret)) {
        throw unauthorized('a valid merchant secret key is required');
      }
      return answerAdminOperation(c, app, handlers, name, op, { kind: 'secret_key' });
    });
  }
  return router;
}
