import { maySwitchAccounts } from '../../../../../src/rules/access.js';
import { notFound } from '../../../../../src/rules/errors.js';
import { logAccess } from '../../auth/access-log.js';
import { type AccountRow, reachableFor } from '../../auth/accounts.js';
import { moveSession, toSessionPayload } from '../../auth/sessions.js';
import { findCustomer } from '../../store/customers.js';
import type { Handlers, RequestContext } from '../types.js';

/** The accounts the session may switch between; a merchant-minted session stays on its one account. */
async function reachable(ctx: RequestContext): Promise<AccountRow[]> {
  const session = ctx.requireSession();
  const { record } = session.customer;
  if (session.kind === 'bearer' || !maySwitchAccounts(session.method, undefined)) {
    return [{ id: record.id, code: record.code, name: record.name, email: record.email, locked: false }];
  }
  return reachableFor(ctx.app.db, session.email);
}

/**
 * Several billing accounts per person (README "Several billing accounts per person"): the session row
 * holds the account chosen; switching re-checks the grant now, and every later request checks it again
 * (auth/sessions.ts). Each switch goes to the access log with the account chosen.
 */
export const accountsHandlers: Pick<Handlers, 'listAccounts' | 'switchAccount'> = {
  async listAccounts(ctx) {
    const currentId = ctx.customerId;
    return (await reachable(ctx)).map((account) => ({
      customerId: account.id,
      customerCode: account.code,
      name: account.name,
      current: account.id === currentId,
    }));
  },

  async switchAccount(ctx, input) {
    const session = ctx.requireSession();
    const accounts = await reachable(ctx);
    const now = ctx.now();
    const attempt = { method: 'account_switch' as const, email: session.email, ip: ctx.ip };
    const target = accounts.find((account) => account.id === input.customerId);
    const customer = target ? await findCustomer(ctx.app.db, target.id) : undefined;
    if (!target || !customer) {
      // Not granted answers exactly like an unknown id; the log names no account the person may not see.
      await logAccess(ctx.app.db, { ...attempt, success: false, reason: 'account_not_granted' }, now);
      throw notFound('account');
    }
    await ctx.app.db.transaction(async (tx) => {
      await moveSession(tx, session.tokenHash, target.id);
      await logAccess(tx, { ...attempt, success: true, customerCode: target.code }, now);
    });
    return toSessionPayload({ ...session, customer, accountCount: accounts.length });
  },
};
