// The invoice opens the payment flow in place, so registering it registers the payment element too.
import '../portal-pay-invoice/define.js';
import { PortalInvoice } from './portal-invoice.js';

// Idempotent: a page that loads the portal twice (a bundle and a module) must not throw.
if (!customElements.get('portal-invoice')) customElements.define('portal-invoice', PortalInvoice);

declare global {
  interface HTMLElementTagNameMap {
    'portal-invoice': PortalInvoice;
  }
}
