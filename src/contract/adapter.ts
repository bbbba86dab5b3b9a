import type {
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
  DocumentLink,
  IntentOutcome,
  IntentOutcomeQuery,
  Invoice,
  InvoiceListQuery,
  InvoiceNote,
  InvoicePage,
  PageBySlug,
  QuickOrderHandOff,
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
  PauseSubscription,
  Subscribe,
  Subscription,
  SubscriptionChange,
  SubscriptionRef,
  SwitchAccount,
  TaxIdsUpdate,
} from '../model/index.js';

export interface RequestOptions {
  /** Aborts the request when the element that asked for it is gone. */
  signal?: AbortSignal;
}

/** Identifies one invoice, payment method or subscription. */
export interface ById {
  id: string;
}

/**
 * The seam between the portal's elements and a billing backend: one method per backend capability.
 *
 * Rules every implementation follows (the conformance suite in `portal-elements/conformance` checks them):
 * - Failures reject with a `PortalError` whose `code` is one of `ERROR_CODES`.
 * - Everything but the sign-in methods and `getSettings` acts for the signed-in customer only; another
 *   customer's ids answer `not_found`, exactly like ids that do not exist.
 * - A capability the merchant's settings turn off is refused with `forbidden`.
 * - Money-moving methods carry an idempotency key; a repeated key returns the first result.
 *
 * Return values need not be trusted: the store validates each one against the model's schemas.
 */
export interface PortalAdapter {
  /**
   * Names the backend (HttpAdapter: its base URL), so what the portal keeps across a page reload (money
   * requests whose answer was lost) is looked up on the same backend only. Without it nothing is kept.
   */
  readonly backendId?: string;

  // Auth
  /** The current session, or null when nobody is signed in. */
  getSession(options?: RequestOptions): Promise<Session | null>;
  signIn(input: PasswordSignIn, options?: RequestOptions): Promise<SignInResult>;
  /** Always resolves the same way, whether or not the address may sign in (no account enumeration). */
  requestMagicLink(input: MagicLinkRequest, options?: RequestOptions): Promise<void>;
  verifyMagicLink(input: MagicLinkVerify, options?: RequestOptions): Promise<Session>;
  signUp(input: SignUp, options?: RequestOptions): Promise<Session>;
  /** Always resolves the same way, whether or not the account exists. */
  requestPasswordReset(input: PasswordResetRequest, options?: RequestOptions): Promise<void>;
  resetPassword(input: PasswordReset, options?: RequestOptions): Promise<void>;
  completePasswordChange(input: CompletePasswordChange, options?: RequestOptions): Promise<Session>;
  changePassword(input: ChangePassword, options?: RequestOptions): Promise<void>;
  signOut(options?: RequestOptions): Promise<void>;

  // Settings (readable before sign-in: the sign-in page needs them)
  getSettings(options?: RequestOptions): Promise<PortalSettings>;

  // Account
  getCustomer(options?: RequestOptions): Promise<Customer>;
  updateProfile(input: ProfileUpdate, options?: RequestOptions): Promise<Customer>;
  updateTaxIds(input: TaxIdsUpdate, options?: RequestOptions): Promise<Customer>;
  /** Emails a link to the new address; `Customer.pendingEmail` shows it until the link is opened. */
  requestEmailChange(input: EmailChangeRequest, options?: RequestOptions): Promise<Customer>;
  /** Opens an email-change link (no session needed: the token names the account); the old address is told. */
  confirmEmailChange(input: EmailChangeConfirm, options?: RequestOptions): Promise<EmailChanged>;
  getBillingSummary(options?: RequestOptions): Promise<BillingSummary>;

  // Invoices and orders
  listInvoices(input: InvoiceListQuery, options?: RequestOptions): Promise<InvoicePage>;
  getInvoice(input: ById, options?: RequestOptions): Promise<Invoice>;
  addInvoiceNote(input: ById & NewInvoiceNote, options?: RequestOptions): Promise<InvoiceNote>;
  /** A URL the browser can open or download (an object URL or a signed link). */
  getInvoicePdf(input: ById, options?: RequestOptions): Promise<DocumentLink>;

  // Payments
  payInvoice(input: PayInvoice, options?: RequestOptions): Promise<PaymentReceipt>;

  // Payment methods
  listPaymentMethods(options?: RequestOptions): Promise<PaymentMethod[]>;
  addCard(input: NewCard, options?: RequestOptions): Promise<PaymentMethod>;
  addBankAccount(input: NewBankAccount, options?: RequestOptions): Promise<PaymentMethod>;
  removePaymentMethod(input: RemovePaymentMethod, options?: RequestOptions): Promise<void>;
  setDefaultPaymentMethod(input: ById, options?: RequestOptions): Promise<PaymentMethod>;

  // Subscriptions and plans
  listSubscriptions(options?: RequestOptions): Promise<Subscription[]>;
  /** Plans the merchant opened for self-subscription. */
  listPlans(options?: RequestOptions): Promise<Plan[]>;
  subscribe(input: Subscribe, options?: RequestOptions): Promise<Subscription>;
  previewSubscriptionChange(input: SubscriptionChange, options?: RequestOptions): Promise<ChangePreview>;
  changeSubscription(input: ChangeSubscription, options?: RequestOptions): Promise<Subscription>;
  cancelSubscription(input: CancelSubscription, options?: RequestOptions): Promise<Subscription>;
  /** Keep a subscription whose cancellation at the period end is scheduled. */
  undoCancelSubscription(input: SubscriptionRef, options?: RequestOptions): Promise<Subscription>;
  /** Take the merchant's retention discount instead of cancelling. */
  acceptRetentionOffer(input: SubscriptionRef, options?: RequestOptions): Promise<Subscription>;
  /** Withdraw a change scheduled for the period end. */
  withdrawSubscriptionChange(input: SubscriptionRef, options?: RequestOptions): Promise<Subscription>;
  pauseSubscription(input: PauseSubscription, options?: RequestOptions): Promise<Subscription>;
  resumeSubscription(input: SubscriptionRef, options?: RequestOptions): Promise<Subscription>;

  // Intents
  /**
   * What became of a money-moving request sent under this idempotency key by the signed-in customer
   * (another customer's key answers `not_found`). Lets a portal reloaded after a lost answer show the
   * real outcome instead of paying again.
   */
  getIntentOutcome(input: IntentOutcomeQuery, options?: RequestOptions): Promise<IntentOutcome>;

  // Content
  /** Titles of the merchant's policies, contact and custom pages (readable before sign-in), no bodies. */
  listPages(options?: RequestOptions): Promise<ContentPageSummary[]>;
  /** One page with its HTML; an unknown slug answers `not_found`. */
  getPage(input: PageBySlug, options?: RequestOptions): Promise<ContentPage>;

  // Quick order
  /**
   * The merchant's checkout URL with a fresh single-use hand-off token for the signed-in customer
   * (`forbidden` when the merchant set no `quickOrderUrl`). The merchant's server exchanges the token.
   */
  createQuickOrderToken(options?: RequestOptions): Promise<QuickOrderHandOff>;

  // Several billing accounts per person
  /**
   * The billing accounts the signed-in person may reach, by code: the one whose email is theirs and every
   * one an access rule grants them; `current` marks the session's. A merchant-minted or preview session
   * lists its one account.
   */
  listAccounts(options?: RequestOptions): Promise<BillingAccount[]>;
  /**
   * Moves the session to another of those accounts, checking the grant again now; an account the person
   * may not reach answers `not_found`, exactly like an unknown id. Answers the session, now on it.
   */
  switchAccount(input: SwitchAccount, options?: RequestOptions): Promise<Session>;
}

/** The adapter's methods: one per operation of the contract. */
export type AdapterMethod = Exclude<keyof PortalAdapter, 'backendId'>;
