import type { PortalSettings } from '../model/index.js';
import type { CardFieldsProvider } from './card-fields.js';

/**
 * Where a page's card fields come from, first found wins: the portal's context (`<portal-root>` was
 * given a provider), the element's own `cardFields` property, else the frame address the merchant's
 * settings state (`cardFields: { provider: 'test', url }`), loaded by dynamic import so the provider's
 * code arrives only when a card form opens. Null when none: the page offers no card entry at all.
 */
export function cardFieldsSource(
  fromContext: (() => Promise<CardFieldsProvider>) | undefined,
  fromProperty: CardFieldsProvider | undefined,
  settings: PortalSettings | undefined,
): (() => Promise<CardFieldsProvider>) | null {
  if (fromContext) return fromContext;
  if (fromProperty) return () => Promise.resolve(fromProperty);
  const fromSettings = settings?.cardFields;
  if (fromSettings?.provider === 'test') {
    const url = fromSettings.url;
    return () =>
      import('./test-mode/test-card-fields.js').then(({ TestCardFields }) => new TestCardFields({ url }));
  }
  return null;
}
