import { html, nothing, type TemplateResult } from 'lit';
import { safeLogoUrl } from '../../core/theme.js';
import { userText } from '../../ui/user-text.js';

/**
 * The header's brand: the merchant's logo (the `logo` attribute, else the backend's) and name. A logo
 * the merchant gave that is not https, same-origin or a PNG/JPEG/WebP data URL is left out, and said so.
 */
export function renderBrand(
  attribute: string | undefined,
  fromSettings: string | undefined,
  merchantName: string,
): TemplateResult {
  const requested = attribute ?? fromSettings;
  const logo = requested ? safeLogoUrl(requested) : null;
  if (requested && !logo && attribute) {
    console.error(
      `<portal-root>: logo "${requested.slice(0, 80)}" is not https, same-origin or a PNG/JPEG/WebP data URL.`,
    );
  }
  return html`<div class="brand">
    ${logo ? html`<img part="logo" src=${logo} alt="" />` : nothing}
    <span class="merchant">${userText(merchantName)}</span>
  </div>`;
}
