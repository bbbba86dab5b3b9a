import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PortalAdapter } from '../../src/contract/adapter.js';
import { PortalError } from '../../src/contract/errors.js';
import type { PortalSubscriptions } from '../../src/elements/portal-subscriptions/portal-subscriptions.js';
import type { Subscribe } from '../../src/model/index.js';
import { FakeCardFields } from '../../stories/support/fake-card-fields.js';
import { adaSubscriptions, onlyRoasters } from '../../stories/support/subscription-states.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
import { changeSettings, signedInMary } from '../helpers/customers.js';
import { button, expectFocus, radio, root, text } from '../helpers/dom.js';
import {
  card,
  fact,
  mountSubscriptions,
  notice,
  panelHeading,
  press,
  settle,
} from '../helpers/subscriptions.js';

// "A new card" while subscribing, as the customer meets it: the choice beside the methods on file, the
// provider's fields (the in-page test double), one card saved and one subscription charged to it.

const OFFICE = 'Subscribe to Office Weekly';
const NEW_CARD = 'A new card';

async function mount(adapter: PortalAdapter): Promise<PortalSubscriptions> {
  return mountSubscriptions(adapter, { cardFields: new FakeCardFields() });
}

function cardInput(el: PortalSubscriptions): HTMLInputElement | null {
  return el.querySelector<HTMLInputElement>('input[name="fake-card-number"]');
}

function cardError(el: PortalSubscriptions): string {
  return text(root(el).querySelector('.card-fields [part="error"]'));
}

async function toDetails(el: PortalSubscriptions): Promise<void> {
  await press(el, 'Subscribe to a plan');
  await press(el, 'Choose Office Weekly');
  await settle(el, () => panelHeading(el) === OFFICE, 'the details');
}

async function openNewCard(el: PortalSubscriptions): Promise<HTMLInputElement> {
  const choice = radio(el, NEW_CARD);
  choice.checked = true;
  choice.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el, () => cardInput(el), 'the card fields mount');
  return cardInput(el)!;
}

async function typeCard(input: HTMLInputElement, number: string): Promise<void> {
  input.focus();
  await sendKeys({ type: number });
}

describe('<portal-subscriptions> subscribing with a new card', () => {
  it('saves the card on confirming, then subscribes charging it: one card, one subscription', async () => {
    const ada = await adaSubscriptions(onlyRoasters);
    const { adapter, calls, inputs } = countingAdapter(ada);
    const el = await mount(adapter);
    await toDetails(el);
    expect(el.newCard, 'the new card’s code is not fetched before it is chosen').to.equal(null);
    expect(radio(el, 'Visa ending in 4242').checked, 'the default method is preselected').to.be.true;
    const input = await openNewCard(el);
    expect(el.querySelector('.portal-card-fields')!.assignedSlot, 'the fields are slotted in').to.exist;
    await expect(el).to.be.accessible();
    await typeCard(input, '5555555555554444');
    await press(el, 'Review');
    await settle(el, () => panelHeading(el) === 'Review your subscription', 'the review');
    expect(fact(root(el).querySelector('.panel')!, 'Pay with')).to.equal(NEW_CARD);
    expect(calls.addCard ?? 0, 'nothing is saved before confirming').to.equal(0);
    await expect(el).to.be.accessible();

    const subscribed = oneEvent(el, 'portal-subscribed');
    await press(el, 'Subscribe and pay $45.00');
    const { subscription } = (await subscribed).detail;
    expect(calls.addCard).to.equal(1);
    const saved = (await ada.listPaymentMethods()).at(-1)!;
    expect(saved).to.include({ brand: 'mastercard', last4: '4444' });
    const sent = inputs.subscribe as Subscribe[];
    expect(sent).to.have.length(1);
    expect(sent[0]).to.include({ planId: 'plan_office_weekly', quantity: 1, paymentMethodId: saved.id });
    expect(sent[0].idempotencyKey).to.be.a('string').and.not.empty;
    expect(subscription.chargedTo?.id, 'the subscription is charged to the new card').to.equal(saved.id);
    await settle(el, () => card(el, 'Office Weekly'), 'the new subscription is listed');
    expect(notice(el)).to.equal('You subscribed to Office Weekly.');
    expect(cardInput(el), 'the card fields are gone').to.equal(null);
  });

  it('shows a declined card at the card fields, subscribes nothing and keeps what was chosen', async () => {
    const ada = await adaSubscriptions(onlyRoasters);
    const { adapter, calls } = countingAdapter(ada);
    const el = await mount(adapter);
    await toDetails(el);
    await typeCard(await openNewCard(el), '4000000000000002');
    await press(el, 'Review');
    const before = (await ada.listPaymentMethods()).length;
    await press(el, 'Subscribe and pay $45.00');
    await settle(el, () => cardError(el), 'the card problem shows');
    expect(panelHeading(el)).to.equal(OFFICE);
    expect(cardError(el)).to.equal(
      'Your bank declined the card, so it was not saved and you were not subscribed. Try another card.',
    );
    expect(calls.subscribe ?? 0, 'no subscription was sent').to.equal(0);
    expect(await ada.listPaymentMethods()).to.have.length(before);
    expect(radio(el, NEW_CARD).checked, 'the new card stays chosen').to.be.true;
    expectFocus(cardInput(el), 'focus goes to the card');
  });

  it('asks for a complete card before the review', async () => {
    const { adapter, calls } = countingAdapter(await adaSubscriptions(onlyRoasters));
    const el = await mount(adapter);
    await toDetails(el);
    await openNewCard(el);
    await press(el, 'Review');
    expect(panelHeading(el)).to.equal(OFFICE);
    expect(cardError(el)).to.equal('Complete the card details first.');
    expect(calls.addCard ?? 0).to.equal(0);
  });

  it('never saves the card twice: after a declined subscribe it is one of the methods, chosen', async () => {
    const ada = await adaSubscriptions(onlyRoasters);
    let decline = true;
    const { adapter, calls, inputs } = countingAdapter(ada, {
      subscribe: (input: Subscribe) => {
        if (!decline) return ada.subscribe(input);
        decline = false;
        return Promise.reject(new PortalError('payment_declined', 'declined'));
      },
    });
    const el = await mount(adapter);
    await toDetails(el);
    await typeCard(await openNewCard(el), '4242424242424242');
    await press(el, 'Review');
    await press(el, 'Subscribe and pay $45.00');
    await settle(el, () => panelHeading(el) === OFFICE, 'back at the details');
    expect(text(root(el).querySelector('.panel [role="alert"]'))).to.match(/declined/i);
    const saved = (await ada.listPaymentMethods()).at(-1)!;
    await settle(
      el,
      () => root(el).querySelector<HTMLInputElement>('input[name="method"]:checked')?.value === saved.id,
      'the saved card is on file and chosen',
    );
    expect(cardInput(el), 'no card fields: the card is on file').to.equal(null);
    const subscribed = oneEvent(el, 'portal-subscribed');
    await press(el, 'Review');
    await press(el, 'Subscribe and pay $45.00');
    await subscribed;
    expect(calls.addCard, 'the card was saved once').to.equal(1);
    const sent = inputs.subscribe as Subscribe[];
    expect(sent.map((each) => each.paymentMethodId)).to.deep.equal([saved.id, saved.id]);
  });

  it('shows a lost subscribe answer as unknown, and checks again with the same card and key', async () => {
    const ada = await adaSubscriptions(onlyRoasters);
    let lose = true;
    const { adapter, calls, inputs } = countingAdapter(ada, {
      subscribe: async (input: Subscribe) => {
        const created = await ada.subscribe(input);
        if (lose) throw new PortalError('network', 'the answer was lost');
        return created;
      },
    });
    const el = await mount(adapter);
    await toDetails(el);
    await typeCard(await openNewCard(el), '4242424242424242');
    await press(el, 'Review');
    await press(el, 'Subscribe and pay $45.00');
    await settle(el, () => panelHeading(el) === 'We could not confirm this', 'the unknown outcome');
    expect(text(root(el).querySelector('.panel'))).to.not.match(/subscribed|declined|failed/i);
    lose = false;
    await press(el, 'Check again');
    await settle(el, () => notice(el) === 'You subscribed to Office Weekly.', 'the outcome');
    expect(calls.addCard, 'the card was saved once').to.equal(1);
    const [first, second] = inputs.subscribe as Subscribe[];
    expect(second).to.deep.equal(first);
    const office = (await ada.listSubscriptions()).filter((each) => each.planId === 'plan_office_weekly');
    expect(office, 'subscribed once').to.have.length(1);
  });

  it('offers a new card to a customer with no method on file, and not when the merchant takes no new cards', async () => {
    const mary = await mount(await signedInMary());
    await toDetails(mary);
    expect(radio(mary, NEW_CARD).checked, 'the only choice, chosen').to.be.true;
    await settle(mary, () => cardInput(mary), 'the card fields mount');

    const ada = await adaSubscriptions(onlyRoasters);
    await changeSettings(ada, (settings) => {
      settings.paymentMethods.addCards = false;
    });
    const off = await mount(ada);
    await toDetails(off);
    expect(text(root(off).querySelector('.panel fieldset'))).not.to.contain(NEW_CARD);
  });

  it('goes all the way by keyboard', async () => {
    const ada = await adaSubscriptions(onlyRoasters);
    const { adapter, calls } = countingAdapter(ada);
    const el = await mount(adapter);
    await toDetails(el);
    const methods = [...root(el).querySelectorAll<HTMLInputElement>('input[name="method"]')];
    methods[0].focus();
    // Down the method group to its last choice, a new card: arrows move and choose.
    for (let step = 1; step < methods.length; step += 1) await sendKeys({ press: 'ArrowDown' });
    await settle(el, () => cardInput(el), 'the card fields mount');
    expect(radio(el, NEW_CARD).checked).to.be.true;
    await sendKeys({ press: 'Tab' });
    expectFocus(cardInput(el), 'Tab leads into the card fields');
    await sendKeys({ type: '4242424242424242' });
    await sendKeys({ press: 'Tab' });
    expectFocus(button(el, 'Review'));
    await sendKeys({ press: 'Enter' });
    await settle(el, () => panelHeading(el) === 'Review your subscription', 'the review');
    button(el, 'Subscribe and pay $45.00').focus();
    const subscribed = oneEvent(el, 'portal-subscribed');
    await sendKeys({ press: 'Enter' });
    await subscribed;
    expect(calls.addCard).to.equal(1);
    await waitUntil(() => notice(el) === 'You subscribed to Office Weekly.', 'the notice');
  });
});

describe('<portal-subscriptions> after a reload', () => {
  it('asks the backend about a subscribe whose answer was lost, by its key, and never subscribes twice', async () => {
    const ada = await adaSubscriptions(onlyRoasters);
    // A backend that names itself: its store keeps pending intents in sessionStorage across reloads.
    Object.assign(ada, { backendId: `memory:reload-${Date.now()}` });
    const lost = countingAdapter(ada, {
      subscribe: async (input: Subscribe) => {
        await ada.subscribe(input);
        throw new PortalError('network', 'the answer was lost');
      },
    });
    const before = await mount(lost.adapter);
    // Who is signed in, as <portal-root> asks on every page load: the tracker's scope.
    await before.store!.restoreSession();
    await toDetails(before);
    await press(before, 'Review');
    await press(before, 'Subscribe and pay $45.00');
    await settle(before, () => panelHeading(before) === 'We could not confirm this', 'the unknown outcome');
    before.remove();

    // The page again: a new store on the same backend, the element mounted afresh on its list.
    const { adapter, calls } = countingAdapter(ada);
    const el = await mount(adapter);
    await el.store!.restoreSession();
    await settle(el, () => notice(el) === 'You subscribed to Office Weekly.', 'the outcome, asked by key');
    expect(calls.getIntentOutcome).to.equal(1);
    expect(calls.subscribe ?? 0, 'the subscribe is not sent again').to.equal(0);
    const office = (await ada.listSubscriptions()).filter((each) => each.planId === 'plan_office_weekly');
    expect(office, 'subscribed once').to.have.length(1);
  });
});
