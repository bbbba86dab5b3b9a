import type { AdminOperationName } from './admin-operations.js';
import type { PortalErrorCode } from './errors.js';
import type { OperationName } from './operations.js';

/**
 * What an operation can answer beyond what follows from its rules, for the OpenAPI document only. Most
 * answers are derived from the operations table by the generator (`src/adapters/http/openapi.ts`): an
 * input → 400, a session needed → 401, a change sent with a cookie → 403 (CSRF), an id in the path → 404,
 * money → 409 and `Idempotent-Replayed`, and every route → 421, 429, 500, 503. This table lists only the
 * rest: refusals the rules raise for this operation in particular, and the cookie session it opens or ends.
 * An operation without an entry answers only the derived set. The server suite's recorded answers are
 * checked against the document (examples/server/test/openapi-responses.ts), so a missing entry fails there.
 */
export interface OperationOutcomes {
  /** Refusals raised by the rules or handlers of this operation, beyond the derived ones. */
  errors?: readonly PortalErrorCode[];
  /** The operation opens a cookie session (Set-Cookie on success) or ends it (Set-Cookie clearing it). */
  session?: 'opens' | 'ends';
  /** What else the operation's description must say (an outcome that is not an error, for instance). */
  note?: string;
}

export const operationOutcomes: { readonly [N in OperationName | AdminOperationName]?: OperationOutcomes } = {
  signIn: { errors: ['unauthorized', 'account_locked'], session: 'opens' },
  verifyMagicLink: { errors: ['unauthorized', 'account_locked'], session: 'opens' },
  signUp: { session: 'opens' },
  resetPassword: { errors: ['unauthorized'] },
  completePasswordChange: { errors: ['unauthorized', 'account_locked'], session: 'opens' },
  signOut: { session: 'ends' },
  getInvoicePdf: { errors: ['forbidden'] },
  payInvoice: {
    note:
      'A declined payment is not an error: the answer is a 200 whose `status` is `failed` (every ' +
      'allocation declined) or `partially_succeeded` (some), with each allocation’s outcome, so that it ' +
      'can be replayed like any other outcome. No 402 is sent.',
  },
  addCard: { errors: ['payment_declined'] },
  removePaymentMethod: { errors: ['conflict'] },
  setDefaultPaymentMethod: { errors: ['conflict'] },
  subscribe: { errors: ['payment_declined', 'not_found'] },
  previewSubscriptionChange: { errors: ['conflict'] },
  changeSubscription: { errors: ['payment_declined'] },
  cancelSubscription: { errors: ['conflict'] },
  undoCancelSubscription: { errors: ['conflict'] },
  acceptRetentionOffer: { errors: ['conflict'] },
  withdrawSubscriptionChange: { errors: ['conflict'] },
  pauseSubscription: { errors: ['conflict'] },
  resumeSubscription: { errors: ['conflict'] },
  switchAccount: { errors: ['not_found'] },
  adminAddAccessRule: { errors: ['not_found', 'conflict'] },
  adminExchangeQuickOrderToken: {
    errors: ['not_found'],
    note:
      '`email` is the billing account’s address, not necessarily the visitor’s: several people may reach ' +
      'one account. Sign the visitor in as `signedInAs`, the person who asked for the token, which equals ' +
      '`email` only when the account’s owner asked.',
  },
  adminMintSessionToken: { errors: ['not_found', 'account_locked'] },
};
