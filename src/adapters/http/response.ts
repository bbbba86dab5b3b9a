import * as z from 'zod/mini';
import {
  FIELD_ERROR_CODES,
  type FieldError,
  type FieldErrorCode,
  isErrorCode,
  PortalError,
  type PortalErrorCode,
} from '../../contract/errors.js';
import { ErrorBody } from '../../contract/operation-schemas.js';

/**
 * The code a bare status stands for, used when the body carries no known `error.code` (a proxy's HTML
 * page, a gateway timeout, a server on a newer contract). Gateways answer 502/503 when the backend is
 * down, so they read as `unavailable`; statuses the contract never uses mean the backend answered
 * outside it, so they read as `invalid_response`.
 */
export function codeForStatus(status: number): PortalErrorCode {
  switch (status) {
    case 400:
    case 413:
    case 422:
      return 'validation';
    case 401:
      return 'unauthorized';
    case 402:
      return 'payment_declined';
    case 403:
      return 'forbidden';
    case 404:
    case 410:
      return 'not_found';
    case 408:
    case 504:
      return 'timeout';
    case 409:
      return 'conflict';
    case 423:
      return 'account_locked';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 && status <= 599 ? 'unavailable' : 'invalid_response';
  }
}

/** Codes that describe the backend's condition, not the outcome of the request: asking again may work. */
const TRANSIENT_CODES: readonly PortalErrorCode[] = ['network', 'timeout', 'rate_limited', 'unavailable'];
export function isTransientCode(code: PortalErrorCode): boolean {
  return TRANSIENT_CODES.includes(code);
}

/** `Retry-After` in whole seconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** JSON media types: `application/json` and the `+json` family (`application/problem+json`). */
export function isJsonType(contentType: string): boolean {
  const type = mediaType(contentType);
  return type === 'application/json' || type.endsWith('+json');
}

export function mediaType(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}

/**
 * Settles with `read`, or rejects with a `timeout` PortalError once `ms` pass: ky's timeout ends when the
 * headers arrive, and a body that stalls after them must not hang an element forever.
 */
export function readWithin<T>(read: Promise<T>, ms: number, onTimeout?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout?.();
      reject(new PortalError('timeout', `the response body did not arrive within ${ms} ms`));
    }, ms);
    read.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/**
 * What an error response said about itself; every field is optional because proxies say nothing.
 * `retryAfterSeconds` prefers the Retry-After header over the body's field: the header is what the retry
 * logic waits on, so the error reports the same wait.
 */
export interface ErrorInfo {
  code?: PortalErrorCode;
  message?: string;
  fieldErrors: FieldError[];
  retryAfterSeconds?: number;
}

function fieldErrorCode(code: string): FieldErrorCode {
  return (FIELD_ERROR_CODES as readonly string[]).includes(code) ? (code as FieldErrorCode) : 'invalid';
}

const errorInfos = new WeakMap<Response, Promise<ErrorInfo>>();

/**
 * Reads an error response's ErrorBody once (the retry decision and the final error both need it). A body
 * that is not an ErrorBody — an HTML page, nothing at all — yields only what the headers say.
 */
export function readErrorInfo(response: Response, ms: number): Promise<ErrorInfo> {
  let info = errorInfos.get(response);
  if (!info) {
    info = (async () => {
      const headerWait = retryAfterSeconds(response.headers.get('retry-after'));
      let text = '';
      try {
        text = await readWithin(response.text(), ms);
      } catch {
        // The status still tells what happened; a body we cannot read adds nothing to it.
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return { fieldErrors: [], retryAfterSeconds: headerWait };
      }
      const parsed = z.safeParse(ErrorBody, json);
      if (!parsed.success) return { fieldErrors: [], retryAfterSeconds: headerWait };
      const { error } = parsed.data;
      return {
        code: isErrorCode(error.code) ? error.code : undefined,
        message: error.message,
        fieldErrors: (error.fieldErrors ?? []).map((field) => ({
          path: field.path,
          code: fieldErrorCode(field.code),
        })),
        retryAfterSeconds: headerWait ?? error.retryAfterSeconds,
      };
    })();
    errorInfos.set(response, info);
  }
  return info;
}

/** The PortalError an error response stands for: its ErrorBody's code when known, else its status's. */
export async function errorFromResponse(
  operation: string,
  response: Response,
  ms: number,
  cause?: unknown,
): Promise<PortalError> {
  const info = await readErrorInfo(response, ms);
  const code = info.code ?? codeForStatus(response.status);
  const detail = info.message ? `: ${info.message}` : '';
  return new PortalError(code, `${operation} failed with HTTP ${response.status}${detail}`, {
    fieldErrors: info.fieldErrors,
    retryAfterSeconds: info.retryAfterSeconds,
    cause,
  });
}

/** A response the client cannot use; always `invalid_response`, with the reason for the developer. */
export function invalidResponse(operation: string, reason: string, cause?: unknown): PortalError {
  return new PortalError('invalid_response', `${operation} ${reason}`, { cause });
}

const MAX_FILE_NAME = 200;

/** Keeps a server-chosen file name printable and free of path separators before it reaches a download. */
export function safeFileName(name: string): string {
  const printable = [...name]
    .map((char) =>
      char.charCodeAt(0) < 32 || char === '\u007f' || char === '/' || char === '\\' ? '_' : char,
    )
    .join('')
    .trim();
  return printable.slice(0, MAX_FILE_NAME);
}

/** The file name from a Content-Disposition header: RFC 6266 `filename*` (UTF-8) first, then `filename`. */
export function fileNameFrom(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*([\w!#$&+.^`|~-]*)'[^']*'([^;\s]+)/i.exec(header);
  if (extended) {
    try {
      const decoded = safeFileName(decodeURIComponent(extended[2]));
      if (decoded) return decoded;
    } catch {
      // A malformed percent-encoding: fall back to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:\\.|[^"\\])*)"|([^;\s]+))/i.exec(header);
  if (!plain) return undefined;
  const name = safeFileName(plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2]);
  return name || undefined;
}
