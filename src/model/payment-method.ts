import * as z from 'zod/mini';
import { Id, ShortText } from './common.js';
import { BankAccountDetails } from './session.js';

export const CardBrand = z.enum(['visa', 'mastercard', 'amex', 'discover', 'other']);
export type CardBrand = z.infer<typeof CardBrand>;

export const Card = z.object({
  id: Id,
  type: z.literal('card'),
  brand: CardBrand,
  last4: z.string().check(z.regex(/^\d{4}$/)),
  expMonth: z.int().check(z.minimum(1), z.maximum(12)),
  expYear: z.int().check(z.minimum(2000), z.maximum(2200)),
  holderName: z.optional(ShortText),
  isDefault: z.boolean(),
  verified: z.boolean(),
});
export type Card = z.infer<typeof Card>;

export const BankAccount = z.object({
  id: Id,
  type: z.literal('bank_account'),
  bankName: z.optional(ShortText),
  last4: z.string().check(z.regex(/^\d{4}$/)),
  accountType: z.enum(['checking', 'savings']),
  holderName: ShortText,
  isDefault: z.boolean(),
});
export type BankAccount = z.infer<typeof BankAccount>;

export const PaymentMethod = z.discriminatedUnion('type', [Card, BankAccount]);

/**
 * What a receipt or summary needs to name a payment method in the customer's language ("Visa ending in
 * 4242", "Carte Visa se terminant par 4242"); the backend's own label is only a fallback.
 */
export const PaymentMethodBrief = z.discriminatedUnion('type', [
  z.object({ type: z.literal('card'), brand: CardBrand, last4: z.string().check(z.regex(/^\d{4}$/)) }),
  z.object({ type: z.literal('bank_account'), last4: z.string().check(z.regex(/^\d{4}$/)) }),
]);
export type PaymentMethodBrief = z.infer<typeof PaymentMethodBrief>;
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const NewCard = z.object({
  /** The provider's single-use token; the card number itself never reaches the portal. */
  token: z.string().check(z.minLength(1), z.maxLength(256)),
  makeDefault: z.optional(z.boolean()),
});
export type NewCard = z.infer<typeof NewCard>;

export const NewBankAccount = z.extend(BankAccountDetails, { makeDefault: z.optional(z.boolean()) });
export type NewBankAccount = z.infer<typeof NewBankAccount>;

export { isCardExpired, isCardExpiringSoon } from './card-expiry.js';
