import type { PortalError } from '../contract/errors.js';
import { normalizeEmail } from './access.js';
import { forbidden } from './errors.js';

/**
 * The owner of a billing account: the person whose own address is the account's email. That address is
 * how the owner signs in (a password signs in to the account whose email it is, reset links go to it), so
 * what signs in to the account is theirs alone: its email and its password. Everyone else who reaches the
 * account does so through a merchant's access rule (rules/access.ts `mayReach`) and may use its billing —
 * details, addresses, tax numbers, payment methods, payments, subscriptions — but not take over its
 * sign-in: moving the email to a mailbox of theirs would let them reset the password and lock the owner
 * out. Both backends refuse with `requireAccountOwner`; `<portal-profile>` shows the email read-only to
 * anyone else.
 */

/** What only the account's owner may change. */
export type OwnerOnly = 'email' | 'password';

/** The start of every owner-only refusal's message, so that a refusal can be told apart from others. */
export const OWNER_ONLY_REFUSAL = 'Only the account’s owner, who signs in with its email address,';

const REFUSALS: Record<OwnerOnly, string> = {
  email: `${OWNER_ONLY_REFUSAL} may change that address: access granted to the account does not include it.`,
  password: `${OWNER_ONLY_REFUSAL} may change its password: access granted to the account does not include it.`,
};

/** Whether the person signed in as `personEmail` owns `account` (addresses compare case-insensitively). */
export function isAccountOwner(account: { email: string }, personEmail: string): boolean {
  return normalizeEmail(account.email) === normalizeEmail(personEmail);
}

/** Refuses (`forbidden`, 403) anyone but the account's owner a change of `what`. */
export function requireAccountOwner(account: { email: string }, personEmail: string, what: OwnerOnly): void {
  if (!isAccountOwner(account, personEmail)) throw forbidden(REFUSALS[what]);
}

/** Whether a refusal came from `requireAccountOwner` (HttpAdapter keeps the message inside its own). */
export function isOwnerOnlyRefusal(error: PortalError): boolean {
  return error.code === 'forbidden' && error.message.includes(OWNER_ONLY_REFUSAL);
}
