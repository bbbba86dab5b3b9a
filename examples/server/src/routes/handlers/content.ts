import { loadPages, loadSettings } from '../../store/catalog.js';
import type { Handlers } from '../types.js';

/** Readable before sign-in: the sign-in page shows the merchant's branding, policies and contact page. */
export const contentHandlers: Pick<Handlers, 'getSettings' | 'listPages'> = {
  getSettings(ctx) {
    return loadSettings(ctx.app.db);
  },

  listPages(ctx) {
    return loadPages(ctx.app.db);
  },
};
