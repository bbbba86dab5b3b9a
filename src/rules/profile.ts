import type { PortalError } from '../contract/errors.js';
import {
  type ProfileUpdate,
  type TaxIdVerificationStatus,
  type TaxIdsUpdate,
  compactTaxId,
  vatCountryOf,
  vatNumberFits,
} from '../model/index.js';
import { normalizeEmail } from './access.js';
import { requireAccountOwner } from './account-owner.js';
import { invalidField } from './errors.js';
import type { CustomerRecord } from './records.js';

/**
 * Profile and tax numbers: what an update changes. Only the fields the model's update schemas name are
 * ever written; a field left out stays as it is, and an empty string clears an optional text field.
 * `null` in the result means "clear". The `modifyInformation` capability is checked first.
 */
export type Changes<T> = { [K in keyof T]?: Exclude<T[K], undefined> | null };

export function profileChanges(update: ProfileUpdate): Changes<ProfileUpdate> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(update)) {
    if (value !== undefined) changes[key] = value === '' ? null : value;
  }
  return changes;
}

/** Tax numbers are trimmed; an empty one is cleared. */
export function taxIdChanges(update: TaxIdsUpdate): Changes<TaxIdsUpdate> {
  const changes: Changes<TaxIdsUpdate> = {};
  for (const key of Object.keys(update) as (keyof TaxIdsUpdate)[]) {
    const value = update[key];
    if (value === undefined) continue;
    const trimmed = value.trim();
    changes[key] = trimmed === '' ? null : trimmed;
  }
  return changes;
}

// Tax numbers ----------------------------------------------------------------------------------------

/** A VAT number of the wrong shape for its country is refused at `vatNumber` (model/tax-ids.ts). */
export function checkTaxIds(update: TaxIdsUpdate, billingCountry: string | undefined): void {
  const vat = update.vatNumber?.trim();
  if (vat && !vatNumberFits(vat, billingCountry)) {
    throw invalidField('vatNumber', 'the VAT number does not have its country’s format');
  }
}

/**
 * Asks a tax registry (VIES, HMRC, the ABR…) whether a VAT number is registered. `unavailable` means the
 * registry could not be asked now: never a verdict on the number. A server ships its own; the reference
 * server and MemoryAdapter use `testTaxIdVerifier`.
 */
export interface TaxIdVerifier {
  verify(vatNumber: string, country: string | undefined): Promise<TaxIdVerificationStatus>;
}

/**
 * The deterministic registry of demos and tests: a number ending in 0000 finds the registry down, one
 * ending in 9999 is not registered, any other well-formed number is.
 */
export const testTaxIdVerifier: TaxIdVerifier = {
  verify(vatNumber) {
    const digits = vatNumber.replace(/\D/g, '');
    if (digits.endsWith('0000')) return Promise.resolve('unavailable');
    if (digits.endsWith('9999')) return Promise.resolve('not_registered');
    return Promise.resolve('verified');
  },
};

/**
 * The tax-number changes of an update, checked, with the registry's word on a new VAT number: a number
 * that did not change keeps its last verification; a cleared one loses it.
 */
export async function taxIdUpdate(
  update: TaxIdsUpdate,
  current: Pick<CustomerRecord, 'vatNumber' | 'vatVerification' | 'billingAddress'>,
  verifier: TaxIdVerifier,
  now: Date,
): Promise<Changes<TaxIdsUpdate & Pick<CustomerRecord, 'vatVerification'>>> {
  const country = current.billingAddress?.country;
  checkTaxIds(update, country);
  const changes: Changes<TaxIdsUpdate & Pick<CustomerRecord, 'vatVerification'>> = taxIdChanges(update);
  const vat = changes.vatNumber;
  if (vat === null) changes.vatVerification = null;
  else if (vat !== undefined && compactTaxId(vat) !== compactTaxId(current.vatNumber ?? '')) {
    const status = await verifier.verify(vat, vatCountryOf(vat, country).country);
    changes.vatVerification = { status, checkedAt: now.toISOString() };
  }
  return changes;
}

// Email change ---------------------------------------------------------------------------------------

export { EMAIL_CHANGE_PARAM } from '../contract/link-params.js';
/** How long the link sent to the new address works. */
export const EMAIL_CHANGE_MINUTES = 60;

/**
 * Whether `newEmail` may replace the account's address: not the one already in force (nothing to change),
 * and not another account's (`taken`; sign-up says the same about an address in use).
 */
export function checkEmailChange(
  customer: Pick<CustomerRecord, 'id' | 'email'>,
  newEmail: string,
  owner: { id: string } | undefined,
): void {
  if (normalizeEmail(newEmail) === normalizeEmail(customer.email)) {
    throw invalidField('newEmail', 'this is already the account’s email address');
  }
  if (owner && owner.id !== customer.id) {
    throw invalidField('newEmail', 'another account uses this email address', 'taken');
  }
}

/**
 * Who asks for an email change: only the account's owner (rules/account-owner.ts). The person's address is
 * stored with the link as its requester, for `checkEmailChangeRequester`.
 */
export function checkEmailChangeRequest(customer: Pick<CustomerRecord, 'email'>, personEmail: string): void {
  requireAccountOwner(customer, personEmail, 'email');
}

/**
 * Confirming a link needs no session: the link names the account and proves the new mailbox, so whoever
 * is signed in when it is opened (nobody, the owner, or a person switched to another account) does not
 * matter. Who asked does: the link's requester must be the account's owner still — their address is the
 * account's email now as it was then. A link stored without a requester (before requesters were recorded)
 * is refused like a request by someone else.
 */
export function checkEmailChangeRequester(
  customer: Pick<CustomerRecord, 'email'>,
  requestedBy: string | null | undefined,
): void {
  requireAccountOwner(customer, requestedBy ?? '', 'email');
}

/** A link that is unknown, used or expired. */
export function badEmailChangeLink(): PortalError {
  return invalidField('token', 'this email-change link is invalid or has expired');
}
