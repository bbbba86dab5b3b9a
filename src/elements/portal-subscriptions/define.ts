import { PortalSubscriptions } from './portal-subscriptions.js';

// Idempotent: a page that loads the portal twice (a bundle and a module) must not throw.
if (!customElements.get('portal-subscriptions')) {
  customElements.define('portal-subscriptions', PortalSubscriptions);
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-subscriptions': PortalSubscriptions;
  }
}
