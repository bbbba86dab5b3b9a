import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { en } from '../../src/core/i18n/en.js';
import { catalogLoaders } from '../../src/core/i18n/index.js';
import '../../src/elements/portal-summary/define.js';
import type { PortalSummary } from '../../src/elements/portal-summary/portal-summary.js';
import { signedInAda } from '../helpers/customers.js';
import { root, text } from '../helpers/dom.js';

/** Runs in its own page, so the Spanish catalog has not been loaded here yet. */
describe('a catalog that cannot be downloaded', () => {
  it('leaves the element in English, asked for once, rather than empty', async () => {
    let attempts = 0;
    const errors: string[] = [];
    const originalError = console.error;
    const originalLoader = catalogLoaders.es;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    catalogLoaders.es = () => {
      attempts += 1;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    };
    try {
      const adapter = await signedInAda();
      const el = await fixture<PortalSummary>(
        html`<portal-summary locale="es" .adapter=${adapter}></portal-summary>`,
      );
      await waitUntil(
        () => text(root(el)).includes(en.summary.outstanding),
        `the figures in English, saw "${text(root(el)).slice(0, 80)}"`,
        { timeout: 3000 },
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(attempts, 'one download, not one per render').to.equal(1);
      expect(errors, 'the developer is told once').to.have.length(1);
      expect(errors[0]).to.include('"es" messages could not be loaded');
    } finally {
      console.error = originalError;
      catalogLoaders.es = originalLoader;
    }
  });
});
