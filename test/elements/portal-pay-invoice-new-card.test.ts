import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PortalAdapter } from '../../src/contract/adapter.js';
import { PortalError } from '../../src/contract/errors.js';
import { type PortalEvent, emit } from '../../src/core/events.js';
import '../../src/define.js';
import type { PortalRoot } from '../../src/elements/portal-root/portal-root.js';
import type { PayInvoice } from '../../src/model/index.js';
import '../../src/elements/portal-pay-invoice/define.js';
import type { PortalPayInvoice } from '../../src/elements/portal-pay-invoice/portal-pay-invoice.js';
import type { CardFieldsProvider } from '../../src/providers/card-fields.js';
import { FakeCardFields } from '../../stories/support/fake-card-fields.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
import { changeSettings, signedInAda } from '../helpers/customers.js';
import { button, expectFocus, heading, radio, root, text } from '../helpers/dom.js';
import { en } from '../helpers/messages.js';
import { INV_1009, MASTERCARD, VISA, payInputs, step, toReview } from '../helpers/pay-invoice.js';

// "A new card" in the pay flow, seen as the customer sees it: the option, the provider's fields (the
// in-page test double), the review, and what reached the backend.

async function mount(
  adapter: PortalAdapter,
  options: { cardFields?: CardFieldsProvider | null; paymentMethodId?: string } = {},
): Promise<PortalPayInvoice> {
  const cardFields = options.cardFields === undefined ? new FakeCardFields() : options.cardFields;
  const el = await fixture<PortalPayInvoice>(
    html`<portal-pay-invoice
      .adapter=${adapter}
      .cardFields=${cardFields ?? undefined}
      invoice-id=${INV_1009}
      payment-method-id=${options.paymentMethodId ?? ''}
      locale="en-US"
    ></portal-pay-invoice>`,
  );
  await waitUntil(() => root(el).querySelector('h2'), 'the element loads');
  await el.updateComplete;
  return el;
}

function cardInput(el: PortalPayInvoice): HTMLInputElement | null {
  return el.querySelector<HTMLInputElement>('input[name="fake-card-number"]');
}

async function openNewCard(el: PortalPayInvoice): Promise<HTMLInputElement> {
  const choice = radio(el, en.paymentMethod.newCard);
  choice.checked = true;
  choice.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => cardInput(el), 'the card fields mount');
  return cardInput(el)!;
}

async function typeCard(input: HTMLInputElement, number: string): Promise<void> {
  input.focus();
  await sendKeys({ type: number });
}

function cardError(el: PortalPayInvoice): string {
  return text(root(el).querySelector('.card-fields [part="error"]'));
}

describe('<portal-pay-invoice> with a new card', () => {
  it('saves the card on Pay, then pays with it: one card, one payment request, one key', async () => {
    const ada = await signedInAda();
    const { adapter, calls, inputs } = countingAdapter(ada);
    const el = await mount(adapter);
    const input = await openNewCard(el);
    expect(el.querySelector('.portal-card-fields')!.assignedSlot, 'the fields are slotted in').to.exist;
    await expect(el).to.be.accessible();
    await typeCard(input, '378282246310005');
    await toReview(el);
    expect(text(root(el).querySelector('[part="summary"] tbody'))).to.contain(en.paymentMethod.newCard);
    expect(calls.addCard ?? 0, 'nothing is saved before Pay').to.equal(0);
    await expect(el).to.be.accessible();

    const paid = oneEvent<PortalEvent<'portal-payment'>>(el, 'portal-payment');
    button(el, en.pay.confirm('$71.99')).click();
    const receipt = (await paid).detail.receipt;
    expect(receipt.status).to.equal('succeeded');
    expect(calls.addCard).to.equal(1);
    const saved = (await ada.listPaymentMethods()).at(-1)!;
    expect(saved).to.include({ brand: 'amex', last4: '0005' });
    const sent = payInputs(inputs);
    expect(sent).to.have.length(1);
    expect(sent[0].allocations).to.deep.equal([
      { paymentMethodId: saved.id, amount: receipt.allocations[0].amount },
    ]);
    expect(sent[0].idempotencyKey).to.be.a('string').and.not.empty;
    expect(cardInput(el), 'the card fields are gone').to.equal(null);
    await el.updateComplete;
    expect(text(root(el).querySelector('[part="summary"]'))).to.contain('American Express ending in 0005');
  });

  it('charges nothing when the card is not saved, and says why at the card entry', async () => {
    const ada = await signedInAda();
    const { adapter, calls } = countingAdapter(ada);
    const el = await mount(adapter);
    await typeCard(await openNewCard(el), '4000000000000002');
    await toReview(el);
    button(el, en.pay.confirm('$71.99')).click();
    await waitUntil(() => cardError(el), 'the card problem shows');
    expect(heading(el)).to.equal(en.pay.heading('INV-1009'));
    expect(cardError(el)).to.equal(en.pay.cardDeclined);
    expect(calls.payInvoice ?? 0, 'no payment was sent').to.equal(0);
    expect(await ada.listPaymentMethods()).to.have.length(3);
    expect(radio(el, en.paymentMethod.newCard).checked, 'the new card stays chosen').to.be.true;
    expectFocus(cardInput(el), 'focus goes to the card');
  });

  it('shows a lost payment answer as unknown, the card saved, and checks again with the same key', async () => {
    const ada = await signedInAda();
    let lose = true;
    const { adapter, calls, inputs } = countingAdapter(ada, {
      payInvoice: async (input: PayInvoice) => {
        const receipt = await ada.payInvoice(input);
        if (lose) {
          lose = false;
          throw new PortalError('network', 'the answer was lost');
        }
        return receipt;
      },
    });
    const el = await mount(adapter);
    await typeCard(await openNewCard(el), '4242424242424242');
    await toReview(el);
    button(el, en.pay.confirm('$71.99')).click();
    await step(el, en.pay.unknownHeading);
    const saved = (await ada.listPaymentMethods()).at(-1)!;
    expect(saved).to.include({ brand: 'visa', last4: '4242' });
    await waitUntil(() => text(root(el).querySelector('[part="summary"]')).includes('Visa ending in 4242'));
    const paid = oneEvent<PortalEvent<'portal-payment'>>(el, 'portal-payment');
    button(el, en.common.checkAgain).click();
    expect((await paid).detail.receipt.status).to.equal('succeeded');
    expect(calls.addCard, 'the card is saved once').to.equal(1);
    const [first, second] = payInputs(inputs);
    expect(second).to.deep.equal(first);
  });

  it('keeps a new card out of a split, and offers it again for one method', async () => {
    const el = await mount(await signedInAda());
    await openNewCard(el);
    button(el, en.pay.splitStart).click();
    await el.updateComplete;
    expect(cardInput(el), 'a split row never takes a new card').to.equal(null);
    expect(text(root(el).querySelector('[part="split"]'))).not.to.contain(en.paymentMethod.newCard);
    button(el, en.pay.splitStop).click();
    await el.updateComplete;
    expect(radio(el, VISA).checked, 'one method again: the split’s first row').to.be.true;
    expect(cardInput(el)).to.equal(null);
    await openNewCard(el);
    expect(radio(el, en.paymentMethod.newCard).checked).to.be.true;
  });

  it('asks for a complete card before the review', async () => {
    const { adapter, calls } = countingAdapter(await signedInAda());
    const el = await mount(adapter);
    await openNewCard(el);
    button(el, en.pay.review).click();
    await el.updateComplete;
    expect(heading(el)).to.equal(en.pay.heading('INV-1009'));
    expect(cardError(el)).to.equal(en.paymentMethod.cardIncomplete);
    expect(calls.addCard ?? 0).to.equal(0);
  });

  it('does not offer a new card without card fields, or when the merchant does not take new cards', async () => {
    const withoutFields = await mount(await signedInAda(), { cardFields: null });
    expect(text(root(withoutFields).querySelector('[part="methods"]'))).not.to.contain(
      en.paymentMethod.newCard,
    );

    const ada = await signedInAda();
    await changeSettings(ada, (settings) => {
      settings.paymentMethods.addCards = false;
    });
    const off = await mount(ada);
    expect(text(root(off).querySelector('[part="methods"]'))).not.to.contain(en.paymentMethod.newCard);
    expect(radio(off, VISA).checked).to.be.true;
  });

  it('goes all the way by keyboard', async () => {
    const ada = await signedInAda();
    const { adapter, inputs } = countingAdapter(ada);
    const el = await mount(adapter);
    radio(el, VISA).focus();
    // Visa → Mastercard → bank account → a new card: arrows move and choose within the group.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => cardInput(el), 'the card fields mount');
    expect(radio(el, en.paymentMethod.newCard).checked).to.be.true;
    await sendKeys({ press: 'Tab' });
    expectFocus(cardInput(el), 'Tab leads into the card fields');
    await sendKeys({ type: '4242424242424242' });
    await sendKeys({ press: 'Tab' });
    expectFocus(button(el, en.pay.splitStart), 'then the split, still in the method group');
    await sendKeys({ press: 'Tab' });
    expectFocus(button(el, en.pay.review));
    await sendKeys({ press: 'Enter' });
    await step(el, en.pay.reviewHeading);
    button(el, en.pay.confirm('$71.99')).focus();
    const paid = oneEvent<PortalEvent<'portal-payment'>>(el, 'portal-payment');
    await sendKeys({ press: 'Enter' });
    expect((await paid).detail.receipt.status).to.equal('succeeded');
    expect(payInputs(inputs)).to.have.length(1);
  });

  it('preselects the method named by payment-method-id', async () => {
    const ada = await signedInAda();
    const mastercard = (await ada.listPaymentMethods()).find(
      (each) => each.type === 'card' && each.brand === 'mastercard',
    )!;
    const el = await mount(ada, { paymentMethodId: mastercard.id });
    expect(radio(el, MASTERCARD).checked).to.be.true;
    expect(radio(el, VISA).checked).to.be.false;
  });
});

describe('"Pay now" with a card, through <portal-root>', () => {
  async function rootShowing(ada: PortalAdapter): Promise<PortalRoot> {
    const el = await fixture<PortalRoot>(html`<portal-root .adapter=${ada}></portal-root>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.main'), 'the root shows the account', {
      timeout: 3000,
    });
    return el;
  }

  function payFlowIn(el: PortalRoot): PortalPayInvoice | null {
    const invoice = el.shadowRoot!.querySelector('portal-invoice');
    const pay = invoice?.shadowRoot?.querySelector<PortalPayInvoice>('portal-pay-invoice');
    return pay && !pay.closest('[hidden]') ? pay : null;
  }

  it('opens the invoice’s pay flow with that method preselected', async () => {
    const ada = await signedInAda();
    const mastercard = (await ada.listPaymentMethods()).find(
      (each) => each.type === 'card' && each.brand === 'mastercard',
    )!;
    const el = await rootShowing(ada);
    const accepted = !emit(
      el.shadowRoot!.querySelector('.main')!,
      'portal-navigate',
      { section: 'invoices', invoiceId: INV_1009, paymentMethodId: mastercard.id },
      { cancelable: true },
    );
    expect(accepted, 'the root handles it').to.be.true;
    await waitUntil(
      () => payFlowIn(el)?.shadowRoot?.querySelector('input[type="radio"]'),
      'the pay flow opens',
      {
        timeout: 3000,
      },
    );
    const pay = payFlowIn(el)!;
    expect(heading(pay)).to.equal(en.pay.heading('INV-1009'));
    expect(radio(pay, MASTERCARD).checked).to.be.true;
  });

  it('shows the overdue invoices, and the one chosen opens to pay with that method', async () => {
    const ada = await signedInAda();
    const mastercard = (await ada.listPaymentMethods()).find(
      (each) => each.type === 'card' && each.brand === 'mastercard',
    )!;
    const el = await rootShowing(ada);
    emit(
      el.shadowRoot!.querySelector('.main')!,
      'portal-navigate',
      { section: 'invoices', filter: 'outstanding', paymentMethodId: mastercard.id },
      { cancelable: true },
    );
    await waitUntil(() => el.shadowRoot!.querySelector('portal-invoices'), 'the list shows');
    expect(el.shadowRoot!.querySelector('portal-invoices')!.getAttribute('filter')).to.equal('outstanding');
    emit(el.shadowRoot!.querySelector('portal-invoices')!, 'portal-invoice-select', { invoiceId: INV_1009 });
    await waitUntil(
      () => payFlowIn(el)?.shadowRoot?.querySelector('input[type="radio"]'),
      'the pay flow opens',
      {
        timeout: 3000,
      },
    );
    expect(radio(payFlowIn(el)!, MASTERCARD).checked).to.be.true;
  });
});
