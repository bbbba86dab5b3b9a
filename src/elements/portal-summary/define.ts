import { PortalSummary } from './portal-summary.js';

// Idempotent: a page that loads the portal twice (a bundle and a module) must not throw.
if (!customElements.get('portal-summary')) customElements.define('portal-summary', PortalSummary);

declare global {
  interface HTMLElementTagNameMap {
    'portal-summary': PortalSummary;
  }
}
