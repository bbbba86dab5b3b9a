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
  Session,
  SignInResult,
  SignUp,
  Subscribe,
  Subscription,
  SubscriptionChange,
  TaxIdsUpdate,
} from '../model/index.js';
import type { PortalAdapter } from './adapter.js';

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
  summary: string;
}

const ById = z.object({ id: Id });

export const operations = {
  getSession: {
    input: null,
    output: z.nullable(Session),
    http: { verb: 'GET', path: '/session' },
    public: true,
    summary: 'The current session, or null',
  },
  signIn: {
    input: PasswordSignIn,
    output: SignInResult,
    http: { verb: 'POST', path: '/auth/sign-in' },
    public: true,
    summary: 'Sign in with email and password',
  },
  requestMagicLink: {
    input: MagicLinkRequest,
    output: null,
    http: { verb: 'POST', path: '/auth/magic-link' },
    public: true,
    summary: 'Email a one-time sign-in link (same answer whether or not the address has access)',
  },
  verifyMagicLink: {
    input: MagicLinkVerify,
    output: Session,
    http: { verb: 'POST', path: '/auth/magic-link/verify' },
    public: true,
    summary: 'Consume a sign-in link (an explicit POST, so mail scanners cannot use it up)',
  },
  signUp: {
    input: SignUp,
    output: Session,
    http: { verb: 'POST', path: '/auth/sign-up' },
    public: true,
    summary: 'Create an account when the merchant allows it',
  },
  requestPasswordReset: {
    input: PasswordResetRequest,
    output: null,
    http: { verb: 'POST', path: '/auth/password-reset' },
    public: true,
    summary: 'Email a password reset link (same answer whether or not the account exists)',
  },
  resetPassword: {
    input: PasswordReset,
    output: null,
    http: { verb: 'POST', path: '/auth/password-reset/confirm' },
    public: true,
    summary: 'Set a new password with a reset token',
  },
  completePasswordChange: {
    input: CompletePasswordChange,
    output: Session,
    http: { verb: 'POST', path: '/auth/password-change' },
    public: true,
    summary: 'Replace a temporary password after signing in with it',
  },
  changePassword: {
    input: ChangePassword,
    output: null,
    http: { verb: 'PUT', path: '/auth/password' },
    summary: "Change the signed-in customer's password",
  },
  signOut: {
    input: null,
    output: null,
    http: { verb: 'POST', path: '/auth/sign-out' },
    public: true,
    summary: 'End the session',
  },
  getSettings: {
    input: null,
    output: PortalSettings,
    http: { verb: 'GET', path: '/settings' },
    public: true,
    summary: "The merchant's portal settings and branding",
  },
  getCustomer: {
    input: null,
    output: Customer,
    http: { verb: 'GET', path: '/customer' },
    summary: 'The signed-in billing account',
  },
  updateProfile: {
    input: ProfileUpdate,
    output: Customer,
    http: { verb: 'PATCH', path: '/customer' },
    summary: 'Change name, phone, company, addresses and contacts',
  },
  updateTaxIds: {
    input: TaxIdsUpdate,
    output: Customer,
    http: { verb: 'PUT', path: '/customer/tax-ids' },
    summary: 'Change PO, VAT and registration numbers',
  },
  getBillingSummary: {
    input: null,
    output: BillingSummary,
    http: { verb: 'GET', path: '/billing-summary' },
    summary: 'Outstanding balance, next billing date, frequency, auto-pay',
  },
  listInvoices: {
    input: InvoiceListQuery,
    output: InvoicePage,
    http: { verb: 'GET', path: '/invoices' },
    summary: 'Invoices and orders, newest first, by cursor',
  },
  getInvoice: {
    input: ById,
    output: Invoice,
    http: { verb: 'GET', path: '/invoices/{id}' },
    summary: 'One invoice with lines, taxes, payments and notes',
  },
  addInvoiceNote: {
    input: z.extend(ById, NewInvoiceNote.shape),
    output: InvoiceNote,
    http: { verb: 'POST', path: '/invoices/{id}/notes' },
    summary: "Reply to the merchant's notes on an invoice",
  },
  getInvoicePdf: {
    input: ById,
    output: 'pdf',
    http: { verb: 'GET', path: '/invoices/{id}/pdf' },
    summary: 'The invoice as a PDF document',
  },
  payInvoice: {
    input: PayInvoice,
    output: PaymentReceipt,
    http: { verb: 'POST', path: '/invoices/{invoiceId}/payments' },
    money: true,
    summary: 'Pay in full, in part, or split across payment methods',
  },
  listPaymentMethods: {
    input: null,
    output: z.array(PaymentMethod),
    http: { verb: 'GET', path: '/payment-methods' },
    summary: 'Cards and bank accounts on file',
  },
  addCard: {
    input: NewCard,
    output: PaymentMethod,
    http: { verb: 'POST', path: '/payment-methods/cards' },
    summary: "Save a card from the card provider's token",
  },
  addBankAccount: {
    input: NewBankAccount,
    output: PaymentMethod,
    http: { verb: 'POST', path: '/payment-methods/bank-accounts' },
    summary: 'Save a bank account',
  },
  removePaymentMethod: {
    input: ById,
    output: null,
    http: { verb: 'DELETE', path: '/payment-methods/{id}' },
    summary: 'Remove a card (bank accounts cannot be removed by customers)',
  },
  setDefaultPaymentMethod: {
    input: ById,
    output: PaymentMethod,
    http: { verb: 'POST', path: '/payment-methods/{id}/default' },
    summary: 'Make a payment method the default',
  },
  listSubscriptions: {
    input: null,
    output: z.array(Subscription),
    http: { verb: 'GET', path: '/subscriptions' },
    summary: "The customer's subscriptions",
  },
  listPlans: {
    input: null,
    output: z.array(Plan),
    http: { verb: 'GET', path: '/plans' },
    summary: 'Plans open for self-subscription',
  },
  subscribe: {
    input: Subscribe,
    output: Subscription,
    http: { verb: 'POST', path: '/subscriptions' },
    money: true,
    summary: 'Subscribe to a plan',
  },
  previewSubscriptionChange: {
    input: SubscriptionChange,
    output: ChangePreview,
    http: { verb: 'POST', path: '/subscriptions/{subscriptionId}/change-preview' },
    summary: 'Price of a plan or quantity change, without making it',
  },
  changeSubscription: {
    input: ChangeSubscription,
    output: Subscription,
    http: { verb: 'POST', path: '/subscriptions/{subscriptionId}/change' },
    money: true,
    summary: 'Change plan or quantity',
  },
  cancelSubscription: {
    input: CancelSubscription,
    output: Subscription,
    http: { verb: 'POST', path: '/subscriptions/{subscriptionId}/cancel' },
    summary: 'Cancel at period end or now, with a reason',
  },
  pauseSubscription: {
    input: ById,
    output: Subscription,
    http: { verb: 'POST', path: '/subscriptions/{id}/pause' },
    summary: 'Pause a subscription',
  },
  resumeSubscription: {
    input: ById,
    output: Subscription,
    http: { verb: 'POST', path: '/subscriptions/{id}/resume' },
    summary: 'Resume a paused subscription',
  },
  listPages: {
    input: null,
    output: z.array(ContentPage),
    http: { verb: 'GET', path: '/pages' },
    public: true,
    summary: 'Merchant policies, contact information and custom pages',
  },
} as const satisfies Record<keyof PortalAdapter, Operation>;

export type OperationName = keyof typeof operations;
export const OPERATION_NAMES = Object.keys(operations) as OperationName[];

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
