import { expect, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import '../../src/elements/portal-invoices/define.js';
import type { PortalInvoices } from '../../src/elements/portal-invoices/portal-invoices.js';
import '../../src/elements/portal-summary/define.js';
import { summaryMessages } from '../../src/elements/portal-summary/messages.js';
import type { PortalSummary } from '../../src/elements/portal-summary/portal-summary.js';
import { signedInAda } from '../helpers/customers.js';
import { root, text } from '../helpers/dom.js';
import { en, es } from '../helpers/messages.js';

/** Runs in its own page, so the Spanish catalogs have not been loaded here yet. */
describe('a catalog that cannot be downloaded', () => {
  it('leaves that element in English, asked for once, and the others in their language', async () => {
    let attempts = 0;
    const errors: string[] = [];
    const originalError = console.error;
    const originalLoader = summaryMessages.load.es;
    const page = document.createElement('div');
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    summaryMessages.load.es = () => {
      attempts += 1;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    };
    try {
      const adapter = await signedInAda();
      // A plain container, not fixture(): fixture would wait for an animation frame, which never comes in
      // a background test page.
      page.lang = 'es';
      render(
        html`<portal-summary .adapter=${adapter}></portal-summary>
          <portal-invoices .adapter=${adapter}></portal-invoices>`,
        page,
      );
      document.body.append(page);
      const summary = page.querySelector<PortalSummary>('portal-summary')!;
      const invoices = page.querySelector<PortalInvoices>('portal-invoices')!;
      await waitUntil(
        () => text(root(summary)).includes(en.summary.outstanding),
        `the figures in English, saw "${text(root(summary)).slice(0, 80)}"`,
        { timeout: 3000 },
      );
      expect(summary.t.common.retry, 'the whole element in English, not half').to.equal(en.common.retry);
      await waitUntil(
        () => text(root(invoices)).includes(es.invoices.columns.number),
        `the list in Spanish, saw "${text(root(invoices)).slice(0, 80)}"`,
        { timeout: 3000 },
      );
      expect(invoices.t.common.retry).to.equal(es.common.retry);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(attempts, 'one download, not one per render').to.equal(1);
      expect(errors, 'the developer is told once').to.have.length(1);
      expect(errors[0]).to.include('"es" messages could not be loaded (summary)');
    } finally {
      console.error = originalError;
      summaryMessages.load.es = originalLoader;
      page.remove();
    }
  });
});
