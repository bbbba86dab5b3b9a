import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PortalError } from '../../src/contract/errors.js';
import type { ChangeSubscription } from '../../src/model/index.js';
import {
  adaSubscriptions,
  cancelling,
  discountOffer,
  onlyRoasters,
  pauseOffer,
  paused,
  plainCancel,
} from '../../stories/support/subscription-states.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
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

// Changing at the backend's quote, cancelling (offer, reason, when, undo), pausing and resuming.

function isoIn(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('<portal-subscriptions> changing', () => {
  it('shows the backend’s quote in full and charges exactly it, with the quote’s id', async () => {
    const ada = await adaSubscriptions(onlyRoasters);
    const { adapter, inputs } = countingAdapter(ada);
    const el = await mountSubscriptions(adapter);
    await press(el, `Change plan or quantity of ${ROASTERS}`);
    await settle(el, () => panelHeading(el) === `Change ${ROASTERS}`, 'the change form');
    await fill(el, 'Quantity', '3');
    await press(el, 'See the price');
    await settle(el, () => panelHeading(el) === 'The price of this change', 'the quote');
    const quote = inputs.previewSubscriptionChange.length;
    expect(quote).to.equal(1);
    const expected = await ada.previewSubscriptionChange({
      subscriptionId: 'sub_ada_roasters',
      planId: 'plan_roasters_choice',
      quantity: 3,
    });
    const panel = root(el).querySelector('[part="quote"]')!;
    expect(fact(panel, 'Credit for unused time')).to.equal(el.format.money(expected.credit));
    expect(fact(panel, 'Charge for the rest of the period')).to.equal(el.format.money(expected.charge));
    expect(fact(panel, 'Tax')).to.equal(el.format.money(expected.tax));
    expect(fact(panel, 'Due today')).to.equal(el.format.money(expected.dueToday));
    expect(fact(panel, 'Next renewal')).to.equal(
      `${el.format.money(expected.nextRenewal.amount)} on ${el.format.date(expected.nextRenewal.date)}`,
    );
    expect(text(panel)).to.match(/This price holds until .+\./);
    await expect(el).to.be.accessible();
    const event = oneEvent(el, 'portal-subscription-changed');
    await press(el, `Confirm and pay ${el.format.money(expected.dueToday)}`);
    const { subscription, quote: used } = (await event).detail;
    expect(subscription.quantity).to.equal(3);
    const sent = (inputs.changeSubscription as ChangeSubscription[])[0];
    expect(sent.quoteId).to.equal(used.quoteId);
    expect(sent.idempotencyKey).to.be.a('string');
    await settle(el, () => notice(el) === `${ROASTERS} was changed.`, 'the notice');
  });

  it('prices an expired quote again and shows it again instead of charging it silently', async () => {
    const ada = await adaSubscriptions(onlyRoasters);
    let expire = true;
    const { adapter, calls } = countingAdapter(ada, {
      changeSubscription: (input: ChangeSubscription) => {
        if (!expire) return ada.changeSubscription(input);
        expire = false;
        return Promise.reject(
          new PortalError('conflict', 'quote expired', {
            fieldErrors: [{ path: 'quoteId', code: 'expired' }],
          }),
        );
      },
    });
    const el = await mountSubscriptions(adapter);
    await press(el, `Change plan or quantity of ${ROASTERS}`);
    await fill(el, 'Quantity', '3');
    await press(el, 'See the price');
    await settle(el, () => panelHeading(el) === 'The price of this change', 'the quote');
    const confirm = [...root(el).querySelectorAll('button')].find((each) =>
      text(each).startsWith('Confirm'),
    )!;
    confirm.click();
    await settle(
      el,
      () => text(root(el).querySelector('.panel')).includes('That price had expired'),
      'the fresh quote',
    );
    expect(calls.previewSubscriptionChange).to.equal(2);
    expect(calls.changeSubscription).to.equal(1);
    expect(panelHeading(el)).to.equal('The price of this change');
    expect((await ada.listSubscriptions()).find((each) => each.id === 'sub_ada_roasters')?.quantity).to.equal(
      2,
    );
  });

  it('refuses the same plan and quantity, and a quantity out of bounds, at the form', async () => {
    const el = await mountSubscriptions(await adaSubscriptions(onlyRoasters));
    await press(el, `Change plan or quantity of ${ROASTERS}`);
    await press(el, 'See the price');
    expect(text(root(el).querySelector('[role="alert"]'))).to.contain('this is what you have now');
    await fill(el, 'Quantity', '10001');
    await press(el, 'See the price');
    expect(fieldError(el, 'Quantity')).to.match(/^Choose a quantity from 1 to /);
  });

  it('returns focus to the button that opened it when going back', async () => {
    const el = await mountSubscriptions(await adaSubscriptions(onlyRoasters));
    await press(el, `Change plan or quantity of ${ROASTERS}`);
    await press(el, 'Back');
    await settle(
      el,
      () => root(el).activeElement?.getAttribute('aria-label') === `Change plan or quantity of ${ROASTERS}`,
      'focus back on the opener',
    );
  });
});

describe('<portal-subscriptions> cancelling', () => {
  it('asks a reason, says until when it runs, cancels at the period end and undoes it', async () => {
    const ada = await adaSubscriptions(onlyRoasters, plainCancel);
    const el = await mountSubscriptions(ada);
    const [before] = await ada.listSubscriptions();
    await press(el, `Cancel subscription ${ROASTERS}`);
    await settle(el, () => panelHeading(el) === `Cancel ${ROASTERS}`, 'the reasons');
    await press(el, 'Continue');
    expect(text(root(el).querySelector('fieldset .error'))).to.equal('Choose a reason.');
    const other = [...root(el).querySelectorAll('label')].find((each) => text(each) === 'Other')!;
    other.querySelector('input')!.click();
    await el.updateComplete;
    await press(el, 'Continue');
    expect(fieldError(el, 'Tell us more')).to.equal('Tell us the reason in a few words.');
    await fill(el, 'Tell us more', 'Moving abroad');
    await press(el, 'Continue');
    expect(panelHeading(el)).to.equal('Confirm the cancellation');
    const until = el.format.date(before.currentPeriodEnd);
    expect(text(root(el).querySelector('.panel'))).to.contain(
      `${ROASTERS} ends on ${until}. You keep what you paid for until then`,
    );
    await expect(el).to.be.accessible();
    const event = oneEvent(el, 'portal-subscription-cancelled');
    await press(el, 'Cancel subscription');
    const detail = (await event).detail;
    expect(detail.reason).to.equal('other');
    expect(detail.comment).to.equal('Moving abroad');
    expect(detail.subscription.cancelAtPeriodEnd).to.equal(true);
    await settle(el, () => hasButton(el, `Keep subscription ${ROASTERS}`), 'Undo on the card');
    expect(notice(el)).to.equal(`${ROASTERS} ends on ${until}. You can undo this until then.`);
    const undone = oneEvent(el, 'portal-subscription-cancel-undone');
    button(el, `Keep subscription ${ROASTERS}`).click();
    expect((await undone).detail.subscription.cancelAtPeriodEnd).to.equal(false);
    await settle(el, () => notice(el) === `${ROASTERS} continues.`, 'the undo notice');
    await settle(
      el,
      () => text(card(el, ROASTERS)?.querySelector('[part="badge"]')) === 'Active',
      'active again',
    );
  });

  it('offers the retention discount first, and accepting it keeps the subscription', async () => {
    const el = await mountSubscriptions(await adaSubscriptions(onlyRoasters, discountOffer));
    await press(el, `Cancel subscription ${ROASTERS}`);
    await settle(
      el,
      () => text(root(el).querySelector('.panel')).includes('20% off your next 3 renewals'),
      'the offer',
    );
    await expect(el).to.be.accessible();
    const event = oneEvent(el, 'portal-subscription-offer-accepted');
    await press(el, 'Accept the offer');
    expect((await event).detail.subscription.discount?.percentOff).to.equal(20);
    await settle(el, () => fact(card(el, ROASTERS)!, 'Discount') !== '', 'the discount on the card');
  });

  it('offers pausing instead when that is the merchant’s offer', async () => {
    const el = await mountSubscriptions(await adaSubscriptions(onlyRoasters, pauseOffer));
    await press(el, `Cancel subscription ${ROASTERS}`);
    await press(el, 'Pause instead');
    await settle(el, () => panelHeading(el) === `Pause ${ROASTERS}`, 'the pause form');
  });

  it('a scheduled cancellation shows Keep subscription and no Cancel', async () => {
    const el = await mountSubscriptions(await adaSubscriptions(cancelling));
    expect(hasButton(el, `Keep subscription ${ROASTERS}`)).to.be.true;
    expect(hasButton(el, `Cancel subscription ${ROASTERS}`)).to.be.false;
  });
});

describe('<portal-subscriptions> pausing', () => {
  it('keeps the date between tomorrow and the longest pause, with the problem at the field', async () => {
    const el = await mountSubscriptions(await adaSubscriptions(onlyRoasters));
    await press(el, `Pause ${ROASTERS}`);
    await settle(el, () => panelHeading(el) === `Pause ${ROASTERS}`, 'the pause form');
    const input = root(el).querySelector<HTMLInputElement>('input[name="resumeOn"]')!;
    expect(input.min).to.equal(isoIn(1));
    await press(el, 'Pause');
    expect(fieldError(el, 'Resume on')).to.equal('Choose the date it resumes.');
    await fill(el, 'Resume on', isoIn(0));
    await press(el, 'Pause');
    expect(fieldError(el, 'Resume on')).to.equal('Choose a date after today.');
    await fill(el, 'Resume on', isoIn(400));
    await press(el, 'Pause');
    expect(fieldError(el, 'Resume on')).to.match(/^Choose a date no later than /);
    await expect(el).to.be.accessible();
  });

  it('pauses until a date from the keyboard, then resumes', async () => {
    const el = await mountSubscriptions(await adaSubscriptions(onlyRoasters));
    button(el, `Pause ${ROASTERS}`).focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, () => panelHeading(el) === `Pause ${ROASTERS}`, 'the pause form');
    await fill(el, 'Resume on', isoIn(14));
    const event = oneEvent(el, 'portal-subscription-paused');
    root(el).querySelector<HTMLInputElement>('input[name="resumeOn"]')!.focus();
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.resumeOn).to.equal(isoIn(14));
    await settle(el, () => notice(el).startsWith(`${ROASTERS} is paused until`), 'the notice');
    await settle(el, () => hasButton(el, `Resume now: ${ROASTERS}`), 'Resume on the card');
    const resumed = oneEvent(el, 'portal-subscription-resumed');
    button(el, `Resume now: ${ROASTERS}`).click();
    expect((await resumed).detail.subscription.status).to.not.equal('paused');
  });

  it('shows a paused subscription with Resume now', async () => {
    const el = await mountSubscriptions(await adaSubscriptions(paused));
    expect(hasButton(el, `Resume now: ${ROASTERS}`)).to.be.true;
  });
});
