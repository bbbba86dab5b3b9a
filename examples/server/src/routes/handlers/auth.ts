import type { PortalError } from '../../../../../src/contract/errors.js';
import type { PortalSettings } from '../../../../../src/model/index.js';
import {
  LINK_PARAM,
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
  signUpRefused,
  wrongCurrentPassword,
} from '../../../../../src/rules/access.js';
import { requireAccountOwner } from '../../../../../src/rules/account-owner.js';
import { type Capability, allows, requireCapability } from '../../../../../src/rules/capabilities.js';
import { rateLimited } from '../../../../../src/rules/errors.js';
import {
  lockedAccountResetMail,
  magicLinkMail,
  passwordChangedMail,
  passwordResetMail,
  signUpAttemptMail,
} from '../../../../../src/rules/mail.js';
import {
  bankAccountRecord,
  cardRecord,
  checkVerification,
  isUsableCard,
} from '../../../../../src/rules/payment-methods.js';
import type { PaymentMethodRecord } from '../../../../../src/rules/records.js';
import { loadSettings } from '../../store/catalog.js';
import { type AccessAttempt, logAccess } from '../../auth/access-log.js';
import { listRules } from '../../auth/access-rules.js';
import { reachableFor } from '../../auth/accounts.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../auth/passwords.js';
import { newId } from '../../auth/secrets.js';
import {
  type AuthenticatedSession,
  createSession,
  deleteCustomerSessions,
  deleteSession,
  toSessionPayload,
} from '../../auth/sessions.js';
import { attemptScope, trustDevice } from '../../auth/devices.js';
import {
  type LockoutPolicy,
  claimAttempt,
  clearAttempts,
  clearSignInFailures,
  lockIfExhausted,
} from '../../auth/throttle.js';
import type { Limits } from '../../context.js';
import { TOKEN_LIFETIME_MS, consumeToken, issueToken, revokeTokens } from '../../auth/tokens.js';
import type { Queryable } from '../../db/database.js';
import { queueEmail } from '../../mail/outbox.js';
import {
  type StoredCustomer,
  findCustomer,
  findCustomerByEmail,
  holdIfUnchanged,
  setPassword,
} from '../../store/customers.js';
import { insertMethod } from '../../store/payment-methods.js';
import { json } from '../../store/rows.js';
import {
  checkReturnUrl,
  emailLink,
  limitAuthRequests,
  mayEmailAddress,
  requireCapability as requireAppCapability,
} from '../guards.js';
import type { Handlers, InputOf, RequestContext } from '../types.js';

const lockoutPolicy = (limits: Limits): LockoutPolicy => ({
  threshold: limits.lockoutThreshold,
  minutes: limits.lockoutMinutes,
});

/**
 * Opens a cookie session; a session the browser already had is ended (new id on every sign-in). The
 * browser becomes a trusted device for the address it signed in with (auth/devices.ts).
 */
async function openCookieSession(
  ctx: RequestContext,
  tx: Queryable,
  customer: StoredCustomer,
  email: string,
  method: 'password' | 'magic_link',
) {
  if (ctx.session?.kind === 'cookie') await deleteSession(tx, ctx.session.tokenHash);
  const now = ctx.now();
  const created = await createSession(
    tx,
    { customerId: customer.record.id, email, method, kind: 'cookie' },
    now,
  );
  ctx.cookie = created;
  ctx.deviceCookie = await trustDevice(tx, ctx.deviceToken, email, now);
  const accountCount = (await reachableFor(tx, email)).length;
  return toSessionPayload({ customer, email, method, expiresAt: created.expiresAt, accountCount });
}

/**
 * Admits a sign-in attempt (password, link, reset, challenge) past the method switch and the per-IP
 * budget; a refusal at either is itself an attempt and goes to the access log.
 */
async function admitAttempt(
  ctx: RequestContext,
  attempt: { method: AccessAttempt['method']; email: string },
  capability: Capability,
  options: { perIpLimit: boolean } = { perIpLimit: true },
): Promise<PortalSettings> {
  const settings = await loadSettings(ctx.app.db);
  const log = (reason: string) =>
    logAccess(ctx.app.db, { ...attempt, ip: ctx.ip, success: false, reason }, ctx.now());
  if (!allows(settings, capability)) {
    await log('method_disabled');
    requireCapability(settings, capability);
  }
  try {
    if (options.perIpLimit) await limitAuthRequests(ctx);
  } catch (error) {
    await log('ip_rate_limited');
    throw error;
  }
  return settings;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: PortalError };

/**
 * Runs `fn` in a transaction that commits even when the answer is a refusal, so that access-log rows and
 * consumed tokens written on the way stay written; the refusal is thrown after the commit.
 */
async function commitThenAnswer<T>(
  ctx: RequestContext,
  fn: (tx: Queryable) => Promise<Outcome<T>>,
): Promise<T> {
  const outcome = await ctx.app.db.transaction(fn);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/**
 * After a magic-link request's answer: only an address an access rule grants, on an account that is not
 * locked, gets a link; the per-address budget is spent for every address alike so that it reveals
 * nothing either.
 */
async function sendMagicLink(
  ctx: RequestContext,
  settings: PortalSettings,
  input: InputOf<'requestMagicLink'>,
): Promise<void> {
  const { db } = ctx.app;
  const withinBudget = await mayEmailAddress(ctx, 'magic_link_email', input.email);
  // The link is for the first account a rule grants the address (where it lands; others are a switch away).
  const rules = await listRules(db);
  const { rows } = await db.query<{ id: string; email: string; locked: boolean }>(
    'SELECT id, email, locked FROM customers WHERE id = ANY($1)',
    [rules.map((rule) => rule.customerId)],
  );
  const account = linkGrantFor(rows, rules, input.email);
  const customer = account ? await findCustomer(db, account.id) : undefined;
  if (!withinBudget || !customer || customer.record.locked) return;
  const email = normalizeEmail(input.email);
  const now = ctx.now();
  await db.transaction(async (tx) => {
    const token = await issueToken(tx, 'magic_link', { customerId: customer.record.id, email }, now);
    const link = emailLink(ctx.app, input.returnUrl, LINK_PARAM.magicLink, token);
    const minutes = TOKEN_LIFETIME_MS.magic_link / 60_000;
    await queueEmail(tx, { to: email, ...magicLinkMail(settings.branding.merchantName, link, minutes) }, now);
  });
  ctx.app.deliverMailSoon();
}

/**
 * After a reset request's answer: an account gets a single-use link valid for an hour; a merchant-locked
 * one is told to contact the merchant instead (resetting would not let it in).
 */
async function sendPasswordReset(
  ctx: RequestContext,
  settings: PortalSettings,
  input: InputOf<'requestPasswordReset'>,
): Promise<void> {
  const { db } = ctx.app;
  const withinBudget = await mayEmailAddress(ctx, 'reset_email', input.email);
  const customer = await findCustomerByEmail(db, input.email);
  if (!withinBudget || !customer) return;
  const now = ctx.now();
  const { merchantName, supportEmail } = settings.branding;
  await db.transaction(async (tx) => {
    const to = customer.record.email;
    if (customer.record.locked) {
      await queueEmail(tx, { to, ...lockedAccountResetMail(merchantName, supportEmail) }, now);
      return;
    }
    const token = await issueToken(tx, 'password_reset', { customerId: customer.record.id, email: to }, now);
    const link = emailLink(ctx.app, input.returnUrl, LINK_PARAM.passwordReset, token);
    await queueEmail(
      tx,
      { to, ...passwordResetMail(merchantName, link, TOKEN_LIFETIME_MS.password_reset / 60_000) },
      now,
    );
  });
  ctx.app.deliverMailSoon();
}

export const authHandlers: Pick<
  Handlers,
  | 'getSession'
  | 'signIn'
  | 'requestMagicLink'
  | 'verifyMagicLink'
  | 'signUp'
  | 'requestPasswordReset'
  | 'resetPassword'
  | 'completePasswordChange'
  | 'changePassword'
  | 'signOut'
> = {
  getSession(ctx) {
    return Promise.resolve(ctx.session ? toSessionPayload(ctx.session) : null);
  },

  /**
   * Every wrong-credential case costs one scrypt and answers the same 401; the lockout counts failures
   * per address whether or not it has an account. A locked account is only revealed to someone who
   * knows its password.
   *
   * The attempt is claimed before the password is checked (auth/throttle.ts), so concurrent guesses
   * cannot all be evaluated. A browser that signed in to this address before is counted on its own and
   * is not held to the per-IP budget: a stranger's guesses, or a flood from the IP it shares, cannot
   * keep the owner out of it (README "Lockout").
   */
  async signIn(ctx, input) {
    const { db, limits } = ctx.app;
    const attempt = { method: 'password' as const, email: input.email, ip: ctx.ip };
    const scope = await attemptScope(db, ctx.deviceToken, input.email, ctx.now());
    await admitAttempt(ctx, attempt, 'passwordSignIn', { perIpLimit: scope.device === '' });
    const now = ctx.now();
    const claim = await claimAttempt(db, scope, now, lockoutPolicy(limits));
    if (!claim.allowed) {
      await logAccess(db, { ...attempt, success: false, reason: 'too_many_failures' }, now);
      throw rateLimited(claim.retryAfterSeconds);
    }
    const customer = await findCustomerByEmail(db, input.email);
    const passwordOk = customer?.passwordHash
      ? await verifyPassword(input.password, customer.passwordHash)
      : await verifyAgainstDummy(input.password);
    const temporaryExpired =
      customer?.record.passwordIsTemporary === true &&
      customer.passwordExpiresAt !== null &&
      customer.passwordExpiresAt.getTime() <= now.getTime();
    const customerCode = customer?.record.code;
    if (!customer || !passwordOk || temporaryExpired) {
      await lockIfExhausted(db, scope, now, lockoutPolicy(limits));
      const reason = !customer
        ? 'unknown_email'
        : passwordOk
          ? 'temporary_password_expired'
          : 'wrong_password';
      await logAccess(db, { ...attempt, success: false, customerCode, reason }, now);
      throw badCredentials();
    }
    await clearAttempts(db, scope);
    if (customer.record.locked) {
      await logAccess(db, { ...attempt, success: false, customerCode, reason: 'account_locked' }, now);
      throw accountLocked();
    }
    const passwordHash = customer.passwordHash as string;
    // The hash was read before scrypt: what a reset, lock or email change committed since then must stand.
    const changedMeanwhile = async (tx: Queryable): Promise<Outcome<never> | undefined> => {
      if (await holdIfUnchanged(tx, customer, passwordHash)) return undefined;
      await logAccess(
        tx,
        { ...attempt, success: false, customerCode, reason: 'changed_during_sign_in' },
        now,
      );
      return { ok: false, error: badCredentials() };
    };
    if (customer.record.passwordIsTemporary) {
      const challenge = await commitThenAnswer(ctx, async (tx) => {
        const refused = await changedMeanwhile(tx);
        if (refused) return refused;
        await logAccess(
          tx,
          { ...attempt, success: false, customerCode, reason: 'password_change_required' },
          now,
        );
        const subject = { customerId: customer.record.id, email: customer.record.email };
        return { ok: true, value: await issueToken(tx, 'password_change', subject, now) };
      });
      return { status: 'password_change_required' as const, challenge };
    }
    const session = await commitThenAnswer(ctx, async (tx) => {
      const refused = await changedMeanwhile(tx);
      if (refused) return refused;
      await logAccess(tx, { ...attempt, success: true, customerCode }, now);
      return {
        ok: true,
        value: await openCookieSession(ctx, tx, customer, customer.record.email, 'password'),
      };
    });
    return { status: 'signed_in' as const, session };
  },

  /**
   * Always 204, answered before anything about the address is looked at: the capability, `returnUrl` and
   * per-IP checks are the same for every address, and the rest runs after the answer (`sendMagicLink`).
   */
  async requestMagicLink(ctx, input) {
    const settings = await requireAppCapability(ctx.app, 'magicLinkSignIn');
    checkReturnUrl(ctx.app, input.returnUrl);
    await limitAuthRequests(ctx);
    ctx.afterResponse(() => sendMagicLink(ctx, settings, input));
  },

  /** The only way to use a link: an explicit POST (a mail scanner's GET of the link changes nothing). */
  async verifyMagicLink(ctx, input) {
    await admitAttempt(ctx, { method: 'magic_link', email: '' }, 'magicLinkSignIn');
    const now = ctx.now();
    return commitThenAnswer(ctx, async (tx) => {
      const attempt = { method: 'magic_link' as const, ip: ctx.ip };
      const claim = await consumeToken(tx, 'magic_link', input.token, now);
      if (!claim) {
        await logAccess(tx, { ...attempt, email: '', success: false, reason: 'invalid_token' }, now);
        return { ok: false, error: badLink() };
      }
      const customer = await findCustomer(tx, claim.customerId);
      const rules = await listRules(tx);
      const log = { ...attempt, email: claim.email, customerCode: customer?.record.code };
      // The merchant may have withdrawn the access rule since the link was sent.
      if (!customer || !mayReach({ ...customer.record, locked: false }, rules, claim.email)) {
        await logAccess(tx, { ...log, success: false, reason: 'access_withdrawn' }, now);
        return { ok: false, error: badLink() };
      }
      if (customer.record.locked) {
        await logAccess(tx, { ...log, success: false, reason: 'account_locked' }, now);
        return { ok: false, error: accountLocked() };
      }
      await logAccess(tx, { ...log, success: true }, now);
      return { ok: true, value: await openCookieSession(ctx, tx, customer, claim.email, 'magic_link') };
    });
  },

  /**
   * Creates the account with the details the merchant requires and signs it in. Every problem is reported
   * at once, including an address that already has an account (`email: taken`, as MemoryAdapter does):
   * the contract signs a new customer straight in, so no answer could look like success without handing
   * out a session. The owner of that address is told by email; see README "Sign-up with a taken address".
   */
  async signUp(ctx, input) {
    const { db, deps } = ctx.app;
    const settings = await requireAppCapability(ctx.app, 'accountCreation');
    await limitAuthRequests(ctx);
    const now = ctx.now();
    const card = input.cardToken ? await deps.gateway.resolveCardToken(input.cardToken) : null;
    const existing = await findCustomerByEmail(db, input.email);
    // Budgeted per address, so nobody can flood an owner's mailbox through this form.
    if (existing && (await mayEmailAddress(ctx, 'sign_up_notice', existing.record.email))) {
      const mail = signUpAttemptMail(settings.branding.merchantName, deps.publicUrl);
      await db.transaction((tx) => queueEmail(tx, { to: existing.record.email, ...mail }, now));
      ctx.mailQueued = true;
    }
    checkSignUp({
      settings,
      request: input,
      cardUsable: isUsableCard(card, ctx.today()),
      emailTaken: existing !== undefined,
    });
    if (card) checkVerification(settings, card);
    const passwordHash = await hashPassword(input.password);
    return commitThenAnswer(ctx, async (tx) => {
      // Two sign-ups for one address racing past the check above: the lock makes the second wait, and
      // it then gets the same answer as if the address had been registered before.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext(lower($1)))', [input.email]);
      if (await findCustomerByEmail(tx, input.email)) {
        return { ok: false, error: signUpRefused([{ path: 'email', code: 'taken' }]) };
      }
      const { rows } = await tx.query<{ n: number }>("SELECT nextval('customer_number_seq')::int AS n");
      const id = newId('cus');
      const methods: PaymentMethodRecord[] = [];
      if (card) {
        methods.push(cardRecord({ id: newId('pm'), customerId: id, card, holderName: input.name, settings }));
      }
      if (input.bankAccount) {
        methods.push(bankAccountRecord({ id: newId('pm'), customerId: id, account: input.bankAccount }));
      }
      await tx.query(
        `INSERT INTO customers (id, code, name, email, phone, company, currency, billing_address, shipping_address,
                                password_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11)`,
        [
          id,
          customerCode(rows[0].n),
          input.name,
          input.email,
          input.phone ?? null,
          input.company ?? null,
          ctx.app.defaultCurrency,
          json(input.billingAddress),
          json(input.shippingAddress),
          passwordHash,
          now,
        ],
      );
      for (const method of methods) await insertMethod(tx, method, now);
      if (methods[0]) {
        await tx.query('UPDATE customers SET default_payment_method_id = $2 WHERE id = $1', [
          id,
          methods[0].id,
        ]);
      }
      const customer = (await findCustomer(tx, id)) as StoredCustomer;
      await logAccess(
        tx,
        {
          method: 'password',
          email: input.email,
          ip: ctx.ip,
          customerCode: customer.record.code,
          success: true,
          reason: 'sign_up',
        },
        now,
      );
      return {
        ok: true,
        value: await openCookieSession(ctx, tx, customer, customer.record.email, 'password'),
      };
    });
  },

  /**
   * Always 204, answered like `requestMagicLink`: the same checks for every address before the answer,
   * everything that depends on the address after it (`sendPasswordReset`).
   */
  async requestPasswordReset(ctx, input) {
    const settings = await requireAppCapability(ctx.app, 'passwordSignIn');
    checkReturnUrl(ctx.app, input.returnUrl);
    await limitAuthRequests(ctx);
    ctx.afterResponse(() => sendPasswordReset(ctx, settings, input));
  },

  /** Sets the new password, lifts the failure lockout, retires other links and ends every session. */
  async resetPassword(ctx, input) {
    const settings = await admitAttempt(ctx, { method: 'password_reset', email: '' }, 'passwordSignIn');
    const passwordHash = await hashPassword(input.newPassword);
    const now = ctx.now();
    await commitThenAnswer(ctx, async (tx) => {
      const attempt = { method: 'password_reset' as const, ip: ctx.ip };
      const claim = await consumeToken(tx, 'password_reset', input.token, now);
      const customer = claim ? await findCustomer(tx, claim.customerId) : undefined;
      if (!claim || !customer) {
        await logAccess(tx, { ...attempt, email: '', success: false, reason: 'invalid_token' }, now);
        return { ok: false, error: badLink() };
      }
      await setPassword(tx, customer.record.id, passwordHash, null);
      await clearSignInFailures(tx, customer.record.email);
      await revokeTokens(tx, customer.record.id, 'password_reset', now);
      await revokeTokens(tx, customer.record.id, 'password_change', now);
      await deleteCustomerSessions(tx, customer.record.id);
      const { merchantName, supportEmail } = settings.branding;
      await queueEmail(
        tx,
        { to: customer.record.email, ...passwordChangedMail(merchantName, supportEmail) },
        now,
      );
      await logAccess(
        tx,
        { ...attempt, email: customer.record.email, customerCode: customer.record.code, success: true },
        now,
      );
      return { ok: true, value: undefined };
    });
    ctx.mailQueued = true;
  },

  /** The end of a temporary-password sign-in: the customer's own password replaces it, then a session. */
  async completePasswordChange(ctx, input) {
    await admitAttempt(ctx, { method: 'password', email: '' }, 'passwordSignIn');
    const passwordHash = await hashPassword(input.newPassword);
    const now = ctx.now();
    return commitThenAnswer(ctx, async (tx) => {
      const attempt = { method: 'password' as const, ip: ctx.ip };
      const claim = await consumeToken(tx, 'password_change', input.challenge, now);
      const customer = claim ? await findCustomer(tx, claim.customerId) : undefined;
      if (!claim || !customer) {
        await logAccess(tx, { ...attempt, email: '', success: false, reason: 'invalid_challenge' }, now);
        return { ok: false, error: signInExpired() };
      }
      const log = { ...attempt, email: customer.record.email, customerCode: customer.record.code };
      if (customer.record.locked) {
        await logAccess(tx, { ...log, success: false, reason: 'account_locked' }, now);
        return { ok: false, error: accountLocked() };
      }
      // ASVS 6.4.1: the temporary password must not become the long-term one. Thrown, not returned, so
      // the transaction rolls back and the challenge stays usable for a second try.
      if (customer.passwordHash && (await verifyPassword(input.newPassword, customer.passwordHash))) {
        throw sameAsTemporaryPassword();
      }
      await setPassword(tx, customer.record.id, passwordHash, null);
      await clearSignInFailures(tx, customer.record.email);
      await logAccess(tx, { ...log, success: true, reason: 'temporary_password_replaced' }, now);
      const fresh = (await findCustomer(tx, customer.record.id)) as StoredCustomer;
      return { ok: true, value: await openCookieSession(ctx, tx, fresh, fresh.record.email, 'password') };
    });
  },

  /**
   * A wrong current password is a field error, not 401: the customer is still signed in, and a 401 would
   * sign the whole portal out. Wrong guesses count toward the address's lockout like sign-in failures, so
   * a borrowed session cannot be used to find the password. Other sessions end; this one stays.
   */
  async changePassword(ctx, input) {
    const settings = await requireAppCapability(ctx.app, 'passwordSignIn');
    const session: AuthenticatedSession = ctx.requireSession();
    const { customer } = session;
    // Before any attempt is counted: a person an access rule lets in must not lock the owner out by guessing.
    requireAccountOwner(customer.record, session.email, 'password');
    const { db, limits } = ctx.app;
    const now = ctx.now();
    const scope = await attemptScope(db, ctx.deviceToken, customer.record.email, now);
    const claim = await claimAttempt(db, scope, now, lockoutPolicy(limits));
    if (!claim.allowed) throw rateLimited(claim.retryAfterSeconds);
    const currentOk = customer.passwordHash
      ? await verifyPassword(input.currentPassword, customer.passwordHash)
      : await verifyAgainstDummy(input.currentPassword);
    if (!currentOk) {
      await lockIfExhausted(db, scope, now, lockoutPolicy(limits));
      throw wrongCurrentPassword();
    }
    await clearAttempts(db, scope);
    const passwordHash = await hashPassword(input.newPassword);
    await commitThenAnswer(ctx, async (tx) => {
      // A reset (or a lock) that committed while the current password was being checked wins.
      if (!customer.passwordHash || !(await holdIfUnchanged(tx, customer, customer.passwordHash))) {
        return { ok: false, error: wrongCurrentPassword() };
      }
      await setPassword(tx, customer.record.id, passwordHash, null);
      await deleteCustomerSessions(tx, customer.record.id, session.tokenHash);
      await revokeTokens(tx, customer.record.id, 'password_reset', now);
      const { merchantName, supportEmail } = settings.branding;
      await queueEmail(
        tx,
        { to: customer.record.email, ...passwordChangedMail(merchantName, supportEmail) },
        now,
      );
      return { ok: true, value: undefined };
    });
    ctx.mailQueued = true;
  },

  async signOut(ctx) {
    if (ctx.session) await deleteSession(ctx.app.db, ctx.session.tokenHash);
    if (ctx.session?.kind !== 'bearer') ctx.cookie = 'clear';
  },
};
