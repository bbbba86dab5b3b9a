import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { DEMO_PASSWORD } from '../../src/adapters/demo/demo-data.js';
// Only the root and the overview: every other section's element is left unregistered on this page.
import '../../src/elements/portal-root/define.js';
import '../../src/elements/portal-summary/define.js';
import type { PortalRoot } from '../../src/elements/portal-root/portal-root.js';

/**
 * `<portal-root>` shows a section only once its element is registered. This file registers no other
 * element (each test file runs in its own page), so every section but the overview starts absent.
 */

function shadow(el: PortalRoot): ShadowRoot {
  return el.shadowRoot!;
}

async function loaded(el: PortalRoot): Promise<void> {
  await waitUntil(() => !shadow(el).querySelector('.loading'), 'the root finishes loading', {
    timeout: 3000,
  });
  await el.updateComplete;
}

async function signedInAdapter(): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter();
  await adapter.signIn({ email: 'ada@example.com', password: DEMO_PASSWORD });
  return adapter;
}

describe('<portal-root> sections', () => {
  it('shows only the sections whose elements exist, and adds one when it is registered', async () => {
    const el = await fixture<PortalRoot>(
      html`<portal-root .adapter=${await signedInAdapter()}></portal-root>`,
    );
    await loaded(el);
    const labels = () =>
      [...shadow(el).querySelectorAll('nav button')].map((button) => button.textContent?.trim());
    expect(labels()).not.to.include('Subscriptions');
    if (!customElements.get('portal-subscriptions')) {
      customElements.define('portal-subscriptions', class extends HTMLElement {});
    }
    await waitUntil(() => labels().includes('Subscriptions'), 'the subscriptions section appears');
    const sectionEvent = oneEvent(el, 'portal-section');
    [...shadow(el).querySelectorAll<HTMLButtonElement>('nav button')]
      .find((b) => b.textContent?.includes('Subscriptions'))!
      .click();
    expect((await sectionEvent).detail.section).to.equal('subscriptions');
    await el.updateComplete;
    expect(shadow(el).querySelector('portal-subscriptions')).to.exist;
    expect(shadow(el).activeElement?.textContent).to.equal('Subscriptions');
  });
});
