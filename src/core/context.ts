import { createContext } from '@lit/context';
import type { CardFieldsProvider } from '../providers/card-fields.js';
import type { PortalStore } from './store.js';
import type { ThemeTokens } from './theme.js';

/**
 * What a portal shares with the elements inside it. The key is a `Symbol.for` so two copies of the
 * bundle on one page still find each other's provider.
 */
export interface PortalContextValue {
  store: PortalStore;
  /** The portal's BCP 47 locale; an element's own `locale` attribute still wins. */
  locale: string;
  /** Tokens already applied by the provider; null when the merchant set no theme colour. */
  theme: ThemeTokens | null;
  /**
   * Where new cards are typed (src/providers): called when a card form opens, so a provider's code loads
   * only then. Absent when the page offers no way to add a card.
   */
  cardFields?: () => Promise<CardFieldsProvider>;
}

export const portalContext = createContext<PortalContextValue | undefined>(
  Symbol.for('portal-elements.context'),
);
