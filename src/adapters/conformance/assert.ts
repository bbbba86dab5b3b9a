import {
  ERROR_CODES,
  type FieldErrorCode,
  type PortalError,
  type PortalErrorCode,
  isPortalError,
} from '../../contract/errors.js';
import { canonical } from '../../rules/canonical.js';

/**
 * The suite's own assertions: it runs under any test framework, so it cannot lean on chai or expect.
 * Every message names what was checked and shows what was expected and what came back.
 */
export class ConformanceError extends Error {
  override readonly name = 'ConformanceError';
}

export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (isPortalError(value)) {
    const fields = value.fieldErrors.map((each) => `${each.path}:${each.code}`).join(', ');
    return `PortalError(${value.code}${fields ? ` [${fields}]` : ''}: ${value.message})`;
  }
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    const text = JSON.stringify(value);
    return text.length > 400 ? `${text.slice(0, 400)}…` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export function ok(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceError(message);
}

export function equal<T>(actual: T, expected: T, what: string): void {
  if (!Object.is(actual, expected)) {
    throw new ConformanceError(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/** Structural equality; key order and absent-versus-undefined properties do not matter. */
export function deepEqual(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(canonical(actual));
  const b = JSON.stringify(canonical(expected));
  if (a !== b) throw new ConformanceError(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

/** Awaits a call that must fail with a PortalError of `code`, and returns that error. */
export async function rejects(
  promise: Promise<unknown>,
  code: PortalErrorCode,
  what: string,
): Promise<PortalError> {
  let result: unknown;
  try {
    result = await promise;
  } catch (error) {
    if (!isPortalError(error)) {
      throw new ConformanceError(`${what}: expected a PortalError "${code}", but it threw ${show(error)}`);
    }
    if (!(ERROR_CODES as readonly string[]).includes(error.code)) {
      throw new ConformanceError(`${what}: "${error.code}" is not one of ERROR_CODES`);
    }
    if (error.code !== code) {
      throw new ConformanceError(`${what}: expected a PortalError "${code}", got ${show(error)}`);
    }
    return error;
  }
  throw new ConformanceError(
    `${what}: expected a PortalError "${code}", but it resolved with ${show(result)}`,
  );
}

/** The error names `path` among its field errors (with `code`, when given). */
export function hasFieldError(error: PortalError, path: string, code?: FieldErrorCode): void {
  const found = error.fieldErrors.some(
    (each) => each.path === path && (code === undefined || each.code === code),
  );
  ok(
    found,
    `expected a field error on "${path}"${code ? ` with code "${code}"` : ''}, got ${show(error.fieldErrors)}`,
  );
}
