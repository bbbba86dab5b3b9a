import { PortalConsoleBranding } from './portal-console-branding.js';

if (!customElements.get('portal-console-branding')) {
  customElements.define('portal-console-branding', PortalConsoleBranding);
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-console-branding': PortalConsoleBranding;
  }
}

export { PortalConsoleBranding };
