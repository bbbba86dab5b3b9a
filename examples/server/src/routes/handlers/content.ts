import { loadPages, loadSettings } from '../../store/catalog.js';
import type { Handlers } from '../types.js';

/** Readable before sign-in: the sign-in page shows the merchant's branding, policies and contact page. */
export const contentHandlers: Pick<Handlers, 'getSettings' | 'listPages'> = {
  /** The card fields' address is the server's to state (it serves them), never the stored settings'. */
  async getSettings(ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { cardFields, ...settings } = await loadSettings(ctx.app.db);
    const url = ctx.app.cardFieldsUrl;
    return url ? { ...settings, cardFields: { provider: 'test' as const, url } } : settings;
  },

  listPages(ctx) {
    return loadPages(ctx.app.db);
  },
};
