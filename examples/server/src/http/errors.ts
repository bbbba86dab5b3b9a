import { HTTP_STATUS_BY_CODE } from '../../../../src/contract/operations.js';
import type { ErrorBody } from '../../../../src/contract/operation-schemas.js';
import { type PortalErrorCode, type PortalError, isPortalError } from '../../../../src/contract/errors.js';

export function statusFor(code: PortalErrorCode): number {
  return HTTP_STATUS_BY_CODE[code];
}

/**
 * The contract's JSON error body, with Retry-After on 429 and 503. `status` overrides the code's usual
 * status where HTTP has a more precise one (413 for a body too large, 421 for a host not ours).
 */
export function errorResponse(error: PortalError, status = statusFor(error.code)): Response {
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fieldErrors.length > 0
        ? { fieldErrors: error.fieldErrors.map((each) => ({ ...each })) }
        : {}),
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    },
  };
  const headers = new Headers({
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  if (error.retryAfterSeconds !== undefined)
    headers.set('retry-after', String(Math.ceil(error.retryAfterSeconds)));
  return new Response(JSON.stringify(body), { status, headers });
}

/**
 * Whatever went wrong, the client gets the contract's shape. Unexpected failures are handed to `report`
 * (the structured log, with their stack) and answered with a bare 500 'unavailable': no stack or SQL ever
 * reaches the body.
 */
export function toErrorResponse(error: unknown, report: (error: unknown) => void): Response {
  if (isPortalError(error)) return errorResponse(error);
  report(error);
  const body: ErrorBody = { error: { code: 'unavailable', message: 'Something went wrong on our side.' } };
  return new Response(JSON.stringify(body), {
    status: 500,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}
