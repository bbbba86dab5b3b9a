import type { ReactiveControllerHost } from 'lit';
import { type PortalError, toPortalError } from '../../contract/errors.js';

/** The sign-in form's code: fetched when someone is signed out, never by a signed-in visit. */
const loadLogin = () => import('../portal-login/define.js');

/**
 * The sign-in form of `<portal-root>`. It must live in the page's light DOM for password managers, so
 * the root gets a `<portal-login slot="login">` child while signed out and loses it once signed in (its
 * fields, passwords included, do not linger). A sign-in element the merchant placed stays theirs.
 */
export class LoginSlot {
  /** The sign-in form's code could not be fetched (offline). */
  error: PortalError | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {}

  /** Creates or removes the form the root made, as `signedOut` says. */
  sync(signedOut: boolean): void {
    const existing = this.host.querySelector<HTMLElement>(':scope > [slot="login"]');
    if (signedOut) {
      if (!existing) {
        const login = document.createElement('portal-login');
        login.slot = 'login';
        login.dataset.portalCreated = '';
        this.host.append(login);
        if (!customElements.get('portal-login')) void this.load();
      }
    } else if (existing?.dataset.portalCreated !== undefined) {
      existing.remove();
    }
  }

  /** Fetches the form's code (again, after it failed). */
  async load(): Promise<void> {
    try {
      await loadLogin();
      this.error = null;
    } catch (error) {
      this.error = toPortalError(error);
    }
    this.host.requestUpdate();
  }
}
