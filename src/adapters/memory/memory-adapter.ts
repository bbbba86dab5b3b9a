import { copy } from './copy.js';
import * as z from 'zod/mini';
import { validationError } from '../../contract/errors.js';
import {
  type BillingAccount,
  type BillingSummary,
  type CancelSubscription,
  type ChangePassword,
  type ChangePreview,
  type ChangeSubscription,
  type CompletePasswordChange,
  type ContentPage,
  type ContentPageSummary,
  type Customer,
  type EmailChangeConfirm,
  type EmailChangeRequest,
  type EmailChanged,
  type DocumentLink,
  type IntentOutcome,
  type IntentOutcomeQuery,
  type Invoice,
  type InvoiceListQuery,
  type InvoiceNote,
  type InvoicePage,
  type MagicLinkRequest,
  type MagicLinkVerify,
  type NewBankAccount,
  type NewCard,
  type NewInvoiceNote,
  type PasswordReset,
  type PasswordResetRequest,
  type PasswordSignIn,
  type PageBySlug,
  type PauseSubscription,
  type PayInvoice,
  type PaymentMethod,
  type PaymentReceipt,
  type Plan,
  PortalSettings,
  type ProfileUpdate,
  type QuickOrderCustomer,
  type QuickOrderHandOff,
  type Session,
  type SignInResult,
  type SignUp,
  type RemovePaymentMethod,
  type Subscribe,
  type Subscription,
  type SubscriptionChange,
  type SubscriptionRef,
  type SwitchAccount,
  type TaxIdsUpdate,
} from '../../model/index.js';
import type { ById, PortalAdapter, RequestOptions } from '../../contract/adapter.js';
import { type OperationName, type OperationRules, operations } from '../../contract/operations.js';
import { normalizeEmail } from '../../rules/access.js';
import { requirePreviewAllows } from '../../rules/preview.js';
import { isoToday } from '../../rules/dates.js';
import { billingSummary, toCustomer } from '../../rules/mappers.js';
import { type DemoData, createDemoData } from '../demo/demo-data.js';
import { parseInput } from '../../contract/validated.js';
import { generateInvoices } from './generate-invoices.js';
import * as accounts from './memory-accounts.js';
import * as auth from './memory-auth.js';
import * as billing from './memory-billing.js';
import * as content from './memory-content.js';
import { type BillingCycleRun, runBillingCycle } from './memory-billing-cycle.js';
import { getIntentOutcome } from './memory-intents.js';
import { MemoryState, type OutboxMessage } from './memory-state.js';
import * as profile from './memory-profile.js';
import * as subscriptions from './memory-subscriptions.js';

export type { OutboxMessage } from './memory-state.js';
export type { BillingCycleRun } from './memory-billing-cycle.js';

export interface MemoryAdapterOptions {
  /** The demo's "today", `YYYY-MM-DD`; demo dates are relative to it. Default: today in UTC. */
  today?: string;
  /** The clock for token expiry, lockouts and timestamps. Default: real time. */
  now?: () => Date;
  /** A snapshot to serve instead of `createDemoData(today)`; it is copied, never changed. */
  data?: DemoData;
  /** Artificial delay per call in milliseconds, to show loading states in stories. Default 0. */
  latencyMs?: number;
  /** This many extra, deterministic historical invoices for the first customer (Ada). Default 0. */
  extraInvoices?: number;
  /**
   * The page emailed links point at. Default: the current page without query or hash in a browser,
   * else `https://portal.example/`. Return URLs are accepted on this origin only.
   */
  linkBase?: string;
}

function defaultLinkBase(): string {
  if (typeof location === 'undefined' || !/^https?:$/.test(location.protocol))
    return 'https://portal.example/';
  return `${location.origin}${location.pathname}`;
}

function abortReason(signal: AbortSignal): DOMException {
  return signal.reason instanceof DOMException
    ? signal.reason
    : new DOMException('The operation was aborted.', 'AbortError');
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A complete billing backend in memory, seeded with the demo data: the same rules as the reference
 * server (src/rules/), one session per instance like one browser tab, and an outbox instead of
 * email. Stories, tests and the no-server demo run on it. Every answer is a structured clone, so callers
 * cannot change its state by accident.
 */
export class MemoryAdapter implements PortalAdapter {
  private readonly state: MemoryState;
  private readonly latencyMs: number;

  constructor(options: MemoryAdapterOptions = {}) {
    const now = options.now ?? (() => new Date());
    const today = options.today ?? isoToday(now());
    const data = options.data ? copy(options.data) : createDemoData(today);
    const extra = options.extraInvoices ?? 0;
    if (extra > 0 && data.customers.length > 0) {
      const owner = data.customers[0];
      data.invoices.push(
        ...generateInvoices({
          count: extra,
          customerId: owner.id,
          currency: owner.currency,
          paymentMethodIds: data.paymentMethods.filter((m) => m.customerId === owner.id).map((m) => m.id),
          today,
        }),
      );
    }
    this.latencyMs = options.latencyMs ?? 0;
    this.state = new MemoryState(data, today, now, options.linkBase ?? defaultLinkBase());
  }

  /** Every email sent so far, oldest first. */
  get outbox(): ReadonlyArray<OutboxMessage> {
    return this.state.outbox.map((message) => ({ ...message }));
  }

  /**
   * Runs one call like a request to a server: wait out the latency, honour the abort signal, require a
   * session unless the contract marks the method public, refuse what a preview session may not do (as
   * the server does, before anything happens), validate the input, and answer with a copy.
   */
  private async call<I, T>(
    name: OperationName,
    input: I,
    options: RequestOptions | undefined,
    body: (input: I) => T,
  ): Promise<T> {
    const signal = options?.signal;
    if (signal?.aborted) throw abortReason(signal);
    await wait(this.latencyMs, signal);
    if (signal?.aborted) throw abortReason(signal);
    const spec: OperationRules = operations[name];
    requirePreviewAllows(this.state.currentSession(), name);
    if (!spec.public) this.state.requireCustomer();
    return copy(body(parseInput(name, input)));
  }

  // Merchant side: not part of PortalAdapter; tests and stories play the merchant with these.

  /**
   * The merchant previewing the portal as one customer, as the admin contract's preview does: this
   * adapter's session becomes a read-only session of that customer (`preview: true`); every operation
   * but reads and signing out is refused with `forbidden` until it ends. Returns the session.
   */
  previewAs(customerId: string): Session {
    const customer = this.state.customerById(customerId);
    return copy(this.state.startSession(customer, customer.email, 'session_token', true));
  }

  /** The merchant replaces the portal settings; bad settings throw a `validation` PortalError. */
  updateSettings(settings: PortalSettings): void {
    const result = z.safeParse(PortalSettings, settings);
    if (!result.success) throw validationError(result.error, 'updateSettings');
    this.state.data.settings = copy(result.data);
  }

  /** Locks a customer out and ends their session, as the admin contract's lock does. */
  lockCustomer(customerId: string): void {
    const customer = this.state.customerById(customerId);
    customer.locked = true;
    if (this.state.session?.customerId === customerId) this.state.session = null;
  }

  /** Unlocks a customer, clears failed-attempt lockouts and emails a reset link, as the admin contract does. */
  unlockCustomer(customerId: string): void {
    const customer = this.state.customerById(customerId);
    customer.locked = false;
    this.state.failures.delete(normalizeEmail(customer.email));
    auth.sendUnlockEmail(this.state, customer);
  }

  /** Emails the customer a temporary password to replace at the next sign-in, as the admin contract's activation does. */
  sendActivation(customerId: string): void {
    auth.sendActivation(this.state, this.state.customerById(customerId));
  }

  /**
   * The merchant's server exchanging a quick order hand-off token, as the admin contract's exchange does:
   * the customer once; a used, expired or unknown token throws `not_found`.
   */
  exchangeQuickOrderToken(token: string): QuickOrderCustomer {
    return copy(content.exchangeQuickOrderToken(this.state, token));
  }

  /**
   * The billing cycle, as the reference server's daily renewal job runs it: moves the demo's "today"
   * forward to `today` (never back; default: where it is) and brings every subscription up to it — trials
   * end, periods renew with one invoice each (charged with auto-pay on; a decline makes it past due and
   * emails the customer), scheduled changes, pauses and period-end cancellations apply. Running it again
   * for the same day does nothing more. Not part of PortalAdapter: stories and tests move time with it.
   */
  runBillingCycle(today: string = this.state.today): BillingCycleRun {
    if (today > this.state.today) this.state.today = today;
    return runBillingCycle(this.state, this.state.today);
  }

  // Auth

  getSession(options?: RequestOptions): Promise<Session | null> {
    return this.call('getSession', undefined, options, () => this.state.currentSession());
  }

  signIn(input: PasswordSignIn, options?: RequestOptions): Promise<SignInResult> {
    return this.call('signIn', input, options, (valid) => auth.signIn(this.state, valid));
  }

  requestMagicLink(input: MagicLinkRequest, options?: RequestOptions): Promise<void> {
    return this.call('requestMagicLink', input, options, (valid) => auth.requestMagicLink(this.state, valid));
  }

  verifyMagicLink(input: MagicLinkVerify, options?: RequestOptions): Promise<Session> {
    return this.call('verifyMagicLink', input, options, (valid) => auth.verifyMagicLink(this.state, valid));
  }

  signUp(input: SignUp, options?: RequestOptions): Promise<Session> {
    return this.call('signUp', input, options, (valid) => auth.signUp(this.state, valid));
  }

  requestPasswordReset(input: PasswordResetRequest, options?: RequestOptions): Promise<void> {
    return this.call('requestPasswordReset', input, options, (valid) =>
      auth.requestPasswordReset(this.state, valid),
    );
  }

  resetPassword(input: PasswordReset, options?: RequestOptions): Promise<void> {
    return this.call('resetPassword', input, options, (valid) => auth.resetPassword(this.state, valid));
  }

  completePasswordChange(input: CompletePasswordChange, options?: RequestOptions): Promise<Session> {
    return this.call('completePasswordChange', input, options, (valid) =>
      auth.completePasswordChange(this.state, valid),
    );
  }

  changePassword(input: ChangePassword, options?: RequestOptions): Promise<void> {
    return this.call('changePassword', input, options, (valid) => auth.changePassword(this.state, valid));
  }

  signOut(options?: RequestOptions): Promise<void> {
    return this.call('signOut', undefined, options, () => {
      this.state.session = null;
    });
  }

  // Settings and content

  getSettings(options?: RequestOptions): Promise<PortalSettings> {
    return this.call('getSettings', undefined, options, () => this.state.data.settings);
  }

  listPages(options?: RequestOptions): Promise<ContentPageSummary[]> {
    return this.call('listPages', undefined, options, () => content.listPages(this.state));
  }

  getPage(input: PageBySlug, options?: RequestOptions): Promise<ContentPage> {
    return this.call('getPage', input, options, (valid) => content.getPage(this.state, valid));
  }

  // Quick order

  createQuickOrderToken(options?: RequestOptions): Promise<QuickOrderHandOff> {
    return this.call('createQuickOrderToken', undefined, options, () =>
      content.createQuickOrderToken(this.state),
    );
  }

  // Several billing accounts per person

  listAccounts(options?: RequestOptions): Promise<BillingAccount[]> {
    return this.call('listAccounts', undefined, options, () => accounts.listAccounts(this.state));
  }

  switchAccount(input: SwitchAccount, options?: RequestOptions): Promise<Session> {
    return this.call('switchAccount', input, options, (valid) => accounts.switchAccount(this.state, valid));
  }

  // Account

  getCustomer(options?: RequestOptions): Promise<Customer> {
    return this.call('getCustomer', undefined, options, () => toCustomer(this.state.requireCustomer()));
  }

  updateProfile(input: ProfileUpdate, options?: RequestOptions): Promise<Customer> {
    return this.call('updateProfile', input, options, (valid) => profile.updateProfile(this.state, valid));
  }

  async updateTaxIds(input: TaxIdsUpdate, options?: RequestOptions): Promise<Customer> {
    // The registry is asked asynchronously, like a server's would be; the answer is a copy all the same.
    const valid = await this.call('updateTaxIds', input, options, (checked) => checked);
    return copy(await profile.updateTaxIds(this.state, valid));
  }

  requestEmailChange(input: EmailChangeRequest, options?: RequestOptions): Promise<Customer> {
    return this.call('requestEmailChange', input, options, (valid) =>
      profile.requestEmailChange(this.state, valid),
    );
  }

  confirmEmailChange(input: EmailChangeConfirm, options?: RequestOptions): Promise<EmailChanged> {
    return this.call('confirmEmailChange', input, options, (valid) =>
      profile.confirmEmailChange(this.state, valid),
    );
  }

  getBillingSummary(options?: RequestOptions): Promise<BillingSummary> {
    return this.call('getBillingSummary', undefined, options, () => {
      const customer = this.state.requireCustomer();
      return billingSummary({
        customer,
        invoices: this.state.invoicesOf(customer.id),
        subscriptions: this.state.subscriptionsOf(customer.id),
        plans: this.state.data.plans,
        paymentMethods: this.state.methodsOf(customer.id),
        today: this.state.today,
      });
    });
  }

  // Invoices and payments

  listInvoices(input: InvoiceListQuery, options?: RequestOptions): Promise<InvoicePage> {
    return this.call('listInvoices', input, options, (valid) => billing.listInvoices(this.state, valid));
  }

  getInvoice(input: ById, options?: RequestOptions): Promise<Invoice> {
    return this.call('getInvoice', input, options, (valid) => billing.getInvoice(this.state, valid));
  }

  addInvoiceNote(input: ById & NewInvoiceNote, options?: RequestOptions): Promise<InvoiceNote> {
    return this.call('addInvoiceNote', input, options, (valid) => billing.addInvoiceNote(this.state, valid));
  }

  getInvoicePdf(input: ById, options?: RequestOptions): Promise<DocumentLink> {
    return this.call('getInvoicePdf', input, options, (valid) => billing.getInvoicePdf(this.state, valid));
  }

  payInvoice(input: PayInvoice, options?: RequestOptions): Promise<PaymentReceipt> {
    return this.call('payInvoice', input, options, (valid) => billing.payInvoice(this.state, valid));
  }

  getIntentOutcome(input: IntentOutcomeQuery, options?: RequestOptions): Promise<IntentOutcome> {
    return this.call('getIntentOutcome', input, options, (valid) => getIntentOutcome(this.state, valid));
  }

  // Payment methods

  listPaymentMethods(options?: RequestOptions): Promise<PaymentMethod[]> {
    return this.call('listPaymentMethods', undefined, options, () => billing.listPaymentMethods(this.state));
  }

  addCard(input: NewCard, options?: RequestOptions): Promise<PaymentMethod> {
    return this.call('addCard', input, options, (valid) => billing.addCard(this.state, valid));
  }

  addBankAccount(input: NewBankAccount, options?: RequestOptions): Promise<PaymentMethod> {
    return this.call('addBankAccount', input, options, (valid) => billing.addBankAccount(this.state, valid));
  }

  removePaymentMethod(input: RemovePaymentMethod, options?: RequestOptions): Promise<void> {
    return this.call('removePaymentMethod', input, options, (valid) =>
      billing.removePaymentMethod(this.state, valid),
    );
  }

  setDefaultPaymentMethod(input: ById, options?: RequestOptions): Promise<PaymentMethod> {
    return this.call('setDefaultPaymentMethod', input, options, (valid) =>
      billing.setDefaultPaymentMethod(this.state, valid),
    );
  }

  // Subscriptions and plans

  listSubscriptions(options?: RequestOptions): Promise<Subscription[]> {
    return this.call('listSubscriptions', undefined, options, () =>
      subscriptions.listSubscriptions(this.state),
    );
  }

  listPlans(options?: RequestOptions): Promise<Plan[]> {
    return this.call('listPlans', undefined, options, () => subscriptions.listPlans(this.state));
  }

  subscribe(input: Subscribe, options?: RequestOptions): Promise<Subscription> {
    return this.call('subscribe', input, options, (valid) => subscriptions.subscribe(this.state, valid));
  }

  previewSubscriptionChange(input: SubscriptionChange, options?: RequestOptions): Promise<ChangePreview> {
    return this.call('previewSubscriptionChange', input, options, (valid) =>
      subscriptions.previewSubscriptionChange(this.state, valid),
    );
  }

  changeSubscription(input: ChangeSubscription, options?: RequestOptions): Promise<Subscription> {
    return this.call('changeSubscription', input, options, (valid) =>
      subscriptions.changeSubscription(this.state, valid),
    );
  }

  cancelSubscription(input: CancelSubscription, options?: RequestOptions): Promise<Subscription> {
    return this.call('cancelSubscription', input, options, (valid) =>
      subscriptions.cancelSubscription(this.state, valid),
    );
  }

  undoCancelSubscription(input: SubscriptionRef, options?: RequestOptions): Promise<Subscription> {
    return this.call('undoCancelSubscription', input, options, (valid) =>
      subscriptions.undoCancelSubscription(this.state, valid),
    );
  }

  acceptRetentionOffer(input: SubscriptionRef, options?: RequestOptions): Promise<Subscription> {
    return this.call('acceptRetentionOffer', input, options, (valid) =>
      subscriptions.acceptRetentionOffer(this.state, valid),
    );
  }

  withdrawSubscriptionChange(input: SubscriptionRef, options?: RequestOptions): Promise<Subscription> {
    return this.call('withdrawSubscriptionChange', input, options, (valid) =>
      subscriptions.withdrawSubscriptionChange(this.state, valid),
    );
  }

  pauseSubscription(input: PauseSubscription, options?: RequestOptions): Promise<Subscription> {
    return this.call('pauseSubscription', input, options, (valid) =>
      subscriptions.pauseSubscription(this.state, valid),
    );
  }

  resumeSubscription(input: SubscriptionRef, options?: RequestOptions): Promise<Subscription> {
    return this.call('resumeSubscription', input, options, (valid) =>
      subscriptions.resumeSubscription(this.state, valid),
    );
  }
}
