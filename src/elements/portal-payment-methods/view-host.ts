import type { PaymentMethod } from '../../model/index.js';
import type { Notice } from '../../ui/states.js';

/** The requests the element makes, named as in the adapter (they are `portal-error`'s `operation`). */
export type Operation = 'addCard' | 'addBankAccount' | 'removePaymentMethod' | 'setDefaultPaymentMethod';

/** What shows below the list: nothing, or one of the add forms. */
export type Panel = 'list' | 'card' | 'bank';

/** What the last action did, above the list (ui/states.ts draws it). */
export type { Notice };

/** After a card was added while invoices are overdue: pay them with it now. */
export interface OverdueOffer {
  method: PaymentMethod;
  count: number;
  /** Set when exactly one invoice is overdue: "Pay now" opens it straight away. */
  invoiceId?: string;
}
