import { PortalContent } from './portal-content.js';

// Idempotent: a page that loads the portal twice (a bundle and a module) must not throw.
if (!customElements.get('portal-content')) customElements.define('portal-content', PortalContent);

declare global {
  interface HTMLElementTagNameMap {
    'portal-content': PortalContent;
  }
}
