import type * as z from 'zod/mini';

/**
 * The closed set of failure kinds every adapter reports. Elements pick the customer-facing message
 * from the i18n catalog by code, so a code is all a custom adapter has to get right.
 *
 * `account_locked` extends the set in DESIGN.md: a locked account must be told apart from wrong
 * credentials, and it is only reported once the right password was given (no account enumeration).
 */
export const ERROR_CODES = [
  'network',
  'timeout',
  'unauthorized',
  'forbidden',
  'account_locked',
  'not_found',
  'validation',
  'conflict',
  'rate_limited',
  'payment_declined',
  'invalid_response',
  'unavailable',
] as const;
export type PortalErrorCode = (typeof ERROR_CODES)[number];

/** Why one field was refused; elements show the localized message for the code next to the field. */
export interface FieldError {
  /** Dotted path of the field in the request (`billingAddress.postalCode`). */
  path: string;
  code: FieldErrorCode;
}
export const FIELD_ERROR_CODES = [
  'required',
  'invalid',
  'too_short',
  'too_long',
  'too_large',
  'taken',
  /** A quote or token that ran out: ask for a fresh one. */
  'expired',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export interface PortalErrorOptions {
  fieldErrors?: readonly FieldError[];
  /** Seconds the backend asked us to wait (Retry-After on 429/503). */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class PortalError extends Error {
  override readonly name = 'PortalError';
  readonly code: PortalErrorCode;
  readonly fieldErrors: readonly FieldError[];
  readonly retryAfterSeconds?: number;

  /** `message` is for developers (logs, consoles); customers see the localized text for `code`. */
  constructor(code: PortalErrorCode, message: string, options: PortalErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.fieldErrors = options.fieldErrors ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** Whether trying the same thing again later can succeed. */
  get retryable(): boolean {
    return ['network', 'timeout', 'rate_limited', 'unavailable', 'invalid_response'].includes(this.code);
  }

  toJSON() {
    return {
      code: this.code,
      message: this.message,
      fieldErrors: this.fieldErrors,
      retryAfterSeconds: this.retryAfterSeconds,
    };
  }
}

export function isPortalError(value: unknown): value is PortalError {
  return value instanceof PortalError || (value instanceof Error && value.name === 'PortalError');
}

export function isErrorCode(value: unknown): value is PortalErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function fieldErrorCode(issue: z.core.$ZodIssue): FieldErrorCode {
  if (typeof issue.message === 'string' && (FIELD_ERROR_CODES as readonly string[]).includes(issue.message)) {
    return issue.message as FieldErrorCode;
  }
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'required' : 'too_short';
    case 'too_big':
      return issue.origin === 'string' ? 'too_long' : 'too_large';
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'invalid';
    default:
      return 'invalid';
  }
}

/** Field errors from a failed zod parse of something a person typed. */
export function fieldErrorsFrom(error: z.core.$ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: fieldErrorCode(issue),
  }));
}

/** A request that failed validation: the caller sent something wrong (bad input). */
export function validationError(error: z.core.$ZodError, what: string): PortalError {
  return new PortalError(
    'validation',
    `${what}: ${error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}`,
    {
      fieldErrors: fieldErrorsFrom(error),
      cause: error,
    },
  );
}

/** A response that failed validation: the backend or adapter returned something we cannot trust. */
export function invalidResponseError(error: unknown, what: string): PortalError {
  return new PortalError('invalid_response', `${what} returned data of the wrong shape`, { cause: error });
}

/**
 * Failures after which nobody knows whether a money-moving request took effect: it may have reached the
 * backend and only the answer got lost (R-PAY-16). Only re-sending it with the same key can tell.
 */
export const OUTCOME_UNKNOWN_CODES: readonly PortalErrorCode[] = [
  'network',
  'timeout',
  'unavailable',
  'invalid_response',
];

/** Whether a failure leaves the outcome unknown: never shown as success or as failure. */
export function isOutcomeUnknown(error: unknown): boolean {
  return error instanceof PortalError && OUTCOME_UNKNOWN_CODES.includes(error.code);
}

/** An abort (the asking element went away, or a signal fired): not a failure to show anyone. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Anything thrown by an adapter, normalised: a PortalError stays, everything else becomes one. */
export function toPortalError(error: unknown): PortalError {
  if (error instanceof PortalError) return error;
  if (isPortalError(error)) {
    const foreign = error;
    return new PortalError(isErrorCode(foreign.code) ? foreign.code : 'unavailable', foreign.message, {
      fieldErrors: foreign.fieldErrors,
      retryAfterSeconds: foreign.retryAfterSeconds,
      cause: error,
    });
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new PortalError('timeout', 'the request timed out', { cause: error });
  }
  if (error instanceof TypeError) return new PortalError('network', error.message, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new PortalError('unavailable', message, { cause: error });
}
