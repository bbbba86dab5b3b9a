import { copy } from './copy.js';
import type {
  ChangePassword,
  CompletePasswordChange,
  MagicLinkRequest,
  MagicLinkVerify,
  PasswordReset,
  PasswordResetRequest,
  PasswordSignIn,
  Session,
  SignInResult,
  SignUp,
} from '../../model/index.js';
import {
  LINK_PARAM,
  LOCKOUT_FAILURES,
  LOCKOUT_MINUTES,
  TEMPORARY_PASSWORD_HOURS,
  TOKEN_LIFETIME_MINUTES,
  accountLocked,
  badCredentials,
  badLink,
  checkSignUp,
  customerCode,
  linkGrantFor,
  mayReach,
  normalizeEmail,
  sameAsTemporaryPassword,
  signInExpired,
  wrongCurrentPassword,
} from '../../rules/access.js';
import { requireAccountOwner } from '../../rules/account-owner.js';
import { requireCapability } from '../../rules/capabilities.js';
import { rateLimited } from '../../rules/errors.js';
import {
  activationMail,
  lockedAccountResetMail,
  magicLinkMail,
  passwordResetMail,
  unlockMail,
} from '../../rules/mail.js';
import {
  bankAccountRecord,
  cardRecord,
  checkVerification,
  isUsableCard,
} from '../../rules/payment-methods.js';
import type { CustomerRecord, PaymentMethodRecord } from '../../rules/records.js';
import { resolveTestCardToken } from '../../rules/test-gateway.js';
import { type Grant, type MemoryState, randomToken } from './memory-state.js';

const MINUTE = 60_000;
const LOCKOUT_WINDOW = LOCKOUT_MINUTES * MINUTE;

/**
 * The currency new self-service accounts are billed in: the demo merchant sells in US dollars. A real
 * backend takes it from the merchant's configuration.
 */
const SIGN_UP_CURRENCY = 'USD';

function requirePasswords(state: MemoryState): void {
  requireCapability(state.data.settings, 'passwordSignIn');
}

function requireMagicLinks(state: MemoryState): void {
  requireCapability(state.data.settings, 'magicLinkSignIn');
}

function throwIfRateLimited(state: MemoryState, email: string): void {
  const seconds = state.lockoutSecondsLeft(email);
  if (seconds > 0) throw rateLimited(seconds);
}

function issue(store: Map<string, Grant>, grant: Grant): string {
  const token = randomToken();
  store.set(token, grant);
  return token;
}

/** Takes a single-use secret out of its store: it is gone whether or not it was still valid. */
function consume(state: MemoryState, store: Map<string, Grant>, token: string): Grant | undefined {
  const grant = store.get(token);
  store.delete(token);
  return grant && grant.expiresAt > state.nowMs() ? grant : undefined;
}

/** Retires every outstanding secret of one kind of a customer. */
export function revokeAll(store: Map<string, Grant>, customerId: string): void {
  for (const [token, grant] of store) if (grant.customerId === customerId) store.delete(token);
}

/** Retires a customer's outstanding secrets of one kind that were sent to `email`. */
export function revokeSentTo(store: Map<string, Grant>, customerId: string, email: string): void {
  for (const [token, grant] of store) {
    if (grant.customerId === customerId && normalizeEmail(grant.email) === normalizeEmail(email)) {
      store.delete(token);
    }
  }
}

function assertNotLocked(customer: CustomerRecord): void {
  if (customer.locked) throw accountLocked();
}

// The demo snapshot and this in-page store keep passwords as given: the whole store lives in the page, so
// hashing would protect nothing here. The reference server stores only hashes.
function passwordMatches(customer: CustomerRecord | undefined, password: string): customer is CustomerRecord {
  return customer?.password !== undefined && customer.password === password;
}

export function signIn(state: MemoryState, input: PasswordSignIn): SignInResult {
  requirePasswords(state);
  throwIfRateLimited(state, input.email);
  const customer = state.customerByEmail(input.email);
  if (!passwordMatches(customer, input.password)) {
    state.recordFailure(input.email, LOCKOUT_FAILURES, LOCKOUT_WINDOW);
    throw badCredentials();
  }
  state.failures.delete(normalizeEmail(input.email));
  assertNotLocked(customer);
  if (customer.passwordIsTemporary) {
    const challenge = issue(state.challenges, {
      customerId: customer.id,
      email: customer.email,
      expiresAt: state.nowMs() + TOKEN_LIFETIME_MINUTES.password_change * MINUTE,
    });
    return { status: 'password_change_required', challenge };
  }
  return { status: 'signed_in', session: state.startSession(customer, customer.email, 'password') };
}

export function completePasswordChange(state: MemoryState, input: CompletePasswordChange): Session {
  requirePasswords(state);
  const grant = consume(state, state.challenges, input.challenge);
  if (!grant) throw signInExpired();
  const customer = state.customerById(grant.customerId);
  assertNotLocked(customer);
  if (input.newPassword === customer.password) {
    state.challenges.set(input.challenge, grant);
    throw sameAsTemporaryPassword();
  }
  customer.password = input.newPassword;
  customer.passwordIsTemporary = false;
  revokeAll(state.challenges, customer.id);
  return state.startSession(customer, customer.email, 'password');
}

export function requestMagicLink(state: MemoryState, input: MagicLinkRequest): void {
  requireMagicLinks(state);
  state.checkReturnUrl(input.returnUrl);
  // The link is for the first account a rule grants the address (where it lands; the others are a switch
  // away). Nothing is sent for addresses without access or for locked accounts, and the caller cannot tell.
  const customer = linkGrantFor(state.data.customers, state.data.accessRules, input.email);
  if (!customer) return;
  const email = normalizeEmail(input.email);
  const token = issue(state.magicLinks, {
    customerId: customer.id,
    email,
    expiresAt: state.nowMs() + TOKEN_LIFETIME_MINUTES.magic_link * MINUTE,
  });
  const link = state.link(LINK_PARAM.magicLink, token, input.returnUrl);
  const merchant = state.data.settings.branding.merchantName;
  state.send(email, magicLinkMail(merchant, link, TOKEN_LIFETIME_MINUTES.magic_link));
}

export function verifyMagicLink(state: MemoryState, input: MagicLinkVerify): Session {
  requireMagicLinks(state);
  const grant = consume(state, state.magicLinks, input.token);
  // The rule may have been withdrawn since the link was sent: access is checked again on use.
  const customer = grant && state.customerById(grant.customerId);
  if (!grant || !customer || !mayReach({ ...customer, locked: false }, state.data.accessRules, grant.email)) {
    throw badLink();
  }
  assertNotLocked(customer);
  return state.startSession(customer, grant.email, 'magic_link');
}

/**
 * Sign-up. An address that already has an account is refused with a `validation` error on `email` with
 * code `taken`: the person has to learn that they should sign in (or reset their password) instead, and
 * a field error lets the form say so next to the address. A sign-up form cannot hide this without
 * pretending to create an account, so the answer is the same as any product's; what stays
 * enumeration-safe are sign-in, magic links and password resets.
 */
export function signUp(state: MemoryState, input: SignUp): Session {
  const { settings } = state.data;
  requireCapability(settings, 'accountCreation');
  const card = input.cardToken === undefined ? null : resolveTestCardToken(input.cardToken);
  checkSignUp({
    settings,
    request: input,
    cardUsable: isUsableCard(card, state.today),
    emailTaken: state.customerByEmail(input.email) !== undefined,
  });
  if (card) checkVerification(settings, card);

  const customerId = state.nextId('cus');
  const customer: CustomerRecord = {
    id: customerId,
    code: customerCode(state.data.customers.length + 1),
    name: input.name,
    email: input.email,
    currency: SIGN_UP_CURRENCY,
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.company ? { company: input.company } : {}),
    ...(input.billingAddress ? { billingAddress: copy(input.billingAddress) } : {}),
    ...(input.shippingAddress ? { shippingAddress: copy(input.shippingAddress) } : {}),
    password: input.password,
    passwordIsTemporary: false,
    locked: false,
    autoPay: false,
  };
  const methods: PaymentMethodRecord[] = [];
  if (card) {
    methods.push(cardRecord({ id: state.nextId('pm'), customerId, card, holderName: input.name, settings }));
  }
  if (input.bankAccount) {
    methods.push(bankAccountRecord({ id: state.nextId('pm'), customerId, account: input.bankAccount }));
  }
  if (methods.length > 0) customer.defaultPaymentMethodId = methods[0].id;
  state.data.customers.push(customer);
  state.data.paymentMethods.push(...methods);
  return state.startSession(customer, customer.email, 'password');
}

export function requestPasswordReset(state: MemoryState, input: PasswordResetRequest): void {
  requirePasswords(state);
  state.checkReturnUrl(input.returnUrl);
  const customer = state.customerByEmail(input.email);
  if (!customer) return;
  const { merchantName, supportEmail } = state.data.settings.branding;
  if (customer.locked) {
    // A merchant's lock is lifted by the merchant ("Reset Password and Unlock"), never by the customer
    // alone: the owner learns why no link came, exactly as the reference server tells them.
    state.send(customer.email, lockedAccountResetMail(merchantName, supportEmail));
    return;
  }
  const token = issueResetToken(state, customer);
  const link = state.link(LINK_PARAM.passwordReset, token, input.returnUrl);
  state.send(customer.email, passwordResetMail(merchantName, link, TOKEN_LIFETIME_MINUTES.password_reset));
}

/** The merchant's "Reset Password and Unlock": a reset link, in the email that says the account is unlocked. */
export function sendUnlockEmail(state: MemoryState, customer: CustomerRecord): void {
  const token = issueResetToken(state, customer);
  const link = state.link(LINK_PARAM.passwordReset, token, undefined);
  const merchant = state.data.settings.branding.merchantName;
  state.send(customer.email, unlockMail(merchant, link, TOKEN_LIFETIME_MINUTES.password_reset));
}

/**
 * The merchant's activation: a random temporary password, to be replaced at the next sign-in, emailed to
 * the customer; earlier challenges and this tab's session on the account end. Unlike the reference server,
 * the memory backend does not expire it after TEMPORARY_PASSWORD_HOURS.
 */
export function sendActivation(state: MemoryState, customer: CustomerRecord): void {
  const password = randomToken().slice(0, 16);
  customer.password = password;
  customer.passwordIsTemporary = true;
  revokeAll(state.challenges, customer.id);
  state.failures.delete(normalizeEmail(customer.email));
  if (state.session?.customerId === customer.id) state.session = null;
  const merchant = state.data.settings.branding.merchantName;
  state.send(customer.email, activationMail(merchant, state.linkBase, password, TEMPORARY_PASSWORD_HOURS));
}

function issueResetToken(state: MemoryState, customer: CustomerRecord): string {
  return issue(state.resetTokens, {
    customerId: customer.id,
    email: customer.email,
    expiresAt: state.nowMs() + TOKEN_LIFETIME_MINUTES.password_reset * MINUTE,
  });
}

export function resetPassword(state: MemoryState, input: PasswordReset): void {
  requirePasswords(state);
  const grant = consume(state, state.resetTokens, input.token);
  if (!grant) throw badLink();
  const customer = state.customerById(grant.customerId);
  customer.password = input.newPassword;
  customer.passwordIsTemporary = false;
  revokeAll(state.resetTokens, customer.id);
  revokeAll(state.challenges, customer.id);
  // Proving control of the mailbox ends a lockout caused by failed attempts (not a merchant's lock).
  state.failures.delete(normalizeEmail(customer.email));
}

/**
 * A wrong current password is a `validation` error on `currentPassword`, not `unauthorized`: the session
 * is fine, and elements treat `unauthorized` as "signed out". Failures count towards the same lockout as
 * sign-in, so a borrowed session cannot be used to guess the password. Only the account's owner may
 * change it: a person an access rule lets in is refused before any attempt counts against the owner.
 */
export function changePassword(state: MemoryState, input: ChangePassword): void {
  requirePasswords(state);
  const customer = state.requireCustomer();
  requireAccountOwner(customer, (state.currentSession() as Session).email, 'password');
  throwIfRateLimited(state, customer.email);
  if (customer.password === undefined || customer.password !== input.currentPassword) {
    state.recordFailure(customer.email, LOCKOUT_FAILURES, LOCKOUT_WINDOW);
    throw wrongCurrentPassword();
  }
  state.failures.delete(normalizeEmail(customer.email));
  customer.password = input.newPassword;
  customer.passwordIsTemporary = false;
}
