import type { Catalog } from '../../core/i18n/index.js';

type Interval = 'day' | 'week' | 'month' | 'year';
const UNITS: Record<Interval, [string, string]> = {
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  year: ['year', 'years'],
};

/**
 * The English messages of `<portal-subscriptions>`: the list, subscribing, changing, cancelling and
 * pausing. Their shape is the `SubscriptionsMessages` type the other languages must fill.
 */
export const en = {
  heading: 'Subscriptions',
  empty: 'You have no subscriptions.',
  /** "every month", "every 2 months". */
  every: (interval: Interval, count: number) =>
    count === 1 ? `every ${UNITS[interval][0]}` : `every ${count} ${UNITS[interval][1]}`,
  priceEvery: (price: string, every: string) => `${price} ${every}`,
  status: {
    trialing: 'Free trial',
    active: 'Active',
    past_due: 'Past due',
    paused: 'Paused',
    canceled: 'Cancelled',
    cancelling: 'Cancelling',
  },
  trialUntil: (date: string) => `Free trial until ${date}`,
  pausedUntil: (date: string) => `Paused until ${date}; it resumes by itself then.`,
  endsOn: (date: string) => `Ends on ${date}. You keep it until then.`,
  canceledOn: (date: string) => `Cancelled on ${date}.`,
  pastDue: 'The last payment failed. Update your payment method or pay the open invoice.',
  quantity: 'Quantity',
  price: 'Price',
  products: 'Includes',
  /** A product or plan and its quantity: "Roaster's Choice × 2". */
  times: (name: string, quantity: number) => `${name} × ${quantity}`,
  nextBilling: 'Next billing',
  nextBillingValue: (amount: string, date: string) => `${amount} on ${date}`,
  chargedTo: 'Charged to',
  chargedToDefault: 'Your default payment method',
  discount: 'Discount',
  discountValue: (percent: number, periods: number) =>
    periods === 1 ? `${percent}% off the next renewal` : `${percent}% off the next ${periods} renewals`,
  terms: 'Terms',
  started: 'Started',
  scheduledChange: (plan: string, quantity: number, price: string, date: string) =>
    `Changes to ${plan} × ${quantity} (${price}) on ${date}.`,
  change: 'Change plan or quantity',
  changeOf: (plan: string) => `Change plan or quantity of ${plan}`,
  cancel: 'Cancel subscription',
  cancelOf: (plan: string) => `Cancel subscription ${plan}`,
  pause: 'Pause',
  pauseOf: (plan: string) => `Pause ${plan}`,
  resume: 'Resume now',
  resumeOf: (plan: string) => `Resume now: ${plan}`,
  undoCancel: 'Keep subscription',
  undoCancelOf: (plan: string) => `Keep subscription ${plan}`,
  withdraw: 'Withdraw change',
  withdrawOf: (plan: string) => `Withdraw change: ${plan}`,
  subscribe: 'Subscribe to a plan',
  working: 'Working…',
  // Subscribing
  plansHeading: 'Choose a plan',
  noPlans: 'No plans are open for subscribing right now.',
  trialDays: (days: number) => (days === 1 ? '1-day free trial' : `${days}-day free trial`),
  choosePlan: 'Choose',
  choosePlanOf: (plan: string) => `Choose ${plan}`,
  detailsHeading: (plan: string) => `Subscribe to ${plan}`,
  quantityHint: (min: number, max: number) => `From ${min} to ${max}.`,
  quantityRange: (min: number, max: number) => `Choose a quantity from ${min} to ${max}.`,
  noMethods: 'Add a payment method first; subscriptions are charged to one.',
  newCardElsewhere: 'To pay with a new card, add it under Payment methods first.',
  newCardHint: 'Saved to your payment methods when you subscribe.',
  cardUnavailable: 'The card fields could not be loaded. Try again later, or choose another method.',
  cardDeclined:
    'Your bank declined the card, so it was not saved and you were not subscribed. Try another card.',
  cardAuthFailed:
    'The check with your bank was not completed, so the card was not saved and you were not subscribed.',
  cardNotSaved: (reason: string) => `The card was not saved and you were not subscribed. ${reason}`,
  cardUnknown:
    'We could not confirm that your card was saved, and you were not subscribed. If it now shows among your methods, choose it.',
  reviewButton: 'Review',
  reviewHeading: 'Review your subscription',
  plan: 'Plan',
  todayCharge: 'Charged today',
  nothingToday: (date: string) => `Nothing today: the free trial runs until ${date}`,
  thenEvery: 'Then',
  thenValue: (price: string, date: string) => `${price}, first on ${date}`,
  taxNote: 'Any tax due is added on the invoice.',
  confirmSubscribe: (amount: string) => `Subscribe and pay ${amount}`,
  confirmTrial: 'Start the free trial',
  subscribing: 'Subscribing…',
  subscribed: (plan: string) => `You subscribed to ${plan}.`,
  // Changing
  changeHeading: (plan: string) => `Change ${plan}`,
  currentPlan: 'Current plan',
  seePrice: 'See the price',
  quoting: 'Getting the price…',
  sameAsNow: 'Choose another plan or quantity: this is what you have now.',
  quoteHeading: 'The price of this change',
  credit: 'Credit for unused time',
  charge: 'Charge for the rest of the period',
  tax: 'Tax',
  dueToday: 'Due today',
  nextRenewal: 'Next renewal',
  changesOn: (date: string) => `Changes on ${date}. Nothing is due today.`,
  carried: (amount: string) => `${amount} of credit is taken off your next renewal.`,
  holdsUntil: (time: string) => `This price holds until ${time}.`,
  quoteRefreshed:
    'That price had expired, so nothing was charged. Here is the current price: confirm it if it suits you.',
  confirmChange: (amount: string) => `Confirm and pay ${amount}`,
  confirmChangeFree: 'Confirm the change',
  changing: 'Changing…',
  changed: (plan: string) => `${plan} was changed.`,
  changeScheduled: (plan: string, date: string) => `${plan} changes on ${date}.`,
  // The unknown outcome, for subscribing and changing
  unknownHeading: 'We could not confirm this',
  unknownBody:
    'The answer did not reach us, so we cannot tell whether it went through. Check again: it will not be charged twice.',
  stillUnknown: 'Still no answer. Try again in a moment.',
  // Cancelling
  cancelHeading: (plan: string) => `Cancel ${plan}`,
  offerDiscount: (percent: number, periods: number) =>
    periods === 1
      ? `Stay with us and get ${percent}% off your next renewal.`
      : `Stay with us and get ${percent}% off your next ${periods} renewals.`,
  acceptDiscount: 'Accept the offer',
  offerPause: 'Rather take a break? Pause it instead, and it resumes by itself on the date you choose.',
  pauseInstead: 'Pause instead',
  continueCancel: 'Continue cancelling',
  offerAccepted: (percent: number, plan: string) => `${percent}% off applies to ${plan}.`,
  reasonLegend: 'Why are you cancelling?',
  reasonOther: 'Other',
  comment: 'Tell us more',
  reasonRequired: 'Choose a reason.',
  commentRequired: 'Tell us the reason in a few words.',
  whenLegend: 'When should it end?',
  whenPeriodEnd: (date: string) => `At the end of the period, on ${date}`,
  whenNow: 'Now',
  confirmHeading: 'Confirm the cancellation',
  keepsUntil: (plan: string, date: string) =>
    `${plan} ends on ${date}. You keep what you paid for until then, and you can undo this before that date.`,
  endsNow: (plan: string) => `${plan} ends now. Nothing more is charged for it.`,
  keepIt: 'Keep it',
  cancelling: 'Cancelling…',
  canceledNotice: (plan: string, date: string) => `${plan} ends on ${date}. You can undo this until then.`,
  canceledNowNotice: (plan: string) => `${plan} was cancelled.`,
  undone: (plan: string) => `${plan} continues.`,
  withdrawn: (plan: string) => `The scheduled change of ${plan} was withdrawn.`,
  // Pausing
  resumeOn: 'Resume on',
  resumeOnHint: (max: string) => `Any day from tomorrow to ${max}. Nothing is charged while it is paused.`,
  dateRequired: 'Choose the date it resumes.',
  dateTooEarly: 'Choose a date after today.',
  dateTooLate: (max: string) => `Choose a date no later than ${max}.`,
  pausing: 'Pausing…',
  paused: (plan: string, date: string) => `${plan} is paused until ${date}.`,
  resumed: (plan: string) => `${plan} was resumed.`,
  unknownOutcome:
    'We could not confirm whether this went through. The list below shows where things stand now; check it before trying again.',
};

export type SubscriptionsMessages = Catalog<typeof en>;
