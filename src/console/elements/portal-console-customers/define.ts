import { PortalConsoleCustomers } from './portal-console-customers.js';

// Idempotent: a page that loads the console twice must not throw.
if (!customElements.get('portal-console-customers')) {
  customElements.define('portal-console-customers', PortalConsoleCustomers);
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-console-customers': PortalConsoleCustomers;
  }
}
