import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { readyMessages } from '../../src/core/i18n/index.js';
import '../../src/define.js';
import type { PortalRoot } from '../../src/elements/portal-root/portal-root.js';
import { summaryMessages } from '../../src/elements/portal-summary/messages.js';
import type { PortalSummary } from '../../src/elements/portal-summary/portal-summary.js';
import { signedInAda } from '../helpers/customers.js';
import { root, text } from '../helpers/dom.js';

/** Starts recording the message catalogs in one language the page downloads; call the result to stop. */
function watchCatalogs(language: string): () => string[] {
  const seen: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
  observer.observe({ type: 'resource' });
  return () => {
    seen.push(...observer.takeRecords());
    observer.disconnect();
    return seen
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.endsWith(`/i18n/${language}.ts`) || path.endsWith(`/messages.${language}.ts`))
      .sort();
  };
}

/**
 * Runs in its own page, so no catalog but English is loaded at first, as on a customer's first visit. This
 * file must not import the catalogs (test/helpers/messages.ts) itself.
 */
describe('catalog loading', () => {
  it('fetches Spanish on first use and never shows English meanwhile', async () => {
    expect(readyMessages('es'), 'Spanish is not in the bundle').to.equal(null);
    const seen: string[] = [];
    const record = () => seen.push(document.body.innerText);
    const observer = new MutationObserver(record);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    const el = await fixture<PortalRoot>(
      html`<portal-root locale="es" .adapter=${new MemoryAdapter()}></portal-root>`,
    );
    await waitUntil(
      () => el.querySelector('portal-login')?.textContent?.includes('Iniciar sesión'),
      'Spanish sign-in',
    );
    observer.disconnect();
    record();
    expect(readyMessages('es')?.common.retry).to.equal('Reintentar');
    for (const text of seen) expect(text).not.to.match(/Sign in|Loading|Password|Email/);
  });

  it("downloads, for a French page of summaries, the common French and the summary's French, once", async () => {
    expect(readyMessages('fr'), 'nothing French yet').to.equal(null);
    const downloaded = watchCatalogs('fr');
    const adapter = await signedInAda();
    // A plain container, not fixture(): fixture would wait for an animation frame, which never comes in a
    // background test page.
    const page = document.createElement('div');
    page.lang = 'fr';
    render(
      html`<portal-summary .adapter=${adapter}></portal-summary>
        <portal-summary .adapter=${adapter}></portal-summary>`,
      page,
    );
    document.body.append(page);
    try {
      const summaries = [...page.querySelectorAll<PortalSummary>('portal-summary')];
      await Promise.all(summaries.map((summary) => summary.updateComplete));
      const french = readyMessages('fr', summaryMessages);
      expect(french, 'French is here once the summaries have rendered').not.to.equal(null);
      expect(french?.summary.outstanding).not.to.equal(summaryMessages.en.outstanding);
      for (const summary of summaries)
        await waitUntil(
          () => text(root(summary)).includes(french?.summary.outstanding ?? '?'),
          'the summary in French',
        );
      expect(downloaded()).to.deep.equal([
        '/src/core/i18n/fr.ts',
        '/src/elements/portal-summary/messages.fr.ts',
      ]);
    } finally {
      page.remove();
    }
  });
});
