import { copy } from './copy.js';
import type { Plan, Session, SignInMethod } from '../../model/index.js';
import {
  SESSION_IDLE_HOURS,
  accountCount,
  foreignReturnUrl,
  mayReach,
  maySwitchAccounts,
  normalizeEmail,
  reachableAccounts,
} from '../../rules/access.js';
import { notFound, unauthorized } from '../../rules/errors.js';
import { keyReusedForAnotherRequest, requestIdentity } from '../../rules/idempotency.js';
import type { MailText } from '../../rules/mail.js';
import { compareInvoicesNewestFirst } from '../../rules/paging.js';
import type {
  CustomerRecord,
  InvoiceRecord,
  PaymentMethodRecord,
  QuoteRecord,
  SubscriptionRecord,
} from '../../rules/records.js';
import type { DemoData } from '../demo/demo-data.js';

/** One email the memory backend "sent"; tests and stories read the link out of `text`. */
export interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

/** A single-use secret (magic link, reset token, password-change challenge) and whom it is for. */
export interface Grant {
  customerId: string;
  /** The person it was issued to; for magic links this may differ from the account's email. */
  email: string;
  expiresAt: number;
}

/** An email-change link: `email` is the new address, `requestedBy` the owner who asked (rules/profile.ts). */
export interface EmailChangeGrant extends Grant {
  requestedBy: string;
}

interface FailureRecord {
  count: number;
  lastAt: number;
  blockedUntil?: number;
}

const SESSION_TTL_MS = SESSION_IDLE_HOURS * 60 * 60_000;

/** 256 random bits, URL-safe: unguessable and short enough for a link. */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * Everything the memory backend knows, shared by its areas (auth, billing, subscriptions). It plays the
 * server's part for one browser tab: one session, one outbox, one set of outstanding tokens.
 */
export class MemoryState {
  session: Session | null = null;
  readonly outbox: OutboxMessage[] = [];
  readonly magicLinks = new Map<string, Grant>();
  readonly resetTokens = new Map<string, Grant>();
  readonly challenges = new Map<string, Grant>();
  /** Email-change links: `email` is the new address, which the link proves the customer reads. */
  readonly emailChanges = new Map<string, EmailChangeGrant>();
  /**
   * Quick order hand-off tokens not yet exchanged, kept as they are, unhashed: the account and the address
   * of the person signed in when it was made.
   */
  readonly quickOrderTokens = new Map<
    string,
    { customerId: string; signedInAs: string; expiresAt: number }
  >();
  /** Failed password attempts by normalized email, whether or not an account has that address. */
  readonly failures = new Map<string, FailureRecord>();
  readonly idempotency = new Map<string, { operation: string; fingerprint: string; result: unknown }>();
  /** Removed payment methods stay known so that past payments keep their "Visa •••• 4242" label. */
  readonly removedMethods: PaymentMethodRecord[] = [];
  /** Change quotes by id; one is deleted once a change used it. */
  readonly quotes = new Map<string, QuoteRecord>();
  /** Renewal invoices by id: the subscription period each bills (memory-billing-cycle.ts). */
  readonly renewals = new Map<string, { subscriptionId: string; periodStart: string }>();
  private sequence = 0;
  private invoiceSequence: number;
  private readonly sortedInvoices = new Map<string, InvoiceRecord[]>();

  constructor(
    readonly data: DemoData,
    /** The demo's "today"; `MemoryAdapter.runBillingCycle` moves it forward. */
    public today: string,
    readonly now: () => Date,
    readonly linkBase: string,
  ) {
    const numbers = data.invoices.map((invoice) => /^INV-(\d+)$/.exec(invoice.number)?.[1]).map(Number);
    this.invoiceSequence = Math.max(1000, ...numbers.filter(Number.isFinite));
  }

  /** Ids are sequential rather than random so that a story or a test run looks the same every time. */
  nextId(prefix: string): string {
    this.sequence += 1;
    return `${prefix}_mem_${this.sequence}`;
  }

  nextInvoiceNumber(): string {
    this.invoiceSequence += 1;
    return `INV-${this.invoiceSequence}`;
  }

  nowMs(): number {
    return this.now().getTime();
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  customerById(id: string): CustomerRecord {
    const customer = this.data.customers.find((each) => each.id === id);
    if (!customer) throw notFound('customer');
    return customer;
  }

  customerByEmail(email: string): CustomerRecord | undefined {
    const wanted = normalizeEmail(email);
    return this.data.customers.find((each) => normalizeEmail(each.email) === wanted);
  }

  /** `preview`: the merchant seeing the portal as this customer, read-only (src/rules/preview.ts). */
  startSession(customer: CustomerRecord, email: string, method: SignInMethod, preview = false): Session {
    this.session = {
      customerId: customer.id,
      customerCode: customer.code,
      customerName: customer.name,
      email,
      method,
      expiresAt: new Date(this.nowMs() + SESSION_TTL_MS).toISOString(),
      ...(preview ? { preview: true } : {}),
      ...this.accountCountFor(email, method),
    };
    return this.session;
  }

  /** The session put on `customer` (a switch to another account of the same person), its expiry unchanged. */
  moveSession(customer: CustomerRecord, session: Session): Session {
    this.session = {
      ...session,
      customerId: customer.id,
      customerCode: customer.code,
      customerName: customer.name,
      ...this.accountCountFor(session.email, session.method),
    };
    if (this.session.accountCount === undefined) delete this.session.accountCount;
    return this.session;
  }

  /**
   * A confirmed email change: a session signed in as the old address is the same person, so it follows the
   * new one on whichever account it is, and what it reaches is counted again for the new address.
   */
  followEmailChange(previous: string, next: string): void {
    const session = this.session;
    if (!session || normalizeEmail(session.email) !== normalizeEmail(previous)) return;
    this.moveSession(this.customerById(session.customerId), { ...session, email: next });
  }

  private accountCountFor(email: string, method: SignInMethod): { accountCount?: number } {
    if (!maySwitchAccounts(method, undefined)) return {};
    return accountCount(reachableAccounts(this.data.customers, this.data.accessRules, email).length);
  }

  /** The live session, or null once it has expired. */
  currentSession(): Session | null {
    if (this.session && Date.parse(this.session.expiresAt) <= this.nowMs()) this.session = null;
    return this.session;
  }

  /** The signed-in customer; everything a customer owns is looked up through this. */
  requireCustomer(): CustomerRecord {
    const session = this.currentSession();
    if (!session) throw unauthorized();
    const customer = this.customerById(session.customerId);
    // The grant is checked on every request: a withdrawn rule ends the session on that account.
    if (
      maySwitchAccounts(session.method, session.preview) &&
      !mayReach(customer, this.data.accessRules, session.email)
    ) {
      this.session = null;
      throw unauthorized();
    }
    return customer;
  }

  /** Seconds left of a failure lockout for this address, 0 when attempts are allowed. */
  lockoutSecondsLeft(email: string): number {
    const record = this.failures.get(normalizeEmail(email));
    if (record?.blockedUntil === undefined) return 0;
    const left = record.blockedUntil - this.nowMs();
    if (left <= 0) {
      this.failures.delete(normalizeEmail(email));
      return 0;
    }
    return Math.ceil(left / 1000);
  }

  /**
   * Counts a failed attempt; five within a quarter of an hour block the address for the next quarter of
   * an hour. Unknown addresses are counted too, so a lockout reveals nothing about which accounts exist.
   */
  recordFailure(email: string, maxFailures: number, windowMs: number): void {
    const key = normalizeEmail(email);
    const now = this.nowMs();
    const previous = this.failures.get(key);
    const count = previous && now - previous.lastAt < windowMs ? previous.count + 1 : 1;
    this.failures.set(key, {
      count,
      lastAt: now,
      ...(count >= maxFailures ? { blockedUntil: now + windowMs } : {}),
    });
  }

  send(to: string, mail: MailText): void {
    this.outbox.push({
      to: normalizeEmail(to),
      subject: mail.subject,
      text: mail.text,
      sentAt: this.nowIso(),
    });
  }

  /**
   * The link an email carries. A return URL is honoured only on the portal's own origin, so an attacker
   * cannot make the merchant's emails point somewhere else.
   */
  link(param: string, token: string, returnUrl: string | undefined): string {
    const url = new URL(returnUrl ?? this.linkBase);
    url.hash = '';
    url.searchParams.set(param, token);
    return url.href;
  }

  checkReturnUrl(returnUrl: string | undefined): void {
    if (returnUrl !== undefined && new URL(returnUrl).origin !== new URL(this.linkBase).origin) {
      throw foreignReturnUrl();
    }
  }

  /**
   * Runs a money-moving request once per (customer, idempotency key): the same request again returns the
   * first result, and a different request under a key already used is refused. Only requests that got as
   * far as running are remembered, so a request refused before anything happened can be corrected and
   * retried with the same key.
   */
  idempotent<T>(customerId: string, operation: string, input: { idempotencyKey: string }, run: () => T): T {
    const scoped = `${customerId}\u0000${input.idempotencyKey}`;
    const print = requestIdentity(operation, input);
    const prior = this.idempotency.get(scoped);
    if (prior) {
      if (prior.fingerprint !== print) throw keyReusedForAnotherRequest();
      return copy(prior.result) as T;
    }
    const result = run();
    this.idempotency.set(scoped, { operation, fingerprint: print, result: copy(result) });
    return result;
  }

  /** The customer's invoices newest first; cached because a 10,000-invoice account pages through it often. */
  invoicesOf(customerId: string): InvoiceRecord[] {
    let sorted = this.sortedInvoices.get(customerId);
    if (!sorted) {
      sorted = this.data.invoices
        .filter((invoice) => invoice.customerId === customerId)
        .sort(compareInvoicesNewestFirst);
      this.sortedInvoices.set(customerId, sorted);
    }
    return sorted;
  }

  saveSubscription(subscription: SubscriptionRecord): void {
    const index = this.data.subscriptions.findIndex((each) => each.id === subscription.id);
    if (index === -1) this.data.subscriptions.push(subscription);
    else this.data.subscriptions[index] = subscription;
  }

  addInvoice(invoice: InvoiceRecord): void {
    this.data.invoices.push(invoice);
    this.sortedInvoices.delete(invoice.customerId);
  }

  invoiceOf(customerId: string, id: string): InvoiceRecord {
    const invoice = this.data.invoices.find((each) => each.id === id && each.customerId === customerId);
    if (!invoice) throw notFound('invoice');
    return invoice;
  }

  methodsOf(customerId: string): PaymentMethodRecord[] {
    return this.data.paymentMethods.filter((method) => method.customerId === customerId);
  }

  methodOf(customerId: string, id: string): PaymentMethodRecord {
    const method = this.data.paymentMethods.find((each) => each.id === id && each.customerId === customerId);
    if (!method) throw notFound('payment method');
    return method;
  }

  subscriptionsOf(customerId: string): SubscriptionRecord[] {
    return this.data.subscriptions.filter((subscription) => subscription.customerId === customerId);
  }

  subscriptionOf(customerId: string, id: string): SubscriptionRecord {
    const subscription = this.data.subscriptions.find(
      (each) => each.id === id && each.customerId === customerId,
    );
    if (!subscription) throw notFound('subscription');
    return subscription;
  }

  plan(id: string): Plan {
    const plan = this.data.plans.find((each) => each.id === id);
    if (!plan) throw notFound('plan');
    return plan;
  }
}
