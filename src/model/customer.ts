import * as z from 'zod/mini';
import { Address, Contact, CountryCode, Email, Id, IsoDateTime, RequiredText, ShortText } from './common.js';
import { CurrencyCode } from './money.js';
import { vatNumberFits } from './tax-ids.js';

/**
 * What a tax registry said about the VAT number on file: known (`verified`), not registered
 * (`not_registered`), or not asked successfully (`unavailable`: the registry was down; it is a state of
 * the check, never a verdict on the number). `checkedAt` is when the registry was last asked.
 */
export const TaxIdVerificationStatus = z.enum(['verified', 'not_registered', 'unavailable']);
export type TaxIdVerificationStatus = z.infer<typeof TaxIdVerificationStatus>;
export const TaxIdVerification = z.object({ status: TaxIdVerificationStatus, checkedAt: IsoDateTime });
export type TaxIdVerification = z.infer<typeof TaxIdVerification>;

/** A billing account as its customer sees it. */
export const Customer = z.object({
  id: Id,
  /** The merchant's customer code, shown on receipts and in access logs (`CUST-0001`). */
  code: ShortText,
  name: RequiredText,
  email: Email,
  phone: z.optional(ShortText),
  company: z.optional(ShortText),
  currency: CurrencyCode,
  billingAddress: z.optional(Address),
  shippingAddress: z.optional(Address),
  billingContact: z.optional(Contact),
  shippingContact: z.optional(Contact),
  poNumber: z.optional(ShortText),
  vatNumber: z.optional(ShortText),
  registrationNumber: z.optional(ShortText),
  defaultPaymentMethodId: z.optional(Id),
  /** The registry's word on `vatNumber`; absent while there is no number or no check was made. */
  vatVerification: z.optional(TaxIdVerification),
  /** A new address asked for and not yet confirmed from its emailed link; `email` stays in force. */
  pendingEmail: z.optional(Email),
});
export type Customer = z.infer<typeof Customer>;

/**
 * The details a customer may change when the merchant allows modifying information. An empty string
 * clears a text field; `null` removes the shipping address or a contact (the billing address, once
 * given, can be changed but not removed: invoices are addressed to it).
 */
export const ProfileUpdate = z.object({
  name: z.optional(RequiredText),
  phone: z.optional(ShortText),
  company: z.optional(ShortText),
  billingAddress: z.optional(Address),
  shippingAddress: z.optional(z.nullable(Address)),
  billingContact: z.optional(z.nullable(Contact)),
  shippingContact: z.optional(z.nullable(Contact)),
});
export type ProfileUpdate = z.infer<typeof ProfileUpdate>;

/** Purchase-order, VAT and registration numbers; an empty string clears a number. */
export const TaxIdsUpdate = z.object({
  poNumber: z.optional(ShortText),
  vatNumber: z.optional(ShortText),
  registrationNumber: z.optional(ShortText),
});
export type TaxIdsUpdate = z.infer<typeof TaxIdsUpdate>;

/**
 * The same update judged against the account's billing country: a VAT number of the wrong shape for its
 * country is refused at `vatNumber` (see tax-ids.ts). The element checks with it before sending; both
 * backends refuse with the same rule.
 */
export function taxIdsUpdateFor(billingCountry: string | undefined) {
  return TaxIdsUpdate.check(
    z.refine((update) => !update.vatNumber || vatNumberFits(update.vatNumber, billingCountry), {
      path: ['vatNumber'],
      message: 'invalid',
    }),
  );
}

/**
 * A new email address for the account. It takes effect only once the link emailed to it is opened;
 * `returnUrl` is the page that link points at (the backend accepts its own allow-listed origins only).
 */
export const EmailChangeRequest = z.object({
  newEmail: Email,
  returnUrl: z.optional(z.url({ protocol: /^https?$/ })),
});
export type EmailChangeRequest = z.infer<typeof EmailChangeRequest>;

/** The token of an email-change link. */
export const EmailChangeConfirm = z.object({ token: z.string().check(z.minLength(16), z.maxLength(256)) });
export type EmailChangeConfirm = z.infer<typeof EmailChangeConfirm>;

/** What a confirmed change did: the address now in force. */
export const EmailChanged = z.object({ email: Email });
export type EmailChanged = z.infer<typeof EmailChanged>;

export { CountryCode };
