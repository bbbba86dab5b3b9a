import { PortalLogin } from './portal-login.js';

// Idempotent: a page that loads the portal twice (a bundle and a module) must not throw.
if (!customElements.get('portal-login')) customElements.define('portal-login', PortalLogin);

declare global {
  interface HTMLElementTagNameMap {
    'portal-login': PortalLogin;
  }
}
