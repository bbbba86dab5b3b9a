import { PortalConsoleSignIn } from './portal-console-sign-in.js';

if (!customElements.get('portal-console-sign-in')) {
  customElements.define('portal-console-sign-in', PortalConsoleSignIn);
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-console-sign-in': PortalConsoleSignIn;
  }
}

export { PortalConsoleSignIn };
