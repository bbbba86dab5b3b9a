import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PortalError } from '../../src/contract/errors.js';
import { ConsoleMemoryAdapter } from '../../src/console/adapters/console-memory-adapter.js';
import '../../src/console/elements/portal-console-branding/define.js';
import type { PortalConsoleBranding } from '../../src/console/elements/portal-console-branding/portal-console-branding.js';
import { button, field, root, text } from '../helpers/dom.js';

// The merchant's view of Branding: the preview in their colour, the contrast, the logo checked and uploaded.

const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function pngFile(name = 'logo.png'): File {
  const bytes = Uint8Array.from(atob(PNG_1X1), (char) => char.charCodeAt(0));
  return new File([bytes], name, { type: 'image/png' });
}

async function mount(adapter: ConsoleMemoryAdapter): Promise<PortalConsoleBranding> {
  const el = await fixture<PortalConsoleBranding>(
    html`<portal-console-branding .adapter=${adapter}></portal-console-branding>`,
  );
  await waitUntil(() => root(el).querySelector('form'), 'branding loads', { timeout: 3000 });
  return el;
}

async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ type: value });
}

/** Chooses a file in the file field, as the browser's file picker would. */
async function choose(el: PortalConsoleBranding, file: File): Promise<void> {
  const input = field(el, 'Logo file');
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(
    () => root(el).querySelector('#logo-file-error, img[alt^="The logo you chose"]'),
    'checked',
  );
}

describe('<portal-console-branding>', () => {
  it('shows the name, colour, contrast and logo, and previews the portal in the theme, accessibly', async () => {
    const el = await mount(new ConsoleMemoryAdapter({ signedIn: true }));
    expect(field(el, 'Business name').value).to.equal('Northwind Coffee Roasters');
    expect(field(el, 'Theme colour').value).to.equal('#0f766e');
    expect(text(root(el).querySelector('#contrast'))).to.contain('Button text on the theme colour: white');
    const preview = root(el).querySelector<HTMLElement>('.portal')!;
    expect(preview.style.getPropertyValue('--portal-color-primary')).to.equal('#0f766e');
    expect(root(el).querySelector('img[alt="The current logo"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('previews a new colour as it is typed, with the contrast the portal picks', async () => {
    const el = await mount(new ConsoleMemoryAdapter({ signedIn: true }));
    await typeInto(field(el, 'Theme colour'), '#facc15');
    await el.updateComplete;
    const preview = root(el).querySelector<HTMLElement>('.portal')!;
    expect(preview.style.getPropertyValue('--portal-color-primary')).to.equal('#facc15');
    expect(preview.style.getPropertyValue('--portal-color-on-primary')).to.equal('#000000');
    expect(text(root(el).querySelector('#contrast'))).to.contain('Button text on the theme colour: black');
  });

  it('saves the branding and keeps the other settings', async () => {
    const adapter = new ConsoleMemoryAdapter({ signedIn: true });
    const el = await mount(adapter);
    await typeInto(field(el, 'Theme colour'), '#7c3aed');
    await typeInto(field(el, 'Business name'), 'Northwind Roasters');
    button(el, 'Save branding').click();
    await waitUntil(() => root(el).querySelector('.alert.success'), 'saved');
    expect(text(root(el).querySelector('[role=status]'))).to.contain('Branding saved.');
    const settings = adapter.settings;
    expect(settings.branding.themeColor).to.equal('#7c3aed');
    expect(settings.branding.merchantName).to.equal('Northwind Roasters');
    expect(settings.branding.logoUrl, 'the logo stays').to.be.a('string');
    expect(settings.invoices.payInvoices, 'settings untouched').to.be.true;
  });

  it('explains a colour the browser does not know at the field and sends nothing', async () => {
    const adapter = new ConsoleMemoryAdapter({ signedIn: true });
    const el = await mount(adapter);
    const colour = field(el, 'Theme colour');
    await typeInto(colour, 'not-a-colour');
    button(el, 'Save branding').click();
    await waitUntil(() => root(el).querySelector('#themeColor-error'), 'the error shows');
    expect(text(root(el).querySelector('#themeColor-error'))).to.contain('Enter a colour');
    expect(colour.getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => root(el).activeElement === colour, 'focus on the field');
    expect(adapter.settings.branding.themeColor).to.equal('#0f766e');
  });

  it('previews a chosen PNG, uploads it, and removes the logo', async () => {
    const adapter = new ConsoleMemoryAdapter({ signedIn: true });
    const el = await mount(adapter);
    await choose(el, pngFile());
    const chosen = root(el).querySelector<HTMLImageElement>(
      'img[alt="The logo you chose, not uploaded yet"]',
    )!;
    expect(chosen.src).to.equal(`data:image/png;base64,${PNG_1X1}`);
    button(el, 'Upload logo').click();
    await waitUntil(() => text(root(el).querySelector('[role=status]')) === 'Logo uploaded.', 'uploaded');
    expect(adapter.settings.branding.logoUrl).to.equal(`data:image/png;base64,${PNG_1X1}`);
    button(el, 'Remove logo').click();
    await waitUntil(() => text(root(el).querySelector('[role=status]')) === 'Logo removed.', 'removed');
    expect(adapter.settings.branding.logoUrl).to.equal(undefined);
    expect(text(root(el).querySelector('.logo'))).to.contain('No logo yet');
  });

  it('refuses a file that is not a PNG or JPG, or larger than 2 MB, before sending it', async () => {
    const el = await mount(new ConsoleMemoryAdapter({ signedIn: true }));
    await choose(el, new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }));
    expect(text(root(el).querySelector('#logo-file-error'))).to.equal('Choose a PNG or JPG image.');
    await choose(el, new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'big.png', { type: 'image/png' }));
    expect(text(root(el).querySelector('#logo-file-error'))).to.equal(
      'This file is larger than 2 MB. Choose a smaller one.',
    );
    expect(field(el, 'Logo file').getAttribute('aria-invalid')).to.equal('true');
  });

  it('shows the server’s refusal of a logo at the file field', async () => {
    const adapter = new ConsoleMemoryAdapter({ signedIn: true });
    adapter.adminUploadLogo = () =>
      Promise.reject(
        new PortalError('validation', 'bad', { fieldErrors: [{ path: 'data', code: 'invalid' }] }),
      );
    const el = await mount(adapter);
    await choose(el, pngFile());
    button(el, 'Upload logo').click();
    await waitUntil(() => root(el).querySelector('#logo-file-error'), 'refused');
    expect(text(root(el).querySelector('#logo-file-error'))).to.contain('not an image the portal can show');
  });
});
