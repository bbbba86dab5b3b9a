import { normalizeEmail } from '../../../../../src/rules/access.js';
import { rateLimited } from '../../../../../src/rules/errors.js';
import { emailChangeConfirmMail, emailChangedMail } from '../../../../../src/rules/mail.js';
import { toCustomer } from '../../../../../src/rules/mappers.js';
import {
  EMAIL_CHANGE_MINUTES,
  EMAIL_CHANGE_PARAM,
  badEmailChangeLink,
  checkEmailChange,
  checkEmailChangeRequest,
  checkEmailChangeRequester,
} from '../../../../../src/rules/profile.js';
import { hashToken, randomToken } from '../../auth/secrets.js';
import { followEmailChange } from '../../auth/sessions.js';
import { revokeTokens, revokeTokensSentTo } from '../../auth/tokens.js';
import { queueEmail } from '../../mail/outbox.js';
import {
  type StoredCustomer,
  dropTemporaryPassword,
  findCustomer,
  findCustomerByEmail,
} from '../../store/customers.js';
import {
  checkReturnUrl,
  emailLink,
  limitAuthRequests,
  mayEmailAddress,
  requireCapability,
} from '../guards.js';
import type { Handlers } from '../types.js';

/**
 * The two-step email change: a link to the new address (single use, expiring, stored as a hash, with the
 * owner who asked), and its confirmation, which switches the address and tells the old one. Until then
 * `pending_email` shows it. Only the account's owner may ask, and a link works only while its requester
 * still owns the account (src/rules/account-owner.ts, rules/profile.ts).
 */
export const emailChangeHandlers: Pick<Handlers, 'requestEmailChange' | 'confirmEmailChange'> = {
  async requestEmailChange(ctx, input) {
    const { db } = ctx.app;
    const settings = await requireCapability(ctx.app, 'modifyInformation');
    const session = ctx.requireSession();
    const customer = session.customer.record;
    checkEmailChangeRequest(customer, session.email);
    const newEmail = normalizeEmail(input.newEmail);
    checkReturnUrl(ctx.app, input.returnUrl);
    checkEmailChange(customer, newEmail, (await findCustomerByEmail(db, newEmail))?.record);
    // The customer is signed in, so saying "wait" reveals nothing; silently sending nothing would confuse.
    if (!(await mayEmailAddress(ctx, 'email_change_email', newEmail))) throw rateLimited(15 * 60);
    const now = ctx.now();
    await db.transaction(async (tx) => {
      // Only the newest address can be confirmed: earlier links stop working.
      await tx.query(
        'UPDATE email_change_tokens SET consumed_at = $2 WHERE customer_id = $1 AND consumed_at IS NULL',
        [customer.id, now],
      );
      const token = randomToken();
      await tx.query(
        `INSERT INTO email_change_tokens (token_hash, customer_id, new_email, requested_by, created_at,
                                          expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          hashToken(token),
          customer.id,
          newEmail,
          normalizeEmail(session.email),
          now,
          new Date(now.getTime() + EMAIL_CHANGE_MINUTES * 60_000),
        ],
      );
      await tx.query('UPDATE customers SET pending_email = $2 WHERE id = $1', [customer.id, newEmail]);
      const link = emailLink(ctx.app, input.returnUrl, EMAIL_CHANGE_PARAM, token);
      const mail = emailChangeConfirmMail(settings.branding.merchantName, link, EMAIL_CHANGE_MINUTES);
      await queueEmail(tx, { to: newEmail, ...mail }, now);
    });
    ctx.mailQueued = true;
    return toCustomer(((await findCustomer(db, customer.id)) as StoredCustomer).record);
  },

  /**
   * An explicit POST, so a mail scanner's GET of the link changes nothing; no session needed (whoever is
   * signed in does not matter: the link proves the mailbox, its stored requester the owner's intent).
   */
  async confirmEmailChange(ctx, input) {
    const { db } = ctx.app;
    const settings = await requireCapability(ctx.app, 'modifyInformation');
    await limitAuthRequests(ctx);
    const now = ctx.now();
    const email = await db.transaction(async (tx) => {
      // Check and consumption are one UPDATE: two requests with the same link cannot both succeed.
      const { rows } = await tx.query<{
        customer_id: string;
        new_email: string;
        requested_by: string | null;
      }>(
        `UPDATE email_change_tokens SET consumed_at = $2
          WHERE token_hash = $1 AND consumed_at IS NULL AND expires_at > $2
          RETURNING customer_id, new_email, requested_by`,
        [hashToken(input.token), now],
      );
      const claim = rows[0];
      if (!claim) throw badEmailChangeLink();
      const customer = (await findCustomer(tx, claim.customer_id, { forUpdate: true })) as StoredCustomer;
      const previous = customer.record.email;
      checkEmailChangeRequester(customer.record, claim.requested_by);
      checkEmailChange(
        customer.record,
        claim.new_email,
        (await findCustomerByEmail(tx, claim.new_email))?.record,
      );
      await tx.query('UPDATE customers SET email = $2, pending_email = NULL WHERE id = $1', [
        customer.record.id,
        claim.new_email,
      ]);
      // Sessions opened with the old address now show the new one, on every account they are switched to.
      await followEmailChange(tx, previous, claim.new_email);
      // What was emailed to the old address no longer opens the account: that mailbox is not its own now
      // (and it is told the new address below). A reset link, a sign-in challenge or link, and a
      // temporary password (activation) all go; a password of the customer's own stays.
      await revokeTokens(tx, customer.record.id, 'password_reset', now);
      await revokeTokensSentTo(tx, customer.record.id, previous, ['password_change', 'magic_link'], now);
      await dropTemporaryPassword(tx, customer.record.id);
      const { merchantName, supportEmail } = settings.branding;
      await queueEmail(
        tx,
        { to: previous, ...emailChangedMail(merchantName, claim.new_email, supportEmail) },
        now,
      );
      return claim.new_email;
    });
    ctx.mailQueued = true;
    return { email };
  },
};
