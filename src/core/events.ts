import type { PortalError } from '../contract/errors.js';
import type {
  Customer,
  InvoiceFilter,
  PaymentMethod,
  PaymentReceipt,
  Session,
  Subscription,
} from '../model/index.js';

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
  'portal-subscription-changed': {
    subscription: Subscription;
    change: 'subscribed' | 'changed' | 'canceled' | 'paused' | 'resumed';
  };
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
    'portal-subscription-changed': PortalEvent<'portal-subscription-changed'>;
    'portal-profile-changed': PortalEvent<'portal-profile-changed'>;
    'portal-tax-details-updated': PortalEvent<'portal-tax-details-updated'>;
    'portal-email-change-requested': PortalEvent<'portal-email-change-requested'>;
    'portal-email-changed': PortalEvent<'portal-email-changed'>;
    'portal-error': PortalEvent<'portal-error'>;
    'portal-content-open': PortalEvent<'portal-content-open'>;
    'portal-quick-order': PortalEvent<'portal-quick-order'>;
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
