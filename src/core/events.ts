import type { PortalError } from '../contract/errors.js';
import type { TaskName } from '../rules/task-links.js';
import type {
  ChangePreview,
  Customer,
  InvoiceFilter,
  PaymentMethod,
  PaymentReceipt,
  Session,
  StaffSession,
  Subscription,
} from '../model/index.js';

/**
 * What a single task (`<portal-root task="…">`, `<portal-task>`) did, by task: the `result` of
 * `portal-task-complete` and `portal-task-done`.
 */
export type TaskCompletion =
  | { task: 'pay-invoice'; result: { receipt: PaymentReceipt } }
  | { task: 'add-payment-method'; result: { paymentMethod: PaymentMethod } }
  | {
      task: 'replace-payment-method';
      /** `replaced` is the card the task was opened for; it stays on file unless the customer removes it. */
      result: { paymentMethod: PaymentMethod; replaced: PaymentMethod };
    }
  | { task: 'change-subscription'; result: { subscription: Subscription; quote: ChangePreview } }
  | {
      task: 'cancel-subscription';
      /** `cancelled`, or what the customer took instead: the retention discount, or a pause. */
      result: { subscription: Subscription; outcome: 'cancelled' | 'offer-accepted' | 'paused' };
    }
  | { task: 'update-billing-details'; result: { customer: Customer } };

/**
 * Every event the portal dispatches for the host page: `portal-*`, bubbling and composed (they cross
 * shadow roots), with a typed `detail`. They report what the customer or the server did — never an echo
 * of a property set from code.
 */
export interface PortalEventDetails {
  /** The customer signed in (password, magic link, sign-up or a minted session token). */
  'portal-sign-in': { session: Session };
  'portal-sign-out': { customerId: string | null };
  /** The customer opened a section of <portal-root>. */
  'portal-section': { section: string };
  /** An invoice was chosen in a list. `<portal-root>` opens it; alone, the page decides what to show. */
  'portal-invoice-select': { invoiceId: string };
  /**
   * An element asks to show something that lives elsewhere (the summary's "see all outstanding invoices").
   * `<portal-root>` handles it and cancels the event; alone, the page may handle it and cancel it.
   */
  'portal-navigate': {
    section: string;
    filter?: InvoiceFilter;
    invoiceId?: string;
    /** The payment method to preselect in the pay flow it leads to (a card just added, say). */
    paymentMethodId?: string;
    /** Open the invoice straight on its pay flow (Pay on a row of the list, "Pay now" on the overview). */
    pay?: boolean;
  };
  /** A payment request finished; the receipt says allocation by allocation what was charged. */
  'portal-payment': { receipt: PaymentReceipt };
  /** A card or bank account was saved (`<portal-payment-methods>`). */
  'portal-payment-method-added': { paymentMethod: PaymentMethod };
  /** A card was removed. */
  'portal-payment-method-removed': { paymentMethodId: string };
  /** Another method became the default (chosen, or named when the default was removed). */
  'portal-payment-method-default': { paymentMethod: PaymentMethod };
  /** The customer subscribed to a plan (`<portal-subscriptions>`). */
  'portal-subscribed': { subscription: Subscription };
  /** Plan or quantity changed at the quoted price: now, or scheduled for `quote.effectiveDate`. */
  'portal-subscription-changed': { subscription: Subscription; quote: ChangePreview };
  /** Cancelled now or at the period end, with the merchant's reason id (`other`: see `comment`). */
  'portal-subscription-cancelled': { subscription: Subscription; reason: string; comment?: string };
  /** A cancellation scheduled for the period end was undone: the subscription continues. */
  'portal-subscription-cancel-undone': { subscription: Subscription };
  /** A change scheduled for the period end was withdrawn. */
  'portal-subscription-change-withdrawn': { subscription: Subscription };
  /** The customer took the merchant's retention discount instead of cancelling. */
  'portal-subscription-offer-accepted': { subscription: Subscription };
  /** Paused until `resumeOn`, when it resumes by itself. */
  'portal-subscription-paused': { subscription: Subscription; resumeOn: string };
  /** A paused subscription was resumed now. */
  'portal-subscription-resumed': { subscription: Subscription };
  /** Name, company, phone, addresses or contacts were saved (`<portal-profile>`). */
  'portal-profile-changed': { customer: Customer };
  /** PO, VAT or registration numbers were saved; `customer.vatVerification` says what the registry said. */
  'portal-tax-details-updated': { customer: Customer };
  /** A confirmation link went to the new address; the email changes once it is opened. */
  'portal-email-change-requested': { pendingEmail: string };
  /** An email-change link was confirmed: `email` is the account's address now. */
  'portal-email-changed': { email: string };
  /** Something failed that the element shows to the customer; for the merchant's logging. */
  'portal-error': { error: PortalError; operation: string };
  /** The customer opened one of the merchant's pages from `<portal-content>`'s list. */
  'portal-content-open': { slug: string };
  /**
   * Quick order is handing the customer to the merchant's checkout, signed in: `url` carries `token`.
   * Cancelable: a single-page store cancels it and routes itself (its server exchanges the token);
   * otherwise the browser goes to `url`.
   */
  'portal-quick-order': { url: string; token: string };
  /** A single task was completed; its confirmation is on show. */
  'portal-task-complete': TaskCompletion;
  /** The customer closed a single task without completing it (Cancel, or the flow's own Back). */
  'portal-task-cancel': { task: TaskName };
  /**
   * The customer pressed Done ("Back to the store" with `return-url`) on a completed task's confirmation.
   * Cancelable: cancelling keeps the browser from following `return-url`.
   */
  'portal-task-done': TaskCompletion;
  /** A member of the merchant's staff signed in to the console (`<portal-console>`). */
  'portal-console-sign-in': { session: StaffSession };
  /** The staff member signed out of the console. */
  'portal-console-sign-out': Record<string, never>;
}

export type PortalEventName = keyof PortalEventDetails;
export type PortalEvent<K extends PortalEventName> = CustomEvent<PortalEventDetails[K]>;

declare global {
  interface HTMLElementEventMap {
    'portal-sign-in': PortalEvent<'portal-sign-in'>;
    'portal-sign-out': PortalEvent<'portal-sign-out'>;
    'portal-section': PortalEvent<'portal-section'>;
    'portal-invoice-select': PortalEvent<'portal-invoice-select'>;
    'portal-navigate': PortalEvent<'portal-navigate'>;
    'portal-payment': PortalEvent<'portal-payment'>;
    'portal-payment-method-added': PortalEvent<'portal-payment-method-added'>;
    'portal-payment-method-removed': PortalEvent<'portal-payment-method-removed'>;
    'portal-payment-method-default': PortalEvent<'portal-payment-method-default'>;
    'portal-subscribed': PortalEvent<'portal-subscribed'>;
    'portal-subscription-changed': PortalEvent<'portal-subscription-changed'>;
    'portal-subscription-cancelled': PortalEvent<'portal-subscription-cancelled'>;
    'portal-subscription-cancel-undone': PortalEvent<'portal-subscription-cancel-undone'>;
    'portal-subscription-change-withdrawn': PortalEvent<'portal-subscription-change-withdrawn'>;
    'portal-subscription-offer-accepted': PortalEvent<'portal-subscription-offer-accepted'>;
    'portal-subscription-paused': PortalEvent<'portal-subscription-paused'>;
    'portal-subscription-resumed': PortalEvent<'portal-subscription-resumed'>;
    'portal-profile-changed': PortalEvent<'portal-profile-changed'>;
    'portal-tax-details-updated': PortalEvent<'portal-tax-details-updated'>;
    'portal-email-change-requested': PortalEvent<'portal-email-change-requested'>;
    'portal-email-changed': PortalEvent<'portal-email-changed'>;
    'portal-error': PortalEvent<'portal-error'>;
    'portal-content-open': PortalEvent<'portal-content-open'>;
    'portal-quick-order': PortalEvent<'portal-quick-order'>;
    'portal-task-complete': PortalEvent<'portal-task-complete'>;
    'portal-task-cancel': PortalEvent<'portal-task-cancel'>;
    'portal-task-done': PortalEvent<'portal-task-done'>;
    'portal-console-sign-in': PortalEvent<'portal-console-sign-in'>;
    'portal-console-sign-out': PortalEvent<'portal-console-sign-out'>;
  }
}

/** Dispatches a typed portal event from `target`; returns false when a listener cancelled it. */
export function emit<K extends PortalEventName>(
  target: EventTarget,
  name: K,
  detail: PortalEventDetails[K],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
