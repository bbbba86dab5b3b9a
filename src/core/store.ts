import type { PortalAdapter, RequestOptions } from '../contract/adapter.js';
import { validatedAdapter } from '../contract/validated.js';
import type {
  CancelSubscription,
  ChangePassword,
  ChangeSubscription,
  CompletePasswordChange,
  InvoiceListQuery,
  MagicLinkRequest,
  MagicLinkVerify,
  NewBankAccount,
  NewCard,
  PasswordReset,
  PasswordResetRequest,
  PasswordSignIn,
  PayInvoice,
  PaymentReceipt,
  ProfileUpdate,
  Session,
  SignInResult,
  SignUp,
  Subscribe,
  SubscriptionChange,
  TaxIdsUpdate,
} from '../model/index.js';
import { OUTCOME_UNKNOWN_CODES, PortalError, isAbortError, toPortalError } from '../contract/errors.js';

/** What the store knows about who is signed in. */
export type SessionState =
  { status: 'unknown' } | { status: 'signed_out' } | { status: 'signed_in'; session: Session };

/**
 * Cache keys. A key names one read; invalidating a prefix ("invoices:") refreshes every read under it.
 */
export const keys = {
  session: 'session',
  settings: 'settings',
  customer: 'customer',
  summary: 'summary',
  invoices: (query: InvoiceListQuery = {}) =>
    `invoices:${query.filter ?? 'all'}:${query.limit ?? ''}:${query.cursor ?? ''}`,
  invoice: (id: string) => `invoice:${id}`,
  paymentMethods: 'payment-methods',
  subscriptions: 'subscriptions',
  plans: 'plans',
  pages: 'pages',
} as const;

/** A payment whose outcome the portal does not know yet: still in flight, or its answer was lost. */
export interface UnresolvedPayment {
  /** The request as sent, idempotency key included: re-sending it can never charge twice. */
  request: PayInvoice;
  /** The request still on its way, or null once its answer was lost. */
  inFlight: Promise<PaymentReceipt> | null;
}

/**
 * Whether invalidating `target` touches the read under `key`: a target ending in ':' names a family
 * ("invoices:" is every list), any other target names one read exactly ("invoice:inv_100" is not
 * "invoice:inv_1001").
 */
export function touches(key: string, target: string): boolean {
  return target.endsWith(':') ? key.startsWith(target) : key === target;
}

export interface StoreChange {
  /** Key prefixes whose data changed; a listener refreshes what it shows under them. */
  invalidated: string[];
  /** True when who is signed in changed. */
  session: boolean;
}

interface Entry {
  value?: unknown;
  hasValue: boolean;
  loadedAt: number;
  stale: boolean;
  pending?: Promise<unknown>;
  controller?: AbortController;
  waiters: number;
}

/** Reads older than this are fetched again on the next ask, even without a mutation. */
const MAX_AGE_MS = 5 * 60_000;

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new DOMException('The request was aborted.', 'AbortError');
}

export { isAbortError };

/**
 * One store per portal on a page: it caches reads, makes one request when several elements ask for the
 * same thing at once, and is the one place that knows what a mutation invalidates (paying an invoice
 * refreshes that invoice, every invoice list and the billing summary). Elements read through it and
 * listen for `change`; they never call the adapter themselves.
 */
export class PortalStore extends EventTarget {
  readonly adapter: PortalAdapter;
  private sessionState: SessionState = { status: 'unknown' };
  private readonly entries = new Map<string, Entry>();
  private readonly payments = new Map<string, UnresolvedPayment>();

  constructor(adapter: PortalAdapter) {
    super();
    this.adapter = validatedAdapter(adapter);
  }

  // Session

  get session(): SessionState {
    return this.sessionState;
  }

  /** Asks the backend who is signed in (a cookie session survives reloads); one request for all askers. */
  async restoreSession(options: RequestOptions = {}): Promise<Session | null> {
    const session = await this.read(keys.session, (o) => this.adapter.getSession(o), options);
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
      this.payments.clear();
      for (const key of [...this.entries.keys()]) {
        if (key !== keys.settings && key !== keys.pages) this.drop(key);
      }
    }
    this.setValue(keys.session, session);
    this.notify({ invalidated: [], session: true });
  }

  private currentCustomerId(): string | null {
    return this.sessionState.status === 'signed_in' ? this.sessionState.session.customerId : null;
  }

  // Reads

  settings(options?: RequestOptions) {
    return this.read(keys.settings, (o) => this.adapter.getSettings(o), options);
  }
  customer(options?: RequestOptions) {
    return this.read(keys.customer, (o) => this.adapter.getCustomer(o), options);
  }
  summary(options?: RequestOptions) {
    return this.read(keys.summary, (o) => this.adapter.getBillingSummary(o), options);
  }
  invoices(query: InvoiceListQuery = {}, options?: RequestOptions) {
    return this.read(keys.invoices(query), (o) => this.adapter.listInvoices(query, o), options);
  }
  invoice(id: string, options?: RequestOptions) {
    return this.read(keys.invoice(id), (o) => this.adapter.getInvoice({ id }, o), options);
  }
  paymentMethods(options?: RequestOptions) {
    return this.read(keys.paymentMethods, (o) => this.adapter.listPaymentMethods(o), options);
  }
  subscriptions(options?: RequestOptions) {
    return this.read(keys.subscriptions, (o) => this.adapter.listSubscriptions(o), options);
  }
  plans(options?: RequestOptions) {
    return this.read(keys.plans, (o) => this.adapter.listPlans(o), options);
  }
  pages(options?: RequestOptions) {
    return this.read(keys.pages, (o) => this.adapter.listPages(o), options);
  }
  /** Not cached: a fresh document link each time (object URLs are revoked by their user). */
  invoicePdf(id: string, options?: RequestOptions) {
    return this.run(() => this.adapter.getInvoicePdf({ id }, options), []);
  }
  previewSubscriptionChange(input: SubscriptionChange, options?: RequestOptions) {
    return this.run(() => this.adapter.previewSubscriptionChange(input, options), []);
  }

  /** The last value loaded for `key`, even if it is being refreshed; undefined if never loaded. */
  peek<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    return entry?.hasValue ? (entry.value as T) : undefined;
  }

  /** Whether a fresh value for `key` is cached (asking for it would make no request). */
  isFresh(key: string): boolean {
    const entry = this.entries.get(key);
    return !!entry?.hasValue && !entry.stale && Date.now() - entry.loadedAt < MAX_AGE_MS;
  }

  /**
   * Reads through the cache. Concurrent asks for one key share one request; that request is aborted
   * only when every asker has gone. A failure is not cached, so asking again retries.
   */
  read<T>(
    key: string,
    load: (options: RequestOptions) => Promise<T>,
    options: RequestOptions = {},
  ): Promise<T> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    let entry = this.entries.get(key);
    if (entry && this.isFresh(key) && !entry.pending) return Promise.resolve(entry.value as T);
    if (!entry) {
      entry = { hasValue: false, loadedAt: 0, stale: true, waiters: 0 };
      this.entries.set(key, entry);
    }
    if (!entry.pending) this.startLoad(key, entry, load);
    const shared = entry.pending as Promise<T>;
    const current = entry;
    current.waiters += 1;
    return new Promise<T>((resolve, reject) => {
      // Each asker leaves once: by aborting, or when the request settles. Counted again when its request
      // settles, an asker that had gone would hide one that came later, and a third asker's abort could
      // then cancel a request someone still waits for.
      let waiting = true;
      const leave = (): boolean => {
        if (!waiting) return false;
        waiting = false;
        current.waiters -= 1;
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        if (current.waiters === 0 && current.pending === shared) {
          current.controller?.abort();
          current.pending = undefined;
          if (!current.hasValue) this.entries.delete(key);
        }
        reject(abortError(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      shared.then(
        (value) => {
          if (leave()) resolve(value);
        },
        (error: Error) => {
          if (leave()) reject(error);
        },
      );
    });
  }

  private startLoad<T>(key: string, entry: Entry, load: (options: RequestOptions) => Promise<T>): void {
    const controller = new AbortController();
    entry.controller = controller;
    const pending = load({ signal: controller.signal }).then(
      (value) => {
        if (entry.pending === pending) {
          entry.pending = undefined;
          entry.value = value;
          entry.hasValue = true;
          entry.loadedAt = Date.now();
          entry.stale = false;
        }
        return value;
      },
      (error: unknown) => {
        if (entry.pending === pending) {
          entry.pending = undefined;
          if (!entry.hasValue) this.entries.delete(key);
        }
        if (isAbortError(error)) throw error;
        const portalError = toPortalError(error);
        if (portalError.code === 'unauthorized' && key !== keys.session) this.sessionEnded();
        throw portalError;
      },
    );
    // Waiters attach their own handlers; this one only keeps an unobserved rejection quiet.
    pending.catch(() => undefined);
    entry.pending = pending;
  }

  private setValue(key: string, value: unknown): void {
    this.entries.set(key, { value, hasValue: true, loadedAt: Date.now(), stale: false, waiters: 0 });
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    entry?.controller?.abort();
    this.entries.delete(key);
  }

  /** Marks every read under these prefixes stale and tells listeners to refresh what they show. */
  invalidate(...prefixes: string[]): void {
    for (const [key, entry] of this.entries) {
      if (prefixes.some((prefix) => touches(key, prefix))) {
        entry.stale = true;
        // A read already in flight may predate the change: its askers still get its answer, but it is
        // not cached, and the next ask starts a fresh request.
        entry.pending = undefined;
      }
    }
    this.notify({ invalidated: prefixes, session: false });
  }

  private sessionEnded(): void {
    if (this.sessionState.status !== 'signed_out') this.setSession(null);
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

  // Mutations: each names what it invalidates.

  private async run<T>(
    action: () => Promise<T>,
    invalidates: string[] | ((result: T) => string[]),
  ): Promise<T> {
    let result: T;
    try {
      result = await action();
    } catch (error) {
      const portalError = isAbortError(error) ? error : toPortalError(error);
      if (portalError instanceof PortalError && portalError.code === 'unauthorized') this.sessionEnded();
      throw portalError;
    }
    const prefixes = typeof invalidates === 'function' ? invalidates(result) : invalidates;
    if (prefixes.length > 0) this.invalidate(...prefixes);
    return result;
  }

  private signedIn(session: Session): Session {
    this.setSession(session);
    return session;
  }

  async signIn(input: PasswordSignIn, options?: RequestOptions): Promise<SignInResult> {
    const result = await this.authCall(() => this.adapter.signIn(input, options));
    if (result.status === 'signed_in') this.signedIn(result.session);
    return result;
  }
  async verifyMagicLink(input: MagicLinkVerify, options?: RequestOptions): Promise<Session> {
    return this.signedIn(await this.authCall(() => this.adapter.verifyMagicLink(input, options)));
  }
  async signUp(input: SignUp, options?: RequestOptions): Promise<Session> {
    return this.signedIn(await this.authCall(() => this.adapter.signUp(input, options)));
  }
  async completePasswordChange(input: CompletePasswordChange, options?: RequestOptions): Promise<Session> {
    return this.signedIn(await this.authCall(() => this.adapter.completePasswordChange(input, options)));
  }
  requestMagicLink(input: MagicLinkRequest, options?: RequestOptions): Promise<void> {
    return this.authCall(() => this.adapter.requestMagicLink(input, options));
  }
  requestPasswordReset(input: PasswordResetRequest, options?: RequestOptions): Promise<void> {
    return this.authCall(() => this.adapter.requestPasswordReset(input, options));
  }
  resetPassword(input: PasswordReset, options?: RequestOptions): Promise<void> {
    return this.authCall(() => this.adapter.resetPassword(input, options));
  }
  changePassword(input: ChangePassword, options?: RequestOptions): Promise<void> {
    return this.run(() => this.adapter.changePassword(input, options), []);
  }
  async signOut(options?: RequestOptions): Promise<void> {
    try {
      await this.authCall(() => this.adapter.signOut(options));
    } finally {
      // Even when the backend cannot be reached, nothing of the customer stays on screen.
      this.setSession(null);
    }
  }

  /** Auth calls: a 401 here means wrong credentials or token, not an ended session. */
  private async authCall<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      throw isAbortError(error) ? error : toPortalError(error);
    }
  }

  /**
   * Pays, and remembers the request until its outcome is known. The key belongs to the customer's intent,
   * not to the element that sent it: a pay element opened again on the same invoice (after the customer
   * left mid-payment or lost the answer) resumes this very request instead of minting a new key.
   */
  payInvoice(input: PayInvoice, options?: RequestOptions): Promise<PaymentReceipt> {
    const unresolved: UnresolvedPayment = { request: input, inFlight: null };
    this.payments.set(input.invoiceId, unresolved);
    const inFlight = this.run(
      () => this.adapter.payInvoice(input, options),
      [keys.invoice(input.invoiceId), 'invoices:', keys.summary],
    );
    unresolved.inFlight = inFlight;
    const mine = () => this.payments.get(input.invoiceId) === unresolved;
    inFlight.then(
      () => {
        if (mine()) this.payments.delete(input.invoiceId);
      },
      (error: unknown) => {
        if (!mine()) return;
        const lost = error instanceof PortalError && OUTCOME_UNKNOWN_CODES.includes(error.code);
        if (lost) unresolved.inFlight = null;
        else this.payments.delete(input.invoiceId);
      },
    );
    return inFlight;
  }

  /** The payment on this invoice whose outcome is not known yet, if any. */
  unresolvedPayment(invoiceId: string): UnresolvedPayment | undefined {
    return this.payments.get(invoiceId);
  }
  addInvoiceNote(input: { id: string; body: string }, options?: RequestOptions) {
    return this.run(() => this.adapter.addInvoiceNote(input, options), [keys.invoice(input.id)]);
  }
  updateProfile(input: ProfileUpdate, options?: RequestOptions) {
    return this.run(() => this.adapter.updateProfile(input, options), [keys.customer]);
  }
  updateTaxIds(input: TaxIdsUpdate, options?: RequestOptions) {
    return this.run(() => this.adapter.updateTaxIds(input, options), [keys.customer]);
  }
  addCard(input: NewCard, options?: RequestOptions) {
    return this.run(
      () => this.adapter.addCard(input, options),
      [keys.paymentMethods, keys.customer, keys.summary],
    );
  }
  addBankAccount(input: NewBankAccount, options?: RequestOptions) {
    return this.run(
      () => this.adapter.addBankAccount(input, options),
      [keys.paymentMethods, keys.customer, keys.summary],
    );
  }
  removePaymentMethod(id: string, options?: RequestOptions) {
    return this.run(
      () => this.adapter.removePaymentMethod({ id }, options),
      [keys.paymentMethods, keys.customer, keys.summary],
    );
  }
  setDefaultPaymentMethod(id: string, options?: RequestOptions) {
    return this.run(
      () => this.adapter.setDefaultPaymentMethod({ id }, options),
      [keys.paymentMethods, keys.customer, keys.summary],
    );
  }
  subscribe(input: Subscribe, options?: RequestOptions) {
    return this.run(
      () => this.adapter.subscribe(input, options),
      [keys.subscriptions, keys.summary, 'invoices:'],
    );
  }
  changeSubscription(input: ChangeSubscription, options?: RequestOptions) {
    return this.run(
      () => this.adapter.changeSubscription(input, options),
      [keys.subscriptions, keys.summary, 'invoices:'],
    );
  }
  cancelSubscription(input: CancelSubscription, options?: RequestOptions) {
    return this.run(
      () => this.adapter.cancelSubscription(input, options),
      [keys.subscriptions, keys.summary],
    );
  }
  pauseSubscription(id: string, options?: RequestOptions) {
    return this.run(
      () => this.adapter.pauseSubscription({ id }, options),
      [keys.subscriptions, keys.summary],
    );
  }
  resumeSubscription(id: string, options?: RequestOptions) {
    return this.run(
      () => this.adapter.resumeSubscription({ id }, options),
      [keys.subscriptions, keys.summary],
    );
  }
}
