import { PortalConsoleAccess } from './portal-console-access.js';

// Idempotent: a page that loads the console twice must not throw.
if (!customElements.get('portal-console-access')) {
  customElements.define('portal-console-access', PortalConsoleAccess);
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-console-access': PortalConsoleAccess;
  }
}
