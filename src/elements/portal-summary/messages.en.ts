import type { Catalog } from '../../core/i18n/index.js';

/**
 * The English messages of `<portal-summary>`: the balance and billing figures. They ship in the element's own code; their shape is
 * the `SummaryMessages` type the other languages must fill, so a missing translation is a type error.
 */
export const en = {
  outstanding: 'Outstanding balance',
  invoiceCount: (count: number, formatted: string) =>
    count === 1 ? `${formatted} invoice` : `${formatted} invoices`,
  paidUp: 'You’re all paid up',
  emptyDetail: 'Nothing is due, and you have no active subscriptions.',
  nextBilling: 'Next billing date',
  nothingScheduled: 'Nothing scheduled',
  billingFrequency: 'Billing frequency',
  frequency: {
    day: (count: number) => (count === 1 ? 'Daily' : `Every ${count} days`),
    week: (count: number) => (count === 1 ? 'Weekly' : `Every ${count} weeks`),
    month: (count: number) => (count === 1 ? 'Monthly' : `Every ${count} months`),
    year: (count: number) => (count === 1 ? 'Yearly' : `Every ${count} years`),
  },
  frequencyMixed: 'Varies by subscription',
  noSubscriptions: 'No active subscriptions',
  autoPay: 'Auto-pay',
  autoPayOn: 'On',
  autoPayOff: 'Off',
  overdue: (amount: string, count: number, formattedCount: string) =>
    count === 1
      ? `${amount} is overdue on 1 invoice.`
      : `${amount} is overdue across ${formattedCount} invoices.`,
  balanceBreakdown: 'What makes up this balance',
  overdueBreakdown: 'Which invoices are overdue',
  due: (date: string) => `Due ${date}`,
  notShown: (count: number, formatted: string) =>
    count === 1 ? '1 more is not shown here.' : `${formatted} more are not shown here.`,
  seeAllOutstanding: 'See all outstanding invoices',
  payNow: 'Pay now',
  manageSubscriptions: 'Manage subscriptions',
  managePaymentMethods: 'Manage payment methods',
  updated: (balance: string) => `Billing summary updated. Outstanding balance: ${balance}.`,
};

export type SummaryMessages = Catalog<typeof en>;
