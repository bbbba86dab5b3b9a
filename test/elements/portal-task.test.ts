import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PortalAdapter } from '../../src/contract/adapter.js';
import '../../src/define.js';
import type { PortalSubscriptions } from '../../src/elements/portal-subscriptions/portal-subscriptions.js';
import type { PortalTask } from '../../src/elements/portal-task/portal-task.js';
import type { PaymentMethod } from '../../src/model/index.js';
import { FakeCardFields } from '../../stories/support/fake-card-fields.js';
import { changeSettings, signedInAda } from '../helpers/customers.js';
import { button, hasButton, root, text } from '../helpers/dom.js';
import { DUE_1009, INV_1009 } from '../helpers/pay-invoice.js';
import { ROASTERS } from '../helpers/subscriptions.js';

// <portal-task> on its own: one task, its flow opened straight away, an event when it is done or closed,
// and a clear message in its place when it cannot be done.

async function mount(
  adapter: PortalAdapter,
  task: string,
  ids: Record<string, string> = {},
): Promise<PortalTask> {
  const el = await fixture<PortalTask>(
    html`<portal-task
      .adapter=${adapter}
      .cardFields=${new FakeCardFields()}
      task=${task}
      invoice-id=${ids.invoice ?? ''}
      payment-method-id=${ids.method ?? ''}
      subscription-id=${ids.subscription ?? ''}
      return-url=${ids.returnUrl ?? ''}
    ></portal-task>`,
  );
  await settle(() => !root(el).querySelector('.loading'), 'the task is checked');
  return el;
}

async function settle(until: () => unknown, what: string): Promise<void> {
  await waitUntil(until, what, { timeout: 4000 });
}

/** The element the task opened, once it has rendered. */
async function flowOf<T extends HTMLElement>(el: PortalTask, tag: string): Promise<T> {
  await settle(() => root(el).querySelector(tag)?.shadowRoot, `<${tag}> in the task`);
  return root(el).querySelector<T>(tag)!;
}

function heading(el: PortalTask): string {
  return text(root(el).querySelector('h2'));
}

/** Events the task fired, by name. */
function recordEvents(el: PortalTask): Record<string, CustomEvent[]> {
  const seen: Record<string, CustomEvent[]> = { complete: [], cancel: [], done: [] };
  for (const name of ['complete', 'cancel', 'done']) {
    el.addEventListener(`portal-task-${name}`, (event) => seen[name].push(event as CustomEvent));
  }
  return seen;
}

async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ type: value });
}

/** Types a test card into the (fake) provider's fields of the open card form and saves it. */
async function saveCard(methods: HTMLElement, number: string): Promise<void> {
  await settle(() => methods.querySelector('input[name="fake-card-number"]'), 'the card fields mount');
  await typeInto(methods.querySelector<HTMLInputElement>('input[name="fake-card-number"]')!, number);
  button(methods, 'Save card').click();
}

describe('<portal-task>', () => {
  it('pays an invoice alone: the pay flow, then the confirmation, portal-task-complete and Done', async () => {
    const el = await mount(await signedInAda(), 'pay-invoice', { invoice: INV_1009 });
    const events = recordEvents(el);
    expect(heading(el)).to.equal('Pay an invoice');
    expect(root(el).querySelectorAll('nav, portal-invoices').length, 'nothing but the task').to.equal(0);
    const pay = await flowOf(el, 'portal-pay-invoice');
    await settle(() => hasButton(pay, 'Review payment'), 'the payment form');
    await expect(el).to.be.accessible();
    button(pay, 'Review payment').click();
    await settle(
      () => hasButton(pay, `Pay ${el.format.money({ amount: DUE_1009, currency: 'USD' })}`),
      'review',
    );
    button(pay, `Pay ${el.format.money({ amount: DUE_1009, currency: 'USD' })}`).click();

    await settle(() => events.complete.length === 1, 'portal-task-complete');
    const detail = events.complete[0].detail as {
      task: string;
      result: { receipt: { status: string; invoiceId: string } };
    };
    expect(detail.task).to.equal('pay-invoice');
    expect(detail.result.receipt).to.include({ status: 'succeeded', invoiceId: INV_1009 });
    await settle(() => heading(el) === 'Payment made', 'the confirmation');
    expect(text(root(el).querySelector('[part="notice"]'))).to.equal('$71.99 was paid on INV-1009.');
    await settle(() => root(el).activeElement === root(el).querySelector('h2'), 'focus on the confirmation');
    await expect(el).to.be.accessible();

    button(el, 'Done').click();
    expect(events.done.map((event) => (event.detail as { task: string }).task)).to.deep.equal([
      'pay-invoice',
    ]);
    expect(events.cancel).to.have.length(0);
  });

  it('fires portal-task-cancel on Cancel, says it was closed, and opens again on Start again', async () => {
    const el = await mount(await signedInAda(), 'pay-invoice', { invoice: INV_1009 });
    const events = recordEvents(el);
    await flowOf(el, 'portal-pay-invoice');
    button(el, 'Cancel').click();
    expect(events.cancel.map((event) => event.detail as unknown)).to.deep.equal([{ task: 'pay-invoice' }]);
    await settle(() => text(root(el)).includes('You closed this without finishing it.'), 'the closed state');
    expect(root(el).querySelector('portal-pay-invoice')).to.equal(null);
    expect(events.complete).to.have.length(0);
    button(el, 'Start again').click();
    await flowOf(el, 'portal-pay-invoice');
    expect(heading(el)).to.equal('Pay an invoice');
  });

  it('says in its place why a task cannot be done, and fires nothing', async () => {
    const adapter = await signedInAda();
    const cases: [string, Record<string, string>, string][] = [
      ['pay-invoice', { invoice: 'inv_ada_1006' }, 'There is nothing left to pay on INV-1006.'],
      ['pay-invoice', { invoice: 'inv_nobody' }, 'We could not find this invoice on your account.'],
      [
        'replace-payment-method',
        { method: 'pm_gone' },
        'We could not find this card on your account. It may have been removed already.',
      ],
      [
        'cancel-subscription',
        { subscription: 'sub_nobody' },
        'We could not find this subscription on your account.',
      ],
      [
        'open-the-vault',
        {},
        'This link does not open anything we know of. Nothing on your account was changed.',
      ],
    ];
    for (const [task, ids, message] of cases) {
      const el = await mount(adapter, task, ids);
      const events = recordEvents(el);
      await settle(() => root(el).querySelector('[part="refusal"]'), `the refusal of ${task}`);
      expect(text(root(el).querySelector('[part="refusal"]')), task).to.equal(message);
      expect(
        root(el).querySelector('portal-pay-invoice, portal-payment-methods, portal-subscriptions'),
      ).to.equal(null);
      expect(hasButton(el, 'Cancel'), 'the page decides what follows').to.equal(false);
      await expect(el).to.be.accessible();
      expect(Object.values(events).flat()).to.have.length(0);
    }

    const merchantSaidNo = await signedInAda();
    await changeSettings(merchantSaidNo, (settings) => (settings.invoices.payInvoices = false));
    const off = await mount(merchantSaidNo, 'pay-invoice', { invoice: INV_1009 });
    await settle(() => root(off).querySelector('[part="refusal"]'), 'the refusal');
    expect(text(root(off).querySelector('[part="refusal"]'))).to.equal(
      'This cannot be done online. Please contact us and we will help.',
    );
  });

  it('adds a card: the card form opens straight away, and the new card is the result', async () => {
    const el = await mount(await signedInAda(), 'add-payment-method', { returnUrl: '/store' });
    const events = recordEvents(el);
    const methods = await flowOf(el, 'portal-payment-methods');
    await saveCard(methods, '378282246310005');
    await settle(() => events.complete.length === 1, 'portal-task-complete');
    const { result } = events.complete[0].detail as { result: { paymentMethod: PaymentMethod } };
    expect(result.paymentMethod).to.include({ brand: 'amex', last4: '0005' });
    await settle(() => heading(el) === 'Card added', 'the confirmation');
    const back = root(el).querySelector<HTMLAnchorElement>('a[part="done"]')!;
    expect(text(back)).to.equal('Back to the store');
    expect(new URL(back.href).pathname).to.equal('/store');
    // A page that routes itself cancels the event: the link is not followed.
    el.addEventListener('portal-task-done', (event) => event.preventDefault());
    back.click();
    expect(events.done).to.have.length(1);
  });

  it('shows only the card form in the card tasks: no list of methods, no "Payment methods" heading', async () => {
    for (const [task, ids] of [
      ['add-payment-method', {}],
      ['replace-payment-method', { method: 'pm_ada_mastercard' }],
    ] as const) {
      const el = await mount(await signedInAda(), task, ids);
      const methods = await flowOf(el, 'portal-payment-methods');
      await settle(() => methods.querySelector('input[name="fake-card-number"]'), `the card form of ${task}`);
      const inside = methods.shadowRoot!;
      expect(inside.querySelectorAll('[part="method"]').length, `${task}: no method rows`).to.equal(0);
      expect(hasButton(methods, 'Add a card'), `${task}: not the list's way to the form`).to.equal(false);
      const listHeading = inside.querySelector<HTMLElement>('h2')!;
      expect(text(listHeading)).to.equal('Payment methods');
      expect(listHeading.getBoundingClientRect().height, `${task}: its heading is not seen`).to.be.at.most(1);
      // What is on show: the task's title, (replacing) what it replaces, the card form, Cancel.
      expect(heading(el)).to.equal(task === 'add-payment-method' ? 'Add a card' : 'Replace a card');
      expect(hasButton(methods, 'Save card')).to.equal(true);
      expect(hasButton(el, 'Cancel')).to.equal(true);
      await expect(el).to.be.accessible();
    }
  });

  it('replaces a card: the new one becomes the default, and the old one is removed only when asked', async () => {
    const adapter = await signedInAda();
    const el = await mount(adapter, 'replace-payment-method', { method: 'pm_ada_mastercard' });
    const events = recordEvents(el);
    expect(text(root(el).querySelector('[part="intro"]'))).to.contain(
      'Add the card that replaces Mastercard ending in 4444.',
    );
    const methods = await flowOf(el, 'portal-payment-methods');
    await settle(() => methods.shadowRoot!.querySelector('input[type="checkbox"]'), 'the default box');
    expect(methods.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).to.equal(
      true,
    );
    await saveCard(methods, '378282246310005');
    await settle(() => events.complete.length === 1, 'portal-task-complete');
    const { result } = events.complete[0].detail as {
      result: { paymentMethod: PaymentMethod; replaced: PaymentMethod };
    };
    expect(result.replaced.id).to.equal('pm_ada_mastercard');
    expect(result.paymentMethod.isDefault).to.equal(true);
    await settle(() => heading(el) === 'Card replaced', 'the confirmation');
    expect(text(root(el).querySelector('[part="notice"]'))).to.equal(
      'American Express ending in 0005 is now your default payment method.',
    );
    expect((await adapter.listPaymentMethods()).map((each) => each.id)).to.include('pm_ada_mastercard');

    const removed = oneEvent(el, 'portal-payment-method-removed');
    button(el, 'Remove Mastercard ending in 4444').click();
    expect((await removed).detail.paymentMethodId).to.equal('pm_ada_mastercard');
    await settle(() => text(root(el)).includes('Mastercard ending in 4444 was removed.'), 'the removal');
    expect((await adapter.listPaymentMethods()).map((each) => each.id)).not.to.include('pm_ada_mastercard');
  });

  it('changes a subscription: the change flow opens on it, and the quote is in the result', async () => {
    const el = await mount(await signedInAda(), 'change-subscription', { subscription: 'sub_ada_roasters' });
    const events = recordEvents(el);
    const subs = await flowOf(el, 'portal-subscriptions');
    await settle(
      () => text(subs.shadowRoot!.querySelector('.panel h3, .panel h2')) === `Change ${ROASTERS}`,
      'the change form',
    );
    const quantity = [...subs.shadowRoot!.querySelectorAll('label')].find((each) =>
      text(each).startsWith('Quantity'),
    )!;
    await typeInto(subs.shadowRoot!.getElementById(quantity.htmlFor) as HTMLInputElement, '3');
    button(subs, 'See the price').click();
    await settle(
      () => [...subs.shadowRoot!.querySelectorAll('button')].some((each) => /^Confirm/.test(text(each))),
      'the quote',
    );
    [...subs.shadowRoot!.querySelectorAll('button')].find((each) => /^Confirm/.test(text(each)))!.click();
    await settle(() => events.complete.length === 1, 'portal-task-complete');
    const { result } = events.complete[0].detail as {
      result: { subscription: { quantity: number }; quote: { quantity: number } };
    };
    expect(result.quote.quantity).to.equal(3);
    await settle(() => heading(el) === 'Subscription changed', 'the confirmation');
  });

  it('cancels a subscription through its own flow; the flow’s "Keep it" is a cancel of the task', async () => {
    const el = await mount(await signedInAda(), 'cancel-subscription', { subscription: 'sub_ada_roasters' });
    const events = recordEvents(el);
    const subs = await flowOf(el, 'portal-subscriptions');
    await settle(() => hasButton(subs, 'Continue cancelling'), 'the retention offer');
    button(subs, 'Keep it').click();
    await settle(() => events.cancel.length === 1, 'portal-task-cancel');
    expect(events.cancel[0].detail).to.deep.equal({ task: 'cancel-subscription' });

    button(el, 'Start again').click();
    const again = await flowOf<PortalSubscriptions>(el, 'portal-subscriptions');
    await settle(() => hasButton(again, 'Continue cancelling'), 'the offer again');
    button(again, 'Continue cancelling').click();
    await settle(() => again.shadowRoot!.querySelector('input[type="radio"]'), 'the reasons');
    const choose = (starts: string) =>
      [...again.shadowRoot!.querySelectorAll('label')]
        .find((each) => text(each).startsWith(starts))!
        .querySelector('input')!
        .click();
    choose('It costs too much');
    choose('At the end of the period');
    await again.updateComplete;
    button(again, 'Continue').click();
    await settle(() => hasButton(again, 'Cancel subscription'), 'the confirmation step');
    button(again, 'Cancel subscription').click();
    await settle(() => events.complete.length === 1, 'portal-task-complete');
    const { result } = events.complete[0].detail as {
      result: { outcome: string; subscription: { id: string } };
    };
    expect(result).to.deep.include({ outcome: 'cancelled' });
    expect(result.subscription.id).to.equal('sub_ada_roasters');
    await settle(() => heading(el) === 'Subscription updated', 'the confirmation');
    expect(text(root(el).querySelector('[part="notice"]'))).to.match(
      /^Roaster's Choice Monthly ends on .+\. You keep it until then\.$/,
    );
  });

  it('updates billing details: the first save completes the task with the customer', async () => {
    const el = await mount(await signedInAda(), 'update-billing-details');
    const events = recordEvents(el);
    const profile = await flowOf(el, 'portal-profile');
    await settle(() => hasButton(profile, 'Save name and company'), 'the profile forms');
    const phone = [...profile.shadowRoot!.querySelectorAll('label')].find((each) =>
      text(each).startsWith('Phone'),
    )!;
    await typeInto(profile.shadowRoot!.getElementById(phone.htmlFor) as HTMLInputElement, '+1 503 555 0199');
    button(profile, 'Save name and company').click();
    await settle(() => events.complete.length === 1, 'portal-task-complete');
    const { result } = events.complete[0].detail as { result: { customer: { phone?: string } } };
    expect(result.customer.phone).to.equal('+1 503 555 0199');
    await settle(() => heading(el) === 'Billing details saved', 'the confirmation');
  });
});
