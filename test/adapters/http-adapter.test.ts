import { expect } from '@open-wc/testing';
import type { PortalAdapter } from '../../src/contract/adapter.js';
import { type OperationName, pathParams } from '../../src/contract/operations.js';
import { operationsWithSchemas as operations } from '../../src/contract/operation-schemas.js';
import { HttpAdapter, type HttpAdapterOptions } from '../../src/adapters/http/http-adapter.js';
import { PortalError, type PortalErrorCode } from '../../src/contract/errors.js';
import type { PayInvoice } from '../../src/model/index.js';

// ---------------------------------------------------------------------------------------------------
// A scripted fetch: records every request and answers from a script. The last reply repeats, so
// "always fails" needs one entry. Replies are cloned, so one Response can answer many attempts.

type Reply = Response | Error | 'hang';

interface Recorded {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
  credentials: RequestCredentials;
  at: number;
}

function fakeFetch(...replies: Reply[]) {
  const calls: Recorded[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    // Recorded before any await, so an attempt counts even when its timeout fires first.
    const record: Recorded = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: '',
      credentials: request.credentials,
      at: performance.now(),
    };
    calls.push(record);
    for (const waiter of waiters.filter((each) => calls.length >= each.count)) waiter.resolve();
    const reply = replies.length > 1 ? replies.shift()! : replies[0];
    record.body = await request.clone().text();
    if (reply === 'hang') {
      // Like a real fetch that never answers: it settles only when its signal aborts.
      return new Promise<Response>((_, reject) => {
        if (request.signal.aborted) reject(request.signal.reason as Error);
        request.signal.addEventListener('abort', () => reject(request.signal.reason as Error), {
          once: true,
        });
      });
    }
    if (reply instanceof Error) throw reply;
    return reply.clone();
  };
  /** Resolves once `count` requests have been made. */
  const called = (count: number) =>
    new Promise<void>((resolve) => {
      if (calls.length >= count) resolve();
      else waiters.push({ count, resolve });
    });
  return { fetch, calls, called };
}

const BASE = 'https://billing.example.com/portal-api';

function adapterWith(fetch: typeof globalThis.fetch, options: Partial<HttpAdapterOptions> = {}) {
  return new HttpAdapter({ baseUrl: BASE, fetch, timeoutMs: 2000, retry: { backoffMs: 1 }, ...options });
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function errorBody(
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return json({ error: { code, message: `server says ${code}`, ...extra } }, status, headers);
}

function html(status: number): Response {
  return new Response('<!doctype html><html><body><h1>Something went wrong</h1></body></html>', {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
}

function text(body: string, status = 200, contentType = 'application/json'): Response {
  return new Response(body, { status, headers: { 'content-type': contentType } });
}

function pdf(bytes: string, headers: Record<string, string> = {}): Response {
  return new Response(new TextEncoder().encode(bytes), {
    status: 200,
    headers: { 'content-type': 'application/pdf', ...headers },
  });
}

/** A body whose headers arrive but whose bytes never do (a stalled proxy). */
function stalledBody(): Response {
  return new Response(new ReadableStream({ start() {} }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}

/** A body cut off midway by the network. */
function truncatedBody(): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"items": ['));
      controller.error(new TypeError('network error'));
    },
  });
  return new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } });
}

const dropped = () => new TypeError('Failed to fetch');

async function failure(promise: Promise<unknown>): Promise<PortalError> {
  try {
    await promise;
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(PortalError);
    return error as PortalError;
  }
  return expect.fail('expected the call to fail');
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return expect.fail('expected the call to reject');
}

// ---------------------------------------------------------------------------------------------------
// Fixtures: valid bodies per the model's schemas.

const USD = (amount: number) => ({ amount, currency: 'USD' });
const KEY = 'pay-7f3c2a9e-4b1d-4c55-9a0e-1f2e3d4c5b6a';
const PAY: PayInvoice = {
  invoiceId: 'inv_1002',
  allocations: [{ paymentMethodId: 'pm_visa', amount: USD(12_550) }],
  idempotencyKey: KEY,
};
const SESSION = {
  customerId: 'cus_ada',
  customerCode: 'CUST-0001',
  customerName: 'Ada Lovelace',
  email: 'ada@example.com',
  method: 'password',
  expiresAt: '2030-01-01T00:00:00Z',
};
const SUMMARY = {
  id: 'inv_1002',
  number: 'INV-1002',
  kind: 'invoice',
  status: 'open',
  issueDate: '2026-01-05',
  dueDate: '2026-02-04',
  total: USD(12_550),
  amountPaid: USD(0),
  amountDue: USD(12_550),
};
const INVOICE = {
  ...SUMMARY,
  lines: [
    {
      id: 'line_1',
      description: 'Espresso beans, 1 kg',
      quantity: 5,
      unitPrice: USD(2510),
      amount: USD(12_550),
    },
  ],
  subtotal: USD(12_550),
  taxes: [],
  tax: USD(0),
  payments: [],
  notes: [],
};
const RECEIPT = {
  id: 'rcpt_1',
  invoiceId: 'inv_1002',
  invoiceNumber: 'INV-1002',
  status: 'succeeded',
  allocations: [
    {
      paymentMethodId: 'pm_visa',
      methodLabel: 'Visa •••• 4242',
      amount: USD(12_550),
      outcome: 'succeeded',
      paymentId: 'pmt_1',
    },
  ],
  amountPaid: USD(12_550),
  amountDue: USD(0),
  createdAt: '2026-01-10T10:00:00Z',
};
const CARD = {
  id: 'pm_visa',
  type: 'card',
  brand: 'visa',
  last4: '4242',
  expMonth: 12,
  expYear: 2030,
  isDefault: true,
  verified: true,
};
const CUSTOMER = {
  id: 'cus_ada',
  code: 'CUST-0001',
  name: 'Ada King',
  email: 'ada@example.com',
  currency: 'USD',
};
const NEW_PASSWORD = 'a-long-enough-password';

/** One valid input per operation that takes one: drives the "every operation" test. */
const SAMPLE_INPUTS: Partial<Record<OperationName, Record<string, unknown>>> = {
  signIn: { email: 'ada@example.com', password: 'correct-horse-battery-staple' },
  requestMagicLink: { email: 'ada@example.com' },
  verifyMagicLink: { token: 'magic-token-0123456789' },
  signUp: { email: 'new@example.com', password: NEW_PASSWORD, name: 'Grace Hopper' },
  requestPasswordReset: { email: 'ada@example.com' },
  resetPassword: { token: 'reset-token-0123456789', newPassword: NEW_PASSWORD },
  completePasswordChange: { challenge: 'challenge-0123456789', newPassword: NEW_PASSWORD },
  changePassword: { currentPassword: 'old', newPassword: NEW_PASSWORD },
  updateProfile: { name: 'Ada King' },
  updateTaxIds: { poNumber: 'PO-77' },
  requestEmailChange: { newEmail: 'ada.king@example.com' },
  confirmEmailChange: { token: 'email-token-0123456789' },
  getPage: { slug: 'refund-policy' },
  switchAccount: { customerId: 'cus_analytical' },
  listInvoices: { filter: 'paid' },
  getInvoice: { id: 'inv_1' },
  addInvoiceNote: { id: 'inv_1', body: 'Thanks!' },
  getInvoicePdf: { id: 'inv_1' },
  payInvoice: PAY,
  addCard: { token: 'tok_visa' },
  addBankAccount: {
    holderName: 'Ada King',
    routingNumber: '110000000',
    accountNumber: '000123456789',
    accountType: 'checking',
  },
  removePaymentMethod: { id: 'pm_1' },
  setDefaultPaymentMethod: { id: 'pm_1' },
  subscribe: { planId: 'plan_1', quantity: 1, idempotencyKey: KEY },
  previewSubscriptionChange: { subscriptionId: 'sub_1', planId: 'plan_2', quantity: 2 },
  changeSubscription: { subscriptionId: 'sub_1', quoteId: 'quote_1', idempotencyKey: KEY },
  cancelSubscription: { subscriptionId: 'sub_1', when: 'period_end', reason: 'unused' },
  undoCancelSubscription: { subscriptionId: 'sub_1' },
  acceptRetentionOffer: { subscriptionId: 'sub_1' },
  withdrawSubscriptionChange: { subscriptionId: 'sub_1' },
  pauseSubscription: { subscriptionId: 'sub_1', resumeOn: '2026-12-01' },
  resumeSubscription: { subscriptionId: 'sub_1' },
  getIntentOutcome: { idempotencyKey: KEY },
};

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

// ---------------------------------------------------------------------------------------------------

describe('HttpAdapter requests', () => {
  it('sends every operation to the verb and path of the operations table', async () => {
    for (const name of Object.keys(operations) as OperationName[]) {
      const operation = operations[name];
      const { fetch, calls } = fakeFetch(new Response(null, { status: 204 }));
      const adapter = adapterWith(fetch, { retry: { limit: 0 } });
      const method = (adapter[name] as AnyMethod).bind(adapter);
      const input = SAMPLE_INPUTS[name];
      expect(input === undefined, `${name} sample input`).to.equal(operation.input === null);
      await (input ? method(input) : method()).catch(() => undefined);

      expect(calls, name).to.have.length(1);
      const params = pathParams(operation.http.path);
      const path = operation.http.path.replace(/\{(\w+)\}/g, (_, param: string) => String(input?.[param]));
      expect(calls[0].method, name).to.equal(operation.http.verb);
      expect(calls[0].url.pathname, name).to.equal(`/portal-api${path}`);
      const rest = Object.keys(input ?? {}).filter((field) => !params.includes(field));
      if (operation.http.verb === 'GET' || operation.http.verb === 'DELETE') {
        expect(calls[0].body, name).to.equal('');
        expect([...calls[0].url.searchParams.keys()], name).to.deep.equal(rest);
      } else if (rest.length > 0) {
        expect(Object.keys(JSON.parse(calls[0].body) as object).sort(), name).to.deep.equal(rest.sort());
      } else {
        expect(calls[0].body, name).to.equal('');
      }
      expect(calls[0].headers.get('idempotency-key'), name).to.equal('money' in operation ? KEY : null);
    }
  });

  it('URI-encodes path parameters', async () => {
    const { fetch, calls } = fakeFetch(json(INVOICE));
    const invoice = await adapterWith(fetch).getInvoice({ id: 'inv/10 2?#%' });
    expect(calls[0].url.href).to.equal(`${BASE}/invoices/inv%2F10%202%3F%23%25`);
    expect(invoice.lines[0].amount).to.deep.equal(USD(12_550));
  });

  it('puts GET input in the query string, leaving out absent fields, and sends no body', async () => {
    const { fetch, calls } = fakeFetch(json({ items: [SUMMARY], nextCursor: 'c2' }));
    const page = await adapterWith(fetch).listInvoices({
      filter: 'outstanding',
      limit: 20,
      cursor: undefined,
    });
    expect(calls[0].method).to.equal('GET');
    expect(calls[0].url.search).to.equal('?filter=outstanding&limit=20');
    expect(calls[0].body).to.equal('');
    expect(calls[0].headers.get('accept')).to.equal('application/json');
    expect(page).to.deep.equal({ items: [SUMMARY], nextCursor: 'c2' });
  });

  it('sends other input as a JSON body, with cookies (credentials: include) and no Authorization', async () => {
    const { fetch, calls } = fakeFetch(json({ status: 'signed_in', session: SESSION }));
    const result = await adapterWith(fetch).signIn({ email: 'ada@example.com', password: 'pw' });
    expect(calls[0].method).to.equal('POST');
    expect(calls[0].url.href).to.equal(`${BASE}/auth/sign-in`);
    expect(calls[0].headers.get('content-type')).to.equal('application/json');
    expect(JSON.parse(calls[0].body)).to.deep.equal({ email: 'ada@example.com', password: 'pw' });
    expect(calls[0].credentials).to.equal('include');
    expect(calls[0].headers.has('authorization')).to.equal(false);
    expect(calls[0].headers.has('idempotency-key')).to.equal(false);
    expect(result).to.deep.equal({ status: 'signed_in', session: SESSION });
  });

  it('pays with the route param in the path, the rest in the body and the key in Idempotency-Key', async () => {
    const { fetch, calls } = fakeFetch(json(RECEIPT));
    const receipt = await adapterWith(fetch).payInvoice(PAY);
    expect(calls[0].method).to.equal('POST');
    expect(calls[0].url.href).to.equal(`${BASE}/invoices/inv_1002/payments`);
    expect(JSON.parse(calls[0].body)).to.deep.equal({ allocations: PAY.allocations, idempotencyKey: KEY });
    expect(calls[0].headers.get('idempotency-key')).to.equal(KEY);
    expect(receipt.amountDue).to.deep.equal(USD(0));
  });

  it('resends a payment with the same Idempotency-Key and body on every attempt', async () => {
    const { fetch, calls } = fakeFetch(errorBody(503, 'unavailable'), dropped(), json(RECEIPT));
    const receipt = await adapterWith(fetch).payInvoice(PAY);
    expect(receipt.status).to.equal('succeeded');
    expect(calls).to.have.length(3);
    for (const call of calls) {
      expect(call.headers.get('idempotency-key')).to.equal(KEY);
      expect(JSON.parse(call.body)).to.deep.equal({ allocations: PAY.allocations, idempotencyKey: KEY });
    }
  });

  it('uses a bearer session token instead of cookies, and can switch between them', async () => {
    const { fetch, calls } = fakeFetch(json(CUSTOMER));
    const adapter = adapterWith(fetch, { sessionToken: 'pst_first' });
    await adapter.getCustomer();
    adapter.setSessionToken(null);
    await adapter.getCustomer();
    adapter.setSessionToken('pst_second');
    await adapter.getCustomer();
    expect(calls.map((call) => call.headers.get('authorization'))).to.deep.equal([
      'Bearer pst_first',
      null,
      'Bearer pst_second',
    ]);
    expect(calls.map((call) => call.credentials)).to.deep.equal(['omit', 'include', 'omit']);
  });

  it('forgets the session token after signing out', async () => {
    const { fetch, calls } = fakeFetch(new Response(null, { status: 204 }), json(null));
    const adapter = adapterWith(fetch, { sessionToken: 'pst_token' });
    await adapter.signOut();
    expect(await adapter.getSession()).to.equal(null);
    expect(calls[0].headers.get('authorization')).to.equal('Bearer pst_token');
    expect(calls[1].headers.has('authorization')).to.equal(false);
  });

  it('answers undefined for 204 and sends no body for DELETE or an input made only of path params', async () => {
    const { fetch, calls } = fakeFetch(
      new Response(null, { status: 204 }),
      json({ ...CARD, isDefault: false }),
    );
    const adapter = adapterWith(fetch);
    expect(await adapter.removePaymentMethod({ id: 'pm_visa' })).to.equal(undefined);
    await adapter.setDefaultPaymentMethod({ id: 'pm_visa' });
    expect(calls.map((call) => [call.method, call.url.pathname, call.body])).to.deep.equal([
      ['DELETE', '/portal-api/payment-methods/pm_visa', ''],
      ['POST', '/portal-api/payment-methods/pm_visa/default', ''],
    ]);
  });

  it('resolves a relative base URL against the page and tolerates a trailing slash', async () => {
    const { fetch, calls } = fakeFetch(json(CUSTOMER));
    await adapterWith(fetch, { baseUrl: '/portal-api/' }).updateProfile({ name: '  Ada King ' });
    expect(calls[0].url.href).to.equal(`${location.origin}/portal-api/customer`);
    expect(calls[0].method).to.equal('PATCH');
    // The input is parsed before it is sent, so the schema's trimming applies.
    expect(JSON.parse(calls[0].body)).to.deep.equal({ name: 'Ada King' });
  });

  it('refuses an invalid input (a fractional money amount) before sending anything', async () => {
    const { fetch, calls } = fakeFetch(json(RECEIPT));
    const bad = { ...PAY, allocations: [{ paymentMethodId: 'pm_visa', amount: USD(125.5) }] };
    const error = await failure(adapterWith(fetch).payInvoice(bad));
    expect(error.code).to.equal('validation');
    expect(error.fieldErrors.map((field) => field.path)).to.deep.equal(['allocations.0.amount.amount']);
    expect(calls).to.have.length(0);
  });

  it('works with an unbound window.fetch, as a page would pass it', async () => {
    // ky calls options.fetch as a method: handed over as is, the native fetch would throw
    // "Illegal invocation" (a TypeError, so 'network'). A data: URL answers without a server.
    const adapter = new HttpAdapter({ baseUrl: 'data:application/json,', fetch: window.fetch });
    const error = await failure(adapter.getCustomer());
    expect(error.code).to.equal('invalid_response');
    expect(error.message).to.contain('malformed JSON');
  });
});

// ---------------------------------------------------------------------------------------------------

interface FaultCase {
  title: string;
  call: (adapter: PortalAdapter) => Promise<unknown>;
  replies: Reply[];
  code: PortalErrorCode;
  /** Requests made: 1 when the call is not retried, 3 when it is retried to the default limit. */
  attempts: number;
  check?: (error: PortalError) => void;
  options?: Partial<HttpAdapterOptions>;
}

const getCustomer = (adapter: PortalAdapter) => adapter.getCustomer();
const getInvoice = (adapter: PortalAdapter) => adapter.getInvoice({ id: 'inv_1002' });
const payInvoice = (adapter: PortalAdapter) => adapter.payInvoice(PAY);
const addCard = (adapter: PortalAdapter) => adapter.addCard({ token: 'tok_visa' });
const updateProfile = (adapter: PortalAdapter) => adapter.updateProfile({ name: 'Ada King' });
const signIn = (adapter: PortalAdapter) => adapter.signIn({ email: 'ada@example.com', password: 'pw' });
const getPdf = (adapter: PortalAdapter) => adapter.getInvoicePdf({ id: 'inv_1002' });

const FAULT_CASES: FaultCase[] = [
  // Server errors
  {
    title: '500 with an ErrorBody, GET: retried, then unavailable with the server message',
    call: getCustomer,
    replies: [errorBody(500, 'unavailable')],
    code: 'unavailable',
    attempts: 3,
    check: (error) => {
      expect(error.message).to.contain('server says unavailable');
    },
  },
  {
    title: '500 HTML error page, GET: retried, then unavailable',
    call: getCustomer,
    replies: [html(500)],
    code: 'unavailable',
    attempts: 3,
  },
  {
    title: '502 HTML page from a gateway, GET: retried, then unavailable',
    call: getInvoice,
    replies: [html(502)],
    code: 'unavailable',
    attempts: 3,
  },
  {
    title: '504 with no body, GET: retried, then timeout',
    call: getInvoice,
    replies: [new Response(null, { status: 504 })],
    code: 'timeout',
    attempts: 3,
  },
  {
    title: '408, GET: retried, then timeout',
    call: getInvoice,
    replies: [new Response(null, { status: 408 })],
    code: 'timeout',
    attempts: 3,
  },
  {
    title: '500 on addCard: never retried',
    call: addCard,
    replies: [errorBody(500, 'unavailable')],
    code: 'unavailable',
    attempts: 1,
  },
  {
    title: '503 on updateProfile (PATCH): never retried',
    call: updateProfile,
    replies: [html(503)],
    code: 'unavailable',
    attempts: 1,
  },
  {
    title: '500 on payInvoice naming a decline (gateway style): an outcome, not retried',
    call: payInvoice,
    replies: [errorBody(500, 'payment_declined')],
    code: 'payment_declined',
    attempts: 1,
  },
  {
    title: '503 on payInvoice: retried with its key, then unavailable',
    call: payInvoice,
    replies: [errorBody(503, 'unavailable')],
    code: 'unavailable',
    attempts: 3,
  },
  // Client errors
  {
    title: '401 ErrorBody: unauthorized, not retried',
    call: getCustomer,
    replies: [errorBody(401, 'unauthorized')],
    code: 'unauthorized',
    attempts: 1,
  },
  {
    title: '402 on payInvoice: payment_declined, never retried',
    call: payInvoice,
    replies: [errorBody(402, 'payment_declined')],
    code: 'payment_declined',
    attempts: 1,
  },
  {
    title: '409 on payInvoice: conflict, never retried',
    call: payInvoice,
    replies: [errorBody(409, 'conflict')],
    code: 'conflict',
    attempts: 1,
  },
  {
    title: '404 HTML page: not_found',
    call: getInvoice,
    replies: [html(404)],
    code: 'not_found',
    attempts: 1,
  },
  {
    title: '423 with no body on signIn: account_locked',
    call: signIn,
    replies: [new Response(null, { status: 423 })],
    code: 'account_locked',
    attempts: 1,
  },
  {
    title: '400 with field errors: validation keeps them, unknown field codes read as invalid',
    call: updateProfile,
    replies: [
      errorBody(400, 'validation', {
        fieldErrors: [
          { path: 'billingAddress.postalCode', code: 'too_long' },
          { path: 'phone', code: 'not_a_phone' },
        ],
      }),
    ],
    code: 'validation',
    attempts: 1,
    check: (error) => {
      expect(error.fieldErrors).to.deep.equal([
        { path: 'billingAddress.postalCode', code: 'too_long' },
        { path: 'phone', code: 'invalid' },
      ]);
    },
  },
  {
    title: 'ErrorBody with an unknown code on 409: derived from the status (conflict)',
    call: getInvoice,
    replies: [errorBody(409, 'teapot_overflow')],
    code: 'conflict',
    attempts: 1,
  },
  {
    title: 'ErrorBody with a known code wins over the status (403 account_locked)',
    call: signIn,
    replies: [errorBody(403, 'account_locked')],
    code: 'account_locked',
    attempts: 1,
  },
  {
    title: 'error status with malformed JSON: derived from the status',
    call: getCustomer,
    replies: [text('{"error": {"code": ', 403)],
    code: 'forbidden',
    attempts: 1,
  },
  {
    title: 'unexpected status 405: invalid_response',
    call: getCustomer,
    replies: [new Response('', { status: 405 })],
    code: 'invalid_response',
    attempts: 1,
  },
  // Rate limits
  {
    title: '429 with Retry-After beyond the cap: not waited, rate_limited with retryAfterSeconds',
    call: getCustomer,
    replies: [errorBody(429, 'rate_limited', {}, { 'retry-after': '120' })],
    code: 'rate_limited',
    attempts: 1,
    check: (error) => {
      expect(error.retryAfterSeconds).to.equal(120);
    },
  },
  {
    title: '503 with Retry-After as an HTTP date beyond the cap: not waited, unavailable',
    call: getCustomer,
    replies: [html(503)].map((response) => {
      const headers = new Headers(response.headers);
      headers.set('retry-after', new Date(Date.now() + 600_000).toUTCString());
      return new Response('<h1>Maintenance</h1>', { status: 503, headers });
    }),
    code: 'unavailable',
    attempts: 1,
    check: (error) => {
      expect(error.retryAfterSeconds).to.be.within(595, 601);
    },
  },
  {
    title: '429 with retryAfterSeconds only in the body, beyond the cap: not waited',
    call: payInvoice,
    replies: [errorBody(429, 'rate_limited', { retryAfterSeconds: 90 })],
    code: 'rate_limited',
    attempts: 1,
    check: (error) => {
      expect(error.retryAfterSeconds).to.equal(90);
    },
  },
  {
    title: '429 without Retry-After: backed off and retried, then rate_limited',
    call: getCustomer,
    replies: [errorBody(429, 'rate_limited')],
    code: 'rate_limited',
    attempts: 3,
  },
  {
    title: 'a lower maxRetryAfterSeconds refuses a wait the default would accept',
    call: getCustomer,
    replies: [errorBody(503, 'unavailable', {}, { 'retry-after': '5' })],
    code: 'unavailable',
    attempts: 1,
    options: { retry: { backoffMs: 1, maxRetryAfterSeconds: 2 } },
    check: (error) => {
      expect(error.retryAfterSeconds).to.equal(5);
    },
  },
  // Dropped connections
  {
    title: 'dropped connection, GET: retried, then network',
    call: getCustomer,
    replies: [dropped()],
    code: 'network',
    attempts: 3,
  },
  {
    title: 'dropped connection, payInvoice: retried with its key, then network',
    call: payInvoice,
    replies: [dropped()],
    code: 'network',
    attempts: 3,
  },
  {
    title: 'dropped connection, addCard: not retried',
    call: addCard,
    replies: [dropped()],
    code: 'network',
    attempts: 1,
  },
  {
    title: 'dropped connection, updateProfile: not retried',
    call: updateProfile,
    replies: [dropped()],
    code: 'network',
    attempts: 1,
  },
  {
    title: 'dropped connection, signIn: not retried',
    call: signIn,
    replies: [dropped()],
    code: 'network',
    attempts: 1,
  },
  {
    title: 'connection cut while the body arrives: network',
    call: (adapter) => adapter.listInvoices({}),
    replies: [truncatedBody()],
    code: 'network',
    attempts: 1,
  },
  // Timeouts
  {
    title: 'no answer, GET: each attempt times out, retried, then timeout',
    call: getCustomer,
    replies: ['hang'],
    code: 'timeout',
    attempts: 3,
    options: { timeoutMs: 30 },
  },
  {
    title: 'no answer, payInvoice: retried with its key, then timeout',
    call: payInvoice,
    replies: ['hang'],
    code: 'timeout',
    attempts: 3,
    options: { timeoutMs: 30 },
  },
  {
    title: 'no answer, addCard: not retried, timeout',
    call: addCard,
    replies: ['hang'],
    code: 'timeout',
    attempts: 1,
    options: { timeoutMs: 30 },
  },
  {
    title: 'headers arrive but the body stalls: timeout',
    call: getCustomer,
    replies: [stalledBody()],
    code: 'timeout',
    attempts: 1,
    options: { timeoutMs: 50 },
  },
  // Bodies that are not what the contract says
  {
    title: '200 with an HTML page instead of JSON: invalid_response, not retried',
    call: getCustomer,
    replies: [html(200)],
    code: 'invalid_response',
    attempts: 1,
  },
  {
    title: '200 with malformed JSON: invalid_response',
    call: getCustomer,
    replies: [text('{"id": "cus_ada",')],
    code: 'invalid_response',
    attempts: 1,
  },
  {
    title: '200 with an empty body: invalid_response',
    call: getCustomer,
    replies: [text('')],
    code: 'invalid_response',
    attempts: 1,
  },
  {
    title: '204 where JSON was expected: invalid_response',
    call: getCustomer,
    replies: [new Response(null, { status: 204 })],
    code: 'invalid_response',
    attempts: 1,
  },
  {
    title: 'JSON labelled text/plain: invalid_response',
    call: getCustomer,
    replies: [text(JSON.stringify(CUSTOMER), 200, 'text/plain')],
    code: 'invalid_response',
    attempts: 1,
  },
  {
    title: 'a money amount as a float: invalid_response',
    call: getInvoice,
    replies: [json({ ...INVOICE, amountDue: USD(125.5) })],
    code: 'invalid_response',
    attempts: 1,
  },
  {
    title: 'a missing field: invalid_response',
    call: payInvoice,
    replies: [json({ ...RECEIPT, amountDue: undefined })],
    code: 'invalid_response',
    attempts: 1,
  },
  {
    title: 'JSON null where an object was expected: invalid_response',
    call: getInvoice,
    replies: [json(null)],
    code: 'invalid_response',
    attempts: 1,
  },
  {
    title: 'an unknown enum value (invoice status): invalid_response',
    call: getInvoice,
    replies: [json({ ...INVOICE, status: 'disputed' })],
    code: 'invalid_response',
    attempts: 1,
  },
  // The PDF route
  {
    title: 'PDF route answering an HTML page: invalid_response',
    call: getPdf,
    replies: [html(200)],
    code: 'invalid_response',
    attempts: 1,
  },
  {
    title: 'PDF route answering non-PDF bytes labelled application/pdf: invalid_response',
    call: getPdf,
    replies: [pdf('<html>not a pdf</html>')],
    code: 'invalid_response',
    attempts: 1,
  },
  {
    title: 'PDF route answering an empty body: invalid_response',
    call: getPdf,
    replies: [pdf('')],
    code: 'invalid_response',
    attempts: 1,
  },
  {
    title: 'PDF route answering a 404 page: not_found',
    call: getPdf,
    replies: [html(404)],
    code: 'not_found',
    attempts: 1,
  },
];

describe(`HttpAdapter faults: ${FAULT_CASES.length} table-driven cases`, () => {
  for (const fault of FAULT_CASES) {
    it(fault.title, async () => {
      const { fetch, calls } = fakeFetch(...fault.replies);
      const error = await failure(fault.call(adapterWith(fetch, fault.options)));
      expect(error.code).to.equal(fault.code);
      expect(calls).to.have.length(fault.attempts);
      fault.check?.(error);
    });
  }
});

// ---------------------------------------------------------------------------------------------------

describe('HttpAdapter recovery, waiting, aborts and the PDF download', () => {
  it('recovers a GET when a retry succeeds after a 500', async () => {
    const { fetch, calls } = fakeFetch(errorBody(500, 'unavailable'), json(CUSTOMER));
    expect(await adapterWith(fetch).getCustomer()).to.deep.equal(CUSTOMER);
    expect(calls).to.have.length(2);
  });

  it('recovers a GET after a timed-out attempt', async () => {
    const { fetch, calls } = fakeFetch('hang', json(CUSTOMER));
    expect(await adapterWith(fetch, { timeoutMs: 30 }).getCustomer()).to.deep.equal(CUSTOMER);
    expect(calls).to.have.length(2);
  });

  it('waits for Retry-After on 503, then retries', async () => {
    const { fetch, calls } = fakeFetch(
      errorBody(503, 'unavailable', {}, { 'retry-after': '1' }),
      json(CUSTOMER),
    );
    expect(await adapterWith(fetch).getCustomer()).to.deep.equal(CUSTOMER);
    expect(calls).to.have.length(2);
    expect(calls[1].at - calls[0].at).to.be.at.least(950);
  });

  it('honours Retry-After: 0 on 429 without backing off', async () => {
    const { fetch, calls } = fakeFetch(
      errorBody(429, 'rate_limited', {}, { 'retry-after': '0' }),
      json(RECEIPT),
    );
    const adapter = adapterWith(fetch, { retry: { backoffMs: 5000 } });
    expect((await adapter.payInvoice(PAY)).id).to.equal('rcpt_1');
    expect(calls[1].at - calls[0].at).to.be.below(2000);
  });

  it('backs off exponentially between attempts', async () => {
    const { fetch, calls } = fakeFetch(dropped());
    await failure(adapterWith(fetch, { retry: { backoffMs: 40 } }).getCustomer());
    expect(calls).to.have.length(3);
    // Jitter keeps at least half of each delay: 40 ms then 80 ms.
    expect(calls[1].at - calls[0].at).to.be.at.least(19);
    expect(calls[2].at - calls[1].at).to.be.at.least(39);
  });

  it('takes the retry limit from the options', async () => {
    const none = fakeFetch(dropped());
    await failure(adapterWith(none.fetch, { retry: { limit: 0 } }).getCustomer());
    expect(none.calls).to.have.length(1);
    const more = fakeFetch(dropped());
    await failure(adapterWith(more.fetch, { retry: { limit: 4, backoffMs: 1 } }).getCustomer());
    expect(more.calls).to.have.length(5);
  });

  it('rejects at once with an AbortError when the signal is already aborted', async () => {
    const { fetch, calls } = fakeFetch(json(CUSTOMER));
    const error = await rejection(adapterWith(fetch).getCustomer({ signal: AbortSignal.abort() }));
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
    expect(calls).to.have.length(0);
  });

  it('rejects with the AbortError, not a PortalError, when aborted in flight', async () => {
    const { fetch, called } = fakeFetch('hang');
    const controller = new AbortController();
    const pending = rejection(adapterWith(fetch).getCustomer({ signal: controller.signal }));
    await called(1);
    controller.abort();
    const error = await pending;
    expect(error).to.not.be.instanceOf(PortalError);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('stops waiting for Retry-After when aborted, without another attempt', async () => {
    const { fetch, calls, called } = fakeFetch(errorBody(503, 'unavailable', {}, { 'retry-after': '20' }));
    const controller = new AbortController();
    const started = performance.now();
    const pending = rejection(adapterWith(fetch).getCustomer({ signal: controller.signal }));
    await called(1);
    controller.abort();
    expect(((await pending) as DOMException).name).to.equal('AbortError');
    expect(calls).to.have.length(1);
    expect(performance.now() - started).to.be.below(5000);
  });

  it("rejects with the caller's own abort reason", async () => {
    const { fetch, called } = fakeFetch('hang');
    const controller = new AbortController();
    const reason = new Error('element disconnected');
    const pending = rejection(adapterWith(fetch).payInvoice(PAY, { signal: controller.signal }));
    await called(1);
    controller.abort(reason);
    expect(await pending).to.equal(reason);
  });

  it('downloads the PDF with the session token and names it from Content-Disposition', async () => {
    const bytes = '%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF';
    const { fetch, calls } = fakeFetch(
      pdf(bytes, {
        'content-disposition': `attachment; filename="fallback.pdf"; filename*=UTF-8''Facture%20n%C2%BA1002.pdf`,
      }),
    );
    const link = await adapterWith(fetch, { sessionToken: 'pst_token' }).getInvoicePdf({ id: 'inv_1002' });
    expect(calls[0].url.href).to.equal(`${BASE}/invoices/inv_1002/pdf`);
    expect(calls[0].headers.get('accept')).to.equal('application/pdf');
    expect(calls[0].headers.get('authorization')).to.equal('Bearer pst_token');
    expect(link.fileName).to.equal('Facture nº1002.pdf');
    expect(link.url).to.match(/^blob:/);
    const downloaded = await fetch(link.url).then((response) => response.text());
    expect(downloaded).to.equal(bytes);
    URL.revokeObjectURL(link.url);
  });

  it('names the PDF <id>.pdf without Content-Disposition, and strips path separators from names', async () => {
    const plain = fakeFetch(pdf('%PDF-1.4 minimal'));
    const unnamed = await adapterWith(plain.fetch).getInvoicePdf({ id: 'inv_1002' });
    expect(unnamed.fileName).to.equal('inv_1002.pdf');
    URL.revokeObjectURL(unnamed.url);
    const sneaky = fakeFetch(
      pdf('%PDF-1.4 minimal', { 'content-disposition': 'attachment; filename="../../etc/passwd"' }),
    );
    const named = await adapterWith(sneaky.fetch).getInvoicePdf({ id: 'inv_1002' });
    expect(named.fileName).to.equal('.._.._etc_passwd');
    URL.revokeObjectURL(named.url);
  });

  it('retries a PDF download like any read', async () => {
    const { fetch, calls } = fakeFetch(html(502), pdf('%PDF-1.4 minimal'));
    const link = await adapterWith(fetch).getInvoicePdf({ id: 'inv_1002' });
    expect(calls).to.have.length(2);
    URL.revokeObjectURL(link.url);
  });
});
