import { type FieldError, PortalError } from '../../contract/errors.js';
import {
  type AccessRule,
  type ChangePassword,
  type CompletePasswordChange,
  type MagicLinkRequest,
  type MagicLinkVerify,
  type PasswordReset,
  type PasswordResetRequest,
  type PasswordSignIn,
  type Session,
  type SignInResult,
  type SignUp,
  isCardExpired,
  parseTestCardToken,
} from '../../model/index.js';
import type { CustomerRecord, PaymentMethodRecord } from '../shared/demo-data.js';
import {
  type Grant,
  type MemoryState,
  fieldError,
  forbidden,
  normalizeEmail,
  randomToken,
  unauthorized,
} from './memory-state.js';

const MINUTE = 60_000;
const MAGIC_LINK_TTL = 10 * MINUTE;
const CHALLENGE_TTL = 10 * MINUTE;
const RESET_TTL = 60 * MINUTE;
const MAX_FAILURES = 5;
const LOCKOUT_WINDOW = 15 * MINUTE;

/** One message for every wrong email/password combination, so that it reveals no account. */
const BAD_CREDENTIALS = 'the email address or password is incorrect';

/**
 * The currency new self-service accounts are billed in: the demo merchant sells in US dollars. A real
 * backend takes it from the merchant's configuration.
 */
const SIGN_UP_CURRENCY = 'USD';

function requirePasswords(state: MemoryState): void {
  if (!state.data.settings.signIn.password) throw forbidden('password sign-in is turned off');
}

function requireMagicLinks(state: MemoryState): void {
  if (!state.data.settings.signIn.magicLink) throw forbidden('passwordless sign-in is turned off');
}

function throwIfRateLimited(state: MemoryState, email: string): void {
  const seconds = state.lockoutSecondsLeft(email);
  if (seconds > 0) {
    throw new PortalError('rate_limited', 'too many failed attempts; try again later', {
      retryAfterSeconds: seconds,
    });
  }
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

function revokeAll(store: Map<string, Grant>, customerId: string): void {
  for (const [token, grant] of store) if (grant.customerId === customerId) store.delete(token);
}

function assertNotLocked(customer: CustomerRecord): void {
  if (customer.locked) {
    throw new PortalError('account_locked', 'this account is locked; please contact the merchant');
  }
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
    state.recordFailure(input.email, MAX_FAILURES, LOCKOUT_WINDOW);
    throw unauthorized(BAD_CREDENTIALS);
  }
  state.failures.delete(normalizeEmail(input.email));
  assertNotLocked(customer);
  if (customer.passwordIsTemporary) {
    const challenge = issue(state.challenges, {
      customerId: customer.id,
      email: customer.email,
      expiresAt: state.nowMs() + CHALLENGE_TTL,
    });
    return { status: 'password_change_required', challenge };
  }
  return { status: 'signed_in', session: state.startSession(customer, customer.email, 'password') };
}

export function completePasswordChange(state: MemoryState, input: CompletePasswordChange): Session {
  requirePasswords(state);
  const grant = consume(state, state.challenges, input.challenge);
  if (!grant) throw unauthorized('the password change has expired; sign in again');
  const customer = state.customerById(grant.customerId);
  assertNotLocked(customer);
  if (input.newPassword === customer.password) {
    state.challenges.set(input.challenge, grant);
    throw fieldError('newPassword', 'invalid', 'choose a password other than the temporary one');
  }
  customer.password = input.newPassword;
  customer.passwordIsTemporary = false;
  revokeAll(state.challenges, customer.id);
  return state.startSession(customer, customer.email, 'password');
}

/** The access rule granting `email` passwordless access: a single-address rule wins over a domain rule. */
function accessRuleFor(state: MemoryState, email: string): AccessRule | undefined {
  const address = normalizeEmail(email);
  const domain = address.slice(address.lastIndexOf('@') + 1);
  const rules = state.data.accessRules;
  return (
    rules.find((rule) => rule.kind === 'email' && normalizeEmail(rule.value) === address) ??
    rules.find((rule) => rule.kind === 'domain' && rule.value.toLowerCase() === domain)
  );
}

export function requestMagicLink(state: MemoryState, input: MagicLinkRequest): void {
  requireMagicLinks(state);
  state.checkReturnUrl(input.returnUrl);
  const rule = accessRuleFor(state, input.email);
  const customer = rule && state.data.customers.find((each) => each.id === rule.customerId);
  // Nothing is sent for addresses without access or for locked accounts, and the caller cannot tell.
  if (!customer || customer.locked) return;
  const email = normalizeEmail(input.email);
  const token = issue(state.magicLinks, {
    customerId: customer.id,
    email,
    expiresAt: state.nowMs() + MAGIC_LINK_TTL,
  });
  const merchant = state.data.settings.branding.merchantName;
  state.send(
    email,
    `Your sign-in link for ${merchant}`,
    [
      `Hello,`,
      ``,
      `Use this link to sign in to the ${merchant} customer portal for ${customer.name}:`,
      state.link('portal-magic-token', token, input.returnUrl),
      ``,
      `The link works once and expires in 10 minutes. If you did not ask for it, you can ignore this email.`,
    ].join('\n'),
  );
}

export function verifyMagicLink(state: MemoryState, input: MagicLinkVerify): Session {
  requireMagicLinks(state);
  const grant = consume(state, state.magicLinks, input.token);
  // The rule may have been withdrawn since the link was sent: access is checked again on use.
  if (!grant || accessRuleFor(state, grant.email)?.customerId !== grant.customerId) {
    throw unauthorized('this sign-in link is invalid, already used or expired');
  }
  const customer = state.customerById(grant.customerId);
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
  const { accountCreation, paymentMethods } = state.data.settings;
  if (!accountCreation.enabled) throw forbidden('account creation is turned off');
  const errors: FieldError[] = [];
  const required = accountCreation.required;
  if (required.billingAddress && !input.billingAddress)
    errors.push({ path: 'billingAddress', code: 'required' });
  if (required.shippingAddress && !input.shippingAddress) {
    errors.push({ path: 'shippingAddress', code: 'required' });
  }
  if (required.card && !input.cardToken) errors.push({ path: 'cardToken', code: 'required' });
  if (required.bankAccount && !input.bankAccount) errors.push({ path: 'bankAccount', code: 'required' });
  const card = input.cardToken === undefined ? undefined : parseTestCardToken(input.cardToken);
  if (input.cardToken !== undefined && (!card || isCardExpired(card, state.today))) {
    errors.push({ path: 'cardToken', code: 'invalid' });
  }
  if (state.customerByEmail(input.email)) errors.push({ path: 'email', code: 'taken' });
  if (errors.length > 0) {
    throw new PortalError('validation', `sign-up refused: ${errors.map((e) => e.path).join(', ')}`, {
      fieldErrors: errors,
    });
  }
  if (card && paymentMethods.verifyNewCards && card.card.outcome !== 'succeeded') {
    throw new PortalError('payment_declined', 'the card was declined');
  }

  const customerId = state.nextId('cus');
  const number = state.data.customers.length + 1;
  const customer: CustomerRecord = {
    id: customerId,
    code: `CUST-${String(number).padStart(4, '0')}`,
    name: input.name,
    email: input.email,
    currency: SIGN_UP_CURRENCY,
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.company ? { company: input.company } : {}),
    ...(input.billingAddress ? { billingAddress: structuredClone(input.billingAddress) } : {}),
    ...(input.shippingAddress ? { shippingAddress: structuredClone(input.shippingAddress) } : {}),
    password: input.password,
    passwordIsTemporary: false,
    locked: false,
    autoPay: false,
  };
  const methods: PaymentMethodRecord[] = [];
  if (card) {
    methods.push({
      id: state.nextId('pm'),
      customerId,
      type: 'card',
      brand: card.card.brand,
      last4: card.last4,
      expMonth: card.expMonth,
      expYear: card.expYear,
      holderName: input.name,
      verified: paymentMethods.verifyNewCards,
    });
  }
  if (input.bankAccount) {
    methods.push({
      id: state.nextId('pm'),
      customerId,
      type: 'bank_account',
      last4: input.bankAccount.accountNumber.slice(-4),
      accountType: input.bankAccount.accountType,
      holderName: input.bankAccount.holderName,
    });
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
  if (customer.locked) {
    // A merchant's lock is lifted by the merchant ("Reset Password and Unlock"), never by the customer
    // alone: the owner learns why no link came, exactly as the reference server tells them.
    const { merchantName, supportEmail } = state.data.settings.branding;
    state.send(
      customer.email,
      `Your ${merchantName} account`,
      [
        `Hello,`,
        ``,
        `Someone asked to reset the password of your ${merchantName} customer portal account, but the account is`,
        `locked. Please contact ${supportEmail ?? merchantName} to have it unlocked; you will then receive a link to`,
        `choose a new password.`,
      ].join('\n'),
    );
    return;
  }
  const token = issue(state.resetTokens, {
    customerId: customer.id,
    email: customer.email,
    expiresAt: state.nowMs() + RESET_TTL,
  });
  sendResetEmail(state, customer, token, input.returnUrl, 'We received a request to reset your password.');
}

export function sendResetEmail(
  state: MemoryState,
  customer: CustomerRecord,
  token: string,
  returnUrl: string | undefined,
  reason: string,
): void {
  const merchant = state.data.settings.branding.merchantName;
  state.send(
    customer.email,
    `Reset your ${merchant} password`,
    [
      `Hello ${customer.name},`,
      ``,
      reason,
      `Choose a new password for the ${merchant} customer portal here:`,
      state.link('portal-reset-token', token, returnUrl),
      ``,
      `The link works once and expires in 1 hour. If you did not ask for it, ignore this email: your password stays the same.`,
    ].join('\n'),
  );
}

/** A reset token for a merchant-side unlock, which also emails the customer. */
export function issueResetToken(state: MemoryState, customer: CustomerRecord): string {
  return issue(state.resetTokens, {
    customerId: customer.id,
    email: customer.email,
    expiresAt: state.nowMs() + RESET_TTL,
  });
}

export function resetPassword(state: MemoryState, input: PasswordReset): void {
  requirePasswords(state);
  const grant = consume(state, state.resetTokens, input.token);
  if (!grant) throw unauthorized('this reset link is invalid, already used or expired');
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
 * sign-in, so a borrowed session cannot be used to guess the password.
 */
export function changePassword(state: MemoryState, input: ChangePassword): void {
  requirePasswords(state);
  const customer = state.requireCustomer();
  throwIfRateLimited(state, customer.email);
  if (customer.password === undefined || customer.password !== input.currentPassword) {
    state.recordFailure(customer.email, MAX_FAILURES, LOCKOUT_WINDOW);
    throw fieldError('currentPassword', 'invalid', 'the current password is incorrect');
  }
  state.failures.delete(normalizeEmail(customer.email));
  customer.password = input.newPassword;
  customer.passwordIsTemporary = false;
}
