import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { PortalAdapter } from '../../src/contract/adapter.js';
import '../../src/elements/portal-root/define.js';
import '../../src/elements/portal-summary/define.js';
import type { PortalRoot } from '../../src/elements/portal-root/portal-root.js';
import type { PortalSummary } from '../../src/elements/portal-summary/portal-summary.js';
import { ADA } from '../helpers/customers.js';
import { root, text } from '../helpers/dom.js';
import { en } from '../helpers/messages.js';

// What a developer and a customer are told when a page is put together the ordinary ways: an element
// alone on a page nobody signed in to, a portal with no backend, an adapter that breaks behind a Proxy
// (a real Vue `ref()` around an adapter is driven in examples/vue).

/** Runs `body` with console.error recorded, then puts it back. */
async function recordingErrors(body: (errors: string[]) => Promise<void>): Promise<void> {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  try {
    await body(errors);
  } finally {
    console.error = original;
  }
}

async function alertOf(el: Element): Promise<Element> {
  await waitUntil(() => root(el).querySelector('[role="alert"]'), 'an alert');
  return root(el).querySelector('[role="alert"]')!;
}

describe('standalone elements and their messages', () => {
  it('alone on a page where nobody signed in, asks for a sign-in and offers nothing to retry', async () => {
    const el = await fixture<PortalSummary>(
      html`<portal-summary .adapter=${new MemoryAdapter()}></portal-summary>`,
    );
    const alert = await alertOf(el);
    expect(text(alert)).to.equal(en.errors.unauthorized);
    expect(text(alert)).not.to.match(/session has ended/i);
    expect(alert.querySelector('button'), 'no retry: only a sign-in helps').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('reads again by itself once the customer signs in through the same adapter', async () => {
    const adapter = new MemoryAdapter();
    const el = await fixture<PortalSummary>(html`<portal-summary .adapter=${adapter}></portal-summary>`);
    await alertOf(el);
    // The page signs in through another element with the same adapter, so the same store.
    const { storeForAdapter } = await import('../../src/core/connect.js');
    await storeForAdapter(adapter).signIn(ADA);
    await waitUntil(() => root(el).querySelector('dl.figures') && !root(el).querySelector('[role="alert"]'));
  });

  it('tells a <portal-root> with no backend what to give it, not to go inside itself', async () => {
    await recordingErrors(async (errors) => {
      await fixture<PortalRoot>(html`<portal-root></portal-root>`);
      await waitUntil(() => errors.length > 0, 'a console error');
      const message = errors.join('\n');
      expect(message).to.contain('<portal-root> has no backend');
      expect(message).to.contain('`api` attribute');
      expect(message).to.contain('`adapter` property');
      expect(message).not.to.contain('inside <portal-root>');
    });
  });

  it('still tells another element alone to go inside <portal-root>', async () => {
    await recordingErrors(async (errors) => {
      await fixture(html`<portal-summary></portal-summary>`);
      expect(errors.join('\n')).to.contain('<portal-summary> has no backend: place it inside <portal-root>');
    });
  });

  it('names the proxy as the cause, and the fix, when an adapter cannot work through one', async () => {
    const adapter = new MemoryAdapter();
    await adapter.signIn(ADA);
    // An adapter whose answers cannot be copied through a Proxy (as structuredClone on one).
    const breaking: PortalAdapter = Object.assign(Object.create(adapter) as PortalAdapter, {
      getBillingSummary: () =>
        Promise.reject(new DOMException('#<Object> could not be cloned.', 'DataCloneError')),
    });
    await recordingErrors(async (errors) => {
      const el = await fixture<PortalSummary>(html`<portal-summary .adapter=${breaking}></portal-summary>`);
      await alertOf(el);
      await waitUntil(() => errors.length > 0, 'a console error');
      const message = errors.join('\n');
      expect(message).to.contain('getBillingSummary');
      expect(message).to.contain('reactive Proxy');
      expect(message).to.contain('markRaw(adapter)');
    });
  });
});
