import type { OutgoingMail } from './mailer.js';

/**
 * The text of every email the portal sends. Plain text only: nothing from a customer is interpreted as
 * markup, and the development outbox page escapes it again before display.
 */
type Mail = OutgoingMail & { kind: string };

export function magicLinkMail(to: string, merchant: string, link: string, minutes: number): Mail {
  return {
    kind: 'magic_link',
    to,
    subject: `Your sign-in link for ${merchant}`,
    text: [
      `Hello,`,
      ``,
      `Use this link to sign in to your ${merchant} customer portal:`,
      ``,
      link,
      ``,
      `The link works once and expires in ${minutes} minutes. Opening it shows a "Sign in" button; nothing`,
      `happens until you press it.`,
      ``,
      `If you did not ask for it, you can ignore this email.`,
    ].join('\n'),
  };
}

export function passwordResetMail(to: string, merchant: string, link: string, minutes: number): Mail {
  return {
    kind: 'password_reset',
    to,
    subject: `Reset your ${merchant} password`,
    text: [
      `Hello,`,
      ``,
      `Someone asked to reset the password of your ${merchant} customer portal account.`,
      `To choose a new password, open this link (it works once and expires in ${minutes} minutes):`,
      ``,
      link,
      ``,
      `If it was not you, ignore this email: your password stays as it is.`,
    ].join('\n'),
  };
}

export function lockedAccountResetMail(to: string, merchant: string, support: string | undefined): Mail {
  return {
    kind: 'password_reset_locked',
    to,
    subject: `Your ${merchant} account`,
    text: [
      `Hello,`,
      ``,
      `Someone asked to reset the password of your ${merchant} customer portal account, but the account is`,
      `locked. Please contact ${support ?? merchant} to have it unlocked; you will then receive a link to`,
      `choose a new password.`,
    ].join('\n'),
  };
}

export function unlockMail(to: string, merchant: string, link: string, minutes: number): Mail {
  return {
    kind: 'unlock',
    to,
    subject: `Your ${merchant} account is unlocked`,
    text: [
      `Hello,`,
      ``,
      `Your ${merchant} customer portal account has been unlocked. Choose a new password with this link`,
      `(it works once and expires in ${minutes} minutes):`,
      ``,
      link,
    ].join('\n'),
  };
}

export function activationMail(
  to: string,
  merchant: string,
  signInUrl: string,
  password: string,
  hours: number,
): Mail {
  return {
    kind: 'activation',
    to,
    subject: `Your ${merchant} customer portal account`,
    text: [
      `Hello,`,
      ``,
      `An account has been opened for you on the ${merchant} customer portal.`,
      ``,
      `Sign in at ${signInUrl} with this email address and the temporary password:`,
      ``,
      `    ${password}`,
      ``,
      `You will be asked to choose your own password. The temporary password expires in ${hours} hours.`,
    ].join('\n'),
  };
}

export function passwordChangedMail(to: string, merchant: string, support: string | undefined): Mail {
  return {
    kind: 'password_changed',
    to,
    subject: `Your ${merchant} password was changed`,
    text: [
      `Hello,`,
      ``,
      `The password of your ${merchant} customer portal account was just changed, and other signed-in`,
      `devices were signed out.`,
      ``,
      `If this was not you, reset your password now and contact ${support ?? merchant}.`,
    ].join('\n'),
  };
}

export function signUpAttemptMail(to: string, merchant: string, signInUrl: string): Mail {
  return {
    kind: 'sign_up_existing',
    to,
    subject: `Someone tried to create a ${merchant} account with your address`,
    text: [
      `Hello,`,
      ``,
      `Someone tried to create a new ${merchant} customer portal account with this email address, which`,
      `already has an account. No new account was created.`,
      ``,
      `If it was you, sign in at ${signInUrl}, or use "Forgot password" there to choose a new password.`,
      `If it was not you, you can ignore this email.`,
    ].join('\n'),
  };
}
