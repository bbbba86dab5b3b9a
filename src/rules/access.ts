import { type FieldError, PortalError } from '../contract/errors.js';
import type { AccessRule, NewAccessRule, PortalSettings, SignUp } from '../model/index.js';
import { invalidField, unauthorized } from './errors.js';

/**
 * Access: who may sign in and how, what sign-up requires, and every refusal the sign-in flows answer
 * with. Both backends run their own flows (a browser tab's memory, a database) through these.
 */

/** Email addresses are compared case-insensitively everywhere (RFC 5321 allows otherwise; nobody relies on it). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Failed password attempts: this many within `LOCKOUT_MINUTES` block the address for that long. */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;

/** How long each single-use secret lives (ASVS 6.5.5 / 6.6.2: out-of-band codes at most 10 minutes). */
export const TOKEN_LIFETIME_MINUTES = {
  magic_link: 10,
  password_reset: 60,
  /** Between a temporary-password sign-in and choosing the new password. */
  password_change: 10,
} as const;

/** The query parameter an emailed link carries its token in; the sign-in element reads it back. */
export const LINK_PARAM = { magicLink: 'portal-magic-token', passwordReset: 'portal-reset-token' } as const;

/** A cookie session ends after this long without a request. */
export const SESSION_IDLE_HOURS = 12;

// Refusals ---------------------------------------------------------------------------------------------

/** One answer for every wrong-credentials case (unknown address, wrong password), so it reveals no account. */
export function badCredentials(): PortalError {
  return unauthorized('Email or password is incorrect.');
}

/** A sign-in or reset link that is unknown, used, expired or no longer granted. */
export function badLink(): PortalError {
  return unauthorized('This link is invalid or has expired.');
}

/** Only said to someone who proved they know the password (or hold a valid link). */
export function accountLocked(): PortalError {
  return new PortalError('account_locked', 'This account is locked. Contact the merchant to unlock it.');
}

/** The challenge between a temporary-password sign-in and the new password is gone. */
export function signInExpired(): PortalError {
  return unauthorized('The sign-in has expired. Sign in again.');
}

/** ASVS 6.4.1: the temporary password must not become the long-term one. */
export function sameAsTemporaryPassword(): PortalError {
  return invalidField('newPassword', 'choose a password other than the temporary one');
}

/** A field error, not 401: the customer is still signed in, and a 401 would sign the portal out. */
export function wrongCurrentPassword(): PortalError {
  return invalidField('currentPassword', 'the current password is not correct');
}

/**
 * Emailed links may only point at the portal's own (or an allowed) origin, so an attacker cannot make the
 * merchant's emails point somewhere else. Refused before any account is looked up.
 */
export function foreignReturnUrl(): PortalError {
  return invalidField('returnUrl', 'the return URL is not on an allowed origin');
}

// Sign-up ----------------------------------------------------------------------------------------------

/**
 * Every problem with a sign-up at once: the details the merchant requires, a card token that is not a
 * usable card, and an address that already has an account (`email: taken`: the person has to learn that
 * they should sign in instead, and a sign-up cannot hide it without pretending to create an account).
 */
export function checkSignUp(input: {
  settings: PortalSettings;
  request: SignUp;
  cardUsable: boolean;
  emailTaken: boolean;
}): void {
  const { request } = input;
  const required = input.settings.accountCreation.required;
  const errors: FieldError[] = [];
  if (required.billingAddress && !request.billingAddress)
    errors.push({ path: 'billingAddress', code: 'required' });
  if (required.shippingAddress && !request.shippingAddress) {
    errors.push({ path: 'shippingAddress', code: 'required' });
  }
  if (required.card && !request.cardToken) errors.push({ path: 'cardToken', code: 'required' });
  if (required.bankAccount && !request.bankAccount) errors.push({ path: 'bankAccount', code: 'required' });
  if (request.cardToken && !input.cardUsable) errors.push({ path: 'cardToken', code: 'invalid' });
  if (input.emailTaken) errors.push({ path: 'email', code: 'taken' });
  if (errors.length > 0) throw signUpRefused(errors);
}

export function signUpRefused(errors: readonly FieldError[]): PortalError {
  return new PortalError('validation', `sign-up refused: ${errors.map((each) => each.path).join(', ')}`, {
    fieldErrors: errors,
  });
}

/** The code of the n-th customer: CUST-0001. */
export function customerCode(n: number): string {
  return `CUST-${String(n).padStart(4, '0')}`;
}

// Passwordless access ----------------------------------------------------------------------------------

/**
 * Passwordless access: a billing account grants sign-in links to a whole email domain or to single
 * addresses. Matching is case-insensitive and exact on the domain (`analytical.example` does not cover
 * `sub.analytical.example`), so an address is matched by at most one rule.
 */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** The rule that lets `email` sign in by link, if any: a single-address rule wins over a domain rule. */
export function accessRuleFor(rules: readonly AccessRule[], email: string): AccessRule | undefined {
  const address = normalizeEmail(email);
  return (
    rules.find((rule) => rule.kind === 'email' && normalizeEmail(rule.value) === address) ??
    rules.find((rule) => rule.kind === 'domain' && rule.value.toLowerCase() === emailDomain(address))
  );
}

/**
 * The existing rule a new one would overlap, if any: the same value again, an address whose domain is
 * already granted, or a domain covering an address that is already granted. The console names it to the
 * merchant when the backend refuses the new rule.
 */
export function overlappingRule<R extends AccessRule>(
  existing: readonly R[],
  rule: NewAccessRule,
): R | undefined {
  const value = rule.value.toLowerCase();
  return existing.find(
    (other) =>
      (other.kind === rule.kind && other.value === value) ||
      (rule.kind === 'email' && other.kind === 'domain' && other.value === emailDomain(value)) ||
      (rule.kind === 'domain' && other.kind === 'email' && emailDomain(other.value) === value),
  );
}

/**
 * Refuses a rule that would overlap an existing one (see `overlappingRule`). Two accounts can therefore
 * never both claim one address, and a link always signs in to exactly one account.
 */
export function assertNoOverlap(existing: readonly AccessRule[], rule: NewAccessRule): void {
  const other = overlappingRule(existing, rule);
  if (other) {
    throw new PortalError('conflict', `the rule overlaps ${other.kind} rule ${other.id} (${other.value})`, {
      fieldErrors: [{ path: 'value', code: 'taken' }],
    });
  }
}
