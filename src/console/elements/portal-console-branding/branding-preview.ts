import { html, type TemplateResult } from 'lit';
import { contrastRatio, parseColor, safeLogoUrl, themeFromColor } from '../../../core/theme.js';
import { userText } from '../../../ui/user-text.js';
import type { BrandingT } from './messages.js';

/**
 * A miniature of the portal in the merchant's colours: a summary card with a primary button and a link,
 * styled by the very tokens `<portal-root>` derives (core/theme.ts), and the contrast those tokens reach.
 * The tokens are set on the preview through CSSOM by the element (no inline style attribute).
 */

const WHITE = { r: 255, g: 255, b: 255 };

function ratio(a: string, b: string): string {
  const first = parseColor(a);
  const second = parseColor(b);
  return first && second ? contrastRatio(first, second).toFixed(2) : '–';
}

export function renderPreview(
  t: BrandingT,
  branding: { merchantName: string; themeColor: string; logoUrl?: string },
): TemplateResult {
  const words = t.consoleBranding;
  const logo = branding.logoUrl ? safeLogoUrl(branding.logoUrl) : null;
  return html`<figure class="preview" aria-labelledby="preview-caption">
    <figcaption id="preview-caption">${words.previewLabel}</figcaption>
    <div class="portal" part="preview">
      <div class="portal-header">
        ${logo ? html`<img src=${logo} alt="" class="portal-logo" />` : html``}
        <span class="portal-name">${userText(branding.merchantName)}</span>
      </div>
      <p class="portal-greeting">${words.previewGreeting}</p>
      <p><span>${words.previewBalance}</span> <strong>$120.00</strong></p>
      <div class="portal-actions">
        <span class="portal-button" aria-hidden="true">${words.previewPay}</span>
        <span class="portal-link" aria-hidden="true">${words.previewLink}</span>
      </div>
    </div>
  </figure>`;
}

/** The contrast the theme reaches, in words. */
export function renderContrast(t: BrandingT, themeColor: string): TemplateResult {
  const words = t.consoleBranding;
  const theme = themeColor.trim() ? themeFromColor(themeColor) : null;
  if (!theme?.ok) return html`<p id="contrast">${words.defaultColours}</p>`;
  const tokens = theme.tokens;
  const primary = tokens['--portal-color-primary'];
  const onPrimary = tokens['--portal-color-on-primary'];
  const text = tokens['--portal-color-primary-text-light'];
  const onName = parseColor(onPrimary)?.r === WHITE.r ? words.white : words.black;
  return html`<div id="contrast" class="contrast">
    <p>${words.onPrimary(onName, ratio(primary, onPrimary))}</p>
    <p>${words.linkText(text, ratio(text, '#ffffff'))}</p>
    <p class="hint">${words.contrastNote}</p>
  </div>`;
}
