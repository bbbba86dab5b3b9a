import type { FieldErrorCode, PortalErrorCode } from '../../contract/errors.js';
import type { Catalog } from './catalog.js';

/**
 * The common English messages, which every element shows: generic words, errors, form fields, and what
 * several elements say alike (invoice status and kind, payment methods). Each element's own messages live
 * beside it (`src/elements/<name>/messages.*.ts`). This catalog is the reference: its shape is the
 * `Messages` type fr and es must fill, so a missing translation is a type error. Messages that take values
 * are functions.
 */
export const en = {
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    cancel: 'Cancel',
    close: 'Close',
    back: 'Back',
    continue: 'Continue',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved',
    /** An unknown outcome's button: asks again about the same request, which never runs twice. */
    checkAgain: 'Check again',
    checking: 'Checking…',
    sending: 'Sending…',
    removing: 'Removing…',
    done: 'Done',
    optional: 'optional',
    required: 'required',
    loadMore: 'Load more',
    empty: 'Nothing here yet.',
    poweredBy: 'Billing portal',
    /** Next to every action a preview session cannot take. */
    previewNote: 'Preview: nothing can be changed here.',
  },
  errors: {
    network: 'We could not reach the billing service. Check your connection and try again.',
    timeout: 'The billing service took too long to answer. Please try again.',
    unauthorized: 'Please sign in to continue.',
    forbidden: 'This action is not available for your account.',
    account_locked: 'This account is locked. Please contact the merchant to unlock it.',
    not_found: 'We could not find what you were looking for.',
    validation: 'Some details need your attention.',
    conflict: 'This changed in the meantime. Please review it and try again.',
    rate_limited: 'Too many attempts. Please wait a moment and try again.',
    payment_declined: 'The payment was declined. Please try another payment method.',
    invalid_response: 'The billing service sent an answer we could not read. Please try again.',
    unavailable: 'The billing service is unavailable right now. Please try again later.',
    retryIn: (seconds: number) => `You can try again in ${seconds} seconds.`,
    misconfigured: 'This part of the portal is not set up correctly.',
    /** A refusal by the preview rule (src/contract/preview.ts), instead of `forbidden`'s text. */
    preview: 'This is a preview: the portal is read-only, so nothing was changed.',
  } satisfies Record<PortalErrorCode, string> & Record<string, unknown>,
  fieldErrors: {
    required: 'This field is required.',
    invalid: 'This value is not valid.',
    too_short: 'This is too short.',
    too_long: 'This is too long.',
    too_large: 'This amount is too large.',
    taken: 'This is already in use.',
    expired: 'This has expired. Ask for a fresh one.',
  } satisfies Record<FieldErrorCode, string>,
  fields: {
    email: 'Email',
    password: 'Password',
    newPassword: 'New password',
    confirmPassword: 'Confirm new password',
    currentPassword: 'Current password',
    name: 'Full name',
    company: 'Company',
    phone: 'Phone',
    line1: 'Address',
    line2: 'Apartment, suite, etc.',
    city: 'City',
    region: 'State / province',
    postalCode: 'Postal code',
    country: 'Country',
    regionState: 'State',
    regionProvince: 'Province',
    regionCounty: 'County',
    postalCodeZip: 'ZIP code',
    postalCodePostcode: 'Postcode',
    postalCodeInvalid: (example: string) => `Enter a postal code like ${example}.`,
    showPassword: 'Show password',
    passwordHint: 'At least 8 characters.',
    bankHolder: 'Account holder name',
    routingNumber: 'Routing number',
    routingHint: '9 digits',
    accountNumber: 'Account number',
    accountType: 'Account type',
    checking: 'Checking',
    savings: 'Savings',
    chooseCountry: 'Choose a country',
    emailTaken:
      'You may already have an account with this email. Sign in, or reset your password if you have forgotten it.',
    emailInvalid: 'Enter an email address like name@example.com.',
    passwordTooShort: 'Use at least 8 characters.',
    passwordsDiffer: 'The two passwords do not match.',
    routingInvalid: 'Enter the 9-digit routing number.',
    accountNumberInvalid: 'Enter an account number of 4 to 17 digits.',
  },
  invoiceStatus: {
    open: 'Open',
    overdue: 'Overdue',
    partially_paid: 'Partially paid',
    paid: 'Paid',
    void: 'Void',
    refunded: 'Refunded',
  },
  invoiceKind: {
    invoice: 'Invoice',
    order: 'Order',
  },
  /** What any element says about an invoice it points to. */
  invoiceRef: {
    openInvoice: (number: string) => `View ${number}`,
    pay: 'Pay',
    noDueDate: 'No due date',
    notFoundHeading: 'Invoice not found',
    notFound:
      'We could not find this invoice. It may belong to another account, or the link may be out of date.',
  },
  paymentMethod: {
    brands: {
      visa: 'Visa',
      mastercard: 'Mastercard',
      amex: 'American Express',
      discover: 'Discover',
      other: 'Card',
    },
    card: (brand: string, last4: string) => `${brand} ending in ${last4}`,
    bankAccount: (last4: string) => `Bank account ending in ${last4}`,
    expires: (date: string) => `expires ${date}`,
    expired: (date: string) => `expired ${date}`,
    expiresSoon: 'expires soon',
    isDefault: 'default',
    expiredReason: 'This card has expired and cannot be used.',
    /** The legend of a choice of payment method. */
    payWith: 'Pay with',
    /** A button that adds a payment method (or another one, to split a payment). */
    add: 'Add a payment method',
    /** Entering a new card in the provider's secure fields, wherever a card is added. */
    newCard: 'A new card',
    cardFieldsLoading: 'Loading the secure card fields…',
    cardIncomplete: 'Complete the card details first.',
    savingCard: 'Saving your card…',
    makeDefault: 'Make default',
    nowDefault: (label: string) => `${label} is now your default payment method.`,
  },
};

export type Messages = Catalog<typeof en>;
