import { PortalInvoices } from './portal-invoices.js';

// Idempotent: a page that loads the portal twice (a bundle and a module) must not throw.
if (!customElements.get('portal-invoices')) customElements.define('portal-invoices', PortalInvoices);

declare global {
  interface HTMLElementTagNameMap {
    'portal-invoices': PortalInvoices;
  }
}
