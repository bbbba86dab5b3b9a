import { LOCKOUT_FAILURES, LOCKOUT_MINUTES } from '../../../src/rules/access.js';
import { isoToday } from '../../../src/rules/dates.js';
import { type TaxIdVerifier, testTaxIdVerifier } from '../../../src/rules/profile.js';
import type { Database } from './db/database.js';
import { pruneExpired } from './db/housekeeping.js';
import type { Mailer } from './mail/mailer.js';
import { LOOPBACK_HOSTS } from './http/hosts.js';
import { type LogSink, describeError, problemsSink } from './http/log.js';
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
  /**
   * Host names this server answers to besides the loopback names and the public URL's host (a request
   * naming any other host is refused: DNS rebinding). `ALLOWED_HOSTS` in main.ts.
   */
  allowedHosts?: readonly string[];
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
  /** Where structured log entries go; warnings and errors to stderr when absent (main.ts logs all). */
  log?: LogSink;
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
  /**
   * The origins that are this server's own: the public URL's, and when that is a loopback name, the
   * same scheme and port under the other loopback names. Fixed by configuration, never taken from the
   * request's Host header.
   */
  readonly ownOrigins: ReadonlySet<string>;
  /** Host names requests may name (lower case; IPv6 in brackets, as URL.hostname gives them). */
  readonly allowedHosts: ReadonlySet<string>;
  readonly defaultCurrency: string;
  readonly log: LogSink;
  readonly taxIdVerifier: TaxIdVerifier;
  /**
   * Where the card fields frame is served, once known: its listener starts after this one (it needs this
   * one's origin), so main.ts fills it in then.
   */
  cardFieldsUrl: string | undefined;
  #clockOffsetMs = 0;
  #background = new Set<Promise<unknown>>();
  #hold: Promise<void> = Promise.resolve();
  #lastPrune = 0;

  constructor(deps: AppDeps) {
    this.deps = deps;
    this.limits = { ...DEFAULT_LIMITS, ...deps.limits };
    const publicUrl = new URL(deps.publicUrl);
    this.publicOrigin = publicUrl.origin;
    const loopback: readonly string[] = LOOPBACK_HOSTS;
    this.ownOrigins = new Set(
      loopback.includes(publicUrl.hostname)
        ? LOOPBACK_HOSTS.map(
            (name) => `${publicUrl.protocol}//${name}${publicUrl.port ? `:${publicUrl.port}` : ''}`,
          )
        : [this.publicOrigin],
    );
    this.allowedHosts = new Set(
      [...LOOPBACK_HOSTS, publicUrl.hostname, ...(deps.allowedHosts ?? [])].map((name) => name.toLowerCase()),
    );
    this.defaultCurrency = deps.defaultCurrency ?? 'USD';
    this.log = deps.log ?? problemsSink;
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
    return this.ownOrigins.has(origin) || this.deps.allowedOrigins.includes(origin);
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
      .catch((error: unknown) =>
        this.log({ level: 'error', event: 'background_task_failed', ...describeError(error) }),
      )
      .finally(() => this.#background.delete(tracked));
    this.#background.add(tracked);
  }

  /**
   * Work a request hands over to run once its answer is made (router: `RequestContext.afterResponse`),
   * on the background work `drain()` waits for.
   */
  afterResponse(work: () => Promise<unknown>): void {
    this.runInBackground(this.#hold.then(work));
  }

  /**
   * Tests: work handed to `afterResponse` from now on waits until the returned function is called, so a
   * test can look at what a request did before that work runs. (`drain()` would wait for it too.)
   */
  holdBackgroundWork(): () => void {
    let release!: () => void;
    this.#hold = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.#hold = Promise.resolve();
      release();
    };
  }

  /** Waits for background work (before closing the database). */
  async drain(): Promise<void> {
    while (this.#background.size > 0) await Promise.all([...this.#background]);
  }
}
