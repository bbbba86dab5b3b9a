import type { Catalog } from '../../core/i18n/index.js';

/**
 * The English messages of `<portal-login>`: sign-in, sign-up, magic links and passwords. They ship in the element's own code; their shape is
 * the `LoginMessages` type the other languages must fill, so a missing translation is a type error.
 */
export const en = {
  signInHeading: (merchant: string) => `Sign in to ${merchant}`,
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  forgotPassword: 'Forgot password?',
  newCustomer: 'New customer?',
  createAccount: 'Create an account',
  or: 'or',
  emailLink: 'Email me a sign-in link',
  passwordlessIntro: 'Enter your email address and we will send you a link to sign in. No password needed.',
  sendingLink: 'Sending the link…',
  signInUnavailable: 'Signing in is not available right now. Please contact the merchant.',
  invalidCredentials: 'The email or password is incorrect.',
  tooManyAttempts: (when: string) => `Too many attempts. Try again ${when}.`,
  signedIn: (name: string) => `You are signed in as ${name}.`,
  checkEmailHeading: 'Check your email',
  magicLinkSent: (email: string) =>
    `If ${email} can sign in here, we have sent it a sign-in link. Open the link to continue.`,
  sendLinkAgain: 'Send the link again',
  linkSentAgain: 'If this address can sign in, a new link is on its way.',
  useAnotherEmail: 'Use a different email',
  backToSignIn: 'Back to sign in',
  confirmIntro: 'Select Continue to finish signing in with the link from your email.',
  linkExpiredHeading: 'This link no longer works',
  linkExpired:
    'This sign-in link has expired or has already been used. Each link works once, for a short time.',
  requestNewLink: 'Request a new link',
  forgotHeading: 'Reset your password',
  forgotIntro:
    'Enter the email address of your account and we will send you a link to choose a new password.',
  sendResetLink: 'Send reset link',
  resetLinkSent: (email: string) =>
    `If an account exists for ${email}, we have sent it a link to reset the password.`,
  resetHeading: 'Choose a new password',
  savePassword: 'Save new password',
  passwordChanged: 'Your password has been changed. Sign in with your new password.',
  resetLinkExpired: 'This password reset link has expired or has already been used.',
  requestNewResetLink: 'Request a new reset link',
  changeHeading: 'Choose your own password',
  changeIntro: 'You signed in with a temporary password. Choose a new password to continue.',
  changeSubmit: 'Save password and continue',
  changeExpired: 'Setting your password took too long. Please sign in again with your temporary password.',
  sameAsTemporary: 'Choose a password different from the temporary one.',
  signUpHeading: (merchant: string) => `Create your ${merchant} account`,
  signUpSubmit: 'Create account',
  signingUp: 'Creating your account…',
  haveAccount: 'Already have an account?',
  signUpUnavailable: 'Creating an account is not available here. Please contact the merchant.',
  billingAddress: 'Billing address',
  shippingAddress: 'Shipping address',
  shippingSameAsBilling: 'Ship to my billing address',
  bankAccount: 'Bank account',
  card: 'Card',
  cardUnavailable: 'The card fields could not be loaded. Try again in a moment.',
  cardIncomplete: 'Complete the card details.',
  cardDeclined: 'Your bank declined the card, so the account was not created. Try another card.',
  cardAuthFailed: 'The check with your bank was not completed. Try again or use another card.',
  cardVerifyNotice: 'We check the card with a zero-amount authorisation. You will not be charged.',
  cardRequiredUnavailable: (merchant: string) =>
    `${merchant} needs a card on file to open an account, and cards cannot be added in this portal yet. Please contact ${merchant} to open your account.`,
  writeTo: (email: string) => `Write to ${email}`,
  errorSummary: 'Please correct the following:',
  fieldError: (label: string, message: string) => `${label}: ${message}`,
};

export type LoginMessages = Catalog<typeof en>;
