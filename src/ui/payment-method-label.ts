import type { Messages } from '../core/i18n/index.js';
import type { PaymentMethod, PaymentMethodBrief } from '../model/index.js';
import { isCardExpired, isCardExpiringSoon } from '../model/card-expiry.js';

import { isoToday } from '../model/dates.js';

export { isoToday };

/**
 * What a customer recognises a payment method by, in their language: "Visa ending in 4242", "Bank account
 * ending in 6789". The backend's own label ("Visa •••• 4242") is English-only, so elements build this one
 * from the method whenever they have it.
 */
export function paymentMethodLabel(t: Messages, method: PaymentMethod | PaymentMethodBrief): string {
  return method.type === 'card'
    ? t.paymentMethod.card(t.paymentMethod.brands[method.brand], method.last4)
    : t.paymentMethod.bankAccount(method.last4);
}

/** Where a card stands on `today`; bank accounts never expire. */
export type ExpiryState = 'valid' | 'expiring_soon' | 'expired' | 'none';

export function expiryState(method: PaymentMethod, today: string = isoToday()): ExpiryState {
  if (method.type !== 'card') return 'none';
  if (isCardExpired(method, today)) return 'expired';
  return isCardExpiringSoon(method, today) ? 'expiring_soon' : 'valid';
}

/** Whether the method can be charged today (an expired card cannot). */
export function isUsable(method: PaymentMethod, today: string = isoToday()): boolean {
  return expiryState(method, today) !== 'expired';
}

/**
 * The card's expiry as printed on it, "08/2029", followed by what it means: "expires 08/2029",
 * "expired 01/2024". Null for a bank account. Digits are written the way cards print them, whatever the
 * locale, because that is what the customer compares against.
 */
export function paymentMethodExpiry(
  t: Messages,
  method: PaymentMethod,
  today: string = isoToday(),
): string | null {
  if (method.type !== 'card') return null;
  const printed = `${String(method.expMonth).padStart(2, '0')}/${method.expYear}`;
  return expiryState(method, today) === 'expired'
    ? t.paymentMethod.expired(printed)
    : t.paymentMethod.expires(printed);
}

/**
 * The details that go after the label: the bank's name, the expiry, "expires soon", "default". Each is a
 * plain phrase so an element can lay them out as text or badges.
 */
export function paymentMethodDetails(
  t: Messages,
  method: PaymentMethod,
  today: string = isoToday(),
): {
  expiry: string | null;
  expiringSoon: boolean;
  expired: boolean;
  bankName: string | null;
  isDefault: boolean;
} {
  const state = expiryState(method, today);
  return {
    expiry: paymentMethodExpiry(t, method, today),
    expiringSoon: state === 'expiring_soon',
    expired: state === 'expired',
    bankName: method.type === 'bank_account' ? (method.bankName ?? null) : null,
    isDefault: method.isDefault,
  };
}
