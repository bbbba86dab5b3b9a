import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LiveRegionController } from '../../src/controllers/live-region.js';

class LiveRegionHost extends LitElement {
  readonly live = new LiveRegionController(this);
  override render() {
    return html`<p>Content</p>
      ${this.live.render()}`;
  }
}
customElements.define('live-region-controller-host', LiveRegionHost);

function region(host: LiveRegionHost): HTMLElement {
  const found = host.shadowRoot!.querySelectorAll<HTMLElement>('[role="status"]');
  expect(found.length, 'one polite region').to.equal(1);
  return found[0];
}

describe('LiveRegionController', () => {
  it('renders one polite region that is in the page before anything is said', async () => {
    const host = await fixture<LiveRegionHost>(
      html`<live-region-controller-host></live-region-controller-host>`,
    );
    expect(region(host).textContent?.trim()).to.equal('');
    expect(region(host).getAttribute('aria-live') ?? 'polite', 'status is polite').to.equal('polite');
    await expect(host).to.be.accessible();
  });

  it('says what it is given', async () => {
    const host = await fixture<LiveRegionHost>(
      html`<live-region-controller-host></live-region-controller-host>`,
    );
    const before = region(host);
    host.live.announce('Payment sent.');
    await host.updateComplete;
    expect(region(host)).to.equal(before, 'the same region, not a new one');
    expect(region(host).textContent?.trim()).to.equal('Payment sent.');
  });

  it('changes the region when the same words are said twice, so they are read again', async () => {
    const host = await fixture<LiveRegionHost>(
      html`<live-region-controller-host></live-region-controller-host>`,
    );
    host.live.announce('Still checking.');
    await host.updateComplete;
    const first = region(host).textContent;
    host.live.announce('Still checking.');
    await host.updateComplete;
    const second = region(host).textContent;
    expect(second).not.to.equal(first);
    expect(second?.trim()).to.equal('Still checking.');
    host.live.announce('Still checking.');
    await host.updateComplete;
    expect(region(host).textContent).not.to.equal(second);
  });
});
