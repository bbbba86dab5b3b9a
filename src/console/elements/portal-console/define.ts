import { PortalConsole } from './portal-console.js';

// Idempotent: a page that loads the console twice must not throw.
if (!customElements.get('portal-console')) customElements.define('portal-console', PortalConsole);

declare global {
  interface HTMLElementTagNameMap {
    'portal-console': PortalConsole;
  }
}

export { PortalConsole };
