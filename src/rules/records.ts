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

export interface SubscriptionRecord extends Omit<
  Subscription,
  'planName' | 'price' | 'interval' | 'intervalCount'
> {
  customerId: string;
}
