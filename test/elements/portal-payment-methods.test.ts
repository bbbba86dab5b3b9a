import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PortalAdapter } from '../../src/contract/adapter.js';
import { PortalError } from '../../src/contract/errors.js';
import '../../src/elements/portal-payment-methods/define.js';
import type { PortalPaymentMethods } from '../../src/elements/portal-payment-methods/portal-payment-methods.js';
import {
  type CardFields,
  CardFieldsError,
  type CardFieldsMountOptions,
  type CardFieldsProvider,
} from '../../src/providers/card-fields.js';
import { FakeCardFields } from '../../stories/support/fake-card-fields.js';
import {
  adaWith,
  onlyMethods,
  settingsOff,
  withExpiredCard,
} from '../../stories/support/payment-method-states.js';
import { signedInAda, signedInMary } from '../helpers/customers.js';
import { button, hasButton, root, text } from '../helpers/dom.js';

// The customer's view: rows by their label, buttons by accessible name, what is announced and focused.

async function mount(
  adapter: PortalAdapter,
  cardFields: CardFieldsProvider | null = new FakeCardFields(),
): Promise<PortalPaymentMethods> {
  const el = await fixture<PortalPaymentMethods>(
    html`<portal-payment-methods
      .adapter=${adapter}
      .cardFields=${cardFields ?? undefined}
    ></portal-payment-methods>`,
  );
  await waitUntil(
    () => !root(el).querySelector('.loading') && root(el).querySelector('.method, .empty, [part="error"]'),
    'the methods load',
    { timeout: 3000 },
  );
  await el.updateComplete;
  return el;
}

function rows(el: PortalPaymentMethods): string[] {
  return [...root(el).querySelectorAll('.method')].map((row) => text(row.querySelector('.what')));
}

function row(el: PortalPaymentMethods, label: string): HTMLElement {
  const found = [...root(el).querySelectorAll<HTMLElement>('.method')].find(
    (each) => text(each.querySelector('.label')) === label,
  );
  expect(found, `a row "${label}"`).to.exist;
  return found!;
}

function focused(el: PortalPaymentMethods): Element | null {
  return root(el).activeElement;
}

function dialog(el: PortalPaymentMethods): HTMLDialogElement | null {
  return root(el).querySelector('dialog');
}

async function settle(el: PortalPaymentMethods, until: () => unknown, what: string): Promise<void> {
  await waitUntil(until, what, { timeout: 3000 });
  await el.updateComplete;
}

async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ type: value });
}

describe('<portal-payment-methods>', () => {
  it('lists Ada’s cards and bank account with their expiry, badges and bank details, accessibly', async () => {
    const el = await mount(await signedInAda());
    await expect(el).to.be.accessible();
    const [visa, mastercard, bank] = rows(el);
    expect(visa).to.match(/^Visa ending in 4242 expires 08\/\d{4} Default$/);
    expect(mastercard).to.match(/^Mastercard ending in 4444 expires \d{2}\/\d{4} Expires soon$/);
    expect(bank).to.equal('Bank account ending in 6789 First Difference Bank · Checking');
    expect(hasButton(el, 'Remove Bank account ending in 6789'), 'bank accounts have no remove action').to.be
      .false;
    expect(hasButton(el, 'Make default: Bank account ending in 6789')).to.be.true;
  });

  it('marks an expired card and never offers it as the default', async () => {
    const el = await mount(await adaWith(withExpiredCard));
    expect(text(row(el, 'Discover ending in 1117'))).to.contain('Expired');
    expect(text(row(el, 'Discover ending in 1117'))).to.match(/expired 01\/\d{4}/);
    expect(hasButton(el, 'Make default: Discover ending in 1117')).to.be.false;
  });

  it('shows loading, then an error with a retry that works, and an empty state', async () => {
    const ada = await signedInAda();
    let fail = true;
    const flaky = new Proxy(ada, {
      get(target, name, receiver) {
        if (name === 'listPaymentMethods' && fail) {
          return () => Promise.reject(new PortalError('unavailable', 'down'));
        }
        const value = Reflect.get(target, name, receiver) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    const el = await mount(flaky);
    expect(text(root(el).querySelector('[part="error"]'))).to.not.equal('');
    fail = false;
    button(el, 'Try again').click();
    await settle(el, () => rows(el).length === 3, 'the retry loads the list');

    const empty = await mount(await signedInMary());
    expect(text(root(empty).querySelector('.empty'))).to.equal('You have no payment methods on file.');
    expect(hasButton(empty, 'Add a card')).to.be.true;
  });

  it('makes another method the default from the keyboard, announces it and fires the event', async () => {
    const el = await mount(await signedInAda());
    button(el, 'Make default: Mastercard ending in 4444').focus();
    const event = oneEvent(el, 'portal-payment-method-default');
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.paymentMethod.id).to.equal('pm_ada_mastercard');
    await settle(el, () => text(row(el, 'Mastercard ending in 4444')).includes('Default'), 'the badge moves');
    expect(text(row(el, 'Visa ending in 4242'))).to.not.contain('Default');
    expect(focused(el)).to.equal(row(el, 'Mastercard ending in 4444'));
    expect(text(root(el).querySelector('[part="notice"]'))).to.equal(
      'Mastercard ending in 4444 is now your default payment method.',
    );
  });

  it('asks before removing a card, Escape keeps it and gives focus back, confirming removes it', async () => {
    const el = await mount(await signedInAda());
    const remove = button(el, 'Remove Mastercard ending in 4444');
    remove.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, () => dialog(el)?.open, 'the confirmation opens');
    expect(text(dialog(el)!.querySelector('h3'))).to.equal('Remove Mastercard ending in 4444?');
    expect(text(dialog(el))).to.contain('Nothing is charged to it automatically.');
    expect(focused(el)?.textContent?.trim(), 'focus starts on the safe choice').to.equal('Keep it');
    await sendKeys({ press: 'Escape' });
    await settle(el, () => !dialog(el), 'Escape closes it');
    expect(focused(el)).to.equal(remove);
    expect(rows(el)).to.have.length(3);

    remove.click();
    await settle(el, () => dialog(el)?.open, 'the confirmation opens again');
    const removed = oneEvent(el, 'portal-payment-method-removed');
    button(el, 'Remove').click();
    expect((await removed).detail.paymentMethodId).to.equal('pm_ada_mastercard');
    await settle(el, () => rows(el).length === 2, 'the card leaves the list');
    expect(text(root(el).querySelector('[part="notice"]'))).to.equal(
      'Mastercard ending in 4444 was removed.',
    );
  });

  it('removing the default says what charges it and asks which method takes over', async () => {
    const el = await mount(await signedInAda());
    button(el, 'Remove Visa ending in 4242').click();
    await settle(el, () => dialog(el)?.open, 'the confirmation opens');
    expect(text(dialog(el))).to.contain('Auto-pay charges your open invoices to it.');
    const radios = [...dialog(el)!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((radio) => text(radio.parentElement))).to.deep.equal([
      'Mastercard ending in 4444',
      'Bank account ending in 6789',
    ]);
    radios[1].click();
    const madeDefault = oneEvent(el, 'portal-payment-method-default');
    button(el, 'Remove').click();
    expect((await madeDefault).detail.paymentMethod.id).to.equal('pm_ada_bank');
    await settle(el, () => rows(el).length === 2, 'the Visa leaves the list');
    expect(text(row(el, 'Bank account ending in 6789'))).to.contain('Default');
    expect(text(row(el, 'Mastercard ending in 4444'))).to.not.contain('Default');
  });

  it('never removes the last card when one is required: the button says why, and stays put', async () => {
    const el = await mount(await adaWith(onlyMethods('pm_ada_visa', 'pm_ada_bank')));
    const remove = button(el, 'Remove Visa ending in 4242');
    expect(remove.getAttribute('aria-disabled')).to.equal('true');
    const why = root(el).getElementById(remove.getAttribute('aria-describedby')!);
    expect(text(why)).to.equal('A card must stay on file, so the last card cannot be removed.');
    remove.click();
    await el.updateComplete;
    expect(dialog(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers nothing the merchant turned off', async () => {
    const el = await mount(await adaWith(undefined, settingsOff));
    expect(rows(el)).to.have.length(3);
    expect(root(el).querySelectorAll('button')).to.have.length(0);
  });

  it('offers no card entry without a provider', async () => {
    const el = await mount(await signedInAda(), null);
    expect(hasButton(el, 'Add a card')).to.be.false;
    expect(hasButton(el, 'Add a bank account')).to.be.true;
  });

  it('adds a bank account: the routing checksum and the repeated number are checked at their fields', async () => {
    const el = await mount(await signedInAda());
    button(el, 'Add a bank account').click();
    await settle(el, () => root(el).querySelector('form'), 'the form opens');
    expect(focused(el)?.textContent).to.equal('Add a bank account');
    const field = (label: string) =>
      [...root(el).querySelectorAll('label')].find((each) => text(each).startsWith(label))!.control as
        HTMLInputElement | HTMLSelectElement;
    await typeInto(field('Account holder') as HTMLInputElement, 'Ada Lovelace');
    await typeInto(field('Routing number') as HTMLInputElement, '011000016');
    await typeInto(field('Account number') as HTMLInputElement, '000123456789');
    await typeInto(field('Account number again') as HTMLInputElement, '000123456780');
    button(el, 'Save bank account').click();
    await settle(el, () => root(el).querySelector('.field .error'), 'problems show');
    const routing = field('Routing number') as HTMLInputElement;
    expect(routing.getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal(routing);
    const again = field('Account number again') as HTMLInputElement;
    expect(text(root(el).getElementById(`${again.id}-error`))).to.equal('The account numbers do not match.');

    await typeInto(routing, '011000015');
    await typeInto(again, '000123456789');
    const added = oneEvent(el, 'portal-payment-method-added');
    button(el, 'Save bank account').click();
    const method = (await added).detail.paymentMethod;
    expect(method).to.include({ type: 'bank_account', last4: '6789', accountType: 'checking' });
    await settle(el, () => rows(el).length === 4, 'the account joins the list');
  });

  it('adds a card through the provider, then offers to pay the overdue invoice with it', async () => {
    const el = await mount(await signedInAda());
    button(el, 'Add a card').click();
    await settle(el, () => el.querySelector('input[name="fake-card-number"]'), 'the fields mount');
    const slotted = el.querySelector('.portal-card-fields')!;
    expect(slotted.assignedSlot, 'the fields sit in light DOM, slotted in').to.exist;
    expect(text(root(el).querySelector('form'))).to.contain('zero-amount authorisation');
    button(el, 'Save card').click();
    await settle(el, () => root(el).querySelector('form [part="error"]'), 'an incomplete card is refused');
    expect(text(root(el).querySelector('form [part="error"]'))).to.equal('Complete the card details first.');

    await typeInto(el.querySelector<HTMLInputElement>('input[name="fake-card-number"]')!, '378282246310005');
    const added = oneEvent(el, 'portal-payment-method-added');
    button(el, 'Save card').click();
    expect((await added).detail.paymentMethod).to.include({ brand: 'amex', last4: '0005' });
    await settle(el, () => root(el).querySelector('.offer'), 'the overdue offer shows');
    expect(el.querySelector('.portal-card-fields'), 'the fields are gone').to.equal(null);
    expect(text(root(el).querySelector('.offer p'))).to.equal(
      'You have an overdue invoice. Pay it now with American Express ending in 0005?',
    );
    const navigate = oneEvent(el, 'portal-navigate');
    button(el, 'Pay now').click();
    const detail = (await navigate).detail;
    expect(detail.section).to.equal('invoices');
    expect(detail.invoiceId).to.be.a('string');
    expect(detail.paymentMethodId).to.equal((await el.adapter!.listPaymentMethods()).at(-1)!.id);
  });

  it('explains a card declined by its verification and keeps nothing', async () => {
    const el = await mount(await signedInAda());
    button(el, 'Add a card').click();
    await settle(el, () => el.querySelector('input[name="fake-card-number"]'), 'the fields mount');
    await typeInto(el.querySelector<HTMLInputElement>('input[name="fake-card-number"]')!, '4000000000000002');
    button(el, 'Save card').click();
    await settle(el, () => root(el).querySelector('form [part="error"]'), 'the decline shows');
    expect(text(root(el).querySelector('form [part="error"]'))).to.equal(
      'Your bank declined the card, so it was not saved. Try another card or contact your bank.',
    );
    expect(await el.adapter!.listPaymentMethods()).to.have.length(3);
  });

  it('says a failed bank challenge kept nothing, and Cancel gives focus back to "Add a card"', async () => {
    const el = await mount(await signedInAda(), new FakeCardFields({ challenge: 'fail' }));
    button(el, 'Add a card').click();
    await settle(el, () => el.querySelector('input[name="fake-card-number"]'), 'the fields mount');
    await typeInto(el.querySelector<HTMLInputElement>('input[name="fake-card-number"]')!, '4000002760003184');
    button(el, 'Save card').click();
    await settle(el, () => root(el).querySelector('form [part="error"]'), 'the failure shows');
    expect(text(root(el).querySelector('form [part="error"]'))).to.equal(
      'The check with your bank was not completed, so the card was not saved.',
    );
    button(el, 'Cancel').click();
    await settle(el, () => !root(el).querySelector('form'), 'the form closes');
    expect(focused(el)).to.equal(button(el, 'Add a card'));
  });

  it('says the card fields are unavailable when the provider fails before sending, and keeps the form', async () => {
    /** Card fields whose provider cannot be reached when the card is tokenized: nothing is sent. */
    class DownAtTokenize extends FakeCardFields {
      override async mount(container: HTMLElement, options: CardFieldsMountOptions): Promise<CardFields> {
        const fields = await super.mount(container, options);
        fields.tokenize = () => Promise.reject(new CardFieldsError('unavailable', 'api_connection_error'));
        return fields;
      }
    }
    const ada = await signedInAda();
    let sent = 0;
    const counting = new Proxy(ada, {
      get(target, name, receiver) {
        if (name === 'addCard') sent += 1;
        const value = Reflect.get(target, name, receiver) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    const el = await mount(counting, new DownAtTokenize());
    button(el, 'Add a card').click();
    await settle(el, () => el.querySelector('input[name="fake-card-number"]'), 'the fields mount');
    await typeInto(el.querySelector<HTMLInputElement>('input[name="fake-card-number"]')!, '378282246310005');
    button(el, 'Save card').click();
    await settle(el, () => root(el).querySelector('form [part="error"]'), 'the problem shows at the form');
    expect(text(root(el).querySelector('form [part="error"]'))).to.equal(
      'The card fields could not be loaded. Try again in a moment.',
    );
    expect(sent, 'nothing reached the backend').to.equal(0);
    expect(root(el).querySelector('[part="notice"]'), 'no "could not confirm"').to.equal(null);
  });

  it('says a removal whose answer was lost may or may not have removed it, in its own words', async () => {
    const ada = await signedInAda();
    const lost = new Proxy(ada, {
      get(target, name, receiver) {
        if (name === 'removePaymentMethod') {
          return () => Promise.reject(new PortalError('network', 'the answer was lost'));
        }
        const value = Reflect.get(target, name, receiver) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    const el = await mount(lost);
    button(el, 'Remove Mastercard ending in 4444').click();
    await settle(el, () => dialog(el)?.open, 'the confirmation opens');
    button(el, 'Remove').click();
    await settle(el, () => root(el).querySelector('[part="notice"]'), 'the outcome shows');
    const notice = root(el).querySelector('[part="notice"]')!;
    expect(notice.className).to.contain('warning');
    expect(text(notice)).to.equal(
      'We could not confirm whether it was removed. The list below shows what is on file now; check it before trying again.',
    );
    expect(text(notice)).to.not.contain('saved');
  });

  it('keeps the general wording for a lost answer to anything but a removal (making a card the default)', async () => {
    const ada = await signedInAda();
    const lost = new Proxy(ada, {
      get(target, name, receiver) {
        if (name === 'setDefaultPaymentMethod') {
          return () => Promise.reject(new PortalError('network', 'the answer was lost'));
        }
        const value = Reflect.get(target, name, receiver) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    const el = await mount(lost);
    button(el, 'Make default: Mastercard ending in 4444').click();
    await settle(el, () => root(el).querySelector('[part="notice"]'), 'the outcome shows');
    expect(text(root(el).querySelector('[part="notice"]'))).to.equal(
      'We could not confirm whether this was saved. The list below shows what is on file now; check it before trying again.',
    );
  });

  // A lost answer, and one that came back unreadable: either way nobody knows whether it was done.
  for (const code of ['network', 'invalid_response'] as const) {
    it(`shows an unknown outcome (${code}) as unknown, never as a failure or a success`, async () => {
      const ada = await signedInAda();
      const lost = new Proxy(ada, {
        get(target, name, receiver) {
          if (name === 'setDefaultPaymentMethod') {
            return async (input: { id: string }) => {
              await target.setDefaultPaymentMethod(input);
              throw new PortalError(code, 'the answer was lost');
            };
          }
          const value = Reflect.get(target, name, receiver) as unknown;
          return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
        },
      });
      const el = await mount(lost);
      button(el, 'Make default: Mastercard ending in 4444').click();
      await settle(el, () => root(el).querySelector('[part="notice"]'), 'the outcome shows');
      expect(root(el).querySelector('[part="notice"]')!.className).to.contain('warning');
      expect(text(root(el).querySelector('[part="notice"]'))).to.contain('could not confirm');
      await settle(
        el,
        () => text(row(el, 'Mastercard ending in 4444')).includes('Default'),
        'the list is read again',
      );
    });
  }
});
