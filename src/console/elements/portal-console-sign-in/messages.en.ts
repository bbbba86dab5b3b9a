import type { Catalog } from '../../../core/i18n/index.js';

/** `<portal-console-sign-in>`'s English messages: `this.t.consoleSignIn`. Their shape is the `SignInMessages` type the other languages fill. */
export const en = {
  heading: 'Sign in to the merchant console',
  intro: 'For the merchant’s staff. Customers sign in on the store’s billing portal.',
  submit: 'Sign in',
  signingIn: 'Signing in…',
  invalidCredentials: 'The email or password is incorrect.',
  locked: 'This staff account is locked. Ask the account owner to unlock it.',
  tooManyAttempts: (minutes: number) =>
    `Too many attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
};

export type SignInMessages = Catalog<typeof en>;
