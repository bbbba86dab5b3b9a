import type * as z from 'zod/mini';
import type { OperationName } from '../../../../src/contract/operations.js';
import type { operationSchemas } from '../../../../src/contract/operation-schemas.js';
import type { NewDevice } from '../auth/devices.js';
import type { AuthenticatedSession, NewSession } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { unauthorized } from '../../../../src/rules/errors.js';

type Ops = typeof operationSchemas;

export type InputOf<K extends OperationName> = Ops[K]['input'] extends z.core.$ZodType
  ? z.infer<Ops[K]['input']>
  : undefined;

/** A rendered document for operations whose output is `pdf`. */
export interface DocumentFile {
  bytes: Uint8Array;
  fileName: string;
}

export type OutputOf<K extends OperationName> = Ops[K]['output'] extends 'pdf'
  ? DocumentFile
  : Ops[K]['output'] extends z.core.$ZodType
    ? z.infer<Ops[K]['output']>
    : void;

/** A stored response replayed verbatim (idempotent retries). */
export class StoredResponse {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

/** One request as a handler sees it. Handlers never touch Hono: the router turns this into HTTP. */
export class RequestContext {
  /** Set by handlers that open or end a cookie session. */
  cookie: NewSession | 'clear' | undefined;
  /** Set by handlers that queued emails, which are delivered after the response. */
  mailQueued = false;
  /** Work to run once the answer is made (see `afterResponse`). */
  readonly deferred: (() => Promise<unknown>)[] = [];
  /** Set by a successful sign-in: the browser's new device cookie (see auth/devices.ts). */
  deviceCookie: NewDevice | undefined;

  constructor(
    readonly app: AppContext,
    readonly ip: string,
    readonly session: AuthenticatedSession | null,
    readonly header: (name: string) => string | undefined,
    /** The device cookie the browser sent, if any (only sent to the auth endpoints). */
    readonly deviceToken?: string,
  ) {}

  now(): Date {
    return this.app.now();
  }

  /**
   * Runs `work` after the answer is made, so that the answer cannot depend on it, in content or in time
   * (magic-link and reset requests: whether the address has an account shows in neither).
   */
  afterResponse(work: () => Promise<unknown>): void {
    this.deferred.push(work);
  }

  today(): string {
    return this.app.today();
  }

  /** The signed-in customer's session; the router already refused anonymous calls to private operations. */
  requireSession(): AuthenticatedSession {
    if (!this.session) throw unauthorized();
    return this.session;
  }

  get customerId(): string {
    return this.requireSession().customer.record.id;
  }
}

export type Handler<K extends OperationName> = (
  ctx: RequestContext,
  input: InputOf<K>,
) => Promise<OutputOf<K> | StoredResponse>;

/** Exactly one handler per operation of the contract: a missing one is a type error (and a test failure). */
export type Handlers = { [K in OperationName]: Handler<K> };
