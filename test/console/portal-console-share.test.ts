import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/console/elements/portal-console-share/define.js';
import type { PortalConsoleShare } from '../../src/console/elements/portal-console-share/portal-console-share.js';
import { button, field, root, text } from '../helpers/dom.js';

// The merchant's view of Share: the link and the snippet by label, copied by button.

async function mount(): Promise<PortalConsoleShare> {
  return fixture<PortalConsoleShare>(
    html`<portal-console-share
      portal-url="https://shop.example/account"
      script-url="https://shop.example/portal.js"
      api-url="https://shop.example/portal-api"
    ></portal-console-share>`,
  );
}

describe('<portal-console-share>', () => {
  const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
  afterEach(() => {
    if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    delete (navigator as unknown as Record<string, unknown>).clipboard;
  });

  function useClipboard(writeText: (text: string) => Promise<void>): void {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  }

  it('shows the portal link and a snippet with the script tag and the element, accessibly', async () => {
    const el = await mount();
    expect(field(el, 'Link to the portal').value).to.equal('https://shop.example/account');
    expect(field<HTMLTextAreaElement>(el, 'Embed snippet').value).to.equal(
      '<script type="module" src="https://shop.example/portal.js"></script>\n' +
        '<portal-root api="https://shop.example/portal-api"></portal-root>',
    );
    await expect(el).to.be.accessible();
  });

  it('pins a language in the snippet when the merchant chooses one', async () => {
    const el = await mount();
    const language = field<HTMLSelectElement>(el, 'Portal language');
    language.value = 'fr';
    language.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(field<HTMLTextAreaElement>(el, 'Embed snippet').value).to.contain(
      '<portal-root api="https://shop.example/portal-api" locale="fr"></portal-root>',
    );
  });

  it('copies the snippet to the clipboard and says so', async () => {
    const copied: string[] = [];
    useClipboard((value) => {
      copied.push(value);
      return Promise.resolve();
    });
    const el = await mount();
    button(el, 'Copy snippet').click();
    await waitUntil(() => text(root(el).querySelector('[role=status]')) !== '', 'announced');
    expect(text(root(el).querySelector('[role=status]'))).to.equal('Copied to the clipboard.');
    expect(copied).to.deep.equal([field<HTMLTextAreaElement>(el, 'Embed snippet').value]);
  });

  it('selects the link for the merchant to copy when the clipboard is refused', async () => {
    useClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    const el = await mount();
    button(el, 'Copy link').click();
    await waitUntil(() => root(el).querySelector('#link-fallback'), 'the fallback shows');
    expect(text(root(el).querySelector('#link-fallback'))).to.contain('press Ctrl+C');
    const link = field(el, 'Link to the portal');
    expect(root(el).activeElement).to.equal(link);
    expect(link.selectionStart).to.equal(0);
    expect(link.selectionEnd).to.equal(link.value.length);
  });
});
