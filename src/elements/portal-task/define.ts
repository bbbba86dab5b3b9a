import { PortalTask } from './portal-task.js';

// Idempotent: a page that loads the portal twice (a bundle and a module) must not throw.
if (!customElements.get('portal-task')) {
  customElements.define('portal-task', PortalTask);
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-task': PortalTask;
  }
}
