import * as z from 'zod/mini';
import {
  BillingSummary,
  CancelSubscription,
  ChangePassword,
  ChangePreview,
  ChangeSubscription,
  CompletePasswordChange,
  ContentPage,
  Customer,
  Id,
  Invoice,
  IntentOutcome,
  IntentOutcomeQuery,
  InvoiceListQuery,
  InvoiceNote,
  InvoicePage,
  MagicLinkRequest,
  MagicLinkVerify,
  NewBankAccount,
  NewCard,
  NewInvoiceNote,
  PasswordReset,
  PasswordResetRequest,
  PasswordSignIn,
  PayInvoice,
  PaymentMethod,
  PaymentReceipt,
  Plan,
  PortalSettings,
  ProfileUpdate,
  RemovePaymentMethod,
  Session,
  SignInResult,
  SignUp,
  Subscribe,
  Subscription,
  SubscriptionChange,
  TaxIdsUpdate,
} from '../model/index.js';
import type { AdapterMethod } from './adapter.js';
import type { PortalErrorCode } from './errors.js';
import { keys } from './keys.js';

/**
 * The whole adapter surface as data: for each method its input and output schemas and its HTTP route.
 * This one table drives input/output validation of any adapter, HttpAdapter's requests, the reference
 * server's router and the OpenAPI document, so none of them can drift from the model.
 */
export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Operation {
  /** Request schema; null for methods that take no input. */
  input: z.core.$ZodType | null;
  /** Response schema; null for methods that answer 204 No Content. `pdf` streams a document. */
  output: z.core.$ZodType | null | 'pdf';
  http: { verb: HttpVerb; path: string };
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
  summary: string;
}

const ById = z.object({ id: Id });
type ById = z.infer<typeof ById>;

const none = () => [] as const;
const paymentMethodsChanged = () => [keys.paymentMethods, keys.customer, keys.summary];
const subscriptionsChanged = () => [keys.subscriptions, keys.summary];
const billingChanged = () => [keys.subscriptions, keys.summary, keys.invoiceLists];

export const operations = {
  getSession: {
    input: null,
    output: z.nullable(Session),
    http: { verb: 'GET', path: '/session' },
    key: () => keys.session,
    public: true,
    summary: 'The current session, or null',
  },
  signIn: {
    input: PasswordSignIn,
    output: SignInResult,
    http: { verb: 'POST', path: '/auth/sign-in' },
    invalidates: none,
    public: true,
    summary: 'Sign in with email and password',
  },
  requestMagicLink: {
    input: MagicLinkRequest,
    output: null,
    http: { verb: 'POST', path: '/auth/magic-link' },
    invalidates: none,
    public: true,
    summary: 'Email a one-time sign-in link (same answer whether or not the address has access)',
  },
  verifyMagicLink: {
    input: MagicLinkVerify,
    output: Session,
    http: { verb: 'POST', path: '/auth/magic-link/verify' },
    invalidates: none,
    public: true,
    summary: 'Consume a sign-in link (an explicit POST, so mail scanners cannot use it up)',
  },
  signUp: {
    input: SignUp,
    output: Session,
    http: { verb: 'POST', path: '/auth/sign-up' },
    invalidates: none,
    public: true,
    summary: 'Create an account when the merchant allows it',
  },
  requestPasswordReset: {
    input: PasswordResetRequest,
    output: null,
    http: { verb: 'POST', path: '/auth/password-reset' },
    invalidates: none,
    public: true,
    summary: 'Email a password reset link (same answer whether or not the account exists)',
  },
  resetPassword: {
    input: PasswordReset,
    output: null,
    http: { verb: 'POST', path: '/auth/password-reset/confirm' },
    invalidates: none,
    public: true,
    summary: 'Set a new password with a reset token',
  },
  completePasswordChange: {
    input: CompletePasswordChange,
    output: Session,
    http: { verb: 'POST', path: '/auth/password-change' },
    invalidates: none,
    public: true,
    summary: 'Replace a temporary password after signing in with it',
  },
  changePassword: {
    input: ChangePassword,
    output: null,
    http: { verb: 'PUT', path: '/auth/password' },
    invalidates: none,
    summary: "Change the signed-in customer's password",
  },
  signOut: {
    input: null,
    output: null,
    http: { verb: 'POST', path: '/auth/sign-out' },
    invalidates: none,
    public: true,
    summary: 'End the session',
  },
  getSettings: {
    input: null,
    output: PortalSettings,
    http: { verb: 'GET', path: '/settings' },
    key: () => keys.settings,
    public: true,
    summary: "The merchant's portal settings and branding",
  },
  getCustomer: {
    input: null,
    output: Customer,
    http: { verb: 'GET', path: '/customer' },
    key: () => keys.customer,
    summary: 'The signed-in billing account',
  },
  updateProfile: {
    input: ProfileUpdate,
    output: Customer,
    http: { verb: 'PATCH', path: '/customer' },
    invalidates: () => [keys.customer],
    summary: 'Change name, phone, company, addresses and contacts',
  },
  updateTaxIds: {
    input: TaxIdsUpdate,
    output: Customer,
    http: { verb: 'PUT', path: '/customer/tax-ids' },
    invalidates: () => [keys.customer],
    summary: 'Change PO, VAT and registration numbers',
  },
  getBillingSummary: {
    input: null,
    output: BillingSummary,
    http: { verb: 'GET', path: '/billing-summary' },
    key: () => keys.summary,
    summary: 'Outstanding balance, next billing date, frequency, auto-pay',
  },
  listInvoices: {
    input: InvoiceListQuery,
    output: InvoicePage,
    http: { verb: 'GET', path: '/invoices' },
    key: (input: InvoiceListQuery) => keys.invoices(input),
    summary: 'Invoices and orders, newest first, by cursor',
  },
  getInvoice: {
    input: ById,
    output: Invoice,
    http: { verb: 'GET', path: '/invoices/{id}' },
    key: (input: ById) => keys.invoice(input.id),
    summary: 'One invoice with lines, taxes, payments and notes',
  },
  addInvoiceNote: {
    input: z.extend(ById, NewInvoiceNote.shape),
    output: InvoiceNote,
    http: { verb: 'POST', path: '/invoices/{id}/notes' },
    invalidates: (input: ById) => [keys.invoice(input.id)],
    summary: "Reply to the merchant's notes on an invoice",
  },
  getInvoicePdf: {
    input: ById,
    output: 'pdf',
    http: { verb: 'GET', path: '/invoices/{id}/pdf' },
    key: null,
    summary: 'The invoice as a PDF document',
  },
  payInvoice: {
    input: PayInvoice,
    output: PaymentReceipt,
    http: { verb: 'POST', path: '/invoices/{invoiceId}/payments' },
    intent: (input: PayInvoice) => `invoice:${input.invoiceId}`,
    invalidates: (input: PayInvoice) => [keys.invoice(input.invoiceId), keys.invoiceLists, keys.summary],
    invalidatesOnError: (input: PayInvoice, code: PortalErrorCode) =>
      code === 'forbidden'
        ? [keys.settings]
        : code === 'conflict'
          ? [keys.invoice(input.invoiceId), keys.invoiceLists, keys.summary]
          : code === 'not_found'
            ? [keys.paymentMethods, keys.invoice(input.invoiceId)]
            : [],
    money: true,
    summary: 'Pay in full, in part, or split across payment methods',
  },
  listPaymentMethods: {
    input: null,
    output: z.array(PaymentMethod),
    http: { verb: 'GET', path: '/payment-methods' },
    key: () => keys.paymentMethods,
    summary: 'Cards and bank accounts on file',
  },
  addCard: {
    input: NewCard,
    output: PaymentMethod,
    http: { verb: 'POST', path: '/payment-methods/cards' },
    invalidates: paymentMethodsChanged,
    summary: "Save a card from the card provider's token",
  },
  addBankAccount: {
    input: NewBankAccount,
    output: PaymentMethod,
    http: { verb: 'POST', path: '/payment-methods/bank-accounts' },
    invalidates: paymentMethodsChanged,
    summary: 'Save a bank account',
  },
  removePaymentMethod: {
    input: RemovePaymentMethod,
    output: null,
    http: { verb: 'DELETE', path: '/payment-methods/{id}' },
    invalidates: paymentMethodsChanged,
    summary: 'Remove a card (bank accounts cannot be removed by customers)',
  },
  setDefaultPaymentMethod: {
    input: ById,
    output: PaymentMethod,
    http: { verb: 'POST', path: '/payment-methods/{id}/default' },
    invalidates: paymentMethodsChanged,
    summary: 'Make a payment method the default',
  },
  listSubscriptions: {
    input: null,
    output: z.array(Subscription),
    http: { verb: 'GET', path: '/subscriptions' },
    key: () => keys.subscriptions,
    summary: "The customer's subscriptions",
  },
  listPlans: {
    input: null,
    output: z.array(Plan),
    http: { verb: 'GET', path: '/plans' },
    key: () => keys.plans,
    summary: 'Plans open for self-subscription',
  },
  subscribe: {
    input: Subscribe,
    output: Subscription,
    http: { verb: 'POST', path: '/subscriptions' },
    intent: (input: Subscribe) => `subscribe:${input.planId}`,
    invalidates: billingChanged,
    money: true,
    summary: 'Subscribe to a plan',
  },
  previewSubscriptionChange: {
    input: SubscriptionChange,
    output: ChangePreview,
    http: { verb: 'POST', path: '/subscriptions/{subscriptionId}/change-preview' },
    key: null,
    summary: 'Price of a plan or quantity change, without making it',
  },
  changeSubscription: {
    input: ChangeSubscription,
    output: Subscription,
    http: { verb: 'POST', path: '/subscriptions/{subscriptionId}/change' },
    intent: (input: ChangeSubscription) => `subscription:${input.subscriptionId}`,
    invalidates: billingChanged,
    money: true,
    summary: 'Change plan or quantity',
  },
  cancelSubscription: {
    input: CancelSubscription,
    output: Subscription,
    http: { verb: 'POST', path: '/subscriptions/{subscriptionId}/cancel' },
    invalidates: subscriptionsChanged,
    summary: 'Cancel at period end or now, with a reason',
  },
  pauseSubscription: {
    input: ById,
    output: Subscription,
    http: { verb: 'POST', path: '/subscriptions/{id}/pause' },
    invalidates: subscriptionsChanged,
    summary: 'Pause a subscription',
  },
  resumeSubscription: {
    input: ById,
    output: Subscription,
    http: { verb: 'POST', path: '/subscriptions/{id}/resume' },
    invalidates: subscriptionsChanged,
    summary: 'Resume a paused subscription',
  },
  getIntentOutcome: {
    input: IntentOutcomeQuery,
    output: IntentOutcome,
    http: { verb: 'GET', path: '/intents/{idempotencyKey}' },
    key: null,
    summary:
      'What became of a money-moving request, by its idempotency key (after a lost answer or a reload)',
  },
  listPages: {
    input: null,
    output: z.array(ContentPage),
    http: { verb: 'GET', path: '/pages' },
    key: () => keys.pages,
    public: true,
    summary: 'Merchant policies, contact information and custom pages',
  },
} as const satisfies Record<AdapterMethod, Operation>;

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
  const key = (operations[name] as Operation).key as ((input: unknown) => string) | null;
  return key === null ? null : key(input);
}

/** What a mutation's success (or an unknown outcome: it may have happened) makes stale. */
export function invalidationsOf(name: OperationName, input: unknown): readonly string[] {
  const invalidates = (operations[name] as Operation).invalidates as
    ((input: unknown) => readonly string[]) | undefined;
  return invalidates ? invalidates(input) : [];
}

/** What a refusal with `code` says is stale. */
export function invalidationsOnError(
  name: OperationName,
  input: unknown,
  code: PortalErrorCode,
): readonly string[] {
  const onError = (operations[name] as Operation).invalidatesOnError as
    ((input: unknown, code: PortalErrorCode) => readonly string[]) | undefined;
  return onError ? onError(input, code) : [];
}

/** The customer intent a money-moving request belongs to (`invoice:inv_1`). */
export function intentOf(name: MoneyName, input: unknown): string {
  return ((operations[name] as Operation).intent as (input: unknown) => string)(input);
}

/** The JSON body of every failed response. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fieldErrors: z.optional(z.array(z.object({ path: z.string(), code: z.string() }))),
    retryAfterSeconds: z.optional(z.number()),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

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
