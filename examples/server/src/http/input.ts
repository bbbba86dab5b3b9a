import type { Context } from 'hono';
import * as z from 'zod/mini';
import { validationError } from '../../../../src/contract/errors.js';
import { PortalError } from '../../../../src/contract/errors.js';
import { readJsonBody } from './request.js';

interface Def {
  type: string;
  innerType?: { _zod: { def: Def } };
  shape?: Record<string, { _zod: { def: Def } }>;
}

function baseType(schema: { _zod: { def: Def } }): string {
  let def = schema._zod.def;
  while ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) {
    def = def.innerType._zod.def;
  }
  return def.type;
}

/**
 * Query strings only carry text: turn the values the operation's schema expects as numbers or booleans
 * into those, and leave everything else (including malformed numbers) for the schema to refuse.
 */
function coerceQuery(schema: z.core.$ZodType, query: Record<string, string>): Record<string, unknown> {
  const shape = (schema as unknown as { _zod: { def: Def } })._zod.def.shape ?? {};
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    const type = field ? baseType(field) : 'string';
    if (type === 'number' && /^-?\d+(\.\d+)?$/.test(value)) result[key] = Number(value);
    else if (type === 'boolean' && (value === 'true' || value === 'false')) result[key] = value === 'true';
    else result[key] = value;
  }
  return result;
}

/**
 * Builds an operation's input from the request (path parameters, plus the query for GET and DELETE or the
 * JSON body otherwise) and parses it with the operation's schema: 400 with field errors on failure.
 * A body that repeats a path parameter with another value is refused rather than silently overridden.
 */
export async function operationInput(
  c: Context,
  schema: z.core.$ZodType,
  verb: string,
  params: readonly string[],
  what: string,
): Promise<unknown> {
  let raw: Record<string, unknown>;
  if (verb === 'GET' || verb === 'DELETE') {
    raw = coerceQuery(schema, c.req.query());
  } else {
    const body = await readJsonBody(c);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new PortalError('validation', 'the request body must be a JSON object', {
        fieldErrors: [{ path: '', code: 'invalid' }],
      });
    }
    raw = { ...(body as Record<string, unknown>) };
  }
  for (const name of params) {
    const value = c.req.param(name);
    if (raw[name] !== undefined && raw[name] !== value) {
      throw new PortalError('validation', `${name} in the body differs from the path`, {
        fieldErrors: [{ path: name, code: 'invalid' }],
      });
    }
    raw[name] = value;
  }
  const result = z.safeParse(schema, raw);
  if (!result.success) throw validationError(result.error, what);
  return result.data;
}
