import type { AccessRule } from '../../../../src/model/index.js';
import { accessRuleFor } from '../../../../src/rules/access.js';
import type { Queryable } from '../db/database.js';

/** The passwordless access rules as stored; what they grant is decided in src/rules/access.ts. */
export async function listRules(q: Queryable): Promise<AccessRule[]> {
  const { rows } = await q.query<{
    id: string;
    customer_id: string;
    kind: AccessRule['kind'];
    value: string;
  }>('SELECT id, customer_id, kind, value FROM access_rules ORDER BY seq');
  return rows.map((row) => ({ id: row.id, customerId: row.customer_id, kind: row.kind, value: row.value }));
}

/** The rule that lets `email` sign in by link, if any. */
export async function ruleForEmail(q: Queryable, email: string): Promise<AccessRule | undefined> {
  return accessRuleFor(await listRules(q), email);
}
