import { PortalPaymentMethods } from './portal-payment-methods.js';

// Idempotent: a page that loads the portal twice (a bundle and a module) must not throw.
if (!customElements.get('portal-payment-methods')) {
  customElements.define('portal-payment-methods', PortalPaymentMethods);
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-payment-methods': PortalPaymentMethods;
  }
}
