import { PortalConsoleSettings } from './portal-console-settings.js';

if (!customElements.get('portal-console-settings')) {
  customElements.define('portal-console-settings', PortalConsoleSettings);
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-console-settings': PortalConsoleSettings;
  }
}

export { PortalConsoleSettings };
