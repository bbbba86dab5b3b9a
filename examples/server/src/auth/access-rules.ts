import type { AccessRule, NewAccessRule } from '../../../../src/model/index.js';
import { PortalError } from '../../../../src/contract/errors.js';
import type { Queryable } from '../db/database.js';

/**
 * Passwordless access: a billing account grants sign-in links to a whole email domain or to single
 * addresses. Matching is case-insensitive and exact on the domain (`analytical.example` does not cover
 * `sub.analytical.example`), so an address is matched by at most one rule.
 */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

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
  const address = email.trim().toLowerCase();
  const rules = await listRules(q);
  return (
    rules.find((rule) => rule.kind === 'email' && rule.value === address) ??
    rules.find((rule) => rule.kind === 'domain' && rule.value === emailDomain(address))
  );
}

/**
 * Refuses a rule that would overlap an existing one: the same value again, an address whose domain is
 * already granted, or a domain covering an address that is already granted. Two accounts can therefore
 * never both claim one address, and a link always signs in to exactly one account.
 */
export function assertNoOverlap(existing: readonly AccessRule[], rule: NewAccessRule): void {
  const value = rule.value.toLowerCase();
  for (const other of existing) {
    const overlaps =
      (other.kind === rule.kind && other.value === value) ||
      (rule.kind === 'email' && other.kind === 'domain' && other.value === emailDomain(value)) ||
      (rule.kind === 'domain' && other.kind === 'email' && emailDomain(other.value) === value);
    if (overlaps) {
      throw new PortalError('conflict', `the rule overlaps ${other.kind} rule ${other.id} (${other.value})`, {
        fieldErrors: [{ path: 'value', code: 'taken' }],
      });
    }
  }
}
