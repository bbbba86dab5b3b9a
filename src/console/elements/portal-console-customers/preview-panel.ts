import { html, type TemplateResult } from 'lit';
import { sentence } from '../../../ui/user-text.js';
import type { PortalConsoleCustomers } from './portal-console-customers.js';
import type { Preview } from './view-host.js';

/**
 * The portal as one customer sees it, inside the console: `<portal-root>` on the portal API with the
 * preview grant's session token. The portal itself shows its preview banner and refuses every change
 * (and so does the backend, for a preview session). It speaks the console's language: the backend does
 * not know which one the customer reads, and the merchant reads this one.
 */
export function renderPreview(host: PortalConsoleCustomers, preview: Preview): TemplateResult {
  const t = host.t.consoleCustomers;
  return html`<section class="preview" part="preview" aria-labelledby=${`${host.uid}-preview-heading`}>
    <div class="preview-bar">
      <div>
        <h3 id=${`${host.uid}-preview-heading`} tabindex="-1">
          ${sentence(t.previewHeading, preview.customer.name)}
        </h3>
        <p class="hint">${t.previewHint}</p>
      </div>
      <button
        type="button"
        class="button"
        id=${`${host.uid}-close-preview`}
        @click=${() => host.closePreview()}
      >
        ${t.closePreview}
      </button>
    </div>
    <portal-root
      class="preview-portal"
      api=${host.portalApi}
      session-token=${preview.grant.token}
      locale=${host.resolvedLocale}
    ></portal-root>
  </section>`;
}
