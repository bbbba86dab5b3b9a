import type { AccessRule, SignInMethod } from '../../../../src/model/index.js';
import {
  type AccountHolder,
  mayReach,
  maySwitchAccounts,
  reachableAccounts,
  ruleGrants,
} from '../../../../src/rules/access.js';
import type { Queryable } from '../db/database.js';
import { listRules } from './access-rules.js';

/** A billing account as the chooser lists it. */
export interface AccountRow extends AccountHolder {
  code: string;
  name: string;
}

/**
 * The accounts the person signed in as `email` may use, in the chooser's order (rules/access.ts
 * `reachableAccounts`): their own and every one a rule grants them, locked ones left out.
 */
export async function reachableFor(q: Queryable, email: string, rules?: AccessRule[]): Promise<AccountRow[]> {
  const allRules = rules ?? (await listRules(q));
  const granted = allRules.filter((rule) => ruleGrants(rule, email)).map((rule) => rule.customerId);
  const { rows } = await q.query<AccountRow>(
    'SELECT id, code, name, email, locked FROM customers WHERE lower(email) = lower($1) OR id = ANY($2)',
    [email, granted],
  );
  return reachableAccounts(rows, allRules, email);
}

/**
 * Checked on every request of a session that may switch: whether the person still reaches the account the
 * session is on (`reachable: false` ends the session), and how many accounts they may choose from.
 */
export async function checkReach(
  q: Queryable,
  session: { account: AccountHolder; email: string; method: SignInMethod },
): Promise<{ reachable: boolean; count: number }> {
  if (!maySwitchAccounts(session.method, undefined)) return { reachable: true, count: 1 };
  const rules = await listRules(q);
  if (!mayReach(session.account, rules, session.email)) return { reachable: false, count: 0 };
  // Most people reach their own account only: no second query for them.
  if (!rules.some((rule) => ruleGrants(rule, session.email))) return { reachable: true, count: 1 };
  return { reachable: true, count: (await reachableFor(q, session.email, rules)).length };
}
