import * as z from 'zod/mini';
import { Id, ShortText, StorableText } from './common.js';
import { BankAccountDetails } from './session.js';

export const CardBrand = z.enum(['visa', 'mastercard', 'amex', 'discover', 'other']);
export type CardBrand = z.infer<typeof CardBrand>;

/**
 * Why a method has no remove action: bank accounts are removed by the merchant only, the last card stays
 * when the merchant requires one on file, or removing cards is turned off.
 */
export const NotRemovableReason = z.enum(['bank_account', 'last_card_required', 'removing_turned_off']);
export type NotRemovableReason = z.infer<typeof NotRemovableReason>;

/** What charges a method without asking: auto-pay of open invoices, and the renewals of subscriptions. */
export const PaymentMethodUse = z.object({
  autoPay: z.boolean(),
  subscriptions: z.array(z.object({ id: Id, planName: ShortText })),
});
export type PaymentMethodUse = z.infer<typeof PaymentMethodUse>;

/**
 * What a list of methods tells about each one so that a page can explain itself ("used by Pro Monthly",
 * "the last card cannot be removed"). Both reference backends fill them; another adapter may leave them
 * out, and the backend refuses a removal anyway.
 */
const MethodStanding = {
  removable: z.optional(z.boolean()),
  /** Present when `removable` is false. */
  notRemovableReason: z.optional(NotRemovableReason),
  /** The default method, and any method a subscription renews on: what charges it. */
  usedBy: z.optional(PaymentMethodUse),
};

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
  ...MethodStanding,
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
  ...MethodStanding,
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
  token: StorableText.check(z.minLength(1), z.maxLength(256)),
  makeDefault: z.optional(z.boolean()),
});
export type NewCard = z.infer<typeof NewCard>;

export const NewBankAccount = z.extend(BankAccountDetails, { makeDefault: z.optional(z.boolean()) });
export type NewBankAccount = z.infer<typeof NewBankAccount>;

/**
 * Removing a method; when it is the default, `newDefaultId` names the customer's choice of the next
 * default, applied in the same step (without it the backend picks the next card). Ignored otherwise.
 */
export const RemovePaymentMethod = z.object({ id: Id, newDefaultId: z.optional(Id) });
export type RemovePaymentMethod = z.infer<typeof RemovePaymentMethod>;

export { isCardExpired, isCardExpiringSoon } from './card-expiry.js';
