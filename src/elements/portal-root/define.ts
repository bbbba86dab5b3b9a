import { PortalRoot } from './portal-root.js';

if (!customElements.get('portal-root')) customElements.define('portal-root', PortalRoot);

declare global {
  interface HTMLElementTagNameMap {
    'portal-root': PortalRoot;
  }
}
