import type { PortalAdapter, RequestOptions } from '../contract/adapter.js';
import { reportAdapterFault } from '../contract/adapter-faults.js';
import {
  PortalError,
  isAbortError,
  isOutcomeUnknown,
  isErrorCode,
  toPortalError,
} from '../contract/errors.js';
import { keys, touches } from '../contract/keys.js';
import {
  type MoneyName,
  type MutationName,
  OPERATION_NAMES,
  type OperationName,
  type OperationRules,
  type ReadName,
  intentOf,
  invalidationsOf,
  invalidationsOnError,
  operations,
  readKey,
} from '../contract/operations.js';
import { previewAllows, previewRefusal } from '../contract/preview.js';
import { isValidated } from '../contract/validation-mark.js';
import type {
  CompletePasswordChange,
  MagicLinkRequest,
  MagicLinkVerify,
  PasswordReset,
  PasswordResetRequest,
  PasswordSignIn,
  Session,
  SignInResult,
  SignUp,
  SwitchAccount,
} from '../model/index.js';
import { ReadCache } from './cache.js';
import { IntentTracker, type MoneyRequest, type PendingIntent, sessionStorageOrNull } from './intents.js';

export { isAbortError, keys, touches };

/** What the store knows about who is signed in. */
export type SessionState =
  { status: 'unknown' } | { status: 'signed_out' } | { status: 'signed_in'; session: Session };

/** The input an operation takes (undefined for those that take none). */
export type InputOf<N extends OperationName> = (typeof operations)[N] extends { noInput: true }
  ? undefined
  : Parameters<PortalAdapter[N]>[0];
/** What an operation answers. */
export type OutputOf<N extends OperationName> = Awaited<ReturnType<PortalAdapter[N]>>;

export interface StoreChange {
  /** Key prefixes whose data changed; a listener refreshes what it shows under them. */
  invalidated: string[];
  /** True when who is signed in changed. */
  session: boolean;
}

/** What became of a pending intent, as far as the backend can say now. */
export type IntentCheck<T = unknown> =
  | { status: 'completed'; result: T }
  | { status: 'refused'; error: PortalError }
  /** Still running, or no trace of it (it may yet arrive): check again with the same key. */
  | { status: 'unknown' };

export interface PortalStoreOptions {
  /** Where pending money intents survive a reload; default `sessionStorage` when the adapter names its backend. */
  intentStorage?: Storage | null;
}

/**
 * One store per portal on a page, driven by the operations table: `read` asks any read operation and
 * caches the answer under the key the operation declares (several elements asking at once make one
 * request); `mutate` runs any other operation and marks stale what it declares it invalidates; money
 * operations go through the intent tracker (one idempotency key per customer intent, kept until its outcome
 * is known, across elements and reloads). Elements read through it and listen for `change`; they never call
 * the adapter, and never invalidate anything by hand.
 */
export class PortalStore extends EventTarget {
  readonly adapter: PortalAdapter;
  /** Money-moving requests whose outcome is not known yet. */
  readonly intents: IntentTracker;
  private readonly backend: string | null;
  private sessionState: SessionState = { status: 'unknown' };
  private readonly cache = new ReadCache();

  constructor(adapter: PortalAdapter, options: PortalStoreOptions = {}) {
    super();
    this.backend = adapter.backendId ?? null;
    this.adapter = isValidated(adapter) ? adapter : validating(adapter);
    // A backend that does not name itself (an in-memory one) keeps nothing across reloads: there would be
    // nothing to ask after one.
    const storage = options.intentStorage === undefined ? sessionStorageOrNull() : options.intentStorage;
    this.intents = new IntentTracker(this.backend ? storage : null);
  }

  // Session

  get session(): SessionState {
    return this.sessionState;
  }

  /** Asks the backend who is signed in (a cookie session survives reloads); one request for all askers. */
  async restoreSession(options: RequestOptions = {}): Promise<Session | null> {
    const session = await this.read('getSession', undefined, options);
    if (
      this.sessionState.status === 'unknown' ||
      (session?.customerId ?? null) !== this.currentCustomerId()
    ) {
      this.setSession(session);
    }
    return session;
  }

  /**
   * Records who is signed in; a different customer (or none) empties the cache of the previous one.
   * Reads made while the session was still unknown were made with the same credentials the backend just
   * recognised, so learning who that is keeps them (a widget that loaded first is not asked again).
   */
  setSession(session: Session | null): void {
    const wasKnown = this.sessionState.status !== 'unknown';
    const before = this.currentCustomerId();
    this.sessionState = session ? { status: 'signed_in', session } : { status: 'signed_out' };
    if (wasKnown && (session?.customerId ?? null) !== before) {
      this.intents.clear();
      this.cache.dropAllBut([keys.settings, keys.pages]);
    }
    this.intents.setScope(this.backend, session?.customerId ?? null);
    this.cache.set(keys.session, session);
    this.notify({ invalidated: [], session: true });
  }

  /**
   * A merchant previewing the portal as this customer: everything is read-only. Elements render their
   * actions unavailable; `mutate` refuses anything but signing out without asking the backend.
   */
  get preview(): boolean {
    return this.sessionState.status === 'signed_in' && this.sessionState.session.preview === true;
  }

  private currentCustomerId(): string | null {
    return this.sessionState.status === 'signed_in' ? this.sessionState.session.customerId : null;
  }

  private sessionEnded(): void {
    if (this.sessionState.status !== 'signed_out') this.setSession(null);
  }

  // Reads

  /**
   * Asks a read operation, through the cache when the operation declares a key (concurrent asks share one
   * request, aborted only when every asker has gone; a failure is not cached, so asking again retries).
   */
  read<N extends ReadName>(name: N, input: InputOf<N>, options: RequestOptions = {}): Promise<OutputOf<N>> {
    const key = readKey(name, input);
    const load = (o: RequestOptions) => this.call(name, input, o);
    return key === null ? load(options) : this.cache.read(key, load, options);
  }

  /**
   * The merchant's settings. Kept by name only for `<portal-login>`, whose rebuild moves it to
   * `queries.settings`; everything else reads through `read` or `queries`.
   */
  settings(options?: RequestOptions) {
    return this.read('getSettings', undefined, options);
  }

  /** The last value loaded for `key`, even if it is being refreshed; undefined if never loaded. */
  peek<T>(key: string): T | undefined {
    return this.cache.peek<T>(key);
  }

  /** Whether a fresh value for `key` is cached (asking for it would make no request). */
  isFresh(key: string): boolean {
    return this.cache.isFresh(key);
  }

  // Mutations

  /**
   * Runs an operation that changes something and marks stale what the operation declares it invalidates.
   * A money operation is remembered by the intent tracker until its outcome is known. Under a preview
   * session only signing out goes through: anything else is refused here (`forbidden`, "This is a
   * preview…"), with no request, so nothing can be started even if an element offered it by mistake.
   */
  mutate<N extends MutationName>(name: N, input: InputOf<N>, options?: RequestOptions): Promise<OutputOf<N>> {
    if (this.preview && !previewAllows(name)) return Promise.reject(previewRefusal());
    const operation: OperationRules = operations[name];
    if (operation.money) {
      return this.moveMoney(name as MutationName & MoneyName, input, options) as Promise<OutputOf<N>>;
    }
    return this.call(name, input, options);
  }

  /**
   * Sends a money-moving request and keeps it in the intent tracker until its outcome is known. The key
   * belongs to the customer's intent, not to the element that sent it: an element opened again on the same
   * intent (after the customer left mid-payment, lost the answer, or reloaded) resumes this very request.
   */
  private moveMoney(name: MoneyName, input: unknown, options?: RequestOptions): Promise<unknown> {
    const request = input as MoneyRequest;
    const record: PendingIntent = {
      operation: name,
      intent: intentOf(name, request),
      request,
      inFlight: null,
      restored: false,
    };
    const inFlight: Promise<unknown> = this.call(name, input as InputOf<MoneyName>, options).catch(
      (error: unknown) => this.unlessStillRunning(request, error),
    );
    record.inFlight = inFlight;
    this.intents.begin(record);
    inFlight.then(
      () => this.intents.settle(record),
      (error: unknown) => {
        if (isOutcomeUnknown(error)) this.intents.lost(record);
        else this.intents.settle(record);
      },
    );
    return inFlight;
  }

  /**
   * A `conflict` for a request sent again under its own key may only mean that the first one is still
   * running: then its outcome is unknown (check again later), not a refusal that would end the intent and
   * let the customer pay again under a new key. The backend's word on the key decides.
   */
  private async unlessStillRunning(request: MoneyRequest, error: unknown): Promise<never> {
    if (!(error instanceof PortalError) || error.code !== 'conflict') throw error;
    const outcome = await this.read('getIntentOutcome', { idempotencyKey: request.idempotencyKey }).catch(
      () => null,
    );
    // Not knowing is not a refusal either.
    if (outcome === null || outcome.status === 'in_progress') {
      throw new PortalError('unavailable', 'the backend is still working on this request');
    }
    throw error;
  }

  /**
   * Asks the backend what became of a pending intent, by its key, without sending it again: after a
   * reload, nothing else on the page knows. A known outcome ends the intent.
   */
  async checkIntent(record: PendingIntent, options?: RequestOptions): Promise<IntentCheck> {
    const outcome = await this.read(
      'getIntentOutcome',
      { idempotencyKey: record.request.idempotencyKey },
      options,
    );
    record.restored = false;
    switch (outcome.status) {
      case 'completed':
        this.intents.settle(record);
        this.invalidate(...invalidationsOf(record.operation, record.request));
        return { status: 'completed', result: outcome.result };
      case 'refused': {
        this.intents.settle(record);
        const { code, message } = outcome.error;
        const error = new PortalError(isErrorCode(code) ? code : 'unavailable', message);
        return { status: 'refused', error };
      }
      default:
        return { status: 'unknown' };
    }
  }

  /** Marks every read under these targets stale and tells listeners to refresh what they show. */
  invalidate(...targets: string[]): void {
    this.cache.markStale(targets);
    this.notify({ invalidated: targets, session: false });
  }

  /**
   * One adapter call: every failure becomes a PortalError (an abort stays an abort); a 401 from anything
   * but the sign-in operations ends the session; a mutation's success (or unknown outcome: it may have
   * happened) marks stale what it declares, and a refusal what that refusal says is stale.
   */
  private async call<N extends OperationName>(
    name: N,
    input: InputOf<N>,
    options?: RequestOptions,
  ): Promise<OutputOf<N>> {
    const operation: OperationRules = operations[name];
    const method = this.adapter[name] as unknown as (...args: unknown[]) => Promise<OutputOf<N>>;
    let result: OutputOf<N>;
    try {
      result = await (operation.noInput
        ? method.call(this.adapter, options)
        : method.call(this.adapter, input, options));
    } catch (error) {
      if (isAbortError(error)) throw error;
      reportAdapterFault(name, error);
      const failure = toPortalError(error);
      if (failure.code === 'unauthorized' && !operation.public && name !== 'getSession') this.sessionEnded();
      const stale = isOutcomeUnknown(failure)
        ? invalidationsOf(name, input)
        : invalidationsOnError(name, input, failure.code);
      if (stale.length > 0) this.invalidate(...stale);
      throw failure;
    }
    const stale = invalidationsOf(name, input);
    if (stale.length > 0) this.invalidate(...stale);
    return result;
  }

  private notify(change: StoreChange): void {
    this.dispatchEvent(new CustomEvent<StoreChange>('change', { detail: change }));
  }

  /** Calls `listener` after every change; returns the function that stops listening. */
  onChange(listener: (change: StoreChange) => void): () => void {
    const handler = (event: Event) => listener((event as CustomEvent<StoreChange>).detail);
    this.addEventListener('change', handler);
    return () => this.removeEventListener('change', handler);
  }

  // Sign-in and sign-out: mutations that also change who is signed in. A 401 from these means wrong
  // credentials or token, never an ended session.

  async signIn(input: PasswordSignIn, options?: RequestOptions): Promise<SignInResult> {
    const result = await this.mutate('signIn', input, options);
    if (result.status === 'signed_in') this.setSession(result.session);
    return result;
  }
  verifyMagicLink(input: MagicLinkVerify, options?: RequestOptions): Promise<Session> {
    return this.signedIn(this.mutate('verifyMagicLink', input, options));
  }
  signUp(input: SignUp, options?: RequestOptions): Promise<Session> {
    return this.signedIn(this.mutate('signUp', input, options));
  }
  completePasswordChange(input: CompletePasswordChange, options?: RequestOptions): Promise<Session> {
    return this.signedIn(this.mutate('completePasswordChange', input, options));
  }
  requestMagicLink(input: MagicLinkRequest, options?: RequestOptions): Promise<void> {
    return this.mutate('requestMagicLink', input, options);
  }
  requestPasswordReset(input: PasswordResetRequest, options?: RequestOptions): Promise<void> {
    return this.mutate('requestPasswordReset', input, options);
  }
  resetPassword(input: PasswordReset, options?: RequestOptions): Promise<void> {
    return this.mutate('resetPassword', input, options);
  }
  /**
   * Moves the session to another billing account of the same person: the new session replaces the old
   * one, so everything cached for the previous account is dropped (`setSession`) and nothing of it shows.
   */
  switchAccount(input: SwitchAccount, options?: RequestOptions): Promise<Session> {
    return this.signedIn(this.mutate('switchAccount', input, options));
  }
  async signOut(options?: RequestOptions): Promise<void> {
    try {
      await this.mutate('signOut', undefined, options);
    } finally {
      // Even when the backend cannot be reached, nothing of the customer stays on screen.
      this.setSession(null);
    }
  }

  private async signedIn(pending: Promise<Session>): Promise<Session> {
    const session = await pending;
    this.setSession(session);
    return session;
  }
}

type AnyMethod = (...args: unknown[]) => Promise<unknown>;
type Validation = typeof import('../contract/validated.js');

let validation: Promise<Validation> | undefined;
let validationLoaded: Validation | undefined;

/**
 * The validation of adapters that do not parse their own answers (`validated.ts` and the schemas),
 * fetched once per page; a failed download is forgotten, so the next call tries again. The store asks for
 * it on the first call through such an adapter; a page (or a test) that knows it will need it may ask
 * earlier, so that even the first call reaches the adapter without waiting.
 */
export function loadValidation(): Promise<Validation> {
  validation ??= import('../contract/validated.js').then(
    (module) => (validationLoaded = module),
    (error: unknown) => {
      validation = undefined;
      throw error;
    },
  );
  return validation;
}

/**
 * The adapter as the store calls it when it does not parse its own answers (a custom or in-memory one):
 * every call goes through `validatedAdapter`, loaded with the first call (at once when it is already
 * loaded). A page whose adapter validates itself (HttpAdapter) never downloads it: an element used with
 * `api="…"` ships no schema outside HttpAdapter's chunk. Nothing an adapter answers reaches an element
 * unparsed.
 */
function validating(adapter: PortalAdapter): PortalAdapter {
  if (validationLoaded) return validationLoaded.validatedAdapter(adapter);
  let wrapped: Record<OperationName, AnyMethod> | undefined;
  const lazy = {} as Record<OperationName, AnyMethod>;
  for (const name of OPERATION_NAMES) {
    lazy[name] = (...args) => {
      if (wrapped) return wrapped[name](...args);
      return loadValidation().then((module) => {
        wrapped ??= module.validatedAdapter(adapter) as unknown as Record<OperationName, AnyMethod>;
        return wrapped[name](...args);
      });
    };
  }
  return lazy as unknown as PortalAdapter;
}
