import * as z from 'zod/mini';
import { Email, Id, IsoDate, IsoDateTime, ShortText } from './common.js';

/** One sign-in attempt, as the merchant sees it in the access log. */
export const AccessLogEntry = z.object({
  id: Id,
  at: IsoDateTime,
  success: z.boolean(),
  /** `account_switch`: a person with several billing accounts moved their session to `customerCode`. */
  method: z.enum(['password', 'magic_link', 'session_token', 'password_reset', 'account_switch']),
  email: ShortText,
  ip: ShortText,
  /** Absent when the attempt named no known account. */
  customerCode: z.optional(ShortText),
  reason: z.optional(ShortText),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

/** Passwordless access to a billing account, by whole email domain or by single address. */
export const AccessRule = z.object({
  id: Id,
  customerId: Id,
  kind: z.enum(['domain', 'email']),
  value: ShortText,
});
export type AccessRule = z.infer<typeof AccessRule>;

/** A rule as the merchant's list shows it: with the code of the billing account it opens. */
export const ListedAccessRule = z.extend(AccessRule, { customerCode: ShortText });
export type ListedAccessRule = z.infer<typeof ListedAccessRule>;

export const NewAccessRule = z.discriminatedUnion('kind', [
  z.object({
    customerId: Id,
    kind: z.literal('domain'),
    value: z.string().check(z.regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i, 'invalid')),
  }),
  z.object({ customerId: Id, kind: z.literal('email'), value: Email }),
]);
export type NewAccessRule = z.infer<typeof NewAccessRule>;

export const MintSessionToken = z.object({
  customerId: Id,
  /** Lifetime in seconds; short by design (default 15 minutes, at most one hour). */
  ttlSeconds: z.optional(z.int().check(z.minimum(60), z.maximum(3600))),
});
export type MintSessionToken = z.infer<typeof MintSessionToken>;

export const MintedSessionToken = z.object({ token: z.string(), expiresAt: IsoDateTime });
export type MintedSessionToken = z.infer<typeof MintedSessionToken>;

export const ActivationRequest = z.object({ customerId: Id });
export type ActivationRequest = z.infer<typeof ActivationRequest>;

/**
 * A customer's portal state as the merchant sees it: `locked` wins; then `must_change_password` (a
 * temporary password from an activation email is pending); then `never_activated` (no password of their
 * own and never signed in); otherwise `active`.
 */
export const CustomerPortalState = z.enum(['active', 'must_change_password', 'locked', 'never_activated']);
export type CustomerPortalState = z.infer<typeof CustomerPortalState>;

export const CustomerAccessState = z.object({
  customerId: Id,
  customerCode: ShortText,
  name: ShortText,
  email: Email,
  state: CustomerPortalState,
  locked: z.boolean(),
  activated: z.boolean(),
  /** The last successful sign-in of the customer's own (never a preview). */
  lastSignInAt: z.optional(IsoDateTime),
});
export type CustomerAccessState = z.infer<typeof CustomerAccessState>;

/** A subscription a customer cancelled, with why: what the cancellation reason question is for. */
export const SubscriptionCancellation = z.object({
  subscriptionId: Id,
  customerId: Id,
  customerCode: ShortText,
  planId: Id,
  /** `ending`: runs until `endsOn` and the customer can still undo it; `ended`: ended on `endsOn`. */
  state: z.enum(['ending', 'ended']),
  endsOn: IsoDate,
  /** One of the settings' `cancellationReasons` ids, or `other`. */
  reason: ShortText,
  /** The reason's label in the merchant's words, when it is one of theirs. */
  reasonLabel: z.optional(ShortText),
  /** The customer's own words. */
  comment: z.optional(z.string().check(z.maxLength(2000))),
});
export type SubscriptionCancellation = z.infer<typeof SubscriptionCancellation>;
