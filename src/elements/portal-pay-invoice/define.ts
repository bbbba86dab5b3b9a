import { PortalPayInvoice } from './portal-pay-invoice.js';

// Idempotent: a page that loads the portal twice (a bundle and a module) must not throw.
if (!customElements.get('portal-pay-invoice')) customElements.define('portal-pay-invoice', PortalPayInvoice);

declare global {
  interface HTMLElementTagNameMap {
    'portal-pay-invoice': PortalPayInvoice;
  }
}
