import type { ElementMessages } from '../../../core/i18n/index.js';
import { consoleMessages } from '../../messages.js';

/** `<portal-console-sign-in>`'s words: `this.t.consoleSignIn`. */
export const signInMessages = consoleMessages('consoleSignIn', {
  heading: 'Sign in to the merchant console',
  intro: 'For the merchant’s staff. Customers sign in on the store’s billing portal.',
  submit: 'Sign in',
  signingIn: 'Signing in…',
  invalidCredentials: 'The email or password is incorrect.',
  locked: 'This staff account is locked. Ask the account owner to unlock it.',
  tooManyAttempts: (minutes: number) =>
    `Too many attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
});

export type SignInT = ElementMessages<typeof signInMessages>;
