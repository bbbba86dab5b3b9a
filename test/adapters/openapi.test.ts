import { expect } from '@open-wc/testing';
import { pathParams } from '../../src/contract/operations.js';
import type { Operation } from '../../src/contract/operation-schemas.js';
import { documentedOperations as operations } from '../../src/contract/operation-summaries.js';
import { adminOperations } from '../../src/contract/admin-operations.js';
import { buildOpenApiDocument, consoleOperationId } from '../../src/adapters/http/openapi.js';
import { consoleOperations } from '../../src/contract/console-operations.js';

type Json = Record<string, unknown>;

const REGENERATE = 'npx tsx scripts/openapi.mjs';
const TABLE: [string, Operation, 'customer' | 'admin' | 'console'][] = [
  ...Object.entries(operations as Record<string, Operation>).map(
    ([name, operation]): [string, Operation, 'customer'] => [name, operation, 'customer'],
  ),
  ...Object.entries(adminOperations as Record<string, Operation>).map(
    ([name, operation]): [string, Operation, 'admin'] => [name, operation, 'admin'],
  ),
  ...Object.entries(consoleOperations as Record<string, Operation>).map(
    ([name, operation]): [string, Operation, 'console'] => [consoleOperationId(name), operation, 'console'],
  ),
];

async function fetchJson(path: string): Promise<Json> {
  const response = await fetch(path);
  expect(response.ok, `${path} is served`).to.equal(true);
  return (await response.json()) as Json;
}

function pointer(parent: string, key: string): string {
  return `${parent}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** JSON pointers where two documents differ, at most `limit` of them: what a drift message should name. */
function differences(a: unknown, b: unknown, at = '', found: string[] = [], limit = 8): string[] {
  if (found.length >= limit) return found;
  const bothObjects =
    typeof a === 'object' &&
    a !== null &&
    typeof b === 'object' &&
    b !== null &&
    Array.isArray(a) === Array.isArray(b);
  if (!bothObjects) {
    if (JSON.stringify(a) !== JSON.stringify(b)) found.push(at || '/');
    return found;
  }
  const left = a as Json;
  const right = b as Json;
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    differences(left[key], right[key], pointer(at, key), found, limit);
  }
  return found;
}

function resolvePointer(document: Json, ref: string): unknown {
  expect(ref.startsWith('#/'), `${ref} is a local reference`).to.equal(true);
  let node: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null ? (node as Json)[key] : undefined;
  }
  return node;
}

function collectRefs(node: unknown, at = '', refs: [string, string][] = []): [string, string][] {
  if (Array.isArray(node)) node.forEach((item, index) => collectRefs(item, `${at}/${index}`, refs));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') refs.push([at, value]);
      else collectRefs(value, pointer(at, key), refs);
    }
  }
  return refs;
}

describe('OpenAPI document', () => {
  let committed: Json;
  let built: Json;

  before(async () => {
    committed = await fetchJson('/openapi.json');
    const { version } = (await fetchJson('/package.json')) as { version: string };
    built = JSON.parse(JSON.stringify(buildOpenApiDocument({ version }))) as Json;
  });

  const operationOf = (document: Json, operation: Operation) =>
    ((document.paths as Record<string, Record<string, Json>>)[operation.http.path] ?? {})[
      operation.http.verb.toLowerCase()
    ];

  it('is the committed openapi.json (no drift from the schemas)', () => {
    const drift = differences(committed, built);
    expect(
      drift,
      `openapi.json no longer matches the zod schemas and operations tables (differs at ${drift.join(', ')}). ` +
        `Run \`${REGENERATE}\` and commit openapi.json.`,
    ).to.deep.equal([]);
  });

  it('is OpenAPI 3.1 with the contract title and the package version', async () => {
    const { version } = (await fetchJson('/package.json')) as { version: string };
    expect(built.openapi).to.equal('3.1.0');
    expect(built.info).to.include({ title: 'Portal Elements HTTP contract', version });
  });

  it(`documents all ${TABLE.length} operations with their verb and path, and nothing else`, () => {
    for (const [name, operation] of TABLE) {
      const documented = operationOf(built, operation);
      expect(documented, `${operation.http.verb} ${operation.http.path}`).to.be.an('object');
      expect(documented.operationId).to.equal(name);
      expect(documented.summary).to.equal(operation.summary);
    }
    const documentedIds = Object.values(built.paths as Record<string, Record<string, Json>>).flatMap((item) =>
      // A path item's `servers` (the console's, mounted at the root) is not an operation.
      Object.entries(item)
        .filter(([key]) => key !== 'servers')
        .map(([, each]) => each.operationId),
    );
    expect(documentedIds.sort()).to.deep.equal(TABLE.map(([name]) => name).sort());
  });

  it('resolves every $ref', () => {
    const refs = collectRefs(built);
    expect(refs.length).to.be.greaterThan(100);
    const broken = refs.filter(([, ref]) => resolvePointer(built, ref) === undefined);
    expect(broken.map(([at, ref]) => `${at} -> ${ref}`)).to.deep.equal([]);
  });

  it('declares each route parameter as a required path parameter', () => {
    for (const [name, operation] of TABLE) {
      const parameters = (operationOf(built, operation).parameters ?? []) as Json[];
      const declared = parameters.filter((each) => each.in === 'path');
      expect(
        declared.map((each) => each.name),
        name,
      ).to.deep.equal(pathParams(operation.http.path));
      for (const parameter of declared) expect(parameter.required, name).to.equal(true);
    }
  });

  it('sends GET and DELETE input as query parameters, never as a body', () => {
    const list = operationOf(built, operations.listInvoices);
    expect((list.parameters as Json[]).map((each) => [each.name, each.in, each.required])).to.deep.equal([
      ['filter', 'query', false],
      ['cursor', 'query', false],
      ['limit', 'query', false],
    ]);
    for (const [name, operation] of TABLE) {
      if (operation.http.verb === 'GET' || operation.http.verb === 'DELETE') {
        expect(operationOf(built, operation).requestBody, name).to.equal(undefined);
      }
    }
  });

  it('leaves route parameters out of request bodies', () => {
    const pay = operationOf(built, operations.payInvoice);
    const schema = ((pay.requestBody as Json).content as Record<string, Json>)['application/json']
      .schema as Json;
    expect(Object.keys(schema.properties as Json)).to.deep.equal(['allocations', 'idempotencyKey']);
    expect(schema.required).to.deep.equal(['allocations', 'idempotencyKey']);
    // Only its path parameter: no body. Pausing keeps the resume date in the body, without the id.
    expect(operationOf(built, operations.resumeSubscription).requestBody).to.equal(undefined);
    const pause = operationOf(built, operations.pauseSubscription);
    const pauseSchema = ((pause.requestBody as Json).content as Record<string, Json>)['application/json']
      .schema as Json;
    expect(Object.keys(pauseSchema.properties as Json)).to.deep.equal(['resumeOn']);
    const signIn = operationOf(built, operations.signIn);
    expect(
      ((signIn.requestBody as Json).content as Record<string, Json>)['application/json'].schema,
    ).to.deep.equal({ $ref: '#/components/schemas/PasswordSignIn' });
  });

  it('asks for the Idempotency-Key header on money-moving operations only', () => {
    const header = { $ref: '#/components/parameters/IdempotencyKey' };
    for (const [name, operation] of TABLE) {
      const parameters = (operationOf(built, operation).parameters ?? []) as Json[];
      const hasHeader = parameters.some((each) => each.$ref === header.$ref);
      expect(hasHeader, name).to.equal(operation.money === true);
    }
    expect(resolvePointer(built, header.$ref)).to.include({ name: 'Idempotency-Key', in: 'header' });
  });

  it('secures customer routes by cookie or session token and admin routes by the merchant secret', () => {
    for (const [name, operation, audience] of TABLE) {
      const security = operationOf(built, operation).security;
      if (audience === 'admin') expect(security, name).to.deep.equal([{ merchantSecret: [] }]);
      else if (audience === 'console') {
        const open = name === 'staffSignIn' || name === 'staffSession';
        expect(security, name).to.deep.equal(open ? [{}, { staffSession: [] }] : [{ staffSession: [] }]);
      } else if (operation.public) {
        expect(security, name).to.deep.equal([{}, { cookieSession: [] }, { sessionToken: [] }]);
      } else expect(security, name).to.deep.equal([{ cookieSession: [] }, { sessionToken: [] }]);
    }
  });

  it('answers PDF for the document route, CSV for the access-log export, 204 for operations without output, JSON otherwise', () => {
    for (const [name, operation] of TABLE) {
      const responses = operationOf(built, operation).responses as Record<string, Json>;
      if (operation.output === null)
        expect(Object.keys(responses), name).to.include('204').and.not.include('200');
      else {
        const content = Object.keys(responses['200'].content as Json);
        const type =
          operation.output === 'pdf'
            ? 'application/pdf'
            : operation.output === 'csv'
              ? 'text/csv'
              : 'application/json';
        expect(content, name).to.deep.equal([type]);
      }
    }
  });

  it('describes failures with the ErrorBody schema, with Retry-After on 429 and 503', () => {
    const responses = (built.components as Record<string, Record<string, Json>>).responses;
    for (const [name, response] of Object.entries(responses)) {
      const schema = (response.content as Record<string, Json>)['application/json'].schema;
      expect(schema, name).to.deep.equal({ $ref: '#/components/schemas/ErrorBody' });
    }
    const pay = operationOf(built, operations.payInvoice).responses as Record<string, Json>;
    // A declined payment is a 200 `failed` outcome (replayable), never a 402: the server does not send one.
    expect(Object.keys(pay)).not.to.include('402');
    expect(Object.keys(pay)).to.include.members([
      '400',
      '401',
      '403',
      '404',
      '409',
      '429',
      '503',
      '4XX',
      '5XX',
    ]);
    expect(resolvePointer(built, pay['429'].$ref as string)).to.have.nested.property('headers.Retry-After');
    expect(resolvePointer(built, pay['503'].$ref as string)).to.have.nested.property('headers.Retry-After');
  });

  it('derives the failures of every operation from its rules', () => {
    for (const [name, operation, audience] of TABLE) {
      const statuses = Object.keys(operationOf(built, operation).responses as Json);
      const has = (status: string, expected: boolean) =>
        expect(statuses.includes(status), `${name} documents ${status}`).to.equal(expected);
      for (const status of ['421', '429', '500', '503']) has(status, true);
      if (operation.input !== null) has('400', true);
      if (audience !== 'customer' || !operation.public) has('401', true);
      if (audience === 'customer' && operation.http.verb !== 'GET') has('403', true);
      if (operation.http.verb !== 'GET') has('413', true);
      if (pathParams(operation.http.path).length > 0) has('404', true);
      if (operation.money) has('409', true);
    }
    const signIn = operationOf(built, operations.signIn).responses as Record<string, Json>;
    expect(Object.keys(signIn)).to.include.members(['401', '403', '423']);
    expect(signIn['200'].headers).to.have.property('Set-Cookie');
    expect(Object.keys(operationOf(built, operations.addCard).responses as Json)).to.include('402');
  });

  it('lists Cache-Control on every answer and Idempotent-Replayed on the outcome of money operations', () => {
    for (const [name, operation] of TABLE) {
      const responses = operationOf(built, operation).responses as Record<string, Json>;
      for (const [status, response] of Object.entries(responses)) {
        const resolved = (response.$ref ? resolvePointer(built, response.$ref as string) : response) as Json;
        expect(resolved.headers, `${name} ${status}`).to.have.property('Cache-Control');
      }
      const success = responses['200'] ?? responses['204'];
      expect(Boolean((success.headers as Json)['Idempotent-Replayed']), name).to.equal(
        operation.money === true,
      );
    }
  });

  it('describes and tags every operation, and defines every tag', () => {
    const tags = (built.tags as Json[]).map((each) => each.name);
    for (const [name, operation] of TABLE) {
      const documented = operationOf(built, operation);
      expect(documented.description, name).to.be.a('string').and.not.equal('');
      expect(tags, name).to.include.members(documented.tags as string[]);
    }
    expect(built.info).to.have.property('contact');
    expect(built.info).to.have.nested.property('license.identifier', 'MIT');
  });

  it('describes money as integer minor units plus a currency code', () => {
    const money = (built.components as Record<string, Record<string, Json>>).schemas.Money;
    expect(money).to.deep.include({ type: 'object', required: ['amount', 'currency'] });
    expect((money.properties as Record<string, Json>).amount.type).to.equal('integer');
  });
});
