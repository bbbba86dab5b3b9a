import { PortalConsoleShare } from './portal-console-share.js';

if (!customElements.get('portal-console-share')) {
  customElements.define('portal-console-share', PortalConsoleShare);
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-console-share': PortalConsoleShare;
  }
}

export { PortalConsoleShare };
