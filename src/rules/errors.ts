import { type FieldErrorCode, PortalError } from '../contract/errors.js';

/**
 * The one set of refusal factories both backends throw: MemoryAdapter and the reference server build every
 * PortalError they refuse with from these, so a refusal has the same code, field errors and message on both.
 * Messages are for developers (logs, consoles); customers see the localized text for the code.
 */

export function forbidden(message: string): PortalError {
  return new PortalError('forbidden', message);
}

export function notFound(what: string): PortalError {
  return new PortalError('not_found', `${what} not found`);
}

export function conflict(message: string): PortalError {
  return new PortalError('conflict', message);
}

export function unauthorized(message = 'Sign in to continue.'): PortalError {
  return new PortalError('unauthorized', message);
}

/** A `validation` error on one field of the request. */
export function invalidField(path: string, message: string, code: FieldErrorCode = 'invalid'): PortalError {
  return new PortalError('validation', message, { fieldErrors: [{ path, code }] });
}

export function rateLimited(retryAfterSeconds: number): PortalError {
  return new PortalError('rate_limited', 'Too many attempts. Try again later.', { retryAfterSeconds });
}

export function paymentDeclined(message: string): PortalError {
  return new PortalError('payment_declined', message);
}
