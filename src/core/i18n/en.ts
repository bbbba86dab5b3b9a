import type { FieldErrorCode, PortalErrorCode } from '../errors.js';

/**
 * The English catalog is the reference: its shape is the `Messages` type every other locale must fill,
 * so a missing translation is a type error. Messages that take values are functions.
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
    optional: 'optional',
    required: 'required',
    loadMore: 'Load more',
    empty: 'Nothing here yet.',
    poweredBy: 'Billing portal',
  },
  errors: {
    network: 'We could not reach the billing service. Check your connection and try again.',
    timeout: 'The billing service took too long to answer. Please try again.',
    unauthorized: 'Your session has ended. Please sign in again.',
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
  } satisfies Record<PortalErrorCode, string> & Record<string, unknown>,
  fieldErrors: {
    required: 'This field is required.',
    invalid: 'This value is not valid.',
    too_short: 'This is too short.',
    too_long: 'This is too long.',
    too_large: 'This amount is too large.',
    taken: 'This is already in use.',
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
  },
  root: {
    regionLabel: (merchant: string) => `${merchant} billing portal`,
    navLabel: 'Billing portal sections',
    signedInAs: (name: string) => `Signed in as ${name}`,
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    sections: {
      overview: 'Overview',
      invoices: 'Invoices',
      paymentMethods: 'Payment methods',
      subscriptions: 'Subscriptions',
      profile: 'Profile',
    },
    customerCode: 'Customer code',
    previewBanner: 'Preview: you are seeing the portal as this customer does. Nothing can be changed.',
    welcome: (name: string) => `Welcome, ${name}`,
    overviewIntro: 'Your billing with us at a glance.',
  },
};

/** Widens literal strings to `string` and keeps function signatures, recursively. */
type Catalog<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: never[]) => string
      ? T[K]
      : Catalog<T[K]>;
};

export type Messages = Catalog<typeof en>;
