import type { EmbedUrls } from '../../embed.js';

/** An attribute value as HTML text: the snippet is copied into pages, so quotes and ampersands are escaped. */
function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The snippet a merchant pastes into a page: the script tag and the element with its attributes. */
export function embedSnippet(urls: EmbedUrls, locale: string | null): string {
  const attributes = [`api="${attribute(urls.apiUrl)}"`];
  if (locale) attributes.push(`locale="${attribute(locale)}"`);
  return (
    `<script type="module" src="${attribute(urls.scriptUrl)}"></script>\n` +
    `<portal-root ${attributes.join(' ')}></portal-root>`
  );
}
