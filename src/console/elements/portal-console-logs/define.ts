import { PortalConsoleLogs } from './portal-console-logs.js';

// Idempotent: a page that loads the console twice must not throw.
if (!customElements.get('portal-console-logs')) {
  customElements.define('portal-console-logs', PortalConsoleLogs);
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-console-logs': PortalConsoleLogs;
  }
}
