import type { DocumentLink } from '../../model/index.js';

/**
 * How long an object URL outlives the click that follows it. Browsers resolve a blob URL when the link
 * is followed (the HTML standard captures the blob when the URL is parsed; Chromium and Firefox do it
 * on click), so this is only grace for engines that resolve it a task later; then the PDF's memory goes.
 */
export const REVOKE_AFTER_MS = 1000;

/**
 * Whether a document link from the backend may be followed: an object URL, a data URL of a PDF, https,
 * or http from a page that is itself on http (a development server). Anything else — `javascript:` above
 * all — is refused, because the URL comes from outside and ends up in a link the element clicks.
 */
export function isSafeDocumentUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url, document.baseURI);
  } catch {
    return false;
  }
  switch (parsed.protocol) {
    case 'blob:':
    case 'https:':
      return true;
    case 'http:':
      return location.protocol === 'http:';
    case 'data:':
      return /^data:application\/pdf[;,]/i.test(url);
    default:
      return false;
  }
}

/**
 * Saves the document through a real `<a download>` click: the browser's own download, under the file
 * name the backend chose. A cross-origin link ignores `download`, so it opens in a new tab rather than
 * replacing the merchant's page. An object URL is revoked once the download has started.
 */
export function startDownload(link: DocumentLink, container: Node): void {
  const anchor = document.createElement('a');
  anchor.href = link.url;
  anchor.download = link.fileName;
  anchor.target = '_blank';
  anchor.rel = 'noopener';
  anchor.hidden = true;
  container.appendChild(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    if (link.url.startsWith('blob:')) setTimeout(() => URL.revokeObjectURL(link.url), REVOKE_AFTER_MS);
  }
}
