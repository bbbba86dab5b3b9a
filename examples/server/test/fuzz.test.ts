import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { tryDecodeURIComponent } from 'hono/utils/url';
import * as z from 'zod/mini';
import { adminOperations } from '../../../src/contract/admin-operations.js';
import { operationsWithSchemas } from '../../../src/contract/operation-schemas.js';
import { pathParams } from '../../../src/contract/operations.js';
import { ADA, DEMO_PASSWORD, MERCHANT_SECRET, useTestServer } from './helpers.js';
import { type Random, hostileLeaf, mutate, plausible, prng } from './fuzz/generate.js';

/**
 * Schema-driven fuzzing of every customer and admin operation (issue 13): requests generated from each
 * operation's own input schema, mutated (hostile text, wrong types, deep nesting, extreme numbers, missing
 * and extra fields, malformed JSON, NUL and lone surrogates in path ids), sent to the app in process,
 * signed in as Ada (cookie, allowed Origin) or as the merchant. Whatever the input: never a 5xx; an input
 * the operation's schema refuses is refused (4xx); the server still serves afterwards.
 * FUZZ_SEED=<n> replays a run; FUZZ_SCALE=<x> multiplies the number of requests.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const ORIGIN = 'https://shop.example';
const API = '/portal-api';

type Schema = Parameters<typeof plausible>[0];
interface Target {
  name: string;
  verb: string;
  path: string;
  input: Schema | null;
  auth: 'public' | 'customer' | 'admin';
  requests: number;
}

/** Operations whose plausible inputs hash a password (scrypt, ~0.2 s): fewer requests, same mutations. */
const HASHING = new Set([
  'signIn',
  'signUp',
  'changePassword',
  'resetPassword',
  'completePasswordChange',
  'adminSendActivation',
]);

const targets: Target[] = [
  ...Object.entries(operationsWithSchemas).map(([name, op]): Target => ({
    name,
    verb: op.http.verb,
    path: op.http.path,
    input: op.input,
    auth: 'public' in op && op.public ? 'public' : 'customer',
    requests: Math.round((HASHING.has(name) ? 40 : 250) * SCALE),
  })),
  ...Object.entries(adminOperations).map(([name, op]): Target => ({
    name,
    verb: op.http.verb,
    path: op.http.path,
    input: op.input,
    auth: 'admin' as const,
    requests: Math.round((HASHING.has(name) ? 40 : 250) * SCALE),
  })),
];

const server = useTestServer({ freshEachTest: false });

/** Query strings carry text: the same coercion the server applies (examples/server/src/http/input.ts). */
function coerceQuery(schema: Schema | null, query: Record<string, string>): Record<string, unknown> {
  const shape = schema?._zod.def.shape ?? {};
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    let def = Object.hasOwn(shape, key) ? shape[key]._zod.def : undefined;
    while (def && ['optional', 'nullable', 'default'].includes(def.type) && def.innerType) {
      def = def.innerType._zod.def;
    }
    if (def?.type === 'number' && /^-?\d+(\.\d+)?$/.test(value)) result[key] = Number(value);
    else if (def?.type === 'boolean' && (value === 'true' || value === 'false'))
      result[key] = value === 'true';
    else result[key] = value;
  }
  return result;
}

/** Percent-encoding that also carries lone surrogates (as the invalid UTF-8 a client could send). */
function encode(text: string): string {
  let out = '';
  for (const char of text) out += /^[\uD800-\uDFFF]$/.test(char) ? '%ED%A0%80' : encodeURIComponent(char);
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** Bodies that are not what a client should send: broken JSON, non-objects, numbers JSON cannot hold. */
const MALFORMED = [
  '{"body": "x"',
  '{',
  '[',
  '"just a string"',
  '{"a":1e400}',
  'null',
  '{"a":"\\u0000"}',
  '\u0000',
  '{"a":}',
];

interface Case {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Whether the operation's schema (or the transport) refuses this request. */
  invalid: boolean;
  what: string;
}

function buildCase(target: Target, random: Random, cookie: string): Case {
  const headers: Record<string, string> = {
    'x-forwarded-for': `10.${random.int(256)}.${random.int(256)}.${1 + random.int(254)}`,
  };
  if (target.auth === 'customer') Object.assign(headers, { cookie, origin: ORIGIN });
  if (target.auth === 'admin') headers.authorization = `Bearer ${MERCHANT_SECRET}`;
  if (target.auth === 'public') headers.origin = ORIGIN;

  const generated = target.input
    ? plausible(target.input, random)
    : random.chance(0.5)
      ? {}
      : hostileLeaf(random);
  const { value, mutation } = isObject(generated)
    ? mutate(generated, random)
    : { value: generated, mutation: 'replace-root' as const };
  const fields: Record<string, unknown> = isObject(value) ? { ...value } : {};

  // Path parameters come from the generated input; a NUL or a lone surrogate sometimes goes in.
  const params: Record<string, string> = {};
  let path = target.path;
  for (const param of pathParams(target.path)) {
    let text = asText(fields[param]);
    if (random.chance(0.05)) text += random.pick(['\u0000', '\uD800', '%', '/..', ' ']);
    if (!random.chance(0.03)) delete fields[param];
    const encoded = encode(text);
    params[param] = tryDecodeURIComponent(encoded);
    path = path.replace(`{${param}}`, encoded);
  }

  let raw: Record<string, unknown> | null;
  let body: string | undefined;
  let transportInvalid = false;
  let what: string = mutation;
  if (target.verb === 'GET' || target.verb === 'DELETE') {
    const query = Object.entries(fields).map(([key, each]) => `${encode(key)}=${encode(asText(each))}`);
    if (query.length) path += `?${query.join('&')}`;
    // Read back the way the server's router reads them.
    const decoded: Record<string, string> = {};
    for (const pair of query) {
      const [key, text] = pair.split('=');
      decoded[tryDecodeURIComponent(key.replace(/\+/g, ' '))] = tryDecodeURIComponent(
        text.replace(/\+/g, ' '),
      );
    }
    raw = coerceQuery(target.input, decoded);
  } else {
    headers['content-type'] = 'application/json';
    const transport = random.next();
    if (transport < 0.04) {
      // Odd JSON: some of it does not parse (refused); what parses is judged like any other body.
      body = random.pick(MALFORMED);
      what = 'odd-json';
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = undefined;
      }
      raw = isObject(parsed) ? { ...parsed } : null;
      transportInvalid = raw === null;
    } else if (transport < 0.06) {
      headers['content-type'] = random.pick(['text/plain', 'application/x-www-form-urlencoded']);
      body = JSON.stringify(value) ?? 'x';
      what = 'wrong-content-type';
      raw = null;
      transportInvalid = body.trim() !== '';
    } else {
      body = JSON.stringify(isObject(value) ? fields : (value ?? {}));
      const parsed = JSON.parse(body) as unknown;
      // Anything but an object is refused; an object gets the path parameters added.
      raw = isObject(parsed) ? { ...parsed } : null;
      transportInvalid = raw === null;
    }
  }
  if (raw) {
    for (const [param, text] of Object.entries(params)) {
      if (raw[param] !== undefined && raw[param] !== text) transportInvalid = true;
      raw[param] = text;
    }
  }
  const invalid = target.input
    ? transportInvalid || raw === null || !z.safeParse(target.input, raw).success
    : false;
  return { method: target.verb, path: `${API}${path}`, headers, body, invalid, what };
}

async function signedIn(cookie: string): Promise<boolean> {
  if (!cookie) return false;
  const reply = await server.running.app.request(`${API}/session`, { headers: { cookie } });
  return reply.status === 200 && (await reply.text()) !== 'null';
}

async function signInAsAda(): Promise<string> {
  const reply = await server.running.app.request(`${API}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': '198.51.100.7' },
    body: JSON.stringify({ email: ADA, password: DEMO_PASSWORD }),
  });
  assert.equal(reply.status, 200, await reply.text());
  const cookie = reply.headers.getSetCookie().find((each) => each.startsWith('portal_session='));
  assert.ok(cookie, 'sign-in sets the session cookie');
  return cookie.split(';')[0];
}

describe('fuzz: every customer and admin operation, from its own schema', () => {
  const counts = { requests: 0, invalid: 0, refused: 0, accepted: 0, byStatus: new Map<number, number>() };

  before(async () => {
    await server.reset();
  });

  it(`answers no 5xx and refuses every invalid input (seed ${SEED})`, async () => {
    const random = prng(SEED);
    const failures: string[] = [];
    const started = Date.now();
    let cookie = '';
    for (const target of targets) {
      // Ada stays signed in from one operation to the next unless one ended her session (signing out,
      // changing her password): then the demo data comes back and she signs in again.
      const opStarted = Date.now();
      if (target.auth === 'customer' && !(await signedIn(cookie))) {
        await server.reset();
        cookie = await signInAsAda();
      }
      for (let index = 0; index < target.requests; index++) {
        const request = buildCase(target, random, cookie);
        const reply = await server.running.app.request(request.path, {
          method: request.method,
          headers: request.headers,
          body: request.body,
        });
        const text = await reply.text();
        counts.requests++;
        counts.byStatus.set(reply.status, (counts.byStatus.get(reply.status) ?? 0) + 1);
        if (request.invalid) counts.invalid++;
        if (reply.status >= 400 && reply.status < 500) counts.refused++;
        else counts.accepted++;
        const wrong =
          reply.status >= 500
            ? 'a 5xx'
            : request.invalid && !(reply.status >= 400 && reply.status < 500)
              ? 'an invalid input accepted'
              : null;
        if (wrong && failures.length < 20) {
          failures.push(
            `${wrong}: ${target.name} (${request.what}) ${request.method} ${JSON.stringify(request.path).slice(0, 300)} ` +
              `body ${JSON.stringify(request.body ?? '').slice(0, 300)} -> ${reply.status} ${text.slice(0, 200)}`,
          );
        }
      }
      if (process.env.FUZZ_VERBOSE) console.log(target.name, Date.now() - opStarted, 'ms');
    }
    const statuses = [...counts.byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
    console.log(
      `fuzz (seed ${SEED}): ${counts.requests} requests over ${targets.length} operations in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s; ${counts.invalid} invalid by their schema; ` +
        `${counts.refused} refused (4xx), ${counts.accepted} accepted; by status ${statuses.join(', ')}`,
    );
    assert.deepEqual(failures, [], failures.join('\n'));
    assert.ok(counts.requests >= 10_000 * Math.min(1, SCALE), `${counts.requests} requests`);
  });

  it('answers a query parameter named after an Object.prototype member like any unknown one (was a 500)', async () => {
    await server.reset();
    const cookie = await signInAsAda();
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const reply = await server.running.app.request(`${API}/invoices?${name}=1`, { headers: { cookie } });
      assert.ok(reply.status < 500, `${name}: ${reply.status}`);
    }
  });

  it('still serves afterwards: settings, sign-in and Ada’s invoices', async () => {
    const settings = await server.running.app.request(`${API}/settings`);
    assert.equal(settings.status, 200);
    await server.reset();
    const cookie = await signInAsAda();
    const invoices = await server.running.app.request(`${API}/invoices`, { headers: { cookie } });
    assert.equal(invoices.status, 200);
    const page = (await invoices.json()) as { items: unknown[] };
    assert.ok(page.items.length > 0);
  });
});
