import type { Catalog } from '../../core/i18n/index.js';

/**
 * The English messages of `<portal-task>`: each task's title, why a task cannot be done, and each
 * confirmation. Their shape is the `TaskMessages` type the other languages must fill.
 */
export const en = {
  titles: {
    'pay-invoice': 'Pay an invoice',
    'add-payment-method': 'Add a card',
    'replace-payment-method': 'Replace a card',
    'change-subscription': 'Change your subscription',
    'cancel-subscription': 'Cancel your subscription',
    'update-billing-details': 'Update your billing details',
  },
  unknownTitle: 'Task not available',
  backToStore: 'Back to the store',
  closed: 'You closed this without finishing it.',
  startAgain: 'Start again',
  replacing: (card: string) =>
    `Add the card that replaces ${card}. It becomes your default payment method; ${card} stays on file until you remove it.`,
  refused: {
    unknownTask: 'This link does not open anything we know of. Nothing on your account was changed.',
    off: 'This cannot be done online. Please contact us and we will help.',
    invoiceNotFound: 'We could not find this invoice on your account.',
    methodNotFound: 'We could not find this card on your account. It may have been removed already.',
    subscriptionNotFound: 'We could not find this subscription on your account.',
    nothingToPay: (invoice: string) => `There is nothing left to pay on ${invoice}.`,
    cannotChange: (plan: string) => `${plan} cannot be changed online.`,
    cannotCancel: (plan: string) => `${plan} cannot be cancelled online.`,
  },
  confirmed: {
    'pay-invoice': 'Payment made',
    'add-payment-method': 'Card added',
    'replace-payment-method': 'Card replaced',
    'change-subscription': 'Subscription changed',
    'cancel-subscription': 'Subscription updated',
    'update-billing-details': 'Billing details saved',
  },
  paid: (amount: string, invoice: string) => `${amount} was paid on ${invoice}.`,
  stillDue: (amount: string) => `${amount} is still due.`,
  added: (card: string) => `${card} is saved on your account.`,
  removeOld: (card: string) => `Remove ${card}`,
  removed: (card: string) => `${card} was removed.`,
  changed: (plan: string, date: string) => `Your subscription is ${plan} from ${date}.`,
  cancelledNow: (plan: string) => `${plan} is cancelled.`,
  cancelledOn: (plan: string, date: string) => `${plan} ends on ${date}. You keep it until then.`,
  offerAccepted: (plan: string) => `${plan} continues, with your discount.`,
  paused: (plan: string, date: string) => `${plan} is paused until ${date}.`,
  profileSaved: 'Your billing details are up to date.',
};

export type TaskMessages = Catalog<typeof en>;
