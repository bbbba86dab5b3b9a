import * as z from 'zod/mini';
import {
  Address,
  Email,
  Id,
  IsoDateTime,
  NewPassword,
  Password,
  RequiredText,
  ShortText,
  StorableText,
} from './common.js';

export const SignInMethod = z.enum(['password', 'magic_link', 'session_token']);
export type SignInMethod = z.infer<typeof SignInMethod>;

/** Who is signed in, to which billing account, and until when. */
export const Session = z.object({
  customerId: Id,
  customerCode: ShortText,
  customerName: ShortText,
  /** The person signed in; with passwordless access it may differ from the account's email. */
  email: Email,
  method: SignInMethod,
  expiresAt: IsoDateTime,
  /** A merchant previewing the portal as this customer: everything is read-only. */
  preview: z.optional(z.boolean()),
  /**
   * How many billing accounts the person may switch between (`listAccounts`), when more than one; absent
   * for everyone else, so a portal asks for the list only when there is a choice.
   */
  accountCount: z.optional(z.int().check(z.minimum(2))),
});
export type Session = z.infer<typeof Session>;

export const PasswordSignIn = z.object({ email: Email, password: Password });
export type PasswordSignIn = z.infer<typeof PasswordSignIn>;

/**
 * A correct temporary password does not open a session: it yields a short-lived challenge that only
 * `completePasswordChange` accepts, so the customer must choose their own password first.
 */
export const SignInResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in'), session: Session }),
  z.object({ status: z.literal('password_change_required'), challenge: StorableText.check(z.minLength(16)) }),
]);
export type SignInResult = z.infer<typeof SignInResult>;

export const MagicLinkRequest = z.object({
  email: Email,
  /** Where the emailed link points; the backend only accepts its own allow-listed origins. */
  returnUrl: z.optional(z.url({ protocol: /^https?$/ })),
});
export type MagicLinkRequest = z.infer<typeof MagicLinkRequest>;

export const MagicLinkVerify = z.object({ token: StorableText.check(z.minLength(16), z.maxLength(256)) });
export type MagicLinkVerify = z.infer<typeof MagicLinkVerify>;

/**
 * An ABA routing number: nine digits whose checksum holds (weights 3, 7, 1 repeated; the sum is a multiple
 * of 10), so a mistyped digit is caught while typing, before any bank is asked.
 */
export function isRoutingNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const weights = [3, 7, 1];
  const sum = [...value].reduce((total, digit, index) => total + Number(digit) * weights[index % 3], 0);
  return sum % 10 === 0;
}

export const BankAccountDetails = z.object({
  holderName: RequiredText,
  routingNumber: z
    .string()
    .check(z.regex(/^\d{9}$/, { error: 'invalid', abort: true }), z.refine(isRoutingNumber, 'invalid')),
  accountNumber: z.string().check(z.regex(/^\d{4,17}$/, 'invalid')),
  accountType: z.enum(['checking', 'savings']),
});
export type BankAccountDetails = z.infer<typeof BankAccountDetails>;

export const SignUp = z.object({
  email: Email,
  password: NewPassword,
  name: RequiredText,
  company: z.optional(ShortText),
  phone: z.optional(ShortText),
  billingAddress: z.optional(Address),
  shippingAddress: z.optional(Address),
  /** A token from the card fields provider; card numbers never reach the portal. */
  cardToken: z.optional(StorableText.check(z.minLength(1), z.maxLength(256))),
  bankAccount: z.optional(BankAccountDetails),
});
export type SignUp = z.infer<typeof SignUp>;

export const PasswordResetRequest = z.object({
  email: Email,
  returnUrl: z.optional(z.url({ protocol: /^https?$/ })),
});
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

export const PasswordReset = z.object({
  token: StorableText.check(z.minLength(16), z.maxLength(256)),
  newPassword: NewPassword,
});
export type PasswordReset = z.infer<typeof PasswordReset>;

/** Finish a forced change after signing in with a temporary password. */
export const CompletePasswordChange = z.object({
  challenge: StorableText.check(z.minLength(16), z.maxLength(256)),
  newPassword: NewPassword,
});
export type CompletePasswordChange = z.infer<typeof CompletePasswordChange>;

/** Change the password of the signed-in customer. */
export const ChangePassword = z.object({ currentPassword: Password, newPassword: NewPassword });
export type ChangePassword = z.infer<typeof ChangePassword>;
