import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/portal-payment-methods/define.js';
import type { PortalPaymentMethods } from '../../src/elements/portal-payment-methods/portal-payment-methods.js';
import { FakeCardFields } from '../../stories/support/fake-card-fields.js';
import { signedInAda } from '../helpers/customers.js';
import { button, hasButton, root, text } from '../helpers/dom.js';

// `form-only` (what <portal-task> sets for its card tasks): an open form shows alone; the list comes back
// once no form is open.

function rowCount(el: PortalPaymentMethods): number {
  return root(el).querySelectorAll('[part="method"]').length;
}

/** The element's "Payment methods" heading takes room on the page (not kept for screen readers only). */
function headingSeen(el: PortalPaymentMethods): boolean {
  const heading = root(el).querySelector('h2')!;
  expect(text(heading)).to.equal('Payment methods');
  return heading.getBoundingClientRect().height > 1;
}

describe('<portal-payment-methods form-only>', () => {
  it('shows an open form alone, and the list again once it is closed', async () => {
    const el = await fixture<PortalPaymentMethods>(
      html`<portal-payment-methods
        form-only
        .adapter=${await signedInAda()}
        .cardFields=${new FakeCardFields()}
      ></portal-payment-methods>`,
    );
    await waitUntil(() => rowCount(el) > 0, 'the list, while no form is open', { timeout: 3000 });
    expect(headingSeen(el)).to.equal(true);

    for (const [open, formHeading] of [
      ['Add a card', 'Add a card'],
      ['Add a bank account', 'Add a bank account'],
    ]) {
      button(el, open).click();
      await waitUntil(() => text(root(el).querySelector('form h3')) === formHeading, `the form "${open}"`);
      expect(rowCount(el), `${open}: no rows beside the form`).to.equal(0);
      expect(hasButton(el, open), `${open}: not the list's buttons`).to.equal(false);
      expect(headingSeen(el), `${open}: the heading is for screen readers only`).to.equal(false);
      await expect(el).to.be.accessible();

      button(el, 'Cancel').click();
      await waitUntil(() => rowCount(el) > 0, `the list after closing "${open}"`);
      expect(headingSeen(el)).to.equal(true);
    }
  });
});
