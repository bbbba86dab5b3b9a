import type {
  ChangeSubscription,
  InvoiceListQuery,
  PageBySlug,
  PayInvoice,
  Subscribe,
} from '../model/index.js';
import type { AdapterMethod } from './adapter.js';
import type { PortalErrorCode } from './errors.js';
import { keys } from './keys.js';

/**
 * The adapter surface as the browser needs it at run time, without a schema: for each method its HTTP
 * route, whether it takes an input, whether it is public or moves money, and how the store caches,
 * invalidates and tracks it. The store, the elements and the intent tracker import only this table, so
 * a page pulls in no zod for them. Each method's input and output schemas (and its summary) sit in the
 * second table, `operation-schemas.ts`, imported only where bodies are parsed (`validated.ts`,
 * HttpAdapter, the OpenAPI generator, the reference server); a type-level check there keeps both tables
 * on exactly the same operation names.
 */
export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface OperationRules {
  http: { verb: HttpVerb; path: string };
  /** The method takes no input (`getSession(options?)`); its input schema is null. */
  noInput?: true;
  /** Callable without a session (sign-in, settings). */
  public?: boolean;
  /** Moves money: carries an Idempotency-Key and may be retried only with it. */
  money?: boolean;
  /**
   * Money operations only: the customer intent a request belongs to (`invoice:inv_1`): one idempotency
   * key per intent, kept until its outcome is known, whichever element sends it.
   */
  intent?: (input: never) => string;
  /**
   * Reads only: the store key the answer is cached under. `null`: a read asked afresh every time (a
   * document link, a price preview, an intent's outcome). Operations without `key` are mutations.
   */
  key?: ((input: never) => string) | null;
  /** Mutations: the store keys (or ':' families) whose data a success (or an unknown outcome) changes. */
  invalidates?: (input: never) => readonly string[];
  /** Mutations: what a refusal with this code says is stale (a conflict: the invoice changed meanwhile). */
  invalidatesOnError?: (input: never, code: PortalErrorCode) => readonly string[];
}

type ById = { id: string };

const none = () => [] as const;
const paymentMethodsChanged = () => [keys.paymentMethods, keys.customer, keys.summary];
const subscriptionsChanged = () => [keys.subscriptions, keys.summary];
const billingChanged = () => [keys.subscriptions, keys.summary, keys.invoiceLists];

export const operations = {
  getSession: {
    http: { verb: 'GET', path: '/session' },
    noInput: true,
    key: () => keys.session,
    public: true,
  },
  signIn: {
    http: { verb: 'POST', path: '/auth/sign-in' },
    invalidates: none,
    public: true,
  },
  requestMagicLink: {
    http: { verb: 'POST', path: '/auth/magic-link' },
    invalidates: none,
    public: true,
  },
  verifyMagicLink: {
    http: { verb: 'POST', path: '/auth/magic-link/verify' },
    invalidates: none,
    public: true,
  },
  signUp: {
    http: { verb: 'POST', path: '/auth/sign-up' },
    invalidates: none,
    public: true,
  },
  requestPasswordReset: {
    http: { verb: 'POST', path: '/auth/password-reset' },
    invalidates: none,
    public: true,
  },
  resetPassword: {
    http: { verb: 'POST', path: '/auth/password-reset/confirm' },
    invalidates: none,
    public: true,
  },
  completePasswordChange: {
    http: { verb: 'POST', path: '/auth/password-change' },
    invalidates: none,
    public: true,
  },
  changePassword: {
    http: { verb: 'PUT', path: '/auth/password' },
    invalidates: none,
  },
  signOut: {
    http: { verb: 'POST', path: '/auth/sign-out' },
    noInput: true,
    invalidates: none,
    public: true,
  },
  getSettings: {
    http: { verb: 'GET', path: '/settings' },
    noInput: true,
    key: () => keys.settings,
    public: true,
  },
  getCustomer: {
    http: { verb: 'GET', path: '/customer' },
    noInput: true,
    key: () => keys.customer,
  },
  updateProfile: {
    http: { verb: 'PATCH', path: '/customer' },
    invalidates: () => [keys.customer],
  },
  updateTaxIds: {
    http: { verb: 'PUT', path: '/customer/tax-ids' },
    invalidates: () => [keys.customer],
  },
  requestEmailChange: {
    http: { verb: 'POST', path: '/customer/email-change' },
    invalidates: () => [keys.customer],
  },
  /** Public: the link may be opened in a browser without a session; its token names the account. */
  confirmEmailChange: {
    http: { verb: 'POST', path: '/customer/email-change/confirm' },
    invalidates: () => [keys.customer, keys.session],
    public: true,
  },
  getBillingSummary: {
    http: { verb: 'GET', path: '/billing-summary' },
    noInput: true,
    key: () => keys.summary,
  },
  listInvoices: {
    http: { verb: 'GET', path: '/invoices' },
    key: (input: InvoiceListQuery) => keys.invoices(input),
  },
  getInvoice: {
    http: { verb: 'GET', path: '/invoices/{id}' },
    key: (input: ById) => keys.invoice(input.id),
  },
  addInvoiceNote: {
    http: { verb: 'POST', path: '/invoices/{id}/notes' },
    invalidates: (input: ById) => [keys.invoice(input.id)],
  },
  getInvoicePdf: {
    http: { verb: 'GET', path: '/invoices/{id}/pdf' },
    key: null,
  },
  payInvoice: {
    http: { verb: 'POST', path: '/invoices/{invoiceId}/payments' },
    intent: (input: PayInvoice) => `invoice:${input.invoiceId}`,
    // Subscriptions too: paying off a renewal invoice makes a past-due subscription active again.
    invalidates: (input: PayInvoice) => [
      keys.invoice(input.invoiceId),
      keys.invoiceLists,
      keys.summary,
      keys.subscriptions,
    ],
    invalidatesOnError: (input: PayInvoice, code: PortalErrorCode) =>
      code === 'forbidden'
        ? [keys.settings]
        : code === 'conflict'
          ? [keys.invoice(input.invoiceId), keys.invoiceLists, keys.summary]
          : code === 'not_found'
            ? [keys.paymentMethods, keys.invoice(input.invoiceId)]
            : [],
    money: true,
  },
  listPaymentMethods: {
    http: { verb: 'GET', path: '/payment-methods' },
    noInput: true,
    key: () => keys.paymentMethods,
  },
  addCard: {
    http: { verb: 'POST', path: '/payment-methods/cards' },
    invalidates: paymentMethodsChanged,
  },
  addBankAccount: {
    http: { verb: 'POST', path: '/payment-methods/bank-accounts' },
    invalidates: paymentMethodsChanged,
  },
  removePaymentMethod: {
    http: { verb: 'DELETE', path: '/payment-methods/{id}' },
    invalidates: paymentMethodsChanged,
  },
  setDefaultPaymentMethod: {
    http: { verb: 'POST', path: '/payment-methods/{id}/default' },
    invalidates: paymentMethodsChanged,
  },
  listSubscriptions: {
    http: { verb: 'GET', path: '/subscriptions' },
    noInput: true,
    key: () => keys.subscriptions,
  },
  listPlans: {
    http: { verb: 'GET', path: '/plans' },
    noInput: true,
    key: () => keys.plans,
  },
  subscribe: {
    http: { verb: 'POST', path: '/subscriptions' },
    intent: (input: Subscribe) => `subscribe:${input.planId}`,
    invalidates: billingChanged,
    money: true,
  },
  previewSubscriptionChange: {
    http: { verb: 'POST', path: '/subscriptions/{subscriptionId}/change-preview' },
    key: null,
  },
  changeSubscription: {
    http: { verb: 'POST', path: '/subscriptions/{subscriptionId}/change' },
    intent: (input: ChangeSubscription) => `subscription-change:${input.quoteId}`,
    invalidates: billingChanged,
    money: true,
  },
  cancelSubscription: {
    http: { verb: 'POST', path: '/subscriptions/{subscriptionId}/cancel' },
    invalidates: billingChanged,
  },
  undoCancelSubscription: {
    http: { verb: 'POST', path: '/subscriptions/{subscriptionId}/undo-cancel' },
    invalidates: subscriptionsChanged,
  },
  acceptRetentionOffer: {
    http: { verb: 'POST', path: '/subscriptions/{subscriptionId}/retention-offer' },
    invalidates: subscriptionsChanged,
  },
  withdrawSubscriptionChange: {
    http: { verb: 'POST', path: '/subscriptions/{subscriptionId}/scheduled-change/withdraw' },
    invalidates: subscriptionsChanged,
  },
  pauseSubscription: {
    http: { verb: 'POST', path: '/subscriptions/{subscriptionId}/pause' },
    invalidates: subscriptionsChanged,
  },
  resumeSubscription: {
    http: { verb: 'POST', path: '/subscriptions/{subscriptionId}/resume' },
    invalidates: billingChanged,
  },
  getIntentOutcome: {
    http: { verb: 'GET', path: '/intents/{idempotencyKey}' },
    key: null,
  },
  listPages: {
    http: { verb: 'GET', path: '/pages' },
    noInput: true,
    key: () => keys.pages,
    public: true,
  },
  getPage: {
    http: { verb: 'GET', path: '/pages/{slug}' },
    key: (input: PageBySlug) => keys.page(input.slug),
    public: true,
  },
  createQuickOrderToken: {
    http: { verb: 'POST', path: '/quick-order-tokens' },
    noInput: true,
    invalidates: none,
  },
  listAccounts: {
    http: { verb: 'GET', path: '/accounts' },
    noInput: true,
    key: () => keys.accounts,
  },
  /**
   * Everything the previous account's reads cached is the other account's no more: all of it is stale
   * (and the store drops it outright when the session's customer changes), settings and pages aside.
   */
  switchAccount: {
    http: { verb: 'POST', path: '/accounts/switch' },
    invalidates: () => [
      keys.session,
      keys.accounts,
      keys.customer,
      keys.summary,
      keys.invoiceLists,
      keys.invoiceDetails,
      keys.paymentMethods,
      keys.subscriptions,
      keys.plans,
    ],
  },
} as const satisfies Record<AdapterMethod, OperationRules>;

export type OperationName = keyof typeof operations;
export const OPERATION_NAMES = Object.keys(operations) as OperationName[];

type Ops = typeof operations;
/** Operations that read: each declares the key its answer is cached under (or null: never cached). */
export type ReadName = { [N in OperationName]: Ops[N] extends { key: unknown } ? N : never }[OperationName];
/** Operations that change something: each declares what it invalidates. */
export type MutationName = Exclude<OperationName, ReadName>;
/** Operations that move money: each declares the customer intent a request belongs to. */
export type MoneyName = { [N in OperationName]: Ops[N] extends { money: true } ? N : never }[OperationName];

/** The store key a read is cached under, or null when it is never cached. */
export function readKey(name: ReadName, input: unknown): string | null {
  const key = (operations[name] as OperationRules).key as ((input: unknown) => string) | null;
  return key === null ? null : key(input);
}

/** What a mutation's success (or an unknown outcome: it may have happened) makes stale. */
export function invalidationsOf(name: OperationName, input: unknown): readonly string[] {
  const invalidates = (operations[name] as OperationRules).invalidates as
    ((input: unknown) => readonly string[]) | undefined;
  return invalidates ? invalidates(input) : [];
}

/** What a refusal with `code` says is stale. */
export function invalidationsOnError(
  name: OperationName,
  input: unknown,
  code: PortalErrorCode,
): readonly string[] {
  const onError = (operations[name] as OperationRules).invalidatesOnError as
    ((input: unknown, code: PortalErrorCode) => readonly string[]) | undefined;
  return onError ? onError(input, code) : [];
}

/** The customer intent a money-moving request belongs to (`invoice:inv_1`). */
export function intentOf(name: MoneyName, input: unknown): string {
  return ((operations[name] as OperationRules).intent as (input: unknown) => string)(input);
}

/** Names of `{param}` segments in a route path. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

/** The HTTP status each error code travels as; HttpAdapter reads `error.code` first and the status second. */
export const HTTP_STATUS_BY_CODE = {
  validation: 400,
  unauthorized: 401,
  payment_declined: 402,
  forbidden: 403,
  account_locked: 423,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  invalid_response: 502,
  unavailable: 503,
  network: 503,
  timeout: 504,
} as const;
