// The payment flow is not registered here: the invoice fetches it when the customer presses Pay.
import { PortalInvoice } from './portal-invoice.js';

// Idempotent: a page that loads the portal twice (a bundle and a module) must not throw.
if (!customElements.get('portal-invoice')) customElements.define('portal-invoice', PortalInvoice);

declare global {
  interface HTMLElementTagNameMap {
    'portal-invoice': PortalInvoice;
  }
}
