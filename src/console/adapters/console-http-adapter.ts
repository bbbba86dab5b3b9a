import ky, { HTTPError, type KyInstance, TimeoutError } from 'ky';
import * as z from 'zod/mini';
import {
  errorFromResponse,
  fileNameFrom,
  invalidResponse,
  isJsonType,
  mediaType,
  readWithin,
} from '../../adapters/http/response.js';
import { buildRequest } from '../../adapters/http/route.js';
import type { RequestOptions } from '../../contract/adapter.js';
import {
  type ConsoleAdapter,
  type ConsoleFile,
  type ConsoleOperationName,
  consoleOperations,
} from '../../contract/console-operations.js';
import { PortalError, invalidResponseError, validationError } from '../../contract/errors.js';
import type { Operation } from '../../contract/operation-schemas.js';

export interface ConsoleHttpAdapterOptions {
  /**
   * The origin (or base URL) the console API is served from; its routes already start with
   * `/merchant/api`. Default: the page's own origin, where the console's cookie session lives.
   */
  baseUrl?: string;
  /** Replaces the global fetch (tests). */
  fetch?: typeof fetch;
  /** Per request. Default 15000. */
  timeoutMs?: number;
}

type AnyCall = (input?: unknown, options?: RequestOptions) => Promise<unknown>;

/** Every console operation's name, from the table. */
export const CONSOLE_OPERATION_NAMES = Object.keys(consoleOperations) as ConsoleOperationName[];

/**
 * `ConsoleAdapter` over the console's HTTP contract (`/merchant/api/…`, contract/console-operations.ts).
 * Every method is one call of the same core, driven by the table: the request is built by the customer
 * adapter's own `buildRequest` (route params, query string or JSON body), errors are read by its
 * `errorFromResponse`, inputs and answers are parsed by the operation's schemas.
 *
 * The staff session is an httpOnly cookie scoped to `/merchant`, so requests go `same-origin` with
 * credentials and never carry a token. Only reads are retried (once, after a network failure or a 502/503/
 * 504): a repeated lock or settings save is not known to be harmless.
 */
// Its methods are installed from the table (see the interface of the same name below).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ConsoleHttpAdapter {
  readonly #baseUrl: string;
  readonly #timeoutMs: number;
  readonly #ky: KyInstance;

  constructor(options: ConsoleHttpAdapterOptions = {}) {
    this.#baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    const customFetch = options.fetch;
    this.#ky = ky.create({
      timeout: this.#timeoutMs,
      credentials: 'same-origin',
      fetch: customFetch ? (input, init) => customFetch(input, init) : undefined,
    });
    const self = this as unknown as Record<string, AnyCall>;
    for (const name of CONSOLE_OPERATION_NAMES) {
      const operation = consoleOperations[name] as Operation;
      self[name] =
        operation.input === null
          ? (_input?: unknown, options?: RequestOptions) => this.#call(name, undefined, options)
          : (input?: unknown, options?: RequestOptions) => this.#call(name, input, options);
    }
  }

  async #call(name: ConsoleOperationName, input: unknown, options: RequestOptions = {}): Promise<unknown> {
    const operation = consoleOperations[name] as Operation;
    options.signal?.throwIfAborted();
    try {
      let parsed: unknown;
      if (operation.input !== null) {
        const result = z.safeParse(operation.input, input);
        if (!result.success) throw validationError(result.error, name);
        parsed = result.data;
      }
      const request = buildRequest(operation, parsed);
      const query = request.query.toString();
      const csv = operation.output === 'csv';
      const response = await this.#ky(`${this.#baseUrl}${request.path}`, {
        method: request.method,
        headers: { Accept: csv ? 'text/csv' : 'application/json' },
        searchParams: query === '' ? undefined : query,
        json: request.body,
        signal: options.signal,
        retry: request.method === 'GET' ? { limit: 1, statusCodes: [502, 503, 504] } : { limit: 0 },
      });
      if (operation.output === null) {
        void response.body?.cancel().catch(() => undefined);
        return undefined;
      }
      if (csv) return await this.#readCsv(name, response);
      return this.#parse(name, operation, await this.#readJson(name, response));
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      throw await this.#failure(name, error);
    }
  }

  #parse(name: string, operation: Operation, body: unknown): unknown {
    const schema = operation.output as z.core.$ZodType;
    const result = z.safeParse(schema, body);
    if (!result.success) throw invalidResponseError(result.error, name);
    return result.data;
  }

  async #readJson(name: string, response: Response): Promise<unknown> {
    const contentType = response.headers.get('content-type');
    if (contentType !== null && !isJsonType(contentType)) {
      void response.body?.cancel().catch(() => undefined);
      throw invalidResponse(name, `answered ${mediaType(contentType)} where JSON was expected`);
    }
    const text = await readWithin(response.text(), this.#timeoutMs);
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw invalidResponse(name, 'answered malformed JSON', error);
    }
  }

  async #readCsv(name: string, response: Response): Promise<ConsoleFile> {
    const contentType = mediaType(response.headers.get('content-type') ?? 'text/csv');
    if (contentType !== 'text/csv') {
      void response.body?.cancel().catch(() => undefined);
      throw invalidResponse(name, `answered ${contentType} where CSV was expected`);
    }
    const blob = await readWithin(response.blob(), this.#timeoutMs);
    const fileName = fileNameFrom(response.headers.get('content-disposition')) ?? 'access-log.csv';
    return { fileName, blob: new Blob([blob], { type: 'text/csv' }) };
  }

  async #failure(name: string, error: unknown): Promise<PortalError> {
    if (error instanceof PortalError) return error;
    if (error instanceof HTTPError) return errorFromResponse(name, error.response, this.#timeoutMs, error);
    if (error instanceof TimeoutError) {
      return new PortalError('timeout', `${name} timed out after ${this.#timeoutMs} ms`, { cause: error });
    }
    if (error instanceof TypeError) {
      return new PortalError('network', `${name} could not reach the server: ${error.message}`, {
        cause: error,
      });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new PortalError('unavailable', `${name} failed: ${message}`, { cause: error });
  }
}

// The methods are installed from the table in the constructor; this tells TypeScript they are there.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface ConsoleHttpAdapter extends ConsoleAdapter {}
