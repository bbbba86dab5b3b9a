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
  Session,
  SignInResult,
  SignUp,
  Subscribe,
  Subscription,
  SubscriptionChange,
  TaxIdsUpdate,
} from '../model/index.js';
import { type OperationName, type OperationRules, operations } from './operations.js';

/**
 * The second half of the operations table: each operation's input and output schemas, and the summary
 * the OpenAPI document shows. Only code that parses bodies imports it — `validated.ts` (a custom adapter's
 * answers), HttpAdapter, the OpenAPI generator and the reference server — so the store and the elements,
 * which need only `operations.ts`, ship no schema. The names are those of `operations.ts`, no more and no
 * fewer (checked below at type level); the HTTP route is defined there only.
 */
export interface OperationSchemas {
  /** Request schema; null for methods that take no input. */
  input: z.core.$ZodType | null;
  /** Response schema; null for methods that answer 204 No Content. `pdf` streams a document. */
  output: z.core.$ZodType | null | 'pdf';
  summary: string;
}

/** An operation described completely: its rules (route, caching, money) and its schemas. */
export type Operation = OperationRules & OperationSchemas;

const ById = z.object({ id: Id });

export const operationSchemas = {
  getSession: {
    input: null,
    output: z.nullable(Session),
    summary: 'The current session, or null',
  },
  signIn: {
    input: PasswordSignIn,
    output: SignInResult,
    summary: 'Sign in with email and password',
  },
  requestMagicLink: {
    input: MagicLinkRequest,
    output: null,
    summary: 'Email a one-time sign-in link (same answer whether or not the address has access)',
  },
  verifyMagicLink: {
    input: MagicLinkVerify,
    output: Session,
    summary: 'Consume a sign-in link (an explicit POST, so mail scanners cannot use it up)',
  },
  signUp: {
    input: SignUp,
    output: Session,
    summary: 'Create an account when the merchant allows it',
  },
  requestPasswordReset: {
    input: PasswordResetRequest,
    output: null,
    summary: 'Email a password reset link (same answer whether or not the account exists)',
  },
  resetPassword: {
    input: PasswordReset,
    output: null,
    summary: 'Set a new password with a reset token',
  },
  completePasswordChange: {
    input: CompletePasswordChange,
    output: Session,
    summary: 'Replace a temporary password after signing in with it',
  },
  changePassword: {
    input: ChangePassword,
    output: null,
    summary: "Change the signed-in customer's password",
  },
  signOut: {
    input: null,
    output: null,
    summary: 'End the session',
  },
  getSettings: {
    input: null,
    output: PortalSettings,
    summary: "The merchant's portal settings and branding",
  },
  getCustomer: {
    input: null,
    output: Customer,
    summary: 'The signed-in billing account',
  },
  updateProfile: {
    input: ProfileUpdate,
    output: Customer,
    summary: 'Change name, phone, company, addresses and contacts',
  },
  updateTaxIds: {
    input: TaxIdsUpdate,
    output: Customer,
    summary: 'Change PO, VAT and registration numbers',
  },
  getBillingSummary: {
    input: null,
    output: BillingSummary,
    summary: 'Outstanding balance, next billing date, frequency, auto-pay',
  },
  listInvoices: {
    input: InvoiceListQuery,
    output: InvoicePage,
    summary: 'Invoices and orders, newest first, by cursor',
  },
  getInvoice: {
    input: ById,
    output: Invoice,
    summary: 'One invoice with lines, taxes, payments and notes',
  },
  addInvoiceNote: {
    input: z.extend(ById, NewInvoiceNote.shape),
    output: InvoiceNote,
    summary: "Reply to the merchant's notes on an invoice",
  },
  getInvoicePdf: {
    input: ById,
    output: 'pdf',
    summary: 'The invoice as a PDF document',
  },
  payInvoice: {
    input: PayInvoice,
    output: PaymentReceipt,
    summary: 'Pay in full, in part, or split across payment methods',
  },
  listPaymentMethods: {
    input: null,
    output: z.array(PaymentMethod),
    summary: 'Cards and bank accounts on file',
  },
  addCard: {
    input: NewCard,
    output: PaymentMethod,
    summary: "Save a card from the card provider's token",
  },
  addBankAccount: {
    input: NewBankAccount,
    output: PaymentMethod,
    summary: 'Save a bank account',
  },
  removePaymentMethod: {
    input: ById,
    output: null,
    summary: 'Remove a card (bank accounts cannot be removed by customers)',
  },
  setDefaultPaymentMethod: {
    input: ById,
    output: PaymentMethod,
    summary: 'Make a payment method the default',
  },
  listSubscriptions: {
    input: null,
    output: z.array(Subscription),
    summary: "The customer's subscriptions",
  },
  listPlans: {
    input: null,
    output: z.array(Plan),
    summary: 'Plans open for self-subscription',
  },
  subscribe: {
    input: Subscribe,
    output: Subscription,
    summary: 'Subscribe to a plan',
  },
  previewSubscriptionChange: {
    input: SubscriptionChange,
    output: ChangePreview,
    summary: 'Price of a plan or quantity change, without making it',
  },
  changeSubscription: {
    input: ChangeSubscription,
    output: Subscription,
    summary: 'Change plan or quantity',
  },
  cancelSubscription: {
    input: CancelSubscription,
    output: Subscription,
    summary: 'Cancel at period end or now, with a reason',
  },
  pauseSubscription: {
    input: ById,
    output: Subscription,
    summary: 'Pause a subscription',
  },
  resumeSubscription: {
    input: ById,
    output: Subscription,
    summary: 'Resume a paused subscription',
  },
  getIntentOutcome: {
    input: IntentOutcomeQuery,
    output: IntentOutcome,
    summary:
      'What became of a money-moving request, by its idempotency key (after a lost answer or a reload)',
  },
  listPages: {
    input: null,
    output: z.array(ContentPage),
    summary: 'Merchant policies, contact information and custom pages',
  },
} as const satisfies Record<OperationName, OperationSchemas>;

type Schemas = typeof operationSchemas;
type Rules = typeof operations;
/** Both tables name exactly the same operations, and `noInput` says exactly when the input schema is null. */
type Agrees = [Exclude<keyof Schemas, OperationName>, Exclude<OperationName, keyof Schemas>] extends [
  never,
  never,
]
  ? {
      [N in OperationName]: (Schemas[N]['input'] extends null ? true : false) extends (
        Rules[N] extends { noInput: true } ? true : false
      )
        ? true
        : false;
    }[OperationName]
  : false;
const tablesAgree: Agrees = true;
void tablesAgree;

/** Each operation with its rules and its schemas together: what HttpAdapter and the server route by. */
export const operationsWithSchemas = Object.fromEntries(
  (Object.keys(operations) as OperationName[]).map((name) => [
    name,
    { ...operations[name], ...operationSchemas[name] },
  ]),
) as unknown as { [N in OperationName]: Rules[N] & Schemas[N] };

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
