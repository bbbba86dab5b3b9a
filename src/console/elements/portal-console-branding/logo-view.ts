import { html, nothing, type TemplateResult } from 'lit';
import type { FormStateController } from '../../../controllers/form-state.js';
import { safeLogoUrl } from '../../../core/theme.js';
import type { PortalSettings } from '../../../model/index.js';
import type { LogoChoice } from './logo-file.js';
import type { BrandingT } from './messages.js';

/** What the logo part needs from the Branding element. */
export interface LogoHost {
  readonly t: BrandingT;
  readonly form: FormStateController<'save' | 'upload' | 'remove'>;
  readonly logoChoice: LogoChoice | null;
  readonly logoProblem: string | null;
  chooseLogo(file: File | undefined): Promise<void>;
  uploadLogo(): Promise<void>;
  removeLogo(): Promise<void>;
}

/** The logo: the current one (or none), a file field checked at once, the preview, upload and remove. */
export function renderLogo(host: LogoHost, saved: PortalSettings): TemplateResult {
  const words = host.t.consoleBranding;
  const current = saved.branding.logoUrl ? safeLogoUrl(saved.branding.logoUrl) : null;
  const busy = host.form.busy;
  const problem = host.logoProblem;
  const chosen = host.logoChoice?.ok ? host.logoChoice : null;
  return html`<section aria-labelledby="logo-heading">
    <h2 id="logo-heading" tabindex="-1">${words.logoHeading}</h2>
    <div class="logo">
      ${current ? html`<img src=${current} alt=${words.currentLogo} />` : html`<p>${words.noLogo}</p>`}
      ${
        current
          ? html`<button
              type="button"
              class="button"
              ?disabled=${busy !== null}
              @click=${() => void host.removeLogo()}
            >
              ${busy === 'remove' ? words.removing : words.removeLogo}
            </button>`
          : nothing
      }
    </div>
    <div class="field">
      <label for="logo-file">${words.logoFile}</label>
      <span class="hint" id="logo-file-hint">${words.logoHint}</span>
      <input
        id="logo-file"
        type="file"
        accept="image/png,image/jpeg"
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${problem ? 'logo-file-hint logo-file-error' : 'logo-file-hint'}
        @change=${(event: Event) => void host.chooseLogo((event.target as HTMLInputElement).files?.[0])}
      />
      ${problem ? html`<span class="error" id="logo-file-error">${problem}</span>` : nothing}
    </div>
    ${chosen ? html`<div class="logo"><img src=${chosen.previewUrl} alt=${words.logoPreview} /></div>` : nothing}
    <div class="actions">
      <button
        type="button"
        class="button primary"
        ?disabled=${busy !== null}
        @click=${() => void host.uploadLogo()}
      >
        ${busy === 'upload' ? words.uploading : words.upload}
      </button>
    </div>
  </section>`;
}
