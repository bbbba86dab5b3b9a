import type { Catalog } from '../../core/i18n/index.js';

/**
 * The English messages of `<portal-payment-methods>`: the list, adding a card or a bank account, the
 * default and removal. Their shape is the `PaymentMethodsMessages` type the other languages must fill.
 */
export const en = {
  heading: 'Payment methods',
  empty: 'You have no payment methods on file.',
  cards: 'Cards',
  bankAccounts: 'Bank accounts',
  expiresSoon: 'Expires soon',
  expired: 'Expired',
  isDefault: 'Default',
  makeDefaultOf: (label: string) => `Make default: ${label}`,
  remove: 'Remove',
  removeOf: (label: string) => `Remove ${label}`,
  notRemovable: {
    bank_account: 'Bank accounts can be removed only by the merchant.',
    last_card_required: 'A card must stay on file, so the last card cannot be removed.',
    removing_turned_off: 'Removing cards is turned off.',
  },
  addCard: 'Add a card',
  addBankAccount: 'Add a bank account',
  saveCard: 'Save card',
  saveBankAccount: 'Save bank account',
  verifyingCard: 'Checking the card with your bank…',
  cardHeading: 'Add a card',
  bankHeading: 'Add a bank account',
  cardUnavailable: 'The card fields could not be loaded. Try again in a moment.',
  verifyNotice:
    'We check the card with a zero-amount authorisation before saving it. You will not be charged.',
  testMode: 'Test mode: only test cards are accepted.',
  makeNewDefault: 'Make it my default payment method',
  accountNumberAgain: 'Account number again',
  accountNumbersDiffer: 'The account numbers do not match.',
  declined: 'Your bank declined the card, so it was not saved. Try another card or contact your bank.',
  authenticationFailed: 'The check with your bank was not completed, so the card was not saved.',
  unknownOutcome:
    'We could not confirm whether this was saved. The list below shows what is on file now; check it before trying again.',
  removeUnknownOutcome:
    'We could not confirm whether it was removed. The list below shows what is on file now; check it before trying again.',
  added: (label: string) => `${label} was added.`,
  removed: (label: string) => `${label} was removed.`,
  removeHeading: (label: string) => `Remove ${label}?`,
  removeKeep: 'Keep it',
  removeConfirm: 'Remove',
  dependsAutoPay: 'Auto-pay charges your open invoices to it.',
  dependsSubscription: (plan: string) => `${plan} renews on it.`,
  dependsNothing: 'Nothing is charged to it automatically.',
  chooseNewDefault: 'Which payment method becomes the default?',
  overdueOffer: (count: number, label: string) =>
    count === 1
      ? `You have an overdue invoice. Pay it now with ${label}?`
      : `You have ${count} overdue invoices. Pay them now with ${label}?`,
  payOverdue: 'Pay now',
  notNow: 'Not now',
};

export type PaymentMethodsMessages = Catalog<typeof en>;
