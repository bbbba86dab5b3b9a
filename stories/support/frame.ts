import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { themeFromColor } from '../../src/core/theme.js';
import { directionOf } from '../../src/core/i18n/index.js';
import { installPseudoLocale } from '../../src/core/i18n/pseudo.js';

export interface FrameOptions {
  themeColor: string;
  locale: string;
  colorScheme: string;
}

// The toolbar's pseudo-locale (en-XA: every string 40 % longer and bracketed) exists in stories only.
installPseudoLocale();

/**
 * The page around a story: `lang` and `dir` as a merchant's page would set them, the theme tokens as
 * CSS custom properties (set through CSSOM by styleMap), and the page's colour scheme.
 */
export function storyFrame(story: unknown, options: FrameOptions): TemplateResult {
  const theme = themeFromColor(options.themeColor);
  const background = options.colorScheme === 'dark' ? '#030712' : 'transparent';
  return html`<div
    lang=${options.locale}
    dir=${directionOf(options.locale)}
    style=${styleMap({ ...(theme.ok ? theme.tokens : {}), colorScheme: options.colorScheme, background, padding: '1rem' })}
  >
    ${story}
  </div>`;
}
