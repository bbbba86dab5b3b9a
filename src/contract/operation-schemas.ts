import * as z from 'zod/mini';
import {
  BillingAccount,
  BillingSummary,
  CancelSubscription,
  ChangePassword,
  ChangePreview,
  ChangeSubscription,
  CompletePasswordChange,
  ContentPage,
  ContentPageSummary,
  Customer,
  EmailChangeConfirm,
  EmailChangeRequest,
  EmailChanged,
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
  PageBySlug,
  PasswordReset,
  PasswordResetRequest,
  PasswordSignIn,
  PayInvoice,
  PaymentMethod,
  PaymentReceipt,
  Plan,
  PortalSettings,
  ProfileUpdate,
  QuickOrderHandOff,
  RemovePaymentMethod,
  Session,
  SignInResult,
  SignUp,
  PauseSubscription,
  Subscribe,
  Subscription,
  SubscriptionChange,
  SubscriptionRef,
  SwitchAccount,
  TaxIdsUpdate,
} from '../model/index.js';
import { type OperationName, type OperationRules, operations } from './operations.js';

/**
 * The second half of the operations table: each operation's input and output schemas. Only code that parses bodies imports it — `validated.ts` (a custom adapter's
 * answers), HttpAdapter, the OpenAPI generator and the reference server — so the store and the elements,
 * which need only `operations.ts`, ship no schema. The names are those of `operations.ts`, no more and no
 * fewer (checked below at type level); the HTTP route is defined there only.
 */
export interface OperationSchemas {
  /** Request schema; null for methods that take no input. */
  input: z.core.$ZodType | null;
  /**
   * Response schema; null for methods that answer 204 No Content. `pdf` streams a document; `csv` answers
   * `text/csv` as an attachment (the merchant's access-log export).
   */
  output: z.core.$ZodType | null | 'pdf' | 'csv';
}

/**
 * An operation described completely: its rules (route, caching, money), its schemas, and the summary the
 * OpenAPI document gives it (kept in `operation-summaries.ts`, which browsers never load).
 */
export type Operation = OperationRules & OperationSchemas & { summary?: string };

const ById = z.object({ id: Id });

export const operationSchemas = {
  getSession: {
    input: null,
    output: z.nullable(Session),
  },
  signIn: {
    input: PasswordSignIn,
    output: SignInResult,
  },
  requestMagicLink: {
    input: MagicLinkRequest,
    output: null,
  },
  verifyMagicLink: {
    input: MagicLinkVerify,
    output: Session,
  },
  signUp: {
    input: SignUp,
    output: Session,
  },
  requestPasswordReset: {
    input: PasswordResetRequest,
    output: null,
  },
  resetPassword: {
    input: PasswordReset,
    output: null,
  },
  completePasswordChange: {
    input: CompletePasswordChange,
    output: Session,
  },
  changePassword: {
    input: ChangePassword,
    output: null,
  },
  signOut: {
    input: null,
    output: null,
  },
  getSettings: {
    input: null,
    output: PortalSettings,
  },
  getCustomer: {
    input: null,
    output: Customer,
  },
  updateProfile: {
    input: ProfileUpdate,
    output: Customer,
  },
  updateTaxIds: {
    input: TaxIdsUpdate,
    output: Customer,
  },
  requestEmailChange: {
    input: EmailChangeRequest,
    output: Customer,
  },
  confirmEmailChange: {
    input: EmailChangeConfirm,
    output: EmailChanged,
  },
  getBillingSummary: {
    input: null,
    output: BillingSummary,
  },
  listInvoices: {
    input: InvoiceListQuery,
    output: InvoicePage,
  },
  getInvoice: {
    input: ById,
    output: Invoice,
  },
  addInvoiceNote: {
    input: z.extend(ById, NewInvoiceNote.shape),
    output: InvoiceNote,
  },
  getInvoicePdf: {
    input: ById,
    output: 'pdf',
  },
  payInvoice: {
    input: PayInvoice,
    output: PaymentReceipt,
  },
  listPaymentMethods: {
    input: null,
    output: z.array(PaymentMethod),
  },
  addCard: {
    input: NewCard,
    output: PaymentMethod,
  },
  addBankAccount: {
    input: NewBankAccount,
    output: PaymentMethod,
  },
  removePaymentMethod: {
    input: RemovePaymentMethod,
    output: null,
  },
  setDefaultPaymentMethod: {
    input: ById,
    output: PaymentMethod,
  },
  listSubscriptions: {
    input: null,
    output: z.array(Subscription),
  },
  listPlans: {
    input: null,
    output: z.array(Plan),
  },
  subscribe: {
    input: Subscribe,
    output: Subscription,
  },
  previewSubscriptionChange: {
    input: SubscriptionChange,
    output: ChangePreview,
  },
  changeSubscription: {
    input: ChangeSubscription,
    output: Subscription,
  },
  cancelSubscription: {
    input: CancelSubscription,
    output: Subscription,
  },
  undoCancelSubscription: {
    input: SubscriptionRef,
    output: Subscription,
  },
  acceptRetentionOffer: {
    input: SubscriptionRef,
    output: Subscription,
  },
  withdrawSubscriptionChange: {
    input: SubscriptionRef,
    output: Subscription,
  },
  pauseSubscription: {
    input: PauseSubscription,
    output: Subscription,
  },
  resumeSubscription: {
    input: SubscriptionRef,
    output: Subscription,
  },
  getIntentOutcome: {
    input: IntentOutcomeQuery,
    output: IntentOutcome,
  },
  listPages: {
    input: null,
    output: z.array(ContentPageSummary),
  },
  getPage: {
    input: PageBySlug,
    output: ContentPage,
  },
  createQuickOrderToken: {
    input: null,
    output: QuickOrderHandOff,
  },
  listAccounts: {
    input: null,
    output: z.array(BillingAccount),
  },
  switchAccount: {
    input: SwitchAccount,
    output: Session,
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
