import type { NotRemovableReason, PaymentMethod, PortalSettings } from '../../model/index.js';
import { allows } from '../../rules/capabilities.js';
import { isUsable } from '../../ui/payment-method-label.js';

/**
 * What a method allows, as the backend states it in the list (`removable`, `notRemovableReason`), else
 * worked out from the merchant's settings for an adapter that leaves them out. The backend refuses a
 * forbidden removal either way; this decides what the page offers and how it explains itself.
 */
export function notRemovableReason(
  method: PaymentMethod,
  methods: readonly PaymentMethod[],
  settings: PortalSettings,
): NotRemovableReason | null {
  if (method.removable === true) return null;
  if (method.notRemovableReason) return method.notRemovableReason;
  if (method.type === 'bank_account') return 'bank_account';
  if (!settings.paymentMethods.removeCards) return 'removing_turned_off';
  const cards = methods.filter((each) => each.type === 'card');
  if (settings.paymentMethods.cardOnFileRequired && cards.length <= 1) return 'last_card_required';
  return null;
}

/** Whether the customer may choose the default (the merchant's "modify information" capability). */
export function canChangeDefault(settings: PortalSettings): boolean {
  return allows(settings, 'defaultPaymentMethod');
}

/** The methods that could take over as the default once `removed` is gone: the others that can be charged. */
export function nextDefaultCandidates(
  removed: PaymentMethod,
  methods: readonly PaymentMethod[],
  today?: string,
): PaymentMethod[] {
  return methods.filter((each) => each.id !== removed.id && isUsable(each, today));
}

/**
 * Cards first, then bank accounts, each in the backend's order. Rows never move when the default
 * changes: the badge does, and focus stays on the row the customer acted on.
 */
export function groupMethods(methods: readonly PaymentMethod[]): {
  cards: PaymentMethod[];
  bankAccounts: PaymentMethod[];
} {
  return {
    cards: methods.filter((each) => each.type === 'card'),
    bankAccounts: methods.filter((each) => each.type === 'bank_account'),
  };
}
