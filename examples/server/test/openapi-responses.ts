/**
 * Every answer the server suite received, held against openapi.json: a status an operation does not list,
 * or a header its response does not list, fails. Run after the server suite with the same
 * PORTAL_RESPONSE_LOG (helpers.ts appends one JSON line per answer there); `npm test` does both.
 * Not a `*.test.ts` file, so the suite's own glob does not run it before the answers are in.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { HEADERS_ON_EVERY_ANSWER } from '../../../src/adapters/http/openapi.js';

interface Answer {
  method: string;
  path: string;
  status: number;
  headers: string[];
}
type Json = Record<string, unknown>;

/** Headers of the transport and of CORS, which no operation documents. */
const TRANSPORT = ['content-type', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding'];
const UNDOCUMENTED = new Set([...TRANSPORT, 'vary', ...Object.keys(HEADERS_ON_EVERY_ANSWER)]);
const isUndocumented = (header: string) => UNDOCUMENTED.has(header) || header.startsWith('access-control-');

const document = JSON.parse(readFileSync(new URL('../../../openapi.json', import.meta.url), 'utf8')) as Json;
const base = (document.servers as { url: string }[])[0].url;
const paths = document.paths as Record<string, Record<string, Json>>;
const components = document.components as Record<string, Record<string, Json>>;

/** The documented routes, each with a pattern for the paths it serves; literal segments win over {params}. */
const routes = Object.entries(paths)
  .map(([template, item]) => ({
    template,
    item,
    params: (template.match(/\{/g) ?? []).length,
    pattern: new RegExp(`^${base}${template.replace(/\{\w+\}/g, '[^/]+')}$`),
  }))
  .sort((a, b) => a.params - b.params);

function operationFor(answer: Answer): { name: string; operation: Json } | undefined {
  const verb = answer.method.toLowerCase();
  const route = routes.find((each) => each.item[verb] && each.pattern.test(answer.path));
  if (!route) return undefined;
  return { name: `${answer.method} ${route.template}`, operation: route.item[verb] };
}

function resolved(response: Json): Json {
  const ref = response.$ref;
  return typeof ref === 'string' ? components.responses[ref.split('/').pop()!] : response;
}

/** What one recorded answer says that the document does not, if anything. */
function undocumented(answer: Answer): string[] {
  const found = operationFor(answer);
  if (!found) return [];
  const responses = found.operation.responses as Record<string, Json>;
  const documented = responses[String(answer.status)];
  if (!documented) return [`${found.name} answered ${answer.status}`];
  const headers = new Set(
    Object.keys((resolved(documented).headers ?? {}) as Json).map((h) => h.toLowerCase()),
  );
  return answer.headers
    .filter((header) => !isUndocumented(header) && !headers.has(header))
    .map((header) => `${found.name} ${answer.status} carried ${header}`);
}

const log = process.env.PORTAL_RESPONSE_LOG;

test('every status and header the server suite received is in openapi.json', () => {
  assert.ok(log, 'set PORTAL_RESPONSE_LOG to the file the server suite recorded its answers in');
  const answers = readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Answer);
  const matched = answers.filter((answer) => operationFor(answer));
  // A suite that recorded (almost) nothing checks nothing: the hook or the variable is broken.
  assert.ok(matched.length > 1000, `only ${matched.length} answers of operations were recorded`);
  const problems = [...new Set(answers.flatMap(undocumented))].sort();
  assert.deepEqual(
    problems,
    [],
    'the server answers what openapi.json does not say: declare the refusal or header in ' +
      'src/contract/operation-outcomes.ts (or derive it in src/adapters/http/openapi.ts), then run `npm run openapi`',
  );
});

test('the check itself: an unlisted status or header of an operation is reported, other paths are not', () => {
  const headers = ['cache-control', 'content-type', 'x-request-id', 'access-control-allow-origin'];
  assert.deepEqual(undocumented({ method: 'GET', path: `${base}/settings`, status: 200, headers }), []);
  assert.deepEqual(undocumented({ method: 'GET', path: `${base}/settings`, status: 418, headers }), [
    'GET /settings answered 418',
  ]);
  assert.deepEqual(
    undocumented({ method: 'GET', path: `${base}/settings`, status: 200, headers: ['x-surprise'] }),
    ['GET /settings 200 carried x-surprise'],
  );
  assert.deepEqual(
    undocumented({ method: 'POST', path: `${base}/payment-methods/cards`, status: 200, headers: [] }),
    [],
  );
  assert.deepEqual(
    undocumented({ method: 'POST', path: `${base}/__test__/reset`, status: 204, headers }),
    [],
  );
});
