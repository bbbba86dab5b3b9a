import {
  type AllocationOutcome,
  type BankAccountDetails,
  type CardBrand,
  type PortalSettings,
  isCardExpired,
} from '../model/index.js';
import { requireCapability } from './capabilities.js';
import { conflict, forbidden, invalidField, paymentDeclined } from './errors.js';
import type { PaymentMethodRecord } from './records.js';

/**
 * Payment methods: what adding a card or a bank account, removing one and choosing the default require,
 * and where the default goes when it is removed. The capability to add or remove at all is checked with
 * `requireCapability` before anything is looked up.
 */

/** What the payment provider's token resolves to: what may be stored, never the card number. */
export interface TokenizedCard {
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
  /** What a zero-amount verification would answer for this card. */
  verification: AllocationOutcome;
}

/** A card token that resolves to nothing, or to an expired card, is refused the same way. */
export function isUsableCard(card: TokenizedCard | null, today: string): card is TokenizedCard {
  return card !== null && !isCardExpired(card, today);
}

/** With verification on, a card that fails it is not saved (at sign-up or later). */
export function checkVerification(settings: PortalSettings, card: TokenizedCard): void {
  if (settings.paymentMethods.verifyNewCards && card.verification !== 'succeeded') {
    throw paymentDeclined('The card was declined when it was verified.');
  }
}

/** The checks on a card a signed-in customer adds, once its token is resolved. */
export function checkNewCard(
  settings: PortalSettings,
  card: TokenizedCard | null,
  today: string,
): asserts card is TokenizedCard {
  if (!isUsableCard(card, today)) throw invalidField('token', 'the card token is not valid');
  checkVerification(settings, card);
}

export function cardRecord(input: {
  id: string;
  customerId: string;
  card: TokenizedCard;
  holderName: string;
  settings: PortalSettings;
}): PaymentMethodRecord {
  const { card } = input;
  return {
    id: input.id,
    customerId: input.customerId,
    type: 'card',
    brand: card.brand,
    last4: card.last4,
    expMonth: card.expMonth,
    expYear: card.expYear,
    holderName: input.holderName,
    verified: input.settings.paymentMethods.verifyNewCards,
  };
}

/** Only the last four digits are kept: the full account number is the bank processor's business. */
export function bankAccountRecord(input: {
  id: string;
  customerId: string;
  account: BankAccountDetails;
}): PaymentMethodRecord {
  return {
    id: input.id,
    customerId: input.customerId,
    type: 'bank_account',
    last4: input.account.accountNumber.slice(-4),
    accountType: input.account.accountType,
    holderName: input.account.holderName,
  };
}

/** Asking for a new method to become the default needs the capability to change the default. */
export function checkMakeDefault(settings: PortalSettings, makeDefault: boolean | undefined): void {
  if (makeDefault) requireCapability(settings, 'defaultPaymentMethod');
}

/** A saved method becomes the default when asked, or when the customer had none. */
export function defaultAfterSave(
  currentDefault: string | undefined,
  saved: PaymentMethodRecord,
  makeDefault: boolean | undefined,
): string {
  return makeDefault || currentDefault === undefined ? saved.id : currentDefault;
}

/**
 * Bank accounts are never removed by customers; cards only when the merchant allows it, and never the
 * last one when a card on file is required.
 */
export function checkRemove(
  settings: PortalSettings,
  method: PaymentMethodRecord,
  methods: readonly PaymentMethodRecord[],
): void {
  if (method.type === 'bank_account') throw forbidden('bank accounts can only be removed by the merchant');
  requireCapability(settings, 'removeCards');
  const cards = methods.filter((each) => each.type === 'card');
  if (settings.paymentMethods.cardOnFileRequired && cards.length <= 1) {
    throw conflict('at least one card must stay on file');
  }
}

/**
 * The default once `removed` is gone: unchanged unless it was the default; then the next card, else
 * another method, else none, so auto-pay keeps working.
 */
export function defaultAfterRemoval(
  currentDefault: string | undefined,
  removed: PaymentMethodRecord,
  methods: readonly PaymentMethodRecord[],
): string | undefined {
  if (currentDefault !== removed.id) return currentDefault;
  const rest = methods.filter((each) => each.id !== removed.id);
  return (rest.find((each) => each.type === 'card') ?? rest[0])?.id;
}

/** An expired card cannot become the default (the capability is checked first). */
export function checkSetDefault(method: PaymentMethodRecord, today: string): void {
  if (method.type === 'card' && isCardExpired(method, today)) {
    throw conflict('an expired card cannot be the default payment method');
  }
}
