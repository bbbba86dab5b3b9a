import * as z from 'zod/mini';
import { ERROR_CODES } from '../../contract/errors.js';
import * as model from '../../model/index.js';
import { HTTP_STATUS_BY_CODE, type HttpVerb, pathParams } from '../../contract/operations.js';
import { type OperationOutcomes, operationOutcomes } from '../../contract/operation-outcomes.js';
import { ErrorBody, type Operation } from '../../contract/operation-schemas.js';
import { documentedOperations as operations } from '../../contract/operation-summaries.js';
import { adminOperations } from '../../contract/admin-operations.js';
import { consoleOperations } from '../../contract/console-operations.js';
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

/**
 * The schema components something in `from` refers to, directly or through other components: a model
 * schema no operation uses is left out rather than published as part of the contract.
 */
function reachable(components: Record<string, Json>, from: Json): Record<string, Json> {
  const found = new Set<string>();
  const visit = (value: unknown) => {
    for (const [, name] of JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      if (found.has(name) || !components[name]) continue;
      found.add(name);
      visit(components[name]);
    }
  };
  visit(from);
  return Object.fromEntries(Object.entries(components).filter(([name]) => found.has(name)));
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

/** The API's answers as response components, by status; each says which error codes travel with it. */
const RESPONSES: Record<string, { name: string; description: string; retryAfter?: boolean }> = {
  '400': {
    name: 'ValidationFailed',
    description:
      'The input was refused (`validation`): `error.fieldErrors` names the fields and why. Also a ' +
      'malformed body, or an Idempotency-Key header that differs from `idempotencyKey`.',
  },
  '401': {
    name: 'Unauthorized',
    description:
      'No valid session or merchant key (`unauthorized`); on sign-in routes, credentials or a token refused.',
  },
  '402': {
    name: 'PaymentDeclined',
    description: 'The payment method was declined (`payment_declined`); nothing was charged.',
  },
  '403': {
    name: 'Forbidden',
    description:
      "Refused (`forbidden`): the merchant's settings turn this capability off, the session may not use " +
      'it, or (cross-site request forgery defence) a change relying on the session cookie came from an ' +
      'origin that is not allowed or with a Content-Type other than application/json.',
  },
  '404': {
    name: 'NotFound',
    description: "No such resource for this customer (`not_found`); another customer's ids answer the same.",
  },
  '409': {
    name: 'Conflict',
    description:
      'The request conflicts with the current state (`conflict`), or its idempotency key is in flight or ' +
      'was used with other parameters.',
  },
  '413': {
    name: 'PayloadTooLarge',
    description: 'The request body is larger than the server reads (`validation`, field error `too_large`).',
  },
  '421': {
    name: 'MisdirectedRequest',
    description: 'The Host header names a host this server does not answer to (`forbidden`; DNS rebinding).',
  },
  '423': {
    name: 'AccountLocked',
    description:
      'The credentials were right but the merchant locked the account (`account_locked`) until they unlock ' +
      'it; told only after a correct password or link, so it reveals nothing about other addresses.',
  },
  '429': {
    name: 'RateLimited',
    description: 'Too many requests (`rate_limited`); wait for Retry-After.',
    retryAfter: true,
  },
  '500': {
    name: 'ServerError',
    description: 'An unexpected failure on the backend (`unavailable`); no detail is given.',
  },
  '503': {
    name: 'Unavailable',
    description: 'The backend cannot answer now (`unavailable`); try again after Retry-After when given.',
    retryAfter: true,
  },
  // Not answered by the reference server (the recorded-answers test holds it to the exact statuses above):
  // what a client does with any other status another backend may send.
  '4XX': { name: 'ClientError', description: 'Any other refusal; `error.code` says which.' },
  '5XX': {
    name: 'OtherServerError',
    description: 'Any other failure on the backend; `error.code` says which.',
  },
};

/**
 * Headers on every answer of the API, documented once in `info.description` rather than on each
 * response, and not required per response by the recorded-answers test.
 */
export const HEADERS_ON_EVERY_ANSWER: Record<string, string> = {
  'x-request-id': 'the id the server logged the request under',
  'x-content-type-options': '`nosniff`',
  'referrer-policy': '`no-referrer`',
};

const cacheControl = { 'Cache-Control': ref('headers', 'CacheControl') };

function responseComponents(): Json {
  return Object.fromEntries(
    Object.values(RESPONSES).map(({ name, description, retryAfter }) => [
      name,
      {
        description,
        headers: { ...cacheControl, ...(retryAfter ? { 'Retry-After': ref('headers', 'RetryAfter') } : {}) },
        content: { 'application/json': { schema: { $ref: `${SCHEMAS}ErrorBody` } } },
      },
    ]),
  );
}

/**
 * The statuses an operation can fail with, derived from its rules (see operation-outcomes.ts for the
 * list) plus the refusals its outcomes entry declares: the same rules for every operation, so one added
 * to the tables is documented right without a word here.
 */
/** Who an operation answers: the customer's portal, the merchant's backend (secret key), its console. */
export type Door = 'customer' | 'admin' | 'console';

export function failureStatuses(
  operation: Operation,
  door: Door | boolean,
  outcomes: OperationOutcomes = {},
) {
  const isAdmin = door === true || door === 'admin';
  const statuses = new Set(['421', '429', '500', '503', '4XX', '5XX']);
  const changes = operation.http.verb !== 'GET';
  if (operation.input !== null) statuses.add('400');
  if (changes) statuses.add('413');
  if (isAdmin || door === 'console' || !operation.public) statuses.add('401');
  if (changes && !isAdmin) statuses.add('403');
  if (pathParams(operation.http.path).length > 0) statuses.add('404');
  if (operation.money) statuses.add('409');
  for (const code of outcomes.errors ?? []) statuses.add(String(HTTP_STATUS_BY_CODE[code]));
  return [...statuses].sort();
}

/** Where each area of the API is tagged, by the first segment of its path. */
const AREAS: Record<string, { tag: string; description: string }> = {
  session: { tag: 'Sign-in', description: 'Sessions, sign-in, sign-up, links and passwords' },
  auth: { tag: 'Sign-in', description: '' },
  settings: {
    tag: 'Settings',
    description: "The merchant's portal settings and branding, read by the portal",
  },
  customer: {
    tag: 'Profile',
    description: 'The billing account: contact details, addresses, tax ids, email',
  },
  'billing-summary': { tag: 'Invoices', description: 'The billing summary, invoices, their notes and PDFs' },
  invoices: { tag: 'Invoices', description: '' },
  intents: { tag: 'Payments', description: 'Paying invoices and the outcome of money-moving requests' },
  'payment-methods': { tag: 'Payment methods', description: 'Cards and bank accounts on file' },
  subscriptions: { tag: 'Subscriptions', description: 'Plans, subscriptions and their changes' },
  plans: { tag: 'Subscriptions', description: '' },
  pages: { tag: 'Content', description: "The merchant's policies and custom pages" },
  'quick-order-tokens': {
    tag: 'Quick order',
    description: "Handing the customer over to the merchant's checkout",
  },
  admin: { tag: 'Merchant', description: "The merchant's own backend, authenticated with its secret key" },
  merchant: {
    tag: 'Merchant console',
    description:
      "The merchant console's API at the server root: staff sign-in, then the admin operations through the staff cookie",
  },
};

/** Console operations share their names with the admin ones they reuse: their operation ids say which door. */
export function consoleOperationId(name: string): string {
  return name.startsWith('staff') ? name : `console${name[0].toUpperCase()}${name.slice(1)}`;
}

const CONSOLE_SERVERS = [
  { url: '/', description: 'The console API is mounted at the server root, beside /portal-api.' },
];

function tagOf(name: string, operation: Operation): string {
  if (operation.money && name === 'payInvoice') return 'Payments';
  const segment = operation.http.path.split('/')[1];
  return AREAS[segment]?.tag ?? segment;
}

/** What the operation object's description says: its summary, then what follows from its rules. */
function describe(operation: Operation, door: Door, outcomes: OperationOutcomes): string {
  const isAdmin = door !== 'customer';
  const parts = [`${operation.summary}.`];
  if (door === 'admin') {
    parts.push("For the merchant's backend only: `Authorization: Bearer <merchant secret key>`.");
  } else if (door === 'console') {
    parts.push(
      "The merchant console, mounted at the server's root: needs the staff cookie (`portal_staff`, never the " +
        'secret key); a change must come from an allowed origin, as JSON.',
    );
  } else if (operation.public) parts.push('Needs no session.');
  else parts.push('Needs a session: the session cookie, or a bearer session token the merchant minted.');
  if ('key' in operation) {
    parts.push(
      operation.key === null
        ? 'A read the portal asks afresh every time.'
        : 'A read the portal caches and refreshes after the changes that affect it.',
    );
  } else if (!isAdmin && operation.http.verb === 'GET') parts.push('A read.');
  else if (!isAdmin) parts.push('A change; a cookie-authenticated call must come from an allowed origin.');
  if (operation.money) {
    parts.push(
      'Moves money. The idempotency key is generated once per customer intent and sent on every attempt; ' +
        'a repeated key answers the first outcome (with `Idempotent-Replayed: true`) instead of charging again.',
    );
  }
  if (outcomes.session === 'opens') parts.push('On success it sets the session cookie (`Set-Cookie`).');
  if (outcomes.session === 'ends') parts.push('It clears the session cookie (`Set-Cookie`).');
  if (outcomes.note) parts.push(outcomes.note);
  return parts.join(' ');
}

export interface OpenApiOptions {
  /** The `info.version`: the package version whose code the document describes. */
  version?: string;
}

export function buildOpenApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  const customer = operations as Record<string, Operation>;
  const admin = adminOperations as Record<string, Operation>;
  const merchantConsole = consoleOperations as Record<string, Operation>;
  const { components, use, resolve } = generateSchemas({ ...customer, ...admin, ...merchantConsole });

  const operationObject = (name: string, operation: Operation, door: Door): Json => {
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

    const outcomes: OperationOutcomes = (operationOutcomes as Record<string, OperationOutcomes>)[name] ?? {};
    const successHeaders: Json = {
      ...cacheControl,
      ...(outcomes.session ? { 'Set-Cookie': ref('headers', 'SetCookie') } : {}),
      ...(operation.money ? { 'Idempotent-Replayed': ref('headers', 'IdempotentReplayed') } : {}),
    };
    let success: Json;
    if (operation.output === null) {
      success = { '204': { description: 'Done; no content.', headers: successHeaders } };
    } else if (operation.output === 'pdf') {
      success = {
        '200': {
          description: 'The document, downloaded with the session.',
          headers: { ...successHeaders, 'Content-Disposition': ref('headers', 'ContentDisposition') },
          content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } },
        },
      };
    } else if (operation.output === 'csv') {
      success = {
        '200': {
          description: 'The rows as CSV (RFC 4180, a header line first), downloaded as an attachment.',
          headers: { ...successHeaders, 'Content-Disposition': ref('headers', 'ContentDisposition') },
          content: { 'text/csv': { schema: { type: 'string', contentMediaType: 'text/csv' } } },
        },
      };
    } else {
      success = {
        '200': {
          description: operation.money ? 'The outcome (also when replayed for a repeated key).' : 'OK',
          headers: successHeaders,
          content: { 'application/json': { schema: use(operation.output) } },
        },
      };
    }
    const failures = failureStatuses(operation, door, outcomes).map((status): [string, Json] => [
      status,
      ref('responses', RESPONSES[status].name),
    ]);

    const security =
      door === 'admin'
        ? [{ merchantSecret: [] }]
        : door === 'console'
          ? name === 'staffSignIn' || name === 'staffSession'
            ? [{}, { staffSession: [] }]
            : [{ staffSession: [] }]
          : [...(operation.public ? [{}] : []), { cookieSession: [] }, { sessionToken: [] }];
    return {
      operationId: door === 'console' ? consoleOperationId(name) : name,
      summary: operation.summary,
      description: describe(operation, door, outcomes),
      tags: [tagOf(name, operation)],
      security,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: byName(Object.entries({ ...success, ...Object.fromEntries(failures) })),
    };
  };

  const paths: Record<string, Record<string, Json>> = {};
  const add = (table: Record<string, Operation>, door: Door) => {
    for (const [name, operation] of Object.entries(table)) {
      const item = (paths[operation.http.path] ??= {});
      const verb = operation.http.verb.toLowerCase();
      if (item[verb]) throw new Error(`${name}: ${operation.http.verb} ${operation.http.path} is taken`);
      item[verb] = operationObject(name, operation, door);
      // The console is mounted at the server's root, not under /portal-api.
      if (door === 'console') item.servers = CONSOLE_SERVERS as unknown as Json;
    }
  };
  add(customer, 'customer');
  add(admin, 'admin');
  add(merchantConsole, 'console');
  const sortedPaths = byName(
    Object.entries(paths).map(([path, item]): [string, Json] => [
      path,
      Object.fromEntries(
        VERB_ORDER.map((verb) => verb.toLowerCase())
          .filter((verb) => item[verb])
          .map((verb): [string, Json | Json[]] => [verb, item[verb]])
          .concat(item.servers ? [['servers', item.servers]] : []),
      ),
    ]),
  );

  const usedTags = new Set(
    Object.values(sortedPaths).flatMap((item) =>
      Object.entries(item as Record<string, Json>)
        .filter(([key]) => key !== 'servers')
        .map(([, each]) => (each.tags as string[])[0]),
    ),
  );
  const tags = [...usedTags].map((name) => ({
    name,
    description:
      Object.values(AREAS).find((area) => area.tag === name && area.description)?.description ??
      `The /${name} routes`,
  }));
  const responses = responseComponents();

  return {
    openapi: '3.1.0',
    info: {
      title: OPENAPI_TITLE,
      version: options.version ?? '0.0.0',
      description:
        'JSON over HTTP between the Portal Elements web components (HttpAdapter) and a billing backend. ' +
        'Money is an integer amount of minor units plus an ISO 4217 currency. Customer routes act for ' +
        "the signed-in customer; /admin routes are for the merchant's own backend only. Every answer " +
        `carries ${Object.entries(HEADERS_ON_EVERY_ANSWER)
          .map(([header, what]) => `\`${header}\` (${what})`)
          .join(', ')}; answers to allowed browser origins carry the CORS headers.`,
      // The package names no repository or homepage yet; the README is where issues are raised.
      contact: { name: 'Portal Elements maintainers (see the package README)' },
      license: { name: 'MIT', identifier: 'MIT' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [
      {
        url: '/portal-api',
        description: 'Where the reference server mounts the contract; HttpAdapter takes any base URL.',
      },
    ],
    tags,
    paths: sortedPaths,
    components: {
      schemas: reachable(components, { paths: sortedPaths, responses }),
      responses,
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
        CacheControl: {
          description: '`no-store`: no answer of the API is kept by a browser or a shared cache.',
          schema: { type: 'string' },
        },
        SetCookie: {
          description:
            `\`${SESSION_COOKIE}\` (httpOnly, SameSite=Lax, scoped to the API path), set when a session ` +
            'opens and cleared when it ends, and `portal_device`, which marks the browser as a trusted device.',
          schema: { type: 'string' },
        },
        IdempotentReplayed: {
          description:
            '`true` when the answer is the stored outcome of an earlier request with the same key.',
          schema: { type: 'string', enum: ['true'] },
        },
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
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'portal_staff',
          description:
            'The merchant console session cookie (httpOnly, SameSite=Strict, Path=/merchant), set by staff sign-in.',
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
