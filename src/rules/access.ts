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
/** An activation's temporary password works this long (the reference server expires it; see admin handlers). */
export const TEMPORARY_PASSWORD_HOURS = 72;

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
 * `sub.analytical.example`).
 */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** Whether `rule` grants `email`. */
export function ruleGrants(rule: AccessRule, email: string): boolean {
  const address = normalizeEmail(email);
  return rule.kind === 'email'
    ? normalizeEmail(rule.value) === address
    : rule.value.toLowerCase() === emailDomain(address);
}

/**
 * The rule that lets `email` sign in by link, if any: the first in the merchant's order, a
 * single-address rule before a domain rule.
 */
export function accessRuleFor(rules: readonly AccessRule[], email: string): AccessRule | undefined {
  return (
    rules.find((rule) => rule.kind === 'email' && ruleGrants(rule, email)) ??
    rules.find((rule) => rule.kind === 'domain' && ruleGrants(rule, email))
  );
}

/**
 * The existing rule of the same billing account a new one would overlap, if any: the same value again, an
 * address whose domain the account already grants, or a domain covering an address it already grants.
 * Across accounts rules may overlap on purpose: that is how one person reaches several accounts. The
 * console names the rule to the merchant when the backend refuses the new one.
 */
export function overlappingRule<R extends AccessRule>(
  existing: readonly R[],
  rule: NewAccessRule,
): R | undefined {
  const value = rule.value.toLowerCase();
  return existing.find(
    (other) =>
      other.customerId === rule.customerId &&
      ((other.kind === rule.kind && other.value === value) ||
        (rule.kind === 'email' && other.kind === 'domain' && other.value === emailDomain(value)) ||
        (rule.kind === 'domain' && other.kind === 'email' && emailDomain(other.value) === value)),
  );
}

/** Refuses a rule that would overlap another rule of the same billing account (see `overlappingRule`). */
export function assertNoOverlap(existing: readonly AccessRule[], rule: NewAccessRule): void {
  const other = overlappingRule(existing, rule);
  if (other) {
    throw new PortalError('conflict', `the rule overlaps ${other.kind} rule ${other.id} (${other.value})`, {
      fieldErrors: [{ path: 'value', code: 'taken' }],
    });
  }
}

// Several billing accounts per person ------------------------------------------------------------------

/** What the account rules need to know of a billing account. */
export interface AccountHolder {
  id: string;
  email: string;
  locked: boolean;
}

/**
 * Whether the person signed in as `email` may use `account`: it is their own (its email is theirs) or a
 * rule grants them. Checked at sign-in, at every switch and on every request, so a withdrawn rule takes
 * the account away from sessions already open. A locked account is reached by nobody.
 */
export function mayReach(account: AccountHolder, rules: readonly AccessRule[], email: string): boolean {
  if (account.locked) return false;
  if (normalizeEmail(account.email) === normalizeEmail(email)) return true;
  return rules.some((rule) => rule.customerId === account.id && ruleGrants(rule, email));
}

/**
 * Every account the person may use, in the order a chooser lists them: their own first, then the ones
 * rules grant them in the merchant's rule order. The first is where a sign-in lands (a password signs in
 * to the account whose password it is, which is their own).
 */
export function reachableAccounts<A extends AccountHolder>(
  accounts: readonly A[],
  rules: readonly AccessRule[],
  email: string,
): A[] {
  const own = accounts.filter((account) => normalizeEmail(account.email) === normalizeEmail(email));
  const granted = rules
    .filter((rule) => ruleGrants(rule, email))
    .map((rule) => accounts.find((account) => account.id === rule.customerId))
    .filter((account): account is A => account !== undefined);
  const unique = [...new Set([...own, ...granted])];
  return unique.filter((account) => !account.locked);
}

/** Whether a link may be emailed to `email`: some rule grants it an account that is not locked. */
export function linkGrantFor<A extends AccountHolder>(
  accounts: readonly A[],
  rules: readonly AccessRule[],
  email: string,
): A | undefined {
  return rules
    .filter((rule) => ruleGrants(rule, email))
    .map((rule) => accounts.find((account) => account.id === rule.customerId))
    .find((account): account is A => account !== undefined && !account.locked);
}

/** Which accounts a session may switch between: merchant-minted and preview sessions stay on theirs. */
export function maySwitchAccounts(method: string, preview: boolean | undefined): boolean {
  return method !== 'session_token' && preview !== true;
}

/** The `accountCount` a session carries: how many accounts the person may choose from, when several. */
export function accountCount(reachable: number): { accountCount?: number } {
  return reachable > 1 ? { accountCount: reachable } : {};
}
