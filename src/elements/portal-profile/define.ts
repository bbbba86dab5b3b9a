import { PortalProfile } from './portal-profile.js';

// Idempotent: a page that loads the portal twice (a bundle and a module) must not throw.
if (!customElements.get('portal-profile')) {
  customElements.define('portal-profile', PortalProfile);
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-profile': PortalProfile;
  }
}
