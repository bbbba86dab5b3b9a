import ky, { HTTPError, type KyInstance, type RetryOptions, TimeoutError } from 'ky';
import { PortalError } from '../../contract/errors.js';
import type { PortalAdapter, RequestOptions } from '../../contract/adapter.js';
import type { OperationName } from '../../contract/operations.js';
import { type Operation, operationsWithSchemas as operations } from '../../contract/operation-schemas.js';
import { parseInput, parseOutput } from '../../contract/validated.js';
import {
  errorFromResponse,
  fileNameFrom,
  invalidResponse,
  isJsonType,
  isTransientCode,
  mediaType,
  readErrorInfo,
  readWithin,
  retryAfterSeconds,
  safeFileName,
} from './response.js';
import { buildRequest, type HttpRequestParts } from './route.js';

export interface HttpRetryOptions {
  /** Retries after the first attempt (so `limit + 1` attempts at most). Default 2. */
  limit?: number;
  /** Base delay: attempt n waits `backoffMs * 2^(n-1)`, jittered to 50–100 %, at most 5 s. Default 300. */
  backoffMs?: number;
  /**
   * The longest `Retry-After` worth waiting for. A server asking for longer fails the call at once with
   * `rate_limited` / `unavailable` and its `retryAfterSeconds`, so the element can say when to come back
   * instead of spinning. Default 30.
   */
  maxRetryAfterSeconds?: number;
}

export interface HttpAdapterOptions {
  /** Where the HTTP contract is served (`<portal-root api="…">`): `/portal-api` or an absolute URL. */
  baseUrl: string;
  /**
   * A session token minted by the merchant's backend, sent as `Authorization: Bearer …` instead of the
   * session cookie. Kept in this object's memory only, never in storage.
   */
  sessionToken?: string;
  /** Replaces the global fetch (tests inject faults through it). */
  fetch?: typeof fetch;
  /** Per attempt, until the response headers arrive; the body then gets as long again. Default 15000. */
  timeoutMs?: number;
  retry?: HttpRetryOptions;
}

/** Statuses worth asking again for: the request may not have reached the backend, or it was busy. */
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
const MAX_BACKOFF_MS = 5_000;

type Output<N extends OperationName> = Awaited<ReturnType<PortalAdapter[N]>>;
type Input<N extends OperationName> = (typeof operations)[N]['input'] extends null
  ? undefined
  : Parameters<PortalAdapter[N]>[0];

/**
 * `PortalAdapter` over the HTTP contract (`contract.ts`, documented in `openapi.json`), for browsers.
 *
 * Every method is one call of the same core, driven by the operations table: the route's `{params}` are
 * filled from the input, the rest travels as a query string (GET, DELETE) or a JSON body, and the
 * response is parsed by the operation's output schema.
 *
 * Failures reject with a `PortalError`. The one exception is an aborted call: it rejects with the
 * signal's reason (a `DOMException` named `AbortError` unless the caller aborted with a reason of its
 * own), because the element that asked is gone and nobody is left to show an error to — callers
 * recognise it with `signal.aborted` and ignore it. Aborting a money-moving call stops waiting for
 * the answer; it cannot take back a payment the backend already made.
 *
 * Retries: reads (GET) and money-moving calls that carry an idempotency key (the same key, in the body
 * and the `Idempotency-Key` header, on every attempt) are retried after network failures, timeouts and
 * 408/429/500/502/503/504, unless the error body names a definite outcome (a decline, a conflict).
 * Nothing else is retried: a repeated sign-in or card save is not known to be harmless.
 */
export class HttpAdapter implements PortalAdapter {
  readonly #baseUrl: string;
  /** The base URL: what the portal keeps across reloads belongs to this backend. */
  readonly backendId: string;
  readonly #timeoutMs: number;
  readonly #retry: Required<HttpRetryOptions>;
  readonly #ky: KyInstance;
  #sessionToken: string | undefined;

  constructor(options: HttpAdapterOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.backendId = this.#baseUrl;
    const timeoutMs = options.timeoutMs ?? 15_000;
    // setTimeout's ceiling: ky refuses longer timeouts with a RangeError.
    this.#timeoutMs = Number.isFinite(timeoutMs) ? Math.min(Math.max(1, timeoutMs), 2_147_483_647) : 15_000;
    this.#retry = {
      limit: Math.max(0, options.retry?.limit ?? 2),
      backoffMs: Math.max(0, options.retry?.backoffMs ?? 300),
      maxRetryAfterSeconds: Math.max(0, options.retry?.maxRetryAfterSeconds ?? 30),
    };
    this.#sessionToken = options.sessionToken || undefined;
    const customFetch = options.fetch;
    this.#ky = ky.create({
      timeout: this.#timeoutMs,
      throwHttpErrors: true,
      // ky calls `options.fetch(...)` as a method; a bare `window.fetch` would throw "Illegal invocation".
      fetch: customFetch ? (input, init) => customFetch(input, init) : undefined,
    });
  }

  /** Switches between a bearer session token and the cookie session (`undefined`/`null`). */
  setSessionToken(token: string | null | undefined): void {
    this.#sessionToken = token || undefined;
  }

  // Every method is one call of the core below; its signature is PortalAdapter's own.

  // Auth
  readonly getSession: PortalAdapter['getSession'] = (options) =>
    this.#call('getSession', undefined, options);
  readonly signIn: PortalAdapter['signIn'] = (input, options) => this.#call('signIn', input, options);
  readonly requestMagicLink: PortalAdapter['requestMagicLink'] = (input, options) =>
    this.#call('requestMagicLink', input, options);
  readonly verifyMagicLink: PortalAdapter['verifyMagicLink'] = (input, options) =>
    this.#call('verifyMagicLink', input, options);
  readonly signUp: PortalAdapter['signUp'] = (input, options) => this.#call('signUp', input, options);
  readonly requestPasswordReset: PortalAdapter['requestPasswordReset'] = (input, options) =>
    this.#call('requestPasswordReset', input, options);
  readonly resetPassword: PortalAdapter['resetPassword'] = (input, options) =>
    this.#call('resetPassword', input, options);
  readonly completePasswordChange: PortalAdapter['completePasswordChange'] = (input, options) =>
    this.#call('completePasswordChange', input, options);
  readonly changePassword: PortalAdapter['changePassword'] = (input, options) =>
    this.#call('changePassword', input, options);
  /** Also forgets the session token: the backend has revoked it. */
  readonly signOut: PortalAdapter['signOut'] = async (options) => {
    await this.#call('signOut', undefined, options);
    this.#sessionToken = undefined;
  };

  // Settings
  readonly getSettings: PortalAdapter['getSettings'] = (options) =>
    this.#call('getSettings', undefined, options);

  // Account
  readonly getCustomer: PortalAdapter['getCustomer'] = (options) =>
    this.#call('getCustomer', undefined, options);
  readonly updateProfile: PortalAdapter['updateProfile'] = (input, options) =>
    this.#call('updateProfile', input, options);
  readonly updateTaxIds: PortalAdapter['updateTaxIds'] = (input, options) =>
    this.#call('updateTaxIds', input, options);
  readonly requestEmailChange: PortalAdapter['requestEmailChange'] = (input, options) =>
    this.#call('requestEmailChange', input, options);
  readonly confirmEmailChange: PortalAdapter['confirmEmailChange'] = (input, options) =>
    this.#call('confirmEmailChange', input, options);
  readonly getBillingSummary: PortalAdapter['getBillingSummary'] = (options) =>
    this.#call('getBillingSummary', undefined, options);

  // Invoices and orders
  readonly listInvoices: PortalAdapter['listInvoices'] = (input, options) =>
    this.#call('listInvoices', input, options);
  readonly getInvoice: PortalAdapter['getInvoice'] = (input, options) =>
    this.#call('getInvoice', input, options);
  readonly addInvoiceNote: PortalAdapter['addInvoiceNote'] = (input, options) =>
    this.#call('addInvoiceNote', input, options);
  /**
   * Downloads the PDF with the session's credentials and answers an object URL for it; revoke it with
   * `URL.revokeObjectURL` once the link is gone. The file name comes from Content-Disposition (which a
   * cross-origin backend must list in Access-Control-Expose-Headers), else `<id>.pdf`.
   */
  readonly getInvoicePdf: PortalAdapter['getInvoicePdf'] = (input, options) =>
    this.#call('getInvoicePdf', input, options);

  // Payments
  readonly payInvoice: PortalAdapter['payInvoice'] = (input, options) =>
    this.#call('payInvoice', input, options);
  readonly getIntentOutcome: PortalAdapter['getIntentOutcome'] = (input, options) =>
    this.#call('getIntentOutcome', input, options);

  // Payment methods
  readonly listPaymentMethods: PortalAdapter['listPaymentMethods'] = (options) =>
    this.#call('listPaymentMethods', undefined, options);
  readonly addCard: PortalAdapter['addCard'] = (input, options) => this.#call('addCard', input, options);
  readonly addBankAccount: PortalAdapter['addBankAccount'] = (input, options) =>
    this.#call('addBankAccount', input, options);
  readonly removePaymentMethod: PortalAdapter['removePaymentMethod'] = (input, options) =>
    this.#call('removePaymentMethod', input, options);
  readonly setDefaultPaymentMethod: PortalAdapter['setDefaultPaymentMethod'] = (input, options) =>
    this.#call('setDefaultPaymentMethod', input, options);

  // Subscriptions and plans
  readonly listSubscriptions: PortalAdapter['listSubscriptions'] = (options) =>
    this.#call('listSubscriptions', undefined, options);
  readonly listPlans: PortalAdapter['listPlans'] = (options) => this.#call('listPlans', undefined, options);
  readonly subscribe: PortalAdapter['subscribe'] = (input, options) =>
    this.#call('subscribe', input, options);
  readonly previewSubscriptionChange: PortalAdapter['previewSubscriptionChange'] = (input, options) =>
    this.#call('previewSubscriptionChange', input, options);
  readonly changeSubscription: PortalAdapter['changeSubscription'] = (input, options) =>
    this.#call('changeSubscription', input, options);
  readonly cancelSubscription: PortalAdapter['cancelSubscription'] = (input, options) =>
    this.#call('cancelSubscription', input, options);
  readonly undoCancelSubscription: PortalAdapter['undoCancelSubscription'] = (input, options) =>
    this.#call('undoCancelSubscription', input, options);
  readonly acceptRetentionOffer: PortalAdapter['acceptRetentionOffer'] = (input, options) =>
    this.#call('acceptRetentionOffer', input, options);
  readonly withdrawSubscriptionChange: PortalAdapter['withdrawSubscriptionChange'] = (input, options) =>
    this.#call('withdrawSubscriptionChange', input, options);
  readonly pauseSubscription: PortalAdapter['pauseSubscription'] = (input, options) =>
    this.#call('pauseSubscription', input, options);
  readonly resumeSubscription: PortalAdapter['resumeSubscription'] = (input, options) =>
    this.#call('resumeSubscription', input, options);

  // Content
  readonly listPages: PortalAdapter['listPages'] = (options) => this.#call('listPages', undefined, options);
  readonly getPage: PortalAdapter['getPage'] = (input, options) => this.#call('getPage', input, options);

  // Quick order
  readonly createQuickOrderToken: PortalAdapter['createQuickOrderToken'] = (options) =>
    this.#call('createQuickOrderToken', undefined, options);

  // Several billing accounts per person
  readonly listAccounts: PortalAdapter['listAccounts'] = (options) =>
    this.#call('listAccounts', undefined, options);
  readonly switchAccount: PortalAdapter['switchAccount'] = (input, options) =>
    this.#call('switchAccount', input, options);

  /** The one code path every method takes: validate, build from the table, send, parse. */
  async #call<N extends OperationName>(
    name: N,
    input: Input<N>,
    options: RequestOptions = {},
  ): Promise<Output<N>> {
    const operation: Operation = operations[name];
    const callerSignal = options.signal;
    callerSignal?.throwIfAborted();
    // Aborted when a body outlives its deadline, so the connection is released, not just abandoned.
    const deadline = new AbortController();
    const signal = callerSignal ? AbortSignal.any([callerSignal, deadline.signal]) : deadline.signal;
    try {
      const parsed = operation.input === null ? undefined : parseInput(name, input);
      const request = buildRequest(operation, parsed);
      const response = await this.#send(operation, request, signal);
      const readBody = <T>(read: Promise<T>) => readWithin(read, this.#timeoutMs, () => deadline.abort());
      if (operation.output === null) {
        void response.body?.cancel().catch(() => undefined);
        return undefined as Output<N>;
      }
      if (operation.output === 'pdf') {
        return await this.#readPdf(name, response, parsed, readBody);
      }
      return parseOutput<Output<N>>(name, await this.#readJson(name, response, readBody));
    } catch (error) {
      if (callerSignal?.aborted) throw callerSignal.reason;
      throw await this.#failure(name, error);
    }
  }

  #send(operation: Operation, request: HttpRequestParts, signal: AbortSignal): Promise<Response> {
    const pdf = operation.output === 'pdf';
    const headers: Record<string, string> = { Accept: pdf ? 'application/pdf' : 'application/json' };
    if (this.#sessionToken) headers.Authorization = `Bearer ${this.#sessionToken}`;
    if (request.idempotencyKey !== undefined) headers['Idempotency-Key'] = request.idempotencyKey;
    const query = request.query.toString();
    return this.#ky(`${this.#baseUrl}${request.path}`, {
      method: request.method,
      headers,
      // A bearer token is the whole session: leaving cookies out keeps a stale cookie session from
      // mixing in, and lets a cross-origin backend answer without Access-Control-Allow-Credentials.
      credentials: this.#sessionToken ? 'omit' : 'include',
      searchParams: query === '' ? undefined : query,
      json: request.body,
      signal,
      retry: this.#retryPolicy(operation, request, signal),
    });
  }

  /**
   * Reads are safe to repeat; a money-moving call is safe to repeat only under its idempotency key,
   * which makes the backend answer a repeat with the first outcome instead of charging again.
   */
  #retryPolicy(operation: Operation, request: HttpRequestParts, signal: AbortSignal): RetryOptions {
    const retryable =
      operation.http.verb === 'GET' || (operation.money === true && request.idempotencyKey !== undefined);
    if (!retryable || this.#retry.limit === 0) return { limit: 0 };
    const { backoffMs, maxRetryAfterSeconds } = this.#retry;
    return {
      limit: this.#retry.limit,
      methods: [operation.http.verb.toLowerCase()],
      statusCodes: RETRY_STATUSES,
      afterStatusCodes: [429, 503],
      maxRetryAfter: maxRetryAfterSeconds * 1000,
      retryOnTimeout: true,
      delay: (attempt) => backoffMs * 2 ** (attempt - 1),
      // Half fixed, half random: spreads clients that failed together without ever retrying at once.
      jitter: (delay) => delay * (0.5 + Math.random() / 2),
      backoffLimit: MAX_BACKOFF_MS,
      shouldRetry: async ({ error }) => {
        if (signal.aborted) return false;
        if (error instanceof HTTPError) {
          if (!RETRY_STATUSES.includes(error.response.status)) return false;
          const info = await readErrorInfo(error.response, this.#timeoutMs);
          // A 5xx that names a decline or a conflict is an outcome, not an outage (some gateways
          // answer declines with 500): asking again cannot change it.
          if (info.code !== undefined && !isTransientCode(info.code)) return false;
          const wait = retryAfterSeconds(error.response.headers.get('retry-after')) ?? info.retryAfterSeconds;
          if (wait !== undefined && wait > maxRetryAfterSeconds) return false;
          // ky then waits for Retry-After, or backs off.
          return undefined;
        }
        // Timeouts and dropped connections are retried; anything else is not a transport failure.
        return error instanceof TimeoutError || error instanceof TypeError ? undefined : false;
      },
    };
  }

  async #readJson(name: string, response: Response, readBody: <T>(read: Promise<T>) => Promise<T>) {
    if (response.status === 204 || response.status === 205) {
      throw invalidResponse(name, `answered ${response.status} with no body where JSON was expected`);
    }
    const contentType = response.headers.get('content-type');
    if (contentType !== null && !isJsonType(contentType)) {
      void response.body?.cancel().catch(() => undefined);
      throw invalidResponse(name, `answered ${mediaType(contentType)} where JSON was expected`);
    }
    const text = await readBody(response.text());
    if (text.trim() === '') throw invalidResponse(name, 'answered an empty body where JSON was expected');
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw invalidResponse(name, 'answered malformed JSON', error);
    }
  }

  async #readPdf<N extends OperationName>(
    name: N,
    response: Response,
    input: unknown,
    readBody: <T>(read: Promise<T>) => Promise<T>,
  ): Promise<Output<N>> {
    const contentType = mediaType(response.headers.get('content-type') ?? 'application/pdf');
    if (contentType !== 'application/pdf' && contentType !== 'application/octet-stream') {
      void response.body?.cancel().catch(() => undefined);
      throw invalidResponse(name, `answered ${contentType} where a PDF was expected`);
    }
    const blob = await readBody(response.blob());
    // The magic number, not the header, decides: a misconfigured server can label anything a PDF.
    if ((await blob.slice(0, 5).text()) !== '%PDF-') {
      throw invalidResponse(name, 'answered a document that is not a PDF');
    }
    const id = (input as { id?: unknown } | undefined)?.id;
    const fallback = `${safeFileName(typeof id === 'string' ? id : 'document') || 'document'}.pdf`;
    const fileName = fileNameFrom(response.headers.get('content-disposition')) ?? fallback;
    const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
    return parseOutput<Output<N>>(name, { url, fileName });
  }

  async #failure(name: string, error: unknown): Promise<PortalError> {
    if (error instanceof PortalError) return error;
    if (error instanceof HTTPError) return errorFromResponse(name, error.response, this.#timeoutMs, error);
    if (error instanceof TimeoutError) {
      return new PortalError('timeout', `${name} timed out after ${this.#timeoutMs} ms`, { cause: error });
    }
    // fetch rejects with a TypeError when the connection fails (offline, DNS, CORS, dropped midway).
    if (error instanceof TypeError || (error instanceof DOMException && error.name === 'AbortError')) {
      return new PortalError('network', `${name} could not reach the server: ${error.message}`, {
        cause: error,
      });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new PortalError('unavailable', `${name} failed: ${message}`, { cause: error });
  }
}
