import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { FocusController } from '../../src/controllers/focus.js';

/** A host with a heading that appears once "loaded", and a field. */
class FocusHost extends LitElement {
  static override properties = { loaded: { type: Boolean } };
  loaded = true;
  readonly focus$ = new FocusController(this);

  override render() {
    return html`${this.loaded ? html`<h2 id="heading" tabindex="-1">Heading</h2>` : html`<p>Loading</p>`}
      <input id="field" aria-label="Field" />`;
  }
}
customElements.define('focus-controller-host', FocusHost);

function focusedIn(host: FocusHost): Element | null {
  return host.shadowRoot!.activeElement;
}

describe('FocusController', () => {
  it('focuses nothing when the host first renders', async () => {
    const outside = await fixture<HTMLButtonElement>(html`<button>Page button</button>`);
    outside.focus();
    const host = await fixture<FocusHost>(html`<focus-controller-host></focus-controller-host>`);
    await host.updateComplete;
    expect(document.activeElement).to.equal(outside);
    expect(focusedIn(host)).to.equal(null);
  });

  it('focuses the element with the id once the update that follows the request has finished', async () => {
    const host = await fixture<FocusHost>(html`<focus-controller-host></focus-controller-host>`);
    host.focus$.focusAfterUpdate('field');
    await host.updateComplete;
    expect(focusedIn(host)?.id).to.equal('field');
  });

  it('focuses after the update, not during it, so the update it causes is a new one', async () => {
    const host = await fixture<FocusHost>(html`<focus-controller-host></focus-controller-host>`);
    let focusedDuringUpdate = true;
    host.addController({
      hostUpdated: () => {
        focusedDuringUpdate = focusedIn(host)?.id === 'heading';
      },
    });
    host.focus$.focusAfterUpdate('heading');
    await host.updateComplete;
    expect(focusedDuringUpdate, 'not yet focused inside the update').to.be.false;
    expect(focusedIn(host)?.id).to.equal('heading');
  });

  it('gives up on an element that is not there after the update: now or never', async () => {
    const host = await fixture<FocusHost>(html`<focus-controller-host></focus-controller-host>`);
    host.loaded = false;
    host.focus$.focusAfterUpdate('heading');
    await host.updateComplete;
    host.loaded = true;
    await host.updateComplete;
    expect(focusedIn(host)).to.equal(null);
  });

  it('waits for a heading that is still loading when asked to focus it once rendered', async () => {
    const host = await fixture<FocusHost>(
      html`<focus-controller-host .loaded=${false}></focus-controller-host>`,
    );
    host.focus$.focusWhenRendered('heading');
    await host.updateComplete;
    expect(focusedIn(host)).to.equal(null);
    host.loaded = true;
    await host.updateComplete;
    expect(focusedIn(host)?.id).to.equal('heading');
  });

  it('forgets a cancelled request and a request pending when the host leaves the page', async () => {
    const host = await fixture<FocusHost>(
      html`<focus-controller-host .loaded=${false}></focus-controller-host>`,
    );
    host.focus$.focusWhenRendered('heading');
    host.focus$.cancel();
    host.loaded = true;
    await host.updateComplete;
    expect(focusedIn(host)).to.equal(null);

    host.loaded = false;
    await host.updateComplete;
    host.focus$.focusWhenRendered('heading');
    const parent = host.parentElement!;
    host.remove();
    parent.append(host);
    host.loaded = true;
    await host.updateComplete;
    expect(focusedIn(host)).to.equal(null);
  });
});
