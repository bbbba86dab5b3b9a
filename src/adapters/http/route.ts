import { PortalError } from '../../contract/errors.js';
import { type HttpVerb, pathParams } from '../../contract/operations.js';
import type { Operation } from '../../contract/operation-schemas.js';

/**
 * How one call of an operation travels: the route's `{params}` come out of the input and into the path,
 * and whatever is left goes in the query string (GET, DELETE) or in a JSON body (everything else).
 * HttpAdapter builds its requests with this, the OpenAPI generator describes routes with the same rules,
 * and a server can use `sendsBody` to know what to expect.
 */
export interface HttpRequestParts {
  method: HttpVerb;
  /** The route path with its params filled in and URI-encoded, relative to the API base URL. */
  path: string;
  query: URLSearchParams;
  /** The JSON body, or undefined when the operation sends none. */
  body?: Record<string, unknown>;
  /** Money-moving operations send their idempotency key as a header too, so proxies and logs see it. */
  idempotencyKey?: string;
}

/** GET and DELETE carry their input in the query string: many servers and proxies drop their bodies. */
export function usesQuery(verb: HttpVerb): boolean {
  return verb === 'GET' || verb === 'DELETE';
}

/** The field names of an object input schema, or null when the input is not a plain object schema. */
export function inputFields(operation: Operation): string[] | null {
  const def = operation.input?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
  if (def?.type !== 'object' || !def.shape) return null;
  return Object.keys(def.shape);
}

/**
 * Whether requests of this operation have a JSON body. An input made only of path params (pause a
 * subscription by id) sends none, so servers need not parse an empty object.
 */
export function sendsBody(operation: Operation): boolean {
  if (operation.input === null || usesQuery(operation.http.verb)) return false;
  const fields = inputFields(operation);
  if (fields === null) return true;
  const params = pathParams(operation.http.path);
  return fields.some((field) => !params.includes(field));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Scalars travel as text; a nested value (none in the contract today) travels as JSON text. */
function queryValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Builds the request for an input that already passed the operation's input schema. */
export function buildRequest(operation: Operation, input: unknown): HttpRequestParts {
  const fields: Record<string, unknown> = isRecord(input) ? { ...input } : {};
  const path = operation.http.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = fields[name];
    delete fields[name];
    if ((typeof value !== 'string' && typeof value !== 'number') || value === '') {
      throw new PortalError('validation', `missing route parameter ${name}`, {
        fieldErrors: [{ path: name, code: 'required' }],
      });
    }
    return encodeURIComponent(String(value));
  });

  const query = new URLSearchParams();
  let body: Record<string, unknown> | undefined;
  if (usesQuery(operation.http.verb)) {
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined || value === null) continue;
      for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
        query.append(name, queryValue(item));
      }
    }
  } else if (sendsBody(operation)) {
    body = fields;
  }

  const key = isRecord(input) ? input.idempotencyKey : undefined;
  return {
    method: operation.http.verb,
    path,
    query,
    body,
    idempotencyKey: operation.money && typeof key === 'string' ? key : undefined,
  };
}
