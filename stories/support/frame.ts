import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { themeFromColor } from '../../src/core/theme.js';

export interface FrameOptions {
  themeColor: string;
  locale: string;
  colorScheme: string;
}

const RTL_LANGUAGES = ['ar', 'he', 'fa', 'ur'];

/**
 * The page around a story: `lang` and `dir` as a merchant's page would set them, the theme tokens as
 * CSS custom properties (set through CSSOM by styleMap), and the page's colour scheme.
 */
export function storyFrame(story: unknown, options: FrameOptions): TemplateResult {
  const theme = themeFromColor(options.themeColor);
  const language = options.locale.split('-')[0];
  const background = options.colorScheme === 'dark' ? '#030712' : 'transparent';
  return html`<div
    lang=${options.locale}
    dir=${RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr'}
    style=${styleMap({ ...(theme.ok ? theme.tokens : {}), colorScheme: options.colorScheme, background, padding: '1rem' })}
  >
    ${story}
  </div>`;
}
