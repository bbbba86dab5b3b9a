import type * as z from 'zod/mini';
import type { AdminOperationName, adminOperations } from '../../../../src/contract/admin-operations.js';
import { PortalError } from '../../../../src/contract/errors.js';
import type { CustomerAccessState } from '../../../../src/model/index.js';
import { listAccessLogs } from '../auth/access-log.js';
import { listRules } from '../auth/access-rules.js';
import { LINK_PARAM, assertNoOverlap } from '../../../../src/rules/access.js';
import { hashPassword } from '../auth/passwords.js';
import { newId, temporaryPassword } from '../auth/secrets.js';
import { SESSION_TOKEN_DEFAULT_SECONDS, createSession, deleteCustomerSessions } from '../auth/sessions.js';
import { clearSignInFailures } from '../auth/throttle.js';
import { TOKEN_LIFETIME_MS, issueToken, revokeTokens } from '../auth/tokens.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { notFound } from '../../../../src/rules/errors.js';
import { queueEmail } from '../mail/outbox.js';
import { activationMail, unlockMail } from '../../../../src/rules/mail.js';
import { toCancellation } from '../../../../src/rules/mappers.js';
import { loadCancellations, loadSettings, saveSettings } from '../store/catalog.js';
import { type StoredCustomer, findCustomer, listCustomers, setPassword } from '../store/customers.js';
import { isoInstant } from '../store/rows.js';
import { emailLink } from '../routes/guards.js';

type Ops = typeof adminOperations;
type AdminInput<K extends AdminOperationName> = Ops[K]['input'] extends z.core.$ZodType
  ? z.infer<Ops[K]['input']>
  : undefined;
type AdminOutput<K extends AdminOperationName> = Ops[K]['output'] extends z.core.$ZodType
  ? z.infer<Ops[K]['output']>
  : void;

/** What admin handlers get: the app and whether they queued email (delivered after the response). */
export interface AdminRequest {
  app: AppContext;
  mailQueued: boolean;
}

export type AdminHandlers = {
  [K in AdminOperationName]: (request: AdminRequest, input: AdminInput<K>) => Promise<AdminOutput<K>>;
};

/** Activation emails a temporary password that stops working after three days. */
const TEMPORARY_PASSWORD_HOURS = 72;

function accessState(customer: StoredCustomer): CustomerAccessState {
  return {
    customerId: customer.record.id,
    email: customer.record.email,
    locked: customer.record.locked,
    // Activated: the customer chose a password of their own (not passwordless-only, not pending a change).
    activated: customer.passwordHash !== null && !customer.record.passwordIsTemporary,
  };
}

async function requireCustomer(q: Queryable, id: string): Promise<StoredCustomer> {
  const customer = await findCustomer(q, id, { forUpdate: true });
  if (!customer) throw notFound('customer');
  return customer;
}

export const adminHandlers: AdminHandlers = {
  adminGetSettings({ app }) {
    return loadSettings(app.db);
  },

  async adminUpdateSettings({ app }, settings) {
    await saveSettings(app.db, settings, app.now());
    return loadSettings(app.db);
  },

  async adminListCustomers({ app }) {
    return (await listCustomers(app.db)).map(accessState);
  },

  /** Locked out at once: every session and every outstanding link or challenge of the customer ends. */
  async adminLockCustomer({ app }, { customerId }) {
    const now = app.now();
    return app.db.transaction(async (tx) => {
      await requireCustomer(tx, customerId);
      await tx.query('UPDATE customers SET locked = TRUE WHERE id = $1', [customerId]);
      await deleteCustomerSessions(tx, customerId);
      await revokeTokens(tx, customerId, 'magic_link', now);
      await revokeTokens(tx, customerId, 'password_change', now);
      return accessState(await requireCustomer(tx, customerId));
    });
  },

  /** Helcim's "Reset Password and Unlock": unlocked, failure lockout lifted, a reset link emailed. */
  async adminUnlockCustomer(request, { customerId }) {
    const { app } = request;
    const now = app.now();
    const settings = await loadSettings(app.db);
    const state = await app.db.transaction(async (tx) => {
      const customer = await requireCustomer(tx, customerId);
      await tx.query('UPDATE customers SET locked = FALSE WHERE id = $1', [customerId]);
      await clearSignInFailures(tx, customer.record.email);
      const to = customer.record.email;
      const token = await issueToken(tx, 'password_reset', { customerId, email: to }, now);
      const link = emailLink(app, undefined, LINK_PARAM.passwordReset, token);
      const minutes = TOKEN_LIFETIME_MS.password_reset / 60_000;
      await queueEmail(tx, { to, ...unlockMail(settings.branding.merchantName, link, minutes) }, now);
      return accessState(await requireCustomer(tx, customerId));
    });
    request.mailQueued = true;
    return state;
  },

  /**
   * A random temporary password, emailed; it must be replaced at the first sign-in and expires in three
   * days. Sessions opened with an earlier password end.
   */
  async adminSendActivation(request, { customerId }) {
    const { app } = request;
    const now = app.now();
    const settings = await loadSettings(app.db);
    const password = temporaryPassword();
    const hash = await hashPassword(password);
    await app.db.transaction(async (tx) => {
      const customer = await requireCustomer(tx, customerId);
      await setPassword(tx, customerId, hash, {
        expiresAt: new Date(now.getTime() + TEMPORARY_PASSWORD_HOURS * 3_600_000),
      });
      await deleteCustomerSessions(tx, customerId);
      await revokeTokens(tx, customerId, 'password_change', now);
      await clearSignInFailures(tx, customer.record.email);
      const mail = activationMail(
        settings.branding.merchantName,
        app.deps.publicUrl,
        password,
        TEMPORARY_PASSWORD_HOURS,
      );
      await queueEmail(tx, { to: customer.record.email, ...mail }, now);
    });
    request.mailQueued = true;
  },

  adminListAccessLogs({ app }, { limit }) {
    return listAccessLogs(app.db, limit ?? 100);
  },

  async adminListCancellations({ app }) {
    const settings = await loadSettings(app.db);
    return (await loadCancellations(app.db)).flatMap(
      ({ subscription, customerCode }) => toCancellation(subscription, customerCode, settings) ?? [],
    );
  },

  adminListAccessRules({ app }) {
    return listRules(app.db);
  },

  async adminAddAccessRule({ app }, rule) {
    const now = app.now();
    return app.db.transaction(async (tx) => {
      // Serialises rule changes, so two overlapping rules added at once cannot both pass the check.
      await tx.query('LOCK TABLE access_rules IN SHARE ROW EXCLUSIVE MODE');
      await requireCustomer(tx, rule.customerId);
      assertNoOverlap(await listRules(tx), rule);
      const created = {
        id: newId('rule'),
        customerId: rule.customerId,
        kind: rule.kind,
        value: rule.value.toLowerCase(),
      };
      await tx.query(
        'INSERT INTO access_rules (id, customer_id, kind, value, created_at) VALUES ($1, $2, $3, $4, $5)',
        [created.id, created.customerId, created.kind, created.value, now],
      );
      return created;
    });
  },

  async adminRemoveAccessRule({ app }, { id }) {
    const { rowCount } = await app.db.query('DELETE FROM access_rules WHERE id = $1', [id]);
    if (rowCount === 0) throw notFound('access rule');
  },

  /**
   * A short-lived bearer token for a customer the merchant's site has already signed in (Stripe's
   * AccountSession pattern); only its hash is stored.
   */
  async adminMintSessionToken({ app }, { customerId, ttlSeconds }) {
    const now = app.now();
    return app.db.transaction(async (tx) => {
      const customer = await requireCustomer(tx, customerId);
      if (customer.record.locked) {
        throw new PortalError('account_locked', 'the customer is locked out of the portal');
      }
      const created = await createSession(
        tx,
        {
          customerId,
          email: customer.record.email,
          method: 'session_token',
          kind: 'bearer',
          ttlMs: (ttlSeconds ?? SESSION_TOKEN_DEFAULT_SECONDS) * 1000,
        },
        now,
      );
      return { token: created.token, expiresAt: isoInstant(created.expiresAt) };
    });
  },
};
