import { expect } from '@open-wc/testing';
import type { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { OPERATION_NAMES, type OperationName } from '../../src/contract/operations.js';
import { previewAllows } from '../../src/contract/preview.js';
import {
  adaSubscriptions,
  cancelling,
  onlyRoasters,
  paused,
  plainCancel,
} from '../../stories/support/subscription-states.js';
import { storeForAdapter } from '../../src/core/connect.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
import { button, root, text } from '../helpers/dom.js';
import { ROASTERS, fill, mountSubscriptions, panelHeading, press, settle } from '../helpers/subscriptions.js';

// A merchant previewing Ada's subscriptions walks each flow to its last step: everything up to it works
// (the price of a change is even quoted, a read), and the button that would change something is there,
// unavailable, says why, and sends nothing when pressed.

/** Ada's backend in the merchant's preview, its session known to the page's store (as root learns it). */
async function previewOf(adapter: MemoryAdapter) {
  adapter.previewAs('cus_ada');
  const counting = countingAdapter(adapter);
  await storeForAdapter(counting.adapter).restoreSession();
  return counting;
}

function changes(calls: Record<string, number>): string[] {
  return Object.keys(calls).filter(
    (name) => OPERATION_NAMES.includes(name as OperationName) && !previewAllows(name as OperationName),
  );
}

function expectUnavailable(el: Element, name: string): HTMLButtonElement {
  const found = button(el, name);
  expect(found.getAttribute('aria-disabled'), name).to.equal('true');
  const note = root(el).getElementById(found.getAttribute('aria-describedby') ?? '');
  expect(text(note)).to.equal('Preview: nothing can be changed here.');
  return found;
}

describe('<portal-subscriptions> in a preview', () => {
  it('quotes a change of plan but cannot confirm it', async () => {
    const { adapter, calls } = await previewOf(await adaSubscriptions(onlyRoasters));
    const el = await mountSubscriptions(adapter);
    await press(el, `Change plan or quantity of ${ROASTERS}`);
    await settle(el, () => panelHeading(el) === `Change ${ROASTERS}`, 'the change form');
    await fill(el, 'Quantity', '3');
    await press(el, 'See the price');
    await settle(el, () => panelHeading(el) === 'The price of this change', 'the quote');
    expect(calls.previewSubscriptionChange).to.equal(1);
    const confirm = [...root(el).querySelectorAll('button[type="submit"]')].find((each) =>
      text(each).startsWith('Confirm'),
    ) as HTMLButtonElement;
    expectUnavailable(el, text(confirm)).click();
    await el.updateComplete;
    expect(panelHeading(el)).to.equal('The price of this change');
    expect(changes(calls)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('walks a cancellation to its confirmation, which cannot be given', async () => {
    const { adapter, calls } = await previewOf(await adaSubscriptions(onlyRoasters, plainCancel));
    const el = await mountSubscriptions(adapter);
    await press(el, `Cancel subscription ${ROASTERS}`);
    await settle(el, () => panelHeading(el) === `Cancel ${ROASTERS}`, 'the reasons');
    const other = [...root(el).querySelectorAll('label')].find((each) => text(each) === 'Other')!;
    other.querySelector('input')!.click();
    await el.updateComplete;
    await fill(el, 'Tell us more', 'Just looking');
    await press(el, 'Continue');
    expect(panelHeading(el)).to.equal('Confirm the cancellation');
    expectUnavailable(el, 'Cancel subscription').click();
    await el.updateComplete;
    expect(panelHeading(el)).to.equal('Confirm the cancellation');
    expect(changes(calls)).to.deep.equal([]);
  });

  it('cannot undo a cancellation nor resume a pause from the list', async () => {
    const undo = await previewOf(await adaSubscriptions(cancelling));
    const cancelled = await mountSubscriptions(undo.adapter);
    expectUnavailable(cancelled, `Keep subscription ${ROASTERS}`).click();
    await cancelled.updateComplete;

    const resume = await previewOf(await adaSubscriptions(paused));
    const pausedEl = await mountSubscriptions(resume.adapter);
    expectUnavailable(pausedEl, `Resume now: ${ROASTERS}`).click();
    await pausedEl.updateComplete;

    expect(changes(undo.calls)).to.deep.equal([]);
    expect(changes(resume.calls)).to.deep.equal([]);
  });
});
