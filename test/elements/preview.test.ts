import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { PortalAdapter } from '../../src/contract/adapter.js';
import { OPERATION_NAMES, type OperationName } from '../../src/contract/operations.js';
import { isPreviewRefusal, previewAllows } from '../../src/contract/preview.js';
import type { PortalError } from '../../src/contract/errors.js';
import { storeForAdapter } from '../../src/core/connect.js';
import type { PortalElement } from '../../src/core/portal-element.js';
import '../../src/define.js';
import { navigation } from '../../src/elements/portal-quick-order/portal-quick-order.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
import { squash } from '../helpers/dom.js';

/**
 * A merchant previewing the portal as Ada: each element is used the way a curious merchant would — every
 * button pressed and every form submitted, round after round, into whatever opens — and not one request
 * that changes something reaches the backend, while everything the customer can read is there.
 */

interface Case {
  tag: string;
  render: (adapter: PortalAdapter) => TemplateResult;
  /** Text that shows the element read its data. */
  reads: string;
  /** Whether the element offers actions that change something (each must say why it is unavailable). */
  acts: boolean;
}

const CASES: Case[] = [
  {
    tag: 'portal-root',
    render: (a) => html`<portal-root .adapter=${a}></portal-root>`,
    reads: 'Ada Lovelace',
    acts: true,
  },
  {
    tag: 'portal-pay-invoice',
    render: (a) => html`<portal-pay-invoice .adapter=${a} invoice-id="inv_ada_1008"></portal-pay-invoice>`,
    reads: 'INV-1008',
    acts: true,
  },
  {
    tag: 'portal-invoice',
    render: (a) => html`<portal-invoice .adapter=${a} invoice-id="ord_ada_2004"></portal-invoice>`,
    reads: 'ORD-2004',
    acts: true,
  },
  {
    tag: 'portal-invoices',
    render: (a) => html`<portal-invoices .adapter=${a}></portal-invoices>`,
    reads: 'INV-1009',
    acts: false,
  },
  {
    tag: 'portal-payment-methods',
    render: (a) => html`<portal-payment-methods .adapter=${a}></portal-payment-methods>`,
    reads: '4242',
    acts: true,
  },
  {
    tag: 'portal-profile',
    render: (a) => html`<portal-profile .adapter=${a}></portal-profile>`,
    reads: 'ada@example.com',
    acts: true,
  },
  {
    tag: 'portal-subscriptions',
    render: (a) => html`<portal-subscriptions .adapter=${a}></portal-subscriptions>`,
    reads: 'Espresso',
    // Its confirms sit at the end of multi-step flows: preview-flows.test.ts walks each one there.
    acts: false,
  },
  {
    tag: 'portal-summary',
    render: (a) => html`<portal-summary .adapter=${a}></portal-summary>`,
    reads: 'Visa',
    acts: false,
  },
  {
    tag: 'portal-quick-order',
    render: (a) => html`<portal-quick-order .adapter=${a}></portal-quick-order>`,
    reads: 'Quick order',
    acts: true,
  },
];

/** Everything rendered under `el`, through every shadow root on the way. */
function deepAll<T extends Element>(el: Element, selector: string): T[] {
  const found: T[] = [];
  const walk = (scope: ParentNode) => {
    for (const node of scope.querySelectorAll('*')) {
      if (node.matches(selector)) found.push(node as T);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  if (el.shadowRoot) walk(el.shadowRoot);
  walk(el);
  return found;
}

function deepText(el: Element): string {
  const parts: string[] = [];
  const walk = (scope: ParentNode) => {
    for (const node of scope.querySelectorAll('*')) {
      if (node.shadowRoot) {
        parts.push(node.shadowRoot.textContent ?? '');
        walk(node.shadowRoot);
      }
    }
  };
  parts.push(el.shadowRoot?.textContent ?? '', el.textContent ?? '');
  walk(el);
  return squash(parts.join(' '));
}

/** Lets the memory backend answer and every element render what it answered. */
async function settle(el: Element): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await Promise.all(deepAll<PortalElement>(el, '*').map((each) => each.updateComplete));
    await (el as PortalElement).updateComplete;
  }
}

/** Leaving the preview and downloading are not changes; they are tried apart. */
const LEFT_ALONE = /sign out|end preview|download/i;

function name(button: HTMLButtonElement): string {
  return squash(button.getAttribute('aria-label') ?? button.textContent ?? '');
}

describe('a preview session', () => {
  const realAssign = navigation.assign;
  const realAnchorClick = HTMLAnchorElement.prototype.click;
  let refusals: PortalError[];
  const onError = (event: Event) => {
    const { error } = (event as CustomEvent<{ error: PortalError }>).detail;
    if (isPreviewRefusal(error)) refusals.push(error);
  };
  beforeEach(() => {
    refusals = [];
    navigation.assign = () => undefined;
    HTMLAnchorElement.prototype.click = () => undefined;
    document.addEventListener('portal-error', onError);
  });
  afterEach(() => {
    navigation.assign = realAssign;
    HTMLAnchorElement.prototype.click = realAnchorClick;
    document.removeEventListener('portal-error', onError);
  });

  for (const each of CASES) {
    it(`<${each.tag}> reads everything and starts nothing`, async () => {
      const memory = new MemoryAdapter();
      memory.previewAs('cus_ada');
      const { adapter, calls } = countingAdapter(memory);
      // As on a preview page: <portal-root> (or any widget that asks) has learnt who is signed in.
      await storeForAdapter(adapter).restoreSession();
      const el = await fixture<PortalElement>(each.render(adapter));
      await waitUntil(() => deepText(el).includes(each.reads), `${each.tag} shows ${each.reads}`, {
        timeout: 5000,
      });

      const unavailable = new Set<string>();
      for (let round = 0; round < 5; round++) {
        for (const button of deepAll<HTMLButtonElement>(el, 'button')) {
          if (!button.isConnected || LEFT_ALONE.test(name(button))) continue;
          if ((button.getAttribute('aria-describedby') ?? '').split(' ').includes('preview-note')) {
            expect(button.getAttribute('aria-disabled'), name(button)).to.equal('true');
            const note = (button.getRootNode() as ShadowRoot).getElementById('preview-note');
            expect(note, `the note "${name(button)}" points at`).to.exist;
            unavailable.add(name(button));
          }
          button.click();
          await settle(el);
        }
        for (const form of deepAll<HTMLFormElement>(el, 'form')) {
          if (!form.isConnected) continue;
          form.requestSubmit();
          await settle(el);
        }
      }

      const changes = Object.keys(calls).filter(
        (op) => OPERATION_NAMES.includes(op as OperationName) && !previewAllows(op as OperationName),
      );
      expect(changes, 'operations that change something').to.deep.equal([]);
      expect(refusals, 'the UI never even asked for a change').to.deep.equal([]);
      if (each.acts) expect([...unavailable], 'actions shown as unavailable').not.to.be.empty;
      if (!deepText(el).includes(each.reads)) {
        // The last press may have opened a step that is still loading what it shows.
        await waitUntil(() => !deepText(el).includes('Loading…'), `${each.tag} settles`, { timeout: 5000 });
      }
    });
  }
});

describe('<portal-root> in a preview', () => {
  it('says so in a banner, and "End preview" signs the merchant out of it', async () => {
    const memory = new MemoryAdapter();
    memory.previewAs('cus_ada');
    const el = await fixture<PortalElement>(html`<portal-root .adapter=${memory}></portal-root>`);
    await waitUntil(() => el.shadowRoot?.querySelector('.banner'), 'the preview banner');
    expect(squash(el.shadowRoot!.querySelector('.banner')!.textContent ?? '')).to.equal(
      'Preview: you are seeing the portal as this customer does. Nothing can be changed.',
    );
    const end = [...el.shadowRoot!.querySelectorAll('button')].find((each) => name(each) === 'End preview');
    expect(end, 'an End preview button').to.exist;
    end!.click();
    await waitUntil(() => el.store?.session.status === 'signed_out', 'the preview ends');
    expect(el.store?.preview).to.equal(false);
    expect(await memory.getSession()).to.equal(null);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.banner')).to.equal(null);
  });
});
