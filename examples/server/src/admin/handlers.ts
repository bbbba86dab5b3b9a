import type * as z from 'zod/mini';
import type { AdminOperationName, adminOperations } from '../../../../src/contract/admin-operations.js';
import { PortalError } from '../../../../src/contract/errors.js';
import { listRules } from '../auth/access-rules.js';
import { accessLogCsv } from '../../../../src/rules/access-log-csv.js';
import { requireConsistentSettings } from '../../../../src/rules/settings.js';
import { LINK_PARAM, TEMPORARY_PASSWORD_HOURS, assertNoOverlap } from '../../../../src/rules/access.js';
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
import { type StoredCustomer, findCustomer, setPassword } from '../store/customers.js';
import { exchangeQuickOrderToken } from '../store/quick-order.js';
import { isoInstant } from '../store/rows.js';
import { emailLink } from '../routes/guards.js';
import { LOGO_PATH, logoFileName, reencodeLogo, saveLogo } from './logo.js';
import {
  accessLogEntries,
  accessLogPage,
  customerAccessPage,
  customerAccessState,
  listedAccessRules,
} from './views.js';

type Ops = typeof adminOperations;
type AdminInput<K extends AdminOperationName> = Ops[K]['input'] extends z.core.$ZodType
  ? z.infer<Ops[K]['input']>
  : undefined;
type AdminOutput<K extends AdminOperationName> = Ops[K]['output'] extends z.core.$ZodType
  ? z.infer<Ops[K]['output']>
  : Ops[K]['output'] extends 'csv'
    ? string
    : void;

/**
 * What admin handlers get: the app, who is asking (the merchant's backend with its secret key, or a
 * signed-in member of staff through the console) and whether they queued email (delivered after the
 * response).
 */
export interface AdminRequest {
  app: AppContext;
  actor: { kind: 'secret_key' } | { kind: 'staff'; staffId: string; email: string };
  ip: string;
  mailQueued: boolean;
}

export type AdminHandlers = {
  [K in AdminOperationName]: (request: AdminRequest, input: AdminInput<K>) => Promise<AdminOutput<K>>;
};

/** A preview session lasts a quarter of an hour. */
const PREVIEW_MINUTES = 15;

async function requireCustomer(q: Queryable, id: string): Promise<StoredCustomer> {
  const customer = await findCustomer(q, id, { forUpdate: true });
  if (!customer) throw notFound('customer');
  return customer;
}

export const adminHandlers: AdminHandlers = {
  adminGetSettings({ app }) {
    return loadSettings(app.db);
  },

  /** Refused with field errors when the settings contradict each other (src/rules/settings.ts). */
  async adminUpdateSettings({ app }, settings) {
    requireConsistentSettings(settings);
    await saveSettings(app.db, settings, app.now());
    return loadSettings(app.db);
  },

  adminListCustomers({ app }, query) {
    return customerAccessPage(app.db, query);
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
      return customerAccessState(tx, customerId);
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
      return customerAccessState(tx, customerId);
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

  adminListAccessLogs({ app }, query) {
    return accessLogPage(app.db, query);
  },

  /** Every matching row, newest first, as CSV (formula-safe; src/rules/access-log-csv.ts). */
  async adminExportAccessLogs({ app }, filters) {
    return accessLogCsv(await accessLogEntries(app.db, filters));
  },

  async adminListCancellations({ app }) {
    const settings = await loadSettings(app.db);
    return (await loadCancellations(app.db)).flatMap(
      ({ subscription, customerCode }) => toCancellation(subscription, customerCode, settings) ?? [],
    );
  },

  adminListAccessRules({ app }) {
    return listedAccessRules(app.db);
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

  /**
   * A read-only look at the portal as this customer: a 15-minute bearer session marked `preview` (the
   * customer router refuses its every mutation, src/rules/preview.ts). It is not the customer's sign-in:
   * nothing goes to their access log; the server log records who opened it.
   */
  async adminPreviewCustomer({ app, actor, ip }, { customerId }) {
    const now = app.now();
    const grant = await app.db.transaction(async (tx) => {
      const customer = await requireCustomer(tx, customerId);
      return createSession(
        tx,
        {
          customerId,
          email: customer.record.email,
          method: 'session_token',
          kind: 'bearer',
          ttlMs: PREVIEW_MINUTES * 60_000,
          preview: true,
        },
        now,
      );
    });
    app.log({
      level: 'info',
      event: 'customer_preview_opened',
      customerId,
      by: actor.kind === 'staff' ? actor.staffId : 'secret_key',
      ip,
    });
    return { token: grant.token, expiresAt: isoInstant(grant.expiresAt), customerId };
  },

  /**
   * The logo is checked and re-encoded (admin/logo.ts), stored under the SHA-256 of its bytes, and the
   * settings point at the copy this server serves.
   */
  async adminUploadLogo({ app }, upload) {
    const logo = reencodeLogo(upload);
    const now = app.now();
    return app.db.transaction(async (tx) => {
      await saveLogo(tx, logo, now);
      const settings = await loadSettings(tx);
      const logoUrl = `${app.publicOrigin}${LOGO_PATH}/${logoFileName(logo)}`;
      const updated = { ...settings, branding: { ...settings.branding, logoUrl } };
      await saveSettings(tx, updated, now);
      return loadSettings(tx);
    });
  },

  /** The settings stop naming a logo; the stored file stays (a page still showing it keeps working). */
  async adminRemoveLogo({ app }) {
    const now = app.now();
    return app.db.transaction(async (tx) => {
      const settings = await loadSettings(tx);
      const { logoUrl: _removed, ...branding } = settings.branding;
      await saveSettings(tx, { ...settings, branding }, now);
      return loadSettings(tx);
    });
  },

  /** The merchant's checkout page exchanges the token it was opened with, once. */
  adminExchangeQuickOrderToken({ app }, { token }) {
    return exchangeQuickOrderToken(app.db, token, app.now());
  },
};
