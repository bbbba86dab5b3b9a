import type { BillingAccount, Session, SwitchAccount } from '../../model/index.js';
import { maySwitchAccounts, reachableAccounts } from '../../rules/access.js';
import { notFound } from '../../rules/errors.js';
import type { CustomerRecord } from '../../rules/records.js';
import type { MemoryState } from './memory-state.js';

/** Several billing accounts per person, in memory: the same rules as the reference server (rules/access.ts). */

/** The accounts the signed-in person may switch between; a minted or preview session lists its own only. */
function reachable(state: MemoryState): CustomerRecord[] {
  const current = state.requireCustomer();
  const session = state.currentSession() as Session;
  if (!maySwitchAccounts(session.method, session.preview)) return [current];
  return reachableAccounts(state.data.customers, state.data.accessRules, session.email);
}

export function listAccounts(state: MemoryState): BillingAccount[] {
  const currentId = state.requireCustomer().id;
  return reachable(state).map((account) => ({
    customerId: account.id,
    customerCode: account.code,
    name: account.name,
    current: account.id === currentId,
  }));
}

/** Moves the session; an account the person may not reach (now) is `not_found`, like an unknown id. */
export function switchAccount(state: MemoryState, input: SwitchAccount): Session {
  const target = reachable(state).find((account) => account.id === input.customerId);
  if (!target) throw notFound('account');
  const session = state.currentSession() as Session;
  return state.moveSession(target, session);
}
