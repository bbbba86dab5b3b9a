import type {
  Customer,
  EmailChangeConfirm,
  EmailChangeRequest,
  EmailChanged,
  ProfileUpdate,
  Session,
  TaxIdsUpdate,
} from '../../model/index.js';
import { normalizeEmail } from '../../rules/access.js';
import { requireCapability } from '../../rules/capabilities.js';
import { emailChangeConfirmMail, emailChangedMail } from '../../rules/mail.js';
import { toCustomer } from '../../rules/mappers.js';
import {
  type Changes,
  EMAIL_CHANGE_MINUTES,
  EMAIL_CHANGE_PARAM,
  badEmailChangeLink,
  checkEmailChange,
  checkEmailChangeRequest,
  checkEmailChangeRequester,
  profileChanges,
  taxIdUpdate,
  testTaxIdVerifier,
} from '../../rules/profile.js';
import type { CustomerRecord } from '../../rules/records.js';
import { type MemoryState, randomToken } from './memory-state.js';
import { copy } from './copy.js';
import { revokeAll, revokeSentTo } from './memory-auth.js';

/**
 * The memory backend's account area: profile, tax numbers (checked and verified by the shared rules and
 * the test registry) and the two-step email change, with the same refusals as the reference server.
 */

/** Applies an update's changes to a stored customer: `null` clears a field. */
function apply(target: CustomerRecord, changes: Changes<Partial<CustomerRecord>>): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete (target as unknown as Record<string, unknown>)[key];
    else (target as unknown as Record<string, unknown>)[key] = copy(value);
  }
}

function modifiable(state: MemoryState): CustomerRecord {
  requireCapability(state.data.settings, 'modifyInformation');
  return state.requireCustomer();
}

export function updateProfile(state: MemoryState, input: ProfileUpdate): Customer {
  const customer = modifiable(state);
  apply(customer, profileChanges(input));
  if (state.session?.customerId === customer.id) state.session.customerName = customer.name;
  return toCustomer(customer);
}

export async function updateTaxIds(state: MemoryState, input: TaxIdsUpdate): Promise<Customer> {
  const customer = modifiable(state);
  apply(customer, await taxIdUpdate(input, customer, testTaxIdVerifier, state.now()));
  return toCustomer(customer);
}

/**
 * Only the account's owner may ask (not a person an access rule lets in); a new request replaces any link
 * sent before: only the newest address can be confirmed.
 */
export function requestEmailChange(state: MemoryState, input: EmailChangeRequest): Customer {
  const customer = modifiable(state);
  const person = (state.currentSession() as Session).email;
  checkEmailChangeRequest(customer, person);
  state.checkReturnUrl(input.returnUrl);
  const newEmail = normalizeEmail(input.newEmail);
  checkEmailChange(customer, newEmail, state.customerByEmail(newEmail));
  for (const [token, grant] of state.emailChanges) {
    if (grant.customerId === customer.id) state.emailChanges.delete(token);
  }
  const token = randomToken();
  state.emailChanges.set(token, {
    customerId: customer.id,
    email: newEmail,
    requestedBy: normalizeEmail(person),
    expiresAt: state.nowMs() + EMAIL_CHANGE_MINUTES * 60_000,
  });
  const merchant = state.data.settings.branding.merchantName;
  const link = state.link(EMAIL_CHANGE_PARAM, token, input.returnUrl);
  state.send(newEmail, emailChangeConfirmMail(merchant, link, EMAIL_CHANGE_MINUTES));
  customer.pendingEmail = newEmail;
  return toCustomer(customer);
}

/**
 * The link works once, within its lifetime, while its requester still owns the account and no other
 * account took the address meanwhile. No session is needed: whoever is signed in does not matter.
 */
export function confirmEmailChange(state: MemoryState, input: EmailChangeConfirm): EmailChanged {
  requireCapability(state.data.settings, 'modifyInformation');
  const grant = state.emailChanges.get(input.token);
  state.emailChanges.delete(input.token);
  if (!grant || grant.expiresAt <= state.nowMs()) throw badEmailChangeLink();
  const customer = state.customerById(grant.customerId);
  checkEmailChangeRequester(customer, grant.requestedBy);
  checkEmailChange(customer, grant.email, state.customerByEmail(grant.email));
  const previous = customer.email;
  customer.email = grant.email;
  delete customer.pendingEmail;
  state.followEmailChange(previous, grant.email);
  // What was emailed to the old address no longer opens the account: that mailbox is not its own now (and
  // it is told the new address below). A reset link, a sign-in challenge or link, and a temporary password
  // (activation) all go; a password of the customer's own stays.
  revokeAll(state.resetTokens, customer.id);
  revokeSentTo(state.challenges, customer.id, previous);
  revokeSentTo(state.magicLinks, customer.id, previous);
  if (customer.passwordIsTemporary) {
    delete customer.password;
    customer.passwordIsTemporary = false;
  }
  const { merchantName, supportEmail } = state.data.settings.branding;
  state.send(previous, emailChangedMail(merchantName, grant.email, supportEmail));
  return { email: grant.email };
}
