import type { Catalog } from '../../core/i18n/index.js';

/**
 * The English messages of `<portal-pay-invoice>`: the payment form, review, and receipt. They ship in the element's own code; their shape is
 * the `PayMessages` type the other languages must fill, so a missing translation is a type error.
 */
export const en = {
  heading: (number: string) => `Pay ${number}`,
  amountDue: 'Amount due',
  dueDate: 'Due',
  amountLegend: 'How much do you want to pay?',
  payFull: (amount: string) => `The amount due: ${amount}`,
  payPart: 'Part of the amount due',
  amountLabel: (currency: string) => `Amount to pay (${currency})`,
  amountHint: (max: string) => `Up to ${max}.`,
  amountRequired: 'Enter the amount to pay.',
  amountInvalid: (example: string) => `Enter an amount like ${example}.`,
  amountPrecision: (digits: number) =>
    digits === 0 ? 'Enter a whole amount, without decimals.' : `Use at most ${digits} decimal places.`,
  amountZero: 'Enter an amount greater than zero.',
  amountTooLarge: (max: string) => `Enter at most ${max}, the amount due.`,
  methodRequired: 'Choose a payment method.',
  splitStart: 'Split across payment methods',
  splitStop: 'Pay with one method instead',
  splitLegend: 'Split across payment methods',
  splitHint: (max: number) =>
    `Use up to ${max} payment methods, each once. The amounts are charged one after the other.`,
  rowMethod: (n: number) => `Payment method ${n}`,
  rowAmount: (n: number, currency: string) => `Amount ${n} (${currency})`,
  expiredOption: (label: string) => `${label} (expired)`,
  rowAdded: (n: number) => `Payment ${n} added.`,
  maxRows: (max: number) => `You are using the most payment methods allowed (${max}).`,
  remove: 'Remove',
  removeRow: (n: number) => `Remove payment ${n}`,
  rowRemoved: (n: number) => `Payment ${n} removed.`,
  fillRest: 'Use the rest',
  fillRestRow: (n: number) => `Use the rest for payment ${n}`,
  leftToAllocate: (amount: string) => `Left to allocate: ${amount}`,
  overAllocated: (over: string, due: string) =>
    `These amounts are ${over} more than the amount due (${due}). Lower them to continue.`,
  leftStaysDue: 'Anything left unallocated stays due on the invoice.',
  mustAllocateAll: (left: string) => `Allocate the whole amount due: ${left} is still unallocated.`,
  methodRepeated: 'This payment method is already used in another payment. Choose a different one.',
  fixErrors: 'Please correct the highlighted details.',
  review: 'Review payment',
  reviewHeading: 'Review your payment',
  reviewIntro: 'Nothing is charged until you confirm.',
  invoice: 'Invoice',
  chargeTo: 'Charged to',
  charge: 'Amount',
  total: 'Total to pay',
  remainsDue: 'Still due after this payment',
  confirm: (amount: string) => `Pay ${amount}`,
  paying: 'Paying…',
  processing: 'Processing your payment. Please wait.',
  unknownHeading: 'We could not confirm your payment',
  unknownBody:
    'Your payment may or may not have gone through. Do not pay again: check again to find out. Checking again never charges you twice.',
  stillUnknown: 'We still could not confirm your payment. Check your connection, then check again.',
  receiptHeading: {
    succeeded: 'Payment received',
    partially_succeeded: 'Payment partly received',
    failed: 'Payment not made',
  },
  paid: (amount: string, number: string) => `${amount} was paid on ${number}. Thank you.`,
  chargedTo: (amount: string, method: string) => `${amount} was charged to ${method}.`,
  declinedOn: (amount: string, method: string) =>
    `${amount} on ${method} was declined: nothing was charged to it.`,
  insufficientOn: (amount: string, method: string) =>
    `${amount} on ${method} was declined for insufficient funds: nothing was charged to it.`,
  errorOn: (amount: string, method: string) =>
    `${amount} on ${method} could not be processed: nothing was charged to it.`,
  nothingCharged: 'Nothing was charged. You can try another payment method.',
  outcomeColumn: 'Result',
  outcome: {
    succeeded: 'Charged',
    declined: 'Declined',
    insufficient_funds: 'Declined: insufficient funds',
    processing_error: 'Not charged: processing error',
  },
  chargedTotal: 'Charged in total',
  stillDue: 'Still due',
  payRest: (amount: string) => `Pay the remaining ${amount} with another method`,
  tryAnother: 'Try another payment method',
  noInvoice: 'Choose an invoice to pay.',
  nothingToPay: (number: string) => `There is nothing left to pay on ${number}.`,
  paymentsOff: (merchant: string) =>
    `${merchant} does not take payments in this portal. Please contact them to pay this invoice.`,
  contact: (email: string) => `Write to ${email}`,
  noMethods:
    'You have no payment method that can pay this invoice. Add a card or a bank account, then come back.',
  forbidden: 'This way of paying is no longer available, so nothing was charged. Review your payment.',
  conflict: 'This invoice changed in the meantime, so nothing was charged. Review the amount due.',
  methodGone: 'A payment method you chose is no longer available, so nothing was charged. Choose another.',
  declined: 'The payment was declined, so nothing was charged. Try another payment method.',
  newCardHint: 'It is saved to your payment methods when you pay.',
  cardUnavailable: 'The card fields could not be loaded. Try again in a moment, or choose another method.',
  cardDeclined: 'Your bank declined the card, so it was not saved and nothing was charged. Try another card.',
  cardAuthFailed:
    'The check with your bank was not completed, so the card was not saved and nothing was charged.',
  cardNotSaved: (reason: string) => `The card was not saved and nothing was charged. ${reason}`,
  cardUnknown:
    'We could not confirm that your card was saved. Nothing was charged. Check your payment methods before paying.',
  tooLarge: 'This is more than the amount due.',
};

export type PayMessages = Catalog<typeof en>;
