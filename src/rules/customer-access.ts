import type { CustomerAccessState, CustomerPortalState } from '../model/index.js';

/** What decides a customer's portal state, as either backend stores it. */
export interface CustomerAccessFacts {
  customerId: string;
  customerCode: string;
  name: string;
  email: string;
  locked: boolean;
  /** The customer has a password (their own or a temporary one). */
  hasPassword: boolean;
  /** The password is a temporary one from an activation email, to be changed at the next sign-in. */
  passwordIsTemporary: boolean;
  /** The last successful sign-in of the customer's own (previews never count). */
  lastSignInAt?: string;
}

/**
 * The merchant's view of a customer's access, written once for both backends: `locked` wins, then a
 * pending temporary password, then "never activated" (no password of their own and never signed in),
 * otherwise active.
 */
export function customerPortalState(facts: CustomerAccessFacts): CustomerPortalState {
  if (facts.locked) return 'locked';
  if (facts.passwordIsTemporary) return 'must_change_password';
  if (!facts.hasPassword && facts.lastSignInAt === undefined) return 'never_activated';
  return 'active';
}

export function toCustomerAccessState(facts: CustomerAccessFacts): CustomerAccessState {
  return {
    customerId: facts.customerId,
    customerCode: facts.customerCode,
    name: facts.name,
    email: facts.email,
    state: customerPortalState(facts),
    locked: facts.locked,
    // Activated: the customer chose a password of their own (not passwordless-only, not pending a change).
    activated: facts.hasPassword && !facts.passwordIsTemporary,
    ...(facts.lastSignInAt !== undefined ? { lastSignInAt: facts.lastSignInAt } : {}),
  };
}
