import { LOCKOUT_FAILURES, LOCKOUT_MINUTES } from '../../../src/rules/access.js';
import { isoToday } from '../../../src/rules/dates.js';
import { type TaxIdVerifier, testTaxIdVerifier } from '../../../src/rules/profile.js';
import type { Database } from './db/database.js';
import { pruneExpired } from './db/housekeeping.js';
import type { Mailer } from './mail/mailer.js';
import { deliverPending } from './mail/outbox.js';
import type { PaymentGateway } from './payments/gateway.js';

/** Thresholds of the abuse defences; tests may lower them, defaults follow the README. */
export interface Limits {
  /** Sign-in, sign-up, magic-link, reset and challenge requests per IP address per minute. */
  authRequestsPerIpPerMinute: number;
  /** Failed sign-ins for one email (known or not) before it is locked out. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Magic-link and reset emails per address per 15 minutes; more are silently not sent. */
  emailsPerAddressPer15Minutes: number;
}

export const DEFAULT_LIMITS: Limits = {
  authRequestsPerIpPerMinute: 20,
  lockoutThreshold: LOCKOUT_FAILURES,
  lockoutMinutes: LOCKOUT_MINUTES,
  emailsPerAddressPer15Minutes: 5,
};

export interface AppDeps {
  db: Database;
  mailer: Mailer;
  gateway: PaymentGateway;
  clock: () => Date;
  /** The merchant's secret API key for the admin endpoints. */
  merchantSecret: string;
  /** Adds `Secure` to the session cookie (set it whenever the portal is served over https). */
  cookieSecure: boolean;
  /** Where customers reach the portal; emailed links point here. */
  publicUrl: string;
  /** Other origins (the merchant's store) allowed to call the API from a browser and to receive links. */
  allowedOrigins: readonly string[];
  /** Honour X-Forwarded-For (exactly one trusted proxy in front). */
  trustProxy: boolean;
  /** Enables /portal-api/__test__/* (reset, clock). Never turned on from the environment in production. */
  testMode: boolean;
  /** Enables /dev/outbox; off in production. */
  devRoutes: boolean;
  /** Blank email bodies once delivered (production), so tokens do not stay in the database. */
  redactSentEmails: boolean;
  /** Where the test-mode card fields frame is served; the settings answer tells pages. */
  cardFieldsUrl?: string;
  /** Currency of accounts created by sign-up (ISO 4217); USD when absent. */
  defaultCurrency?: string;
  limits?: Partial<Limits>;
  /** Asks a tax registry about VAT numbers; the deterministic test registry when absent. */
  taxIdVerifier?: TaxIdVerifier;
}

/** What every request handler shares: the dependencies, the (test-adjustable) clock, background work. */
export class AppContext {
  readonly deps: AppDeps;
  readonly limits: Limits;
  readonly publicOrigin: string;
  readonly defaultCurrency: string;
  readonly taxIdVerifier: TaxIdVerifier;
  /**
   * Where the card fields frame is served, once known: its listener starts after this one (it needs this
   * one's origin), so main.ts fills it in then.
   */
  cardFieldsUrl: string | undefined;
  #clockOffsetMs = 0;
  #background = new Set<Promise<unknown>>();
  #lastPrune = 0;

  constructor(deps: AppDeps) {
    this.deps = deps;
    this.limits = { ...DEFAULT_LIMITS, ...deps.limits };
    this.publicOrigin = new URL(deps.publicUrl).origin;
    this.defaultCurrency = deps.defaultCurrency ?? 'USD';
    this.taxIdVerifier = deps.taxIdVerifier ?? testTaxIdVerifier;
    this.cardFieldsUrl = deps.cardFieldsUrl;
  }

  get db(): Database {
    return this.deps.db;
  }

  now(): Date {
    return new Date(this.deps.clock().getTime() + this.#clockOffsetMs);
  }

  today(): string {
    return isoToday(this.now());
  }

  /** Test mode: moves the clock to `target` (or back to real time with null). */
  setClock(target: Date | null): void {
    this.#clockOffsetMs = target ? target.getTime() - this.deps.clock().getTime() : 0;
  }

  /** Whether a browser origin may call the API with credentials and receive emailed links. */
  isAllowedOrigin(origin: string): boolean {
    return origin === this.publicOrigin || this.deps.allowedOrigins.includes(origin);
  }

  /** Sends queued emails after the response, without making the customer wait for SMTP. */
  deliverMailSoon(): void {
    this.runInBackground(
      deliverPending(this.db, this.deps.mailer, {
        now: () => this.now(),
        redactAfterSend: this.deps.redactSentEmails,
      }),
    );
  }

  /** Housekeeping rides on traffic: at most every 10 minutes, after a response, never delaying one. */
  pruneSoon(): void {
    const now = this.now();
    const sinceLast = now.getTime() - this.#lastPrune;
    // A clock set back (test mode) makes it due as well.
    if (sinceLast >= 0 && sinceLast < 10 * 60_000) return;
    this.#lastPrune = now.getTime();
    this.runInBackground(pruneExpired(this.db, now));
  }

  runInBackground(task: Promise<unknown>): void {
    const tracked = task
      .catch((error: unknown) => console.error('background task failed:', error))
      .finally(() => this.#background.delete(tracked));
    this.#background.add(tracked);
  }

  /** Waits for background work (before closing the database). */
  async drain(): Promise<void> {
    while (this.#background.size > 0) await Promise.all([...this.#background]);
  }
}
