import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { readyMessages } from '../../src/core/i18n/index.js';
import '../../src/define.js';
import type { PortalRoot } from '../../src/elements/portal-root/portal-root.js';

/** Runs in its own page, so the Spanish catalog starts unloaded, as on a customer's first visit. */
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
});
