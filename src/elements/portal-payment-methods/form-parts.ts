import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PortalSettings } from '../../model/index.js';
import type { PortalPaymentMethods } from './portal-payment-methods.js';
import { canChangeDefault } from './standing.js';

/** The pieces both add forms (card and bank account) share. */

/** "Make it the default" under both add forms (card and bank account), where the merchant allows it. */
export function renderMakeDefault(
  host: PortalPaymentMethods,
  settings: PortalSettings,
): TemplateResult | typeof nothing {
  return canChangeDefault(settings)
    ? html`<label class="check">
        <input
          type="checkbox"
          .checked=${live(host.makeDefault)}
          @change=${(event: Event) => (host.makeDefault = (event.target as HTMLInputElement).checked)}
        />
        ${host.t.paymentMethods.makeNewDefault}
      </label>`
    : nothing;
}

/** Cancel closes the add form; it is only marked unavailable while a save is under way. */
export function renderCancel(host: PortalPaymentMethods, busy: boolean): TemplateResult {
  return html`<button
    type="button"
    class="button"
    aria-disabled=${busy ? 'true' : 'false'}
    @click=${() => host.closePanel()}
  >
    ${host.t.common.cancel}
  </button>`;
}
