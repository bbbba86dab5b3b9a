import * as z from 'zod/mini';
import { Address, Contact, CountryCode, Email, Id, RequiredText, ShortText } from './common.js';
import { CurrencyCode } from './money.js';

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
});
export type Customer = z.infer<typeof Customer>;

/** The details a customer may change when the merchant allows modifying information. */
export const ProfileUpdate = z.object({
  name: z.optional(RequiredText),
  phone: z.optional(ShortText),
  company: z.optional(ShortText),
  billingAddress: z.optional(Address),
  shippingAddress: z.optional(Address),
  billingContact: z.optional(Contact),
  shippingContact: z.optional(Contact),
});
export type ProfileUpdate = z.infer<typeof ProfileUpdate>;

/** Purchase-order, VAT and registration numbers; an empty string clears a number. */
export const TaxIdsUpdate = z.object({
  poNumber: z.optional(ShortText),
  vatNumber: z.optional(ShortText),
  registrationNumber: z.optional(ShortText),
});
export type TaxIdsUpdate = z.infer<typeof TaxIdsUpdate>;

export { CountryCode };
