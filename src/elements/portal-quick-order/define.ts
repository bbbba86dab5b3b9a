import { PortalQuickOrder } from './portal-quick-order.js';

// Idempotent: a page that loads the portal twice (a bundle and a module) must not throw.
if (!customElements.get('portal-quick-order')) customElements.define('portal-quick-order', PortalQuickOrder);

declare global {
  interface HTMLElementTagNameMap {
    'portal-quick-order': PortalQuickOrder;
  }
}
