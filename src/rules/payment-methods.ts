import {
  type AllocationOutcome,
  type BankAccountDetails,
  type CardBrand,
  type NotRemovableReason,
  type PaymentMethod,
  type PortalSettings,
  type Subscription,
  isCardExpired,
} from '../model/index.js';
import { allows, requireCapability } from './capabilities.js';
import { conflict, forbidden, invalidField, paymentDeclined } from './errors.js';
import { toPaymentMethod } from './mappers.js';
import type { CustomerRecord, PaymentMethodRecord } from './records.js';

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
 * Why `method` cannot be removed, or undefined when it can: bank accounts are never removed by customers;
 * cards only when the merchant allows it, and never the last one when a card on file is required.
 */
export function notRemovableReason(
  settings: PortalSettings,
  method: PaymentMethodRecord,
  methods: readonly PaymentMethodRecord[],
): NotRemovableReason | undefined {
  if (method.type === 'bank_account') return 'bank_account';
  if (!allows(settings, 'removeCards')) return 'removing_turned_off';
  const cards = methods.filter((each) => each.type === 'card');
  if (settings.paymentMethods.cardOnFileRequired && cards.length <= 1) return 'last_card_required';
  return undefined;
}

/** Refuses what `notRemovableReason` names: `forbidden` by who may remove, `conflict` for the last card. */
export function checkRemove(
  settings: PortalSettings,
  method: PaymentMethodRecord,
  methods: readonly PaymentMethodRecord[],
): void {
  switch (notRemovableReason(settings, method, methods)) {
    case 'bank_account':
      throw forbidden('bank accounts can only be removed by the merchant');
    case 'removing_turned_off':
      requireCapability(settings, 'removeCards');
      break;
    case 'last_card_required':
      throw conflict('at least one card must stay on file');
    case undefined:
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

/**
 * The default once `removed` is gone, when the customer may have chosen it (`chosenId`): the choice counts
 * only when the default itself is removed, needs the capability to change the default, and must name
 * another usable method of the customer's; without a choice, `defaultAfterRemoval` picks.
 */
export function defaultAfterRemovalChoice(input: {
  settings: PortalSettings;
  currentDefault: string | undefined;
  removed: PaymentMethodRecord;
  methods: readonly PaymentMethodRecord[];
  chosenId: string | undefined;
  today: string;
}): string | undefined {
  const { currentDefault, removed, methods, chosenId } = input;
  if (chosenId === undefined || currentDefault !== removed.id) {
    return defaultAfterRemoval(currentDefault, removed, methods);
  }
  requireCapability(input.settings, 'defaultPaymentMethod');
  const chosen = methods.find((each) => each.id === chosenId && each.id !== removed.id);
  if (!chosen) throw invalidField('newDefaultId', 'choose another of your payment methods');
  checkSetDefault(chosen, input.today);
  return chosen.id;
}

/** What the list of a customer's methods is drawn from. */
export interface MethodListInput {
  settings: PortalSettings;
  methods: readonly PaymentMethodRecord[];
  customer: Pick<CustomerRecord, 'defaultPaymentMethodId' | 'autoPay'>;
  /**
   * The customer's subscriptions: those that renew are charged to their own method (`paymentMethodId`,
   * the one chosen when subscribing) while it is on file, else to the default.
   */
  subscriptions: readonly (Pick<Subscription, 'id' | 'planName' | 'nextBillingDate' | 'cancelAtPeriodEnd'> & {
    paymentMethodId?: string;
  })[];
}

/**
 * The customer's methods as the list answers them: each says whether it can be removed and why not, and
 * the default and each subscription's own method say what charges them (auto-pay, the subscriptions that
 * renew on them), so a page can explain itself. Removing a subscription's own method is allowed: its
 * renewals fall back to the default, which the list then says.
 */
export function listedMethods(input: MethodListInput): PaymentMethod[] {
  const { settings, methods, customer } = input;
  const onFile = (id: string | undefined) => methods.some((method) => method.id === id);
  const renewing = input.subscriptions.filter(
    (each) => each.nextBillingDate !== undefined && !each.cancelAtPeriodEnd,
  );
  const renewingOn = (method: PaymentMethodRecord) =>
    renewing
      .filter((each) =>
        onFile(each.paymentMethodId)
          ? each.paymentMethodId === method.id
          : method.id === customer.defaultPaymentMethodId,
      )
      .map((each) => ({ id: each.id, planName: each.planName }));
  return methods.map((method) => {
    const reason = notRemovableReason(settings, method, methods);
    const listed: PaymentMethod = {
      ...toPaymentMethod(method, customer.defaultPaymentMethodId),
      removable: reason === undefined,
      ...(reason ? { notRemovableReason: reason } : {}),
    };
    const subscriptions = renewingOn(method);
    // Auto-pay of open invoices goes to the default; renewals go to each subscription's method.
    const isDefault = method.id === customer.defaultPaymentMethodId;
    if (isDefault || subscriptions.length > 0) {
      listed.usedBy = { autoPay: isDefault && customer.autoPay, subscriptions };
    }
    return listed;
  });
}

/** An expired card cannot become the default (the capability is checked first). */
export function checkSetDefault(method: PaymentMethodRecord, today: string): void {
  if (method.type === 'card' && isCardExpired(method, today)) {
    throw conflict('an expired card cannot be the default payment method');
  }
}
