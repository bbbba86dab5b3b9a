import type { OperationName } from './operations.js';
import { operationsWithSchemas } from './operation-schemas.js';

/**
 * One line per operation, for the OpenAPI document only: apart from the schemas so that HttpAdapter's
 * chunk does not carry prose no browser shows. Same names as the operations table (checked by `satisfies`).
 */
export const operationSummaries = {
  getSession: 'The current session, or null',
  signIn: 'Sign in with email and password',
  requestMagicLink: 'Email a one-time sign-in link (same answer whether or not the address has access)',
  verifyMagicLink: 'Consume a sign-in link (an explicit POST, so mail scanners cannot use it up)',
  signUp: 'Create an account when the merchant allows it',
  requestPasswordReset: 'Email a password reset link (same answer whether or not the account exists)',
  resetPassword: 'Set a new password with a reset token',
  completePasswordChange: 'Replace a temporary password after signing in with it',
  changePassword: "Change the signed-in customer's password",
  signOut: 'End the session',
  getSettings: "The merchant's portal settings and branding",
  getCustomer: 'The signed-in billing account',
  updateProfile: 'Change name, phone, company, addresses and contacts',
  updateTaxIds: 'Change PO, VAT and registration numbers (VAT format checked per country, then verified)',
  requestEmailChange:
    'Email a confirmation link to a new address; the address changes only once it is opened',
  confirmEmailChange: 'Consume an email-change link (an explicit POST); the old address is told',
  getBillingSummary: 'Outstanding balance, next billing date, frequency, auto-pay',
  listInvoices: 'Invoices and orders, newest first, by cursor',
  getInvoice: 'One invoice with lines, taxes, payments and notes',
  addInvoiceNote: "Reply to the merchant's notes on an invoice",
  getInvoicePdf: 'The invoice as a PDF document',
  payInvoice: 'Pay in full, in part, or split across payment methods',
  listPaymentMethods: 'Cards and bank accounts on file',
  addCard: "Save a card from the card provider's token",
  addBankAccount: 'Save a bank account',
  removePaymentMethod: 'Remove a card (bank accounts cannot be removed by customers)',
  setDefaultPaymentMethod: 'Make a payment method the default',
  listSubscriptions: "The customer's subscriptions",
  listPlans: 'Plans open for self-subscription',
  subscribe: 'Subscribe to a plan',
  previewSubscriptionChange: 'Quote a plan or quantity change: what is credited, charged and due today',
  changeSubscription: 'Make the change a quote priced, charging exactly what it said',
  cancelSubscription: 'Cancel at period end or now, with a reason',
  undoCancelSubscription: 'Keep a subscription whose cancellation at period end is scheduled',
  acceptRetentionOffer: "Accept the merchant's retention discount instead of cancelling",
  withdrawSubscriptionChange: 'Withdraw a plan or quantity change scheduled for the period end',
  pauseSubscription: 'Pause a subscription until a chosen date',
  resumeSubscription: 'Resume a paused subscription now',
  getIntentOutcome:
    'What became of a money-moving request, by its idempotency key (after a lost answer or a reload)',
  listPages: 'Merchant policies, contact information and custom pages (titles, no bodies)',
  getPage: 'One of the merchant’s pages by slug, with its HTML (sanitized by the portal before display)',
  createQuickOrderToken:
    'A two-minute, single-use hand-off token for the merchant’s checkout, appended to its URL; the merchant’s server exchanges it (POST /admin/quick-order-tokens/exchange)',
  listAccounts:
    'The billing accounts the signed-in person may switch between: their own and every one an access rule grants them',
  switchAccount:
    'Move the session to another of those accounts (the grant is checked again); not granted answers 404',
} as const satisfies Record<OperationName, string>;

/** Each operation with its rules, its schemas and its summary: everything the OpenAPI document says of it. */
export const documentedOperations = Object.fromEntries(
  (Object.keys(operationsWithSchemas) as OperationName[]).map((name) => [
    name,
    { ...operationsWithSchemas[name], summary: operationSummaries[name] },
  ]),
) as unknown as {
  [N in OperationName]: (typeof operationsWithSchemas)[N] & { summary: (typeof operationSummaries)[N] };
};
