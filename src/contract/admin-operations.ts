import * as z from 'zod/mini';
import {
  AccessLogExport,
  AccessLogPage,
  AccessLogQuery,
  AccessRule,
  ActivationRequest,
  CustomerAccessPage,
  CustomerAccessState,
  CustomerQuery,
  Id,
  ListedAccessRule,
  LogoUpload,
  MintSessionToken,
  MintedSessionToken,
  NewAccessRule,
  PortalSettings,
  PreviewGrant,
  QuickOrderCustomer,
  QuickOrderExchange,
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
    input: CustomerQuery,
    output: CustomerAccessPage,
    http: { verb: 'GET', path: '/admin/customers' },
    summary:
      'Customers and their portal state, by code, newest page by cursor; `search` matches code, name or email',
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
    input: AccessLogQuery,
    output: AccessLogPage,
    http: { verb: 'GET', path: '/admin/access-logs' },
    summary: 'Sign-in attempts, newest first: success, IP, time, customer code; filtered and paged',
  },
  adminExportAccessLogs: {
    input: AccessLogExport,
    output: 'csv',
    http: { verb: 'GET', path: '/admin/access-logs.csv' },
    summary: 'Every sign-in attempt matching the filters, newest first, as CSV',
  },
  adminListAccessRules: {
    input: null,
    output: z.array(ListedAccessRule),
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
  adminPreviewCustomer: {
    input: ByCustomer,
    output: PreviewGrant,
    http: { verb: 'POST', path: '/admin/customers/{customerId}/preview' },
    summary:
      'A short-lived read-only session as this customer: every mutation is refused and it is not logged as their sign-in',
  },
  adminUploadLogo: {
    input: LogoUpload,
    output: PortalSettings,
    http: { verb: 'PUT', path: '/admin/branding/logo' },
    summary:
      'Upload the logo (PNG or JPG, at most 2 MB, checked and re-encoded); the settings then point at the copy the server serves',
  },
  adminRemoveLogo: {
    input: null,
    output: PortalSettings,
    http: { verb: 'DELETE', path: '/admin/branding/logo' },
    summary: 'Remove the uploaded logo',
  },
  adminMintSessionToken: {
    input: MintSessionToken,
    output: MintedSessionToken,
    http: { verb: 'POST', path: '/admin/session-tokens' },
    summary: 'Mint a short-lived portal session token for a customer already signed in to the store',
  },
  adminExchangeQuickOrderToken: {
    input: QuickOrderExchange,
    output: QuickOrderCustomer,
    http: { verb: 'POST', path: '/admin/quick-order-tokens/exchange' },
    summary:
      'Exchange a quick order hand-off token (the portal_handoff query parameter) for its customer, once; a used, expired or unknown token answers 404',
  },
  adminListCancellations: {
    input: null,
    output: z.array(SubscriptionCancellation),
    http: { verb: 'GET', path: '/admin/subscription-cancellations' },
    summary: 'Subscriptions customers cancelled, newest first, with their reason and comment',
  },
} as const satisfies Record<string, Operation>;

export type AdminOperationName = keyof typeof adminOperations;

/** Admin operations only the merchant's own backend may call: the console (a browser) never gets them. */
export const SERVER_ONLY_ADMIN_OPERATIONS = [
  'adminMintSessionToken',
  'adminExchangeQuickOrderToken',
] as const;
