import * as z from 'zod/mini';
import { ERROR_CODES } from '../../contract/errors.js';
import * as model from '../../model/index.js';
import { type HttpVerb, pathParams } from '../../contract/operations.js';
import { ErrorBody, type Operation } from '../../contract/operation-schemas.js';
import { documentedOperations as operations } from '../../contract/operation-summaries.js';
import { adminOperations } from '../../contract/admin-operations.js';
import { sendsBody, usesQuery } from './route.js';

/**
 * The OpenAPI 3.1 document of the HTTP contract, generated from the operations tables and the model's
 * zod schemas, so it cannot say something the code does not do. `scripts/openapi.mjs` writes it to
 * `openapi.json`; a test fails when the committed file and this function disagree.
 */
export type OpenApiDocument = Record<string, unknown>;
type Json = Record<string, unknown>;

export const OPENAPI_TITLE = 'Portal Elements HTTP contract';
/** The session cookie the reference server sets (httpOnly, SameSite=Lax, scoped to the API path). */
export const SESSION_COOKIE = 'portal_session';

const SCHEMAS = '#/components/schemas/';
const VERB_ORDER: readonly HttpVerb[] = ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'];
/** Marks the operation-level schemas that are inlined into operations rather than kept as components. */
const INLINE_PREFIX = '~inline~';

const ref = (group: string, name: string) => ({ $ref: `#/components/${group}/${name}` });

function isZodSchema(value: unknown): value is z.core.$ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

function byName<T>(entries: Iterable<[string, T]>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Every JSON schema, in one pass so references between them line up: the model's exported schemas and
 * ErrorBody become components by their export names; operation-level schemas without a name (an array
 * of plans, `{ id }`) are generated too and inlined where they are used.
 *
 * Everything is described as its parser accepts it (`io: 'input'`): requests are parsed by the server,
 * and responses by the client, whose objects strip unknown keys. The output view would put
 * `additionalProperties: false` on every object and so forbid a backend from adding a field, which
 * clients are built to tolerate.
 */
function generateSchemas(allOperations: Record<string, Operation>) {
  const registry = z.registry<{ id: string }>();
  const named = new Map<z.core.$ZodType, string>();
  const exported = byName(Object.entries({ ...model, ErrorBody }).filter(([, value]) => isZodSchema(value)));
  for (const [name, schema] of Object.entries(exported) as [string, z.core.$ZodType][]) {
    if (named.has(schema)) continue;
    named.set(schema, name);
    registry.add(schema, { id: name });
  }
  const inline = new Map<z.core.$ZodType, string>();
  for (const [name, operation] of Object.entries(allOperations)) {
    for (const [kind, schema] of [
      ['input', operation.input],
      ['output', operation.output],
    ] as const) {
      if (!isZodSchema(schema) || named.has(schema) || inline.has(schema)) continue;
      const id = `${INLINE_PREFIX}${name}.${kind}`;
      inline.set(schema, id);
      registry.add(schema, { id });
    }
  }
  const generated = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    uri: (id) => `${SCHEMAS}${id}`,
  }).schemas as Record<string, Json>;

  const strip = ({ $schema: _schema, $id: _id, ...rest }: Json): Json => rest;
  const components = byName(
    Object.entries(generated)
      .filter(([id]) => !id.startsWith(INLINE_PREFIX))
      .map(([id, schema]): [string, Json] => [id, strip(schema)]),
  );
  components.ErrorBody = {
    ...components.ErrorBody,
    description:
      `The body of every failed response. \`error.code\` is one of ${ERROR_CODES.join(', ')}; ` +
      'a client derives the code from the HTTP status when it is missing or unknown.',
  };

  /** A schema as used in an operation: a reference to its component, or its inlined JSON schema. */
  const use = (schema: z.core.$ZodType): Json => {
    const name = named.get(schema);
    if (name) return { $ref: `${SCHEMAS}${name}` };
    return clone(strip(generated[inline.get(schema)!]));
  };
  /** Follows a component reference to the component itself. */
  const resolve = (schema: Json): Json => {
    const target = typeof schema.$ref === 'string' ? schema.$ref : undefined;
    return target?.startsWith(SCHEMAS) ? components[target.slice(SCHEMAS.length)] : schema;
  };
  return { components, use, resolve };
}

interface ObjectSchema {
  properties: Record<string, Json>;
  required: string[];
}

function objectSchema(schema: Json, operation: string): ObjectSchema {
  if (schema.type !== 'object' || typeof schema.properties !== 'object' || schema.properties === null) {
    throw new Error(`${operation}: route parameters and query strings need an object input schema`);
  }
  return {
    properties: schema.properties as Record<string, Json>,
    required: Array.isArray(schema.required) ? (schema.required as string[]) : [],
  };
}

const ERROR_RESPONSES: Record<string, { status: string; description: string; retryAfter?: boolean }> = {
  ValidationFailed: {
    status: '400',
    description: 'The input was refused (`validation`); `error.fieldErrors` names the fields and why.',
  },
  Unauthorized: { status: '401', description: 'No valid session (`unauthorized`).' },
  PaymentDeclined: {
    status: '402',
    description: 'The payment method was declined (`payment_declined`); nothing was charged.',
  },
  Forbidden: {
    status: '403',
    description: "The merchant's settings turn this capability off, or the session may not use it.",
  },
  NotFound: {
    status: '404',
    description: "No such resource for this customer; another customer's ids answer the same.",
  },
  Conflict: {
    status: '409',
    description:
      'The request conflicts with the current state, or its idempotency key is in flight or was used ' +
      'with other parameters.',
  },
  RateLimited: {
    status: '429',
    description: 'Too many requests (`rate_limited`); wait for Retry-After.',
    retryAfter: true,
  },
  Unavailable: {
    status: '503',
    description: 'The backend cannot answer now (`unavailable`); try again after Retry-After.',
    retryAfter: true,
  },
  ClientError: { status: '4XX', description: 'Any other refusal; `error.code` says which.' },
  ServerError: { status: '5XX', description: 'A failure on the backend; `error.code` says which.' },
};

function errorResponseComponents(): Json {
  return Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([name, { description, retryAfter }]) => [
      name,
      {
        description,
        ...(retryAfter ? { headers: { 'Retry-After': ref('headers', 'RetryAfter') } } : {}),
        content: { 'application/json': { schema: { $ref: `${SCHEMAS}ErrorBody` } } },
      },
    ]),
  );
}

/** Which failures an operation documents follows from the table, not from a hand-kept list per route. */
function errorResponses(operation: Operation): Json {
  const names = ['RateLimited', 'ClientError', 'Unavailable', 'ServerError'];
  if (operation.input !== null) names.push('ValidationFailed');
  if (!operation.public) names.push('Unauthorized', 'Forbidden');
  if (pathParams(operation.http.path).length > 0) names.push('NotFound');
  if (operation.money) names.push('PaymentDeclined', 'Conflict');
  return Object.fromEntries(names.map((name) => [ERROR_RESPONSES[name].status, ref('responses', name)]));
}

export interface OpenApiOptions {
  /** The `info.version`: the package version whose code the document describes. */
  version?: string;
}

export function buildOpenApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  const customer = operations as Record<string, Operation>;
  const admin = adminOperations as Record<string, Operation>;
  const { components, use, resolve } = generateSchemas({ ...customer, ...admin });

  const operationObject = (name: string, operation: Operation, isAdmin: boolean): Json => {
    const params = pathParams(operation.http.path);
    const input = operation.input === null ? undefined : use(operation.input);
    const fields =
      input && (params.length > 0 || usesQuery(operation.http.verb))
        ? objectSchema(resolve(input), name)
        : undefined;

    const parameters: Json[] = params.map((param) => {
      const schema = fields?.properties[param];
      if (!schema) throw new Error(`${name}: the input has no field for route parameter {${param}}`);
      return { name: param, in: 'path', required: true, schema };
    });
    if (fields && usesQuery(operation.http.verb)) {
      for (const [field, schema] of Object.entries(fields.properties)) {
        if (params.includes(field)) continue;
        parameters.push({ name: field, in: 'query', required: fields.required.includes(field), schema });
      }
    }
    if (operation.money) parameters.push(ref('parameters', 'IdempotencyKey'));

    let requestBody: Json | undefined;
    if (input && sendsBody(operation)) {
      let schema = input;
      if (params.length > 0 && fields) {
        // Route parameters travel in the path only, so the body is the input without them.
        const required = fields.required.filter((field) => !params.includes(field));
        const properties = Object.entries(fields.properties).filter(([field]) => !params.includes(field));
        schema = { ...resolve(input), properties: Object.fromEntries(properties), required };
        if (required.length === 0) delete schema.required;
      }
      requestBody = { required: true, content: { 'application/json': { schema } } };
    }

    let success: Json;
    if (operation.output === null) success = { '204': { description: 'Done; no content.' } };
    else if (operation.output === 'pdf') {
      success = {
        '200': {
          description: 'The document, downloaded with the session.',
          headers: { 'Content-Disposition': ref('headers', 'ContentDisposition') },
          content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } },
        },
      };
    } else {
      success = {
        '200': { description: 'OK', content: { 'application/json': { schema: use(operation.output) } } },
      };
    }

    const security = isAdmin
      ? [{ merchantSecret: [] }]
      : [...(operation.public ? [{}] : []), { cookieSession: [] }, { sessionToken: [] }];
    return {
      operationId: name,
      summary: operation.summary,
      ...(operation.money
        ? {
            description:
              'Moves money. The idempotency key is generated once per customer intent and sent on every ' +
              'attempt; a repeated key answers the first outcome instead of charging again.',
          }
        : {}),
      tags: [operation.http.path.split('/')[1]],
      security,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: byName(Object.entries({ ...success, ...errorResponses(operation) })),
    };
  };

  const paths: Record<string, Record<string, Json>> = {};
  const add = (table: Record<string, Operation>, isAdmin: boolean) => {
    for (const [name, operation] of Object.entries(table)) {
      const item = (paths[operation.http.path] ??= {});
      const verb = operation.http.verb.toLowerCase();
      if (item[verb]) throw new Error(`${name}: ${operation.http.verb} ${operation.http.path} is taken`);
      item[verb] = operationObject(name, operation, isAdmin);
    }
  };
  add(customer, false);
  add(admin, true);
  const sortedPaths = byName(
    Object.entries(paths).map(([path, item]): [string, Json] => [
      path,
      Object.fromEntries(
        VERB_ORDER.map((verb) => verb.toLowerCase())
          .filter((verb) => item[verb])
          .map((verb) => [verb, item[verb]]),
      ),
    ]),
  );

  return {
    openapi: '3.1.0',
    info: {
      title: OPENAPI_TITLE,
      version: options.version ?? '0.0.0',
      description:
        'JSON over HTTP between the Portal Elements web components (HttpAdapter) and a billing backend. ' +
        'Money is an integer amount of minor units plus an ISO 4217 currency. Customer routes act for ' +
        "the signed-in customer; /admin routes are for the merchant's own backend only.",
      license: { name: 'MIT', identifier: 'MIT' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [
      {
        url: '/portal-api',
        description: 'Where the reference server mounts the contract; HttpAdapter takes any base URL.',
      },
    ],
    paths: sortedPaths,
    components: {
      schemas: components,
      responses: errorResponseComponents(),
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'The same value as `idempotencyKey` in the body; a different value is refused (400).',
          schema: { $ref: `${SCHEMAS}IdempotencyKey` },
        },
      },
      headers: {
        RetryAfter: {
          description: 'Seconds to wait (or an HTTP date) before trying again.',
          schema: { type: 'string' },
        },
        ContentDisposition: {
          description:
            '`attachment; filename="…"`. A cross-origin backend lists it in Access-Control-Expose-Headers.',
          schema: { type: 'string' },
        },
      },
      securitySchemes: {
        cookieSession: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description:
            'The httpOnly session cookie set at sign-in; browsers send it with credentials: include.',
        },
        sessionToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A short-lived portal session token minted by the merchant backend (POST /admin/session-tokens).',
        },
        merchantSecret: {
          type: 'http',
          scheme: 'bearer',
          description: "The merchant's secret key: server to server only, never in a browser.",
        },
      },
    },
  };
}
