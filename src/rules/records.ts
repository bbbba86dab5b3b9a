import type { BankAccount, Card, Customer, InvoiceKind, InvoiceNote, Subscription } from '../model/index.js';

/**
 * What a backend stores, as opposed to what the contract shows a customer: the rules read and write these
 * records, and the mappers turn them into the model's answers. MemoryAdapter keeps them in memory; the
 * reference server keeps them in its database; the demo data is a set of them.
 */

export interface CustomerRecord extends Omit<Customer, 'defaultPaymentMethodId'> {
  /** Plain text in this snapshot only; every store keeps a hash. Absent: passwordless access only. */
  password?: string;
  passwordIsTemporary: boolean;
  locked: boolean;
  autoPay: boolean;
  defaultPaymentMethodId?: string;
}

/** What the list derives for each method (rules/payment-methods.ts `listedMethods`) is not stored. */
type Derived = 'isDefault' | 'removable' | 'notRemovableReason' | 'usedBy';

export type PaymentMethodRecord =
  (Omit<Card, Derived> & { customerId: string }) | (Omit<BankAccount, Derived> & { customerId: string });

export interface InvoicePaymentRecord {
  id: string;
  paidAt: string;
  paymentMethodId: string;
  /** Minor units in the invoice currency. */
  amount: number;
}

export interface InvoiceRecord {
  id: string;
  customerId: string;
  number: string;
  kind: InvoiceKind;
  issueDate: string;
  dueDate?: string;
  currency: string;
  lines: { id: string; description: string; quantity: number; unitPrice: number }[];
  taxName: string;
  taxRateBasisPoints: number;
  voided: boolean;
  refunded: boolean;
  payments: InvoicePaymentRecord[];
  notes: InvoiceNote[];
}

/** What the contract derives for a subscription from its plan, the settings and the methods on file. */
type DerivedOfSubscription =
  | 'planName'
  | 'price'
  | 'interval'
  | 'intervalCount'
  | 'nextBillingAmount'
  | 'scheduledChange'
  | 'chargedTo'
  | 'actions';

export interface SubscriptionRecord extends Omit<Subscription, DerivedOfSubscription> {
  customerId: string;
  /** The method its invoices are charged to; absent: the customer's default at the time. */
  paymentMethodId?: string;
  /** The customer's own words when the reason is `other` (the merchant reads them, the customer's list does not). */
  cancellationComment?: string;
  /** A change applied on `effectiveDate` by the billing cycle (price and name come from the plan). */
  scheduledChange?: { planId: string; quantity: number; effectiveDate: string };
  /** Minor units credited by a change (more unused time than the new plan cost), taken off the next renewals. */
  carriedCredit?: number;
}

/**
 * A change's price, pinned: `changeSubscription` with this id charges exactly `dueToday` and applies
 * exactly this plan and quantity, or refuses once `expiresAt` has passed or the subscription moved on.
 */
export interface QuoteRecord {
  id: string;
  customerId: string;
  subscriptionId: string;
  planId: string;
  quantity: number;
  effective: 'now' | 'period_end';
  effectiveDate: string;
  /** Minor units, in the subscription's currency. */
  credit: number;
  charge: number;
  tax: number;
  dueToday: number;
  carriedCredit: number;
  nextRenewalAmount: number;
  nextRenewalDate: string;
  /** The subscription's `currentPeriodEnd`, plan and quantity when quoted: a moved subscription voids the quote. */
  basis: { planId: string; quantity: number; currentPeriodEnd: string };
  expiresAt: string;
}
