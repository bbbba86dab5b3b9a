import * as z from 'zod/mini';
import {
  AccessLogEntry,
  AccessRule,
  ActivationRequest,
  CustomerAccessState,
  Id,
  MintSessionToken,
  MintedSessionToken,
  NewAccessRule,
  PortalSettings,
  SubscriptionCancellation,
} from '../model/index.js';
import type { Operation } from './operation-schemas.js';

/**
 * The merchant's side of the HTTP contract: called by the merchant's own backend (never the browser),
 * authenticated with `Authorization: Bearer <merchant secret key>`. The reference server implements it and
 * the OpenAPI document describes it next to the customer contract.
 */
const ByCustomer = z.object({ customerId: Id });

export const adminOperations = {
  adminGetSettings: {
    input: null,
    output: PortalSettings,
    http: { verb: 'GET', path: '/admin/settings' },
    summary: 'Read the portal settings',
  },
  adminUpdateSettings: {
    input: PortalSettings,
    output: PortalSettings,
    http: { verb: 'PUT', path: '/admin/settings' },
    summary: 'Replace the portal settings',
  },
  adminListCustomers: {
    input: null,
    output: z.array(CustomerAccessState),
    http: { verb: 'GET', path: '/admin/customers' },
    summary: 'Portal access state of every customer',
  },
  adminLockCustomer: {
    input: ByCustomer,
    output: CustomerAccessState,
    http: { verb: 'POST', path: '/admin/customers/{customerId}/lock' },
    summary: 'Lock a customer out of the portal and end their sessions',
  },
  adminUnlockCustomer: {
    input: ByCustomer,
    output: CustomerAccessState,
    http: { verb: 'POST', path: '/admin/customers/{customerId}/unlock' },
    summary: 'Unlock a customer and email them a password reset link',
  },
  adminSendActivation: {
    input: ActivationRequest,
    output: null,
    http: { verb: 'POST', path: '/admin/customers/{customerId}/activation' },
    summary: 'Email a temporary password that must be changed at first sign-in',
  },
  adminListAccessLogs: {
    input: z.object({ limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000))) }),
    output: z.array(AccessLogEntry),
    http: { verb: 'GET', path: '/admin/access-logs' },
    summary: 'Sign-in attempts, newest first: success, IP, time, customer code',
  },
  adminListAccessRules: {
    input: null,
    output: z.array(AccessRule),
    http: { verb: 'GET', path: '/admin/access-rules' },
    summary: 'Passwordless access rules (email domains and single addresses)',
  },
  adminAddAccessRule: {
    input: NewAccessRule,
    output: AccessRule,
    http: { verb: 'POST', path: '/admin/access-rules' },
    summary: 'Grant passwordless access; a rule overlapping an existing one is refused (409)',
  },
  adminRemoveAccessRule: {
    input: z.object({ id: Id }),
    output: null,
    http: { verb: 'DELETE', path: '/admin/access-rules/{id}' },
    summary: 'Withdraw a passwordless access rule',
  },
  adminMintSessionToken: {
    input: MintSessionToken,
    output: MintedSessionToken,
    http: { verb: 'POST', path: '/admin/session-tokens' },
    summary: 'Mint a short-lived portal session token for a customer already signed in to the store',
  },
  adminListCancellations: {
    input: null,
    output: z.array(SubscriptionCancellation),
    http: { verb: 'GET', path: '/admin/subscription-cancellations' },
    summary: 'Subscriptions customers cancelled, newest first, with their reason and comment',
  },
} as const satisfies Record<string, Operation>;

export type AdminOperationName = keyof typeof adminOperations;
