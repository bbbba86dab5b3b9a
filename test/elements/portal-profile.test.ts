import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PortalAdapter } from '../../src/contract/adapter.js';
import { PortalError } from '../../src/contract/errors.js';
import '../../src/elements/portal-profile/define.js';
import type { PortalProfile } from '../../src/elements/portal-profile/portal-profile.js';
import { changeSettings, signedInAda, signedInAnalytical } from '../helpers/customers.js';
import { button, root, text } from '../helpers/dom.js';

// The customer's view: fields by their label, buttons by name, what is announced, shown and focused.

async function mount(adapter: PortalAdapter, locale?: string): Promise<PortalProfile> {
  const el = await fixture<PortalProfile>(
    html`<portal-profile .adapter=${adapter} locale=${locale ?? 'en-US'}></portal-profile>`,
  );
  await settle(el, () => !root(el).querySelector('.loading'), 'the details load');
  return el;
}

async function settle(el: PortalProfile, until: () => unknown, what: string): Promise<void> {
  await waitUntil(until, what, { timeout: 3000 });
  await el.updateComplete;
}

/** The control labelled `label` inside the form headed `form`. */
function field(el: PortalProfile, form: string, label: string): HTMLInputElement {
  const forms = [...root(el).querySelectorAll('form')];
  const found = forms.find((each) => text(each.querySelector('h3')) === form);
  expect(found, `a form "${form}"`).to.exist;
  const labels = [...found!.querySelectorAll('label')].filter(
    (each) => text(each).replace(/ \([^)]*\)$/, '') === label,
  );
  expect(labels.length, `one field "${label}" in "${form}"`).to.equal(1);
  return root(el).getElementById(labels[0].htmlFor) as HTMLInputElement;
}

function errorOf(el: PortalProfile, input: HTMLElement): string {
  return text(root(el).getElementById(`${input.id}-error`));
}

async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ type: value });
}

describe('<portal-profile>', () => {
  it('shows Ada’s details, addresses and contacts in editable forms, accessibly', async () => {
    const el = await mount(await signedInAda());
    await expect(el).to.be.accessible();
    expect(field(el, 'Name and company', 'Full name').value).to.equal('Ada Lovelace');
    expect(field(el, 'Addresses and contacts', 'ZIP code').value).to.equal('97205');
    expect(field(el, 'Addresses and contacts', 'State').value).to.equal('OR');
    expect(text(root(el).querySelector('.current'))).to.equal('Current address ada@example.com');
    const same = root(el).querySelector<HTMLInputElement>('.check input')!;
    expect(same.checked, 'Ada ships to her billing address').to.be.true;
  });

  it('saves a new billing address from the keyboard, announces it and fires the event', async () => {
    const adapter = await signedInAda();
    const el = await mount(adapter);
    await typeInto(field(el, 'Addresses and contacts', 'Address'), '1 Dock Street');
    const event = oneEvent(el, 'portal-profile-changed');
    await sendKeys({ press: 'Enter' });
    const { customer } = (await event).detail;
    expect(customer.billingAddress?.line1).to.equal('1 Dock Street');
    expect(customer.shippingAddress?.line1, 'shipping follows billing').to.equal('1 Dock Street');
    await settle(el, () => text(root(el).querySelector('.alert.success')), 'the success notice');
    expect(text(root(el).querySelector('.alert.success'))).to.equal('Your changes were saved.');
    expect((await adapter.getCustomer()).billingAddress?.line1).to.equal('1 Dock Street');
  });

  it('relabels the address for another country and refuses a postal code of its wrong shape at the field', async () => {
    const el = await mount(await signedInAda());
    const country = field(el, 'Addresses and contacts', 'Country') as unknown as HTMLSelectElement;
    country.value = 'GB';
    country.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    const postcode = field(el, 'Addresses and contacts', 'Postcode');
    expect(field(el, 'Addresses and contacts', 'County')).to.exist;
    await typeInto(postcode, '12345');
    button(el, 'Save addresses and contacts').click();
    await settle(el, () => errorOf(el, postcode), 'the postcode error');
    expect(errorOf(el, postcode)).to.equal('Enter a postal code like SW1A 1AA.');
    expect(root(el).activeElement).to.equal(postcode);
    expect(postcode.getAttribute('aria-invalid')).to.equal('true');
  });

  it('refuses a malformed VAT number at the field in French, keeps what was typed, then saves a PO number', async () => {
    const adapter = await signedInAnalytical();
    const el = await mount(adapter, 'fr-FR');
    const vat = field(el, 'Informations fiscales et d’achat', 'Numéro de TVA');
    expect(vat.value).to.equal('FR40303265045');
    expect(text(root(el).querySelector('[part="verification"]'))).to.match(
      /Vérifié auprès du registre fiscal/,
    );
    await typeInto(vat, 'FR123');
    button(el, 'Enregistrer les informations fiscales').click();
    await settle(el, () => errorOf(el, vat), 'the VAT error');
    expect(errorOf(el, vat)).to.equal('Saisissez un numéro de TVA comme FR12345678901.');
    expect(vat.value, 'nothing typed is lost').to.equal('FR123');
    expect((await adapter.getCustomer()).vatNumber, 'nothing was sent').to.equal('FR40303265045');
    await typeInto(vat, 'FR40303265045');
    await typeInto(field(el, 'Informations fiscales et d’achat', 'Numéro de bon de commande'), 'PO-9001');
    const event = oneEvent(el, 'portal-tax-details-updated');
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.customer.poNumber).to.equal('PO-9001');
    expect((await adapter.getCustomer()).poNumber).to.equal('PO-9001');
  });

  it('shows "could not verify right now" as a state, never as invalid', async () => {
    const el = await mount(await signedInAnalytical());
    await typeInto(field(el, 'Tax and purchasing details', 'VAT number'), 'DE123450000');
    button(el, 'Save tax details').click();
    await settle(
      el,
      () => /could not be reached/.test(text(root(el).querySelector('[part="verification"]'))),
      'the status',
    );
    expect(errorOf(el, field(el, 'Tax and purchasing details', 'VAT number'))).to.equal('');
  });

  it('keeps what was typed when the backend refuses, and shows its field errors in place', async () => {
    const adapter = await signedInAda();
    const el = await mount(adapter);
    await changeSettings(adapter, (settings) => (settings.profile.modifyInformation = false));
    const phone = field(el, 'Name and company', 'Phone');
    await typeInto(phone, '+1 503 555 0199');
    button(el, 'Save name and company').click();
    await settle(el, () => root(el).querySelector('.alert.error'), 'the refusal');
    expect(text(root(el).querySelector('.alert.error'))).to.equal(
      'This action is not available for your account.',
    );
    expect(phone.value).to.equal('+1 503 555 0199');
  });

  it('asks for an email change, shows it pending, and confirms it from the emailed link', async () => {
    const adapter = await signedInAda();
    const el = await mount(adapter);
    await typeInto(field(el, 'Email address', 'New email address'), 'ada.king@example.com');
    const requested = oneEvent(el, 'portal-email-change-requested');
    await sendKeys({ press: 'Enter' });
    expect((await requested).detail.pendingEmail).to.equal('ada.king@example.com');
    await settle(el, () => /Confirm the link we sent/.test(text(root(el))), 'the pending notice');
    expect(text(root(el).querySelector('.current'))).to.contain('ada@example.com');

    const token = /portal-email-token=([\w-]+)/.exec(adapter.outbox.at(-1)?.text ?? '')?.[1] ?? '';
    const landing = await fixture<PortalProfile>(
      html`<portal-profile .adapter=${adapter} .emailToken=${token} locale="en-US"></portal-profile>`,
    );
    await landing.updateComplete;
    const changed = oneEvent(landing, 'portal-email-changed');
    button(landing, 'Confirm').click();
    expect((await changed).detail.email).to.equal('ada.king@example.com');
    await settle(landing, () => /Your email address is now/.test(text(root(landing))), 'the confirmation');
    expect((await adapter.getCustomer()).email).to.equal('ada.king@example.com');
  });

  it('says a lost answer on the confirm page in its own words: reload to see, or ask for a new link', async () => {
    const ada = await signedInAda();
    const lost = new Proxy(ada, {
      get(target, name, receiver) {
        if (name === 'confirmEmailChange') {
          return () => Promise.reject(new PortalError('network', 'the answer was lost'));
        }
        const value = Reflect.get(target, name, receiver) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    const el = await fixture<PortalProfile>(
      html`<portal-profile .adapter=${lost} .emailToken=${'x'.repeat(43)} locale="en-US"></portal-profile>`,
    );
    await el.updateComplete;
    button(el, 'Confirm').click();
    await settle(el, () => root(el).querySelector('.alert.warning'), 'the outcome shows');
    expect(text(root(el).querySelector('.alert.warning'))).to.equal(
      'We could not confirm the change. Reload the page: if the new address shows, it went through; if not, ask for a new link.',
    );
    expect(root(el).querySelector('.alert.success, .alert.error'), 'neither success nor failure').to.not
      .exist;
  });

  it('keeps "what you typed is still here" for a lost answer to a save, where something was typed', async () => {
    const ada = await signedInAda();
    const lost = new Proxy(ada, {
      get(target, name, receiver) {
        if (name === 'updateProfile') return () => Promise.reject(new PortalError('network', 'lost'));
        const value = Reflect.get(target, name, receiver) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    const el = await mount(lost);
    await typeInto(field(el, 'Addresses and contacts', 'Address'), '1 Dock Street');
    await sendKeys({ press: 'Enter' });
    await settle(el, () => root(el).querySelector('.alert.warning'), 'the outcome shows');
    expect(text(root(el).querySelector('.alert.warning'))).to.equal(
      'We could not confirm whether your changes were saved. What you typed is still here; check it and save again.',
    );
  });

  it('shows a person granted access the account’s email read-only with why, and still their billing forms', async () => {
    const grace = await signedInAnalytical();
    await grace.switchAccount({ customerId: 'cus_ada' });
    const el = await mount(grace);
    await expect(el).to.be.accessible();
    const headings = [...root(el).querySelectorAll('form h3')].map((heading) => text(heading));
    expect(headings, 'no email form').to.not.include('Email address');
    expect(headings, 'billing details stay editable').to.include.members([
      'Name and company',
      'Addresses and contacts',
      'Tax and purchasing details',
    ]);
    const section = root(el).querySelector<HTMLElement>(`[aria-labelledby="${el.uid}-email-heading"]`)!;
    expect(section.localName).to.equal('section');
    expect(text(section.querySelector('.current'))).to.equal('Current address ada@example.com');
    expect(text(section.querySelector('[part="notice"]'))).to.equal(
      'Only the account’s owner can change this address, because they sign in with it.',
    );
    expect(section.querySelector('input, button'), 'nothing to press').to.not.exist;

    const ada = await mount(await signedInAda());
    expect(field(ada, 'Email address', 'New email address'), 'the owner gets the form').to.exist;
  });

  it('says why in French, and shows the owner-only refusal if the form was offered anyway', async () => {
    const grace = await signedInAnalytical();
    await grace.switchAccount({ customerId: 'cus_ada' });
    const french = await mount(grace, 'fr-FR');
    expect(
      text(root(french).querySelector(`[aria-labelledby="${french.uid}-email-heading"] [part="notice"]`)),
    ).to.equal(
      'Seul le titulaire du compte peut modifier cette adresse, car c’est avec elle qu’il se connecte.',
    );
    // A session read that (wrongly) names the owner: the form shows, and the backend's refusal says why.
    const posing = new Proxy(grace, {
      get(target, name, receiver) {
        if (name === 'getSession') {
          return async () => ({ ...(await target.getSession()), email: 'ada@example.com' });
        }
        const value = Reflect.get(target, name, receiver) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    const el = await mount(posing);
    await typeInto(field(el, 'Email address', 'New email address'), 'grace.new@example.net');
    await sendKeys({ press: 'Enter' });
    await settle(el, () => root(el).querySelector('.alert.error'), 'the refusal');
    expect(text(root(el).querySelector('.alert.error'))).to.equal(
      'Only the account’s owner can change this address, because they sign in with it.',
    );
    expect(
      grace.outbox.some((mail) => mail.to === 'grace.new@example.net'),
      'no link sent',
    ).to.be.false;
  });

  it('says a dead email-change link is dead', async () => {
    const el = await fixture<PortalProfile>(
      html`<portal-profile
        .adapter=${await signedInAda()}
        .emailToken=${'x'.repeat(43)}
        locale="en-US"
      ></portal-profile>`,
    );
    await el.updateComplete;
    button(el, 'Confirm').click();
    await settle(el, () => root(el).querySelector('.alert.error'), 'the refusal');
    expect(text(root(el).querySelector('.alert.error'))).to.match(/invalid, already used or expired/);
    expect(root(el).querySelector('.confirm'), 'the confirm form is gone').to.not.exist;
  });

  it('shows everything read-only with the reason when the merchant turned changes off', async () => {
    const adapter = await signedInAda();
    await changeSettings(adapter, (settings) => (settings.profile.modifyInformation = false));
    const el = await mount(adapter);
    await expect(el).to.be.accessible();
    expect(root(el).querySelector('form'), 'no form').to.not.exist;
    expect(text(root(el).querySelector('[part="notice"]'))).to.match(
      /^Northwind Coffee Roasters does not allow changing these details in the portal\. Write to \u2068support@northwind\.example\u2069/,
    );
    expect(text(root(el))).to.contain('12 Analytical Row');
  });

  it('shows an error with a retry that works', async () => {
    const ada = await signedInAda();
    let fail = true;
    const flaky = new Proxy(ada, {
      get(target, name, receiver) {
        if (name === 'getCustomer' && fail)
          return () => Promise.reject(new PortalError('unavailable', 'down'));
        const value = Reflect.get(target, name, receiver) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    const el = await mount(flaky);
    expect(text(root(el).querySelector('[part="error"]'))).to.not.equal('');
    fail = false;
    button(el, 'Try again').click();
    await settle(el, () => root(el).querySelector('form'), 'the retry loads the details');
  });

  it('makes another method the default', async () => {
    const el = await mount(await signedInAda());
    await settle(el, () => root(el).querySelector('#' + el.uid + '-default-method'), 'the methods');
    const select = root(el).querySelector<HTMLSelectElement>(`#${el.uid}-default-method`)!;
    select.value = 'pm_ada_mastercard';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    const event = oneEvent(el, 'portal-payment-method-default');
    button(el, 'Make default').click();
    expect((await event).detail.paymentMethod.id).to.equal('pm_ada_mastercard');
  });
});
