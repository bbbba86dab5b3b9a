/**
 * The script-tag bundle (`portal.js`): registers every tag at once, but fetches an element's code only
 * when its tag is on the page (or `<portal-root>` opens the section that shows it). Lit, the store and the
 * model come in one shared chunk the first time any element loads.
 *
 * A property set on an element before its code arrives (`el.adapter = …`) is kept: Lit takes over
 * properties set on an instance before upgrade.
 */
import { loadHttpAdapter } from './core/connect.js';
import { isAvailable, loadElement, registerLoaders } from './core/lazy-elements.js';

export { PortalError, isPortalError } from './contract/errors.js';
/** Types only: brings every tag's HTMLElementTagNameMap entry to TypeScript users of `portal.js`. */
export type {} from './define.js';
export { loadElement, isAvailable };

const LOADERS = {
  'portal-root': () => import('./elements/portal-root/define.js'),
  'portal-login': () => import('./elements/portal-login/define.js'),
  'portal-summary': () => import('./elements/portal-summary/define.js'),
  'portal-invoices': () => import('./elements/portal-invoices/define.js'),
  'portal-invoice': () => import('./elements/portal-invoice/define.js'),
  'portal-pay-invoice': () => import('./elements/portal-pay-invoice/define.js'),
  'portal-payment-methods': () => import('./elements/portal-payment-methods/define.js'),
  'portal-profile': () => import('./elements/portal-profile/define.js'),
  'portal-content': () => import('./elements/portal-content/define.js'),
  'portal-quick-order': () => import('./elements/portal-quick-order/define.js'),
  'portal-subscriptions': () => import('./elements/portal-subscriptions/define.js'),
  'portal-task': () => import('./elements/portal-task/define.js'),
};
registerLoaders(LOADERS);
const SELECTOR = Object.keys(LOADERS).join(',');

/** Loads the code of every portal tag in `node` (itself included) that is not defined yet. */
function loadTagsIn(node: Element): void {
  const found = node.matches(SELECTOR)
    ? [node, ...node.querySelectorAll(SELECTOR)]
    : node.querySelectorAll(SELECTOR);
  for (const element of found) {
    const tag = element.localName;
    // With `api`, the HTTP adapter is needed too: fetch it (and the shared chunk) alongside the element.
    if (element.hasAttribute('api')) loadHttpAdapter().catch(() => undefined);
    if (!customElements.get(tag) && isAvailable(tag)) {
      loadElement(tag).catch((error: unknown) => console.error(`<${tag}> could not be loaded:`, error));
    }
  }
}

loadTagsIn(document.documentElement);
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) loadTagsIn(node);
  }
}).observe(document.documentElement, { childList: true, subtree: true });
