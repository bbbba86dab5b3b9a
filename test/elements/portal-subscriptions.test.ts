import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PortalError } from '../../src/contract/errors.js';
import '../../src/elements/portal-root/define.js';
import type { PortalRoot } from '../../src/elements/portal-root/portal-root.js';
import type { Subscribe } from '../../src/model/index.js';
import {
  adaSubscriptions,
  cancelled,
  cancelling,
  discounted,
  noSubscriptions,
  onlyRoasters,
  pastDue,
  paused,
  scheduledDowngrade,
} from '../../stories/support/subscription-states.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
import { signedInAda, signedInMary } from '../helpers/customers.js';
import { button, hasButton, root, text } from '../helpers/dom.js';
import {
  ROASTERS,
  card,
  fact,
  fieldError,
  fill,
  mountSubscriptions,
  notice,
  panelHeading,
  press,
  settle,
} from '../helpers/subscriptions.js';

// The list in every status, exactly the actions the backend allows, and subscribing.

describe('<portal-subscriptions> list', () => {
  it('shows Ada’s subscriptions with price per period, next billing and what they are charged to, accessibly', async () => {
    const ada = await signedInAda();
    const el = await mountSubscriptions(ada);
    await expect(el).to.be.accessible();
    const [roasters] = (await ada.listSubscriptions()).filter((each) => each.id === 'sub_ada_roasters');
    const row = card(el, ROASTERS)!;
    expect(text(row.querySelector('[part="badge"]'))).to.equal('Active');
    expect(fact(row, 'Price')).to.equal(`${el.format.money(roasters.price)} every month`);
    expect(fact(row, 'Quantity')).to.equal('2');
    expect(fact(row, 'Next billing')).to.equal(
      `${el.format.money(roasters.nextBillingAmount!)} on ${el.format.date(roasters.nextBillingDate!)}`,
    );
    expect(fact(row, 'Charged to')).to.match(/ending in \d{4}$/);
    const trial = card(el, 'Espresso Club')!;
    expect(text(trial.querySelector('[part="badge"]'))).to.equal('Free trial');
    expect(text(trial)).to.match(/Free trial until /);
  });

  it('offers exactly the actions each subscription allows', async () => {
    const ada = await signedInAda();
    const el = await mountSubscriptions(ada);
    for (const subscription of await ada.listSubscriptions()) {
      const plan = subscription.planName;
      const a = subscription.actions;
      expect(hasButton(el, `Change plan or quantity of ${plan}`), `change ${plan}`).to.equal(a.change);
      expect(hasButton(el, `Cancel subscription ${plan}`), `cancel ${plan}`).to.equal(a.cancel);
      expect(hasButton(el, `Pause ${plan}`), `pause ${plan}`).to.equal(a.pause);
      expect(hasButton(el, `Resume now: ${plan}`), `resume ${plan}`).to.equal(a.resume);
      expect(hasButton(el, `Keep subscription ${plan}`), `undo ${plan}`).to.equal(a.undoCancel);
    }
  });

  it('says what each status means: past due, paused until, cancelling on, cancelled', async () => {
    const cases = [
      [pastDue, 'Past due', /The last payment failed/],
      [paused, 'Paused', /Paused until .+; it resumes by itself then\./],
      [cancelling, 'Cancelling', /Ends on .+\. You keep it until then\./],
      [cancelled, 'Cancelled', /Cancelled on .+\./],
    ] as const;
    for (const [state, badge, line] of cases) {
      const el = await mountSubscriptions(await adaSubscriptions(state));
      const row = card(el, ROASTERS)!;
      expect(text(row.querySelector('[part="badge"]'))).to.equal(badge);
      expect(text(row)).to.match(line);
      await expect(el).to.be.accessible();
    }
  });

  it('shows a scheduled change with Withdraw, and a discount', async () => {
    const el = await mountSubscriptions(await adaSubscriptions(scheduledDowngrade));
    expect(text(root(el).querySelector('[part="scheduled-change"]'))).to.match(
      new RegExp(`Changes to ${ROASTERS} × 1 \\(.+\\) on .+\\.`),
    );
    const event = oneEvent(el, 'portal-subscription-change-withdrawn');
    button(el, `Withdraw change: ${ROASTERS}`).click();
    expect((await event).detail.subscription.scheduledChange).to.equal(undefined);
    await settle(el, () => notice(el).includes('was withdrawn'), 'the notice');
    await settle(el, () => !root(el).querySelector('[part="scheduled-change"]'), 'the change is gone');

    const discount = await mountSubscriptions(await adaSubscriptions(discounted));
    expect(fact(card(discount, ROASTERS)!, 'Discount')).to.equal('20% off the next 2 renewals');
  });

  it('is <portal-root>’s Subscriptions section once registered', async () => {
    const portal = await fixture<PortalRoot>(
      html`<portal-root .adapter=${await signedInAda()}></portal-root>`,
    );
    const nav = () =>
      [...root(portal).querySelectorAll<HTMLButtonElement>('nav button')].find(
        (each) => text(each) === 'Subscriptions',
      );
    await settle(portal, () => nav(), 'the Subscriptions section');
    nav()!.click();
    await settle(portal, () => root(portal).querySelector('portal-subscriptions'), 'the element');
    const el = root(portal).querySelector('portal-subscriptions')!;
    await settle(el, () => card(el, ROASTERS), 'Ada’s subscriptions');
  });

  it('shows loading, then an error with a retry that works, and an empty state', async () => {
    const ada = await signedInAda();
    let fail = true;
    const { adapter } = countingAdapter(ada, {
      listSubscriptions: () =>
        fail ? Promise.reject(new PortalError('unavailable', 'down')) : ada.listSubscriptions(),
    });
    const el = await mountSubscriptions(adapter);
    expect(text(root(el).querySelector('[part="error"]'))).to.not.equal('');
    fail = false;
    button(el, 'Try again').click();
    await settle(el, () => card(el, ROASTERS), 'the retry loads the list');

    const empty = await mountSubscriptions(await adaSubscriptions(noSubscriptions));
    expect(text(root(empty).querySelector('.empty'))).to.equal('You have no subscriptions.');
    expect(hasButton(empty, 'Subscribe to a plan')).to.be.true;
  });
});

describe('<portal-subscriptions> subscribing', () => {
  it('goes plans → quantity and method → review → subscribed, with the event and the new card', async () => {
    const el = await mountSubscriptions(await adaSubscriptions(onlyRoasters));
    await press(el, 'Subscribe to a plan');
    await settle(el, () => panelHeading(el) === 'Choose a plan', 'the plans');
    const office = [...root(el).querySelectorAll('[part="plan"]')].find((each) =>
      text(each).startsWith('Office Weekly'),
    );
    expect(text(office)).to.contain('every week');
    expect(text(office)).to.contain('12-week minimum term');
    await expect(el).to.be.accessible();
    await press(el, 'Choose Office Weekly');
    expect(panelHeading(el)).to.equal('Subscribe to Office Weekly');
    await fill(el, 'Quantity', '2');
    await press(el, 'Review');
    expect(panelHeading(el)).to.equal('Review your subscription');
    const panel = root(el).querySelector('.panel')!;
    expect(fact(panel, 'Charged today')).to.equal('$90.00');
    expect(fact(panel, 'Then')).to.equal('$90.00 every week');
    await expect(el).to.be.accessible();
    const event = oneEvent(el, 'portal-subscribed');
    await press(el, 'Subscribe and pay $90.00');
    const { subscription } = (await event).detail;
    expect(subscription.planId).to.equal('plan_office_weekly');
    expect(subscription.quantity).to.equal(2);
    await settle(el, () => card(el, 'Office Weekly'), 'the new subscription is listed');
    expect(notice(el)).to.equal('You subscribed to Office Weekly.');
  });

  it('keeps the quantity within the plan’s bounds, with the problem at the field', async () => {
    const el = await mountSubscriptions(await adaSubscriptions(onlyRoasters));
    await press(el, 'Subscribe to a plan');
    await press(el, 'Choose Office Weekly');
    await fill(el, 'Quantity', '0');
    await press(el, 'Review');
    expect(panelHeading(el)).to.equal('Subscribe to Office Weekly');
    expect(fieldError(el, 'Quantity')).to.equal('Choose a quantity from 1 to 20.');
    expect(root(el).activeElement?.getAttribute('name')).to.equal('quantity');
  });

  it('charges nothing today for a plan with a free trial, and says when the first charge comes', async () => {
    const el = await mountSubscriptions(await adaSubscriptions(noSubscriptions));
    await press(el, 'Subscribe to a plan');
    await press(el, 'Choose Espresso Club');
    await press(el, 'Review');
    const panel = root(el).querySelector('.panel')!;
    expect(fact(panel, 'Charged today')).to.match(/^Nothing today: the free trial runs until .+/);
    expect(fact(panel, 'Then')).to.match(/^\$39\.00 every month, first on .+/);
    expect(hasButton(el, 'Start the free trial')).to.be.true;
  });

  it('never shows a lost answer as done or failed; Check again sends the same request and key', async () => {
    const ada = await adaSubscriptions(onlyRoasters);
    let lose = true;
    const { adapter, inputs } = countingAdapter(ada, {
      subscribe: async (input: Subscribe) => {
        const created = await ada.subscribe(input);
        if (lose) throw new PortalError('network', 'the answer was lost');
        return created;
      },
    });
    const el = await mountSubscriptions(adapter);
    await press(el, 'Subscribe to a plan');
    await press(el, 'Choose Office Weekly');
    await press(el, 'Review');
    await press(el, 'Subscribe and pay $45.00');
    await settle(el, () => panelHeading(el) === 'We could not confirm this', 'the unknown outcome');
    expect(text(root(el).querySelector('.panel'))).to.not.match(/subscribed|declined|failed/i);
    lose = false;
    await press(el, 'Check again');
    await settle(el, () => notice(el) === 'You subscribed to Office Weekly.', 'the outcome');
    const sent = inputs.subscribe as Subscribe[];
    expect(sent).to.have.length(2);
    expect(sent[1]).to.deep.equal(sent[0]);
    const office = (await ada.listSubscriptions()).filter((each) => each.planId === 'plan_office_weekly');
    expect(office, 'subscribed once').to.have.length(1);
  });

  it('without a payment method on file, sends the customer to add one first', async () => {
    const el = await mountSubscriptions(await signedInMary());
    await press(el, 'Subscribe to a plan');
    await press(el, 'Choose Office Weekly');
    await settle(
      el,
      () => text(root(el).querySelector('.panel')).includes('Add a payment method first'),
      'why',
    );
    const navigate = oneEvent(el, 'portal-navigate');
    button(el, 'Add a payment method').click();
    expect((await navigate).detail.section).to.equal('paymentMethods');
    await press(el, 'Review');
    expect(panelHeading(el)).to.equal('Subscribe to Office Weekly');
  });

  it('can be done from the keyboard alone', async () => {
    const el = await mountSubscriptions(await adaSubscriptions(onlyRoasters));
    button(el, 'Subscribe to a plan').focus();
    await sendKeys({ press: 'Enter' });
    await settle(
      el,
      () => root(el).activeElement?.textContent?.trim() === 'Choose a plan',
      'focus on the step',
    );
    await settle(el, () => hasButton(el, 'Choose Office Weekly'), 'the plans');
    button(el, 'Choose Office Weekly').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, () => root(el).activeElement?.tagName === 'H3', 'focus on the details heading');
    // Past the quantity and the chosen method, to Review.
    for (let tabs = 0; tabs < 6 && root(el).activeElement?.textContent?.trim() !== 'Review'; tabs += 1) {
      await sendKeys({ press: 'Tab' });
    }
    await sendKeys({ press: 'Enter' });
    await settle(el, () => panelHeading(el) === 'Review your subscription', 'the review');
    button(el, 'Back').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, () => panelHeading(el) === 'Subscribe to Office Weekly', 'back to the details');
  });
});
