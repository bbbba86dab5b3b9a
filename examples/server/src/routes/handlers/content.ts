import { loadPage, loadPages, loadSettings } from '../../store/catalog.js';
import { issueQuickOrderToken } from '../../store/quick-order.js';
import { notFound } from '../../../../../src/rules/errors.js';
import { handOffUrl, requireQuickOrderUrl } from '../../../../../src/rules/quick-order.js';
import { isoInstant } from '../../store/rows.js';
import type { Handlers } from '../types.js';

/** Readable before sign-in: the sign-in page shows the merchant's branding, policies and contact page. */
export const contentHandlers: Pick<
  Handlers,
  'getSettings' | 'listPages' | 'getPage' | 'createQuickOrderToken'
> = {
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

  async getPage(ctx, { slug }) {
    const page = await loadPage(ctx.app.db, slug);
    if (!page) throw notFound('page');
    return page;
  },

  /**
   * Refused (`forbidden`) while the merchant has set no checkout URL. The token records who is signed in
   * as well as the account: on an account an access rule lets them reach, that is not its owner.
   */
  async createQuickOrderToken(ctx) {
    const checkoutUrl = requireQuickOrderUrl(await loadSettings(ctx.app.db));
    const session = ctx.requireSession();
    const { token, expiresAt } = await issueQuickOrderToken(
      ctx.app.db,
      session.customer.record.id,
      session.email,
      ctx.now(),
    );
    return { url: handOffUrl(checkoutUrl, token), token, expiresAt: isoInstant(expiresAt) };
  },
};
