import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { PortalError } from '../../src/contract/errors.js';
import type { PortalEvent } from '../../src/core/events.js';
import '../../src/define.js';
import { navigation } from '../../src/elements/portal-quick-order/portal-quick-order.js';
import type { PortalQuickOrder } from '../../src/elements/portal-quick-order/portal-quick-order.js';
import type { PortalRoot } from '../../src/elements/portal-root/portal-root.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
import { changeSettings, signedInAda } from '../helpers/customers.js';
import { root, text } from '../helpers/dom.js';

function quickOrderButton(el: Element): HTMLButtonElement | null {
  return root(el).querySelector<HTMLButtonElement>('button[part="button"]');
}

describe('<portal-quick-order>', () => {
  let assigned: string[];
  const realAssign = navigation.assign;
  beforeEach(() => {
    assigned = [];
    navigation.assign = (url) => void assigned.push(url);
  });
  afterEach(() => {
    navigation.assign = realAssign;
  });

  it('hands the signed-in customer to the checkout with a single-use token', async () => {
    const adapter = await signedInAda();
    const el = await fixture<PortalQuickOrder>(
      html`<portal-quick-order .adapter=${adapter}></portal-quick-order>`,
    );
    await waitUntil(() => quickOrderButton(el), 'the Quick order button');
    expect(text(quickOrderButton(el))).to.equal('Quick order');
    await expect(el).to.be.accessible();
    quickOrderButton(el)!.focus();
    const handedOff = oneEvent<PortalEvent<'portal-quick-order'>>(el, 'portal-quick-order');
    await sendKeys({ press: 'Enter' });
    const { detail, cancelable } = await handedOff;
    expect(cancelable).to.equal(true);
    expect(detail.url).to.equal(`/demo/checkout?portal_handoff=${detail.token}`);
    await waitUntil(() => assigned.length === 1, 'the browser goes to the checkout');
    expect(assigned).to.deep.equal([detail.url]);
    expect(adapter.exchangeQuickOrderToken(detail.token).customerCode).to.equal('CUST-0001');
  });

  it('lets a single-page store route itself by cancelling the event', async () => {
    const adapter = await signedInAda();
    const el = await fixture<PortalQuickOrder>(
      html`<portal-quick-order .adapter=${adapter}></portal-quick-order>`,
    );
    await waitUntil(() => quickOrderButton(el), 'the Quick order button');
    el.addEventListener('portal-quick-order', (event) => event.preventDefault());
    const handedOff = oneEvent(el, 'portal-quick-order');
    quickOrderButton(el)!.click();
    await handedOff;
    await el.updateComplete;
    expect(assigned, 'no navigation').to.deep.equal([]);
    expect(text(quickOrderButton(el))).to.equal('Quick order');
  });

  it('shows nothing while signed out or when the merchant set no checkout', async () => {
    const signedOut = await fixture<PortalQuickOrder>(
      html`<portal-quick-order .adapter=${new MemoryAdapter()}></portal-quick-order>`,
    );
    await waitUntil(() => signedOut.store?.session.status === 'signed_out', 'the session is known');
    await signedOut.updateComplete;
    expect(signedOut.hidden).to.equal(true);
    expect(quickOrderButton(signedOut)).to.equal(null);

    const adapter = await signedInAda();
    await changeSettings(adapter, (settings) => {
      delete settings.quickOrderUrl;
    });
    const off = await fixture<PortalQuickOrder>(
      html`<portal-quick-order .adapter=${adapter}></portal-quick-order>`,
    );
    await waitUntil(() => off.store?.session.status === 'signed_in', 'the session is known');
    await off.updateComplete;
    expect(off.hidden).to.equal(true);
    expect(quickOrderButton(off)).to.equal(null);
  });

  it('says why the hand-off failed, reports it, and retries', async () => {
    const inner = await signedInAda();
    let fail = true;
    const { adapter } = countingAdapter(inner, {
      createQuickOrderToken: () =>
        fail ? Promise.reject(new PortalError('unavailable', 'down')) : inner.createQuickOrderToken(),
    });
    const el = await fixture<PortalQuickOrder>(
      html`<portal-quick-order .adapter=${adapter}></portal-quick-order>`,
    );
    await waitUntil(() => quickOrderButton(el), 'the Quick order button');
    const reported = oneEvent<PortalEvent<'portal-error'>>(el, 'portal-error');
    quickOrderButton(el)!.click();
    expect((await reported).detail.operation).to.equal('createQuickOrderToken');
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'the failure');
    expect(assigned).to.deep.equal([]);
    fail = false;
    const handedOff = oneEvent(el, 'portal-quick-order');
    [...root(el).querySelectorAll('button')].find((each) => text(each) === 'Try again')!.click();
    await handedOff;
    await waitUntil(() => !root(el).querySelector('[role="alert"]'), 'the failure is gone');
  });

  it('sits in <portal-root>’s header, which also lists the Policies section', async () => {
    const adapter = await signedInAda();
    const el = await fixture<PortalRoot>(html`<portal-root .adapter=${adapter}></portal-root>`);
    await waitUntil(() => root(el).querySelector('header portal-quick-order'), 'Quick order in the header', {
      timeout: 5000,
    });
    const sections = [...root(el).querySelectorAll('nav button')].map(text);
    expect(sections).to.include('Policies');
    [...root(el).querySelectorAll<HTMLButtonElement>('nav button')]
      .find((each) => text(each) === 'Policies')!
      .click();
    await waitUntil(() => root(el).querySelector('portal-content'), 'the Policies section');
    const content = root(el).querySelector('portal-content')!;
    await waitUntil(() => content.shadowRoot?.querySelector('h2'), 'the merchant’s pages');
    expect(text(content.shadowRoot!.querySelector('h2'))).to.equal('Policies');
  });
});
