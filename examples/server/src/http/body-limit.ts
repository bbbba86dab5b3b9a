import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PortalError } from '../../../../src/contract/errors.js';
import { errorResponse } from './errors.js';

/** The largest request body the server reads, in bytes (the biggest real one, a note, is a few KB). */
export const MAX_BODY_BYTES = 1_000_000;
/** The logo upload's limit: base64 of the 2 MB a logo may be, plus its JSON wrapping. */
export const LOGO_BODY_BYTES = 3_000_000;

/**
 * Bounds every request body in bytes while it streams in, before anything parses it: a declared
 * Content-Length over the limit is refused without reading a byte, a chunked body as soon as the limit is
 * crossed. The refusal is a 413 with the contract's error body, and closes the connection so the rest of
 * the upload is not read either.
 */
export function limitBodies(maxBytes = MAX_BODY_BYTES): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      const response = errorResponse(
        new PortalError('validation', `the request body is larger than ${maxBytes} bytes`, {
          fieldErrors: [{ path: '', code: 'too_large' }],
        }),
        413,
      );
      response.headers.set('connection', 'close');
      return response;
    },
  });
}
