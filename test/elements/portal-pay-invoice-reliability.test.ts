import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PortalAdapter } from '../../src/contract/adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { PortalError, type PortalErrorCode } from '../../src/contract/errors.js';
import type { PortalEvent } from '../../src/core/events.js';
import { en } from '../helpers/messages.js';
import '../../src/elements/portal-pay-invoice/define.js';
import type { PortalPayInvoice } from '../../src/elements/portal-pay-invoice/portal-pay-invoice.js';
import type { PayInvoice, PaymentReceipt, PortalSettings } from '../../src/model/index.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
import { signedInAda } from '../helpers/customers.js';
import { type Deferred, deferred } from '../helpers/deferred.js';
import { button, choose, expectFocus, field, heading, radio, root, text, type } from '../helpers/dom.js';
import { DUE_1009, INV_1009, MASTERCARD, VISA, payInputs, step, toReview } from '../helpers/pay-invoice.js';

/**
 * Money moves here: one request per customer intent however often it is triggered, the same key for
 * every retry of it, "unknown" (never "paid") when the answer is lost, and receipts that say exactly
 * what was and was not charged.
 */

/** The test card whose charges the test gateway declines. */
const DECLINING = 'Visa ending in 0002';

async function mount(adapter: PortalAdapter): Promise<PortalPayInvoice> {
  const el = await fixture<PortalPayInvoice>(
    html`<portal-pay-invoice .adapter=${adapter} invoice-id=${INV_1009} locale="en-US"></portal-pay-invoice>`,
  );
  await waitUntil(() => root(el).querySelector('form'), 'the payment form did not render');
  return el;
}

async function amountPaid(adapter: MemoryAdapter): Promise<number> {
  return (await adapter.getInvoice({ id: INV_1009 })).amountPaid.amount;
}

/** Ada's backend holding each payment until the test lets it through. */
function held(ada: MemoryAdapter): {
  adapter: PortalAdapter;
  calls: Record<string, number>;
  inputs: Record<string, unknown[]>;
  hold: Deferred<void>;
} {
  const hold = deferred<void>();
  const counted = countingAdapter(ada, {
    payInvoice: async (input: PayInvoice) => {
      await hold.promise;
      return ada.payInvoice(input);
    },
  });
  return { ...counted, hold };
}

/**
 * A connection that drops after the backend charged: the first payment really happens, then the answer
 * is lost as `code`. Later requests get through.
 */
function dropsFirstAnswer(ada: MemoryAdapter, code: PortalErrorCode = 'network') {
  let dropped = false;
  return countingAdapter(ada, {
    payInvoice: async (input: PayInvoice) => {
      const receipt = await ada.payInvoice(input);
      if (!dropped) {
        dropped = true;
        throw new PortalError(code, 'the connection dropped after the backend answered');
      }
      return receipt;
    },
  });
}

/** Ada with a card the test gateway declines (added with verification off, so it can be saved). */
async function withDecliningCard(ada: MemoryAdapter): Promise<string> {
  const settings: PortalSettings = structuredClone(await ada.getSettings());
  settings.paymentMethods.verifyNewCards = false;
  ada.updateSettings(settings);
  const card = await ada.addCard({ token: `tok_visa_declined_12${new Date().getUTCFullYear() + 2}` });
  return card.id;
}

describe('<portal-pay-invoice> reliability', () => {
  describe('one request per intent', () => {
    it('a double click sends one payment', async () => {
      const ada = await signedInAda();
      const { adapter, calls, hold } = held(ada);
      const el = await mount(adapter);
      await toReview(el);
      const pay = button(el, en.pay.confirm('$71.99'));
      pay.click();
      pay.click();
      pay.closest('form')!.requestSubmit();
      await el.updateComplete;
      pay.click();
      expect(calls.payInvoice).to.equal(1);
      hold.resolve();
      await step(el, en.pay.receiptHeading.succeeded);
      expect(calls.payInvoice).to.equal(1);
      expect(await amountPaid(ada)).to.equal(DUE_1009);
    });

    it('Enter pressed twice sends one payment', async () => {
      const ada = await signedInAda();
      const { adapter, calls, hold } = held(ada);
      const el = await mount(adapter);
      await toReview(el);
      button(el, en.pay.confirm('$71.99')).focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expectFocus(root(el).querySelector('[part~="submit"]'), 'focus stays on the busy button');
      await sendKeys({ press: 'Enter' });
      expect(calls.payInvoice).to.equal(1);
      hold.resolve();
      await step(el, en.pay.receiptHeading.succeeded);
      expect(calls.payInvoice).to.equal(1);
      expect(await amountPaid(ada)).to.equal(DUE_1009);
    });

    it('a re-render keeps the key; a changed payment gets a new one', async () => {
      const ada = await signedInAda();
      const counted = countingAdapter(ada, {
        payInvoice: () =>
          Promise.reject(new PortalError('rate_limited', 'slow down', { retryAfterSeconds: 1 })),
      });
      const el = await mount(counted.adapter);
      const attempt = async () => {
        const refused = oneEvent<PortalEvent<'portal-error'>>(el, 'portal-error');
        button(el, en.pay.confirm('$71.99')).click();
        await refused;
        await el.updateComplete;
      };
      await toReview(el);
      await attempt();
      expect(text(root(el).querySelector('[part="error"]'))).to.include(en.errors.rate_limited);
      el.requestUpdate();
      await el.updateComplete;
      await attempt();
      expect(payInputs(counted.inputs).length).to.equal(2);
      const [first, retry] = payInputs(counted.inputs);
      expect(retry.idempotencyKey, 'the same intent, tried again').to.equal(first.idempotencyKey);

      button(el, en.common.back).click();
      await step(el, en.pay.heading('INV-1009'));
      choose(radio(el, MASTERCARD));
      await toReview(el);
      await attempt();
      expect(payInputs(counted.inputs)[2].idempotencyKey, 'another method is another intent').not.to.equal(
        first.idempotencyKey,
      );
    });
  });

  describe('an answer lost on the way back', () => {
    for (const code of ['network', 'timeout', 'unavailable', 'invalid_response'] as const) {
      it(`${code}: says the outcome is unknown, never "paid"`, async () => {
        const ada = await signedInAda();
        const counted = dropsFirstAnswer(ada, code);
        const el = await mount(counted.adapter);
        await toReview(el);
        let receipts = 0;
        el.addEventListener('portal-payment', () => (receipts += 1));
        const failed = oneEvent<PortalEvent<'portal-error'>>(el, 'portal-error');
        button(el, en.pay.confirm('$71.99')).click();
        expect((await failed).detail.error.code).to.equal(code);
        await step(el, en.pay.unknownHeading);
        expect(receipts).to.equal(0);
        expect(text(root(el))).to.include(en.pay.unknownBody);
        expect(text(root(el))).not.to.include(en.pay.receiptHeading.succeeded);
        expectFocus(root(el).querySelector('h2'));
        await expect(el).to.be.accessible();
      });
    }

    it('“Check again” re-sends the same request with the same key: charged once, then the receipt', async () => {
      const ada = await signedInAda();
      const counted = dropsFirstAnswer(ada);
      const el = await mount(counted.adapter);
      await toReview(el);
      button(el, en.pay.confirm('$71.99')).click();
      await step(el, en.pay.unknownHeading);
      expect(await amountPaid(ada), 'the backend did charge').to.equal(DUE_1009);
      // The payment may have gone through, so what the portal shows of the invoice is asked for again.
      await waitUntil(() => counted.calls.getInvoice === 2, 'the invoice was not read again');

      // A re-render (or anything else) must not mint a new key for this intent.
      el.requestUpdate();
      await el.updateComplete;
      const paid = oneEvent<PortalEvent<'portal-payment'>>(el, 'portal-payment');
      button(el, en.common.checkAgain).click();
      const receipt: PaymentReceipt = (await paid).detail.receipt;
      const [first, again] = payInputs(counted.inputs);
      expect(payInputs(counted.inputs).length).to.equal(2);
      expect(again).to.deep.equal(first);
      expect(again.idempotencyKey).to.equal(first.idempotencyKey);
      expect(receipt.status).to.equal('succeeded');
      expect(await amountPaid(ada), 'charged exactly once').to.equal(DUE_1009);
      expect((await ada.getInvoice({ id: INV_1009 })).payments.length).to.equal(1);
      await step(el, en.pay.receiptHeading.succeeded);
      expect(text(root(el).querySelector('[part="notice"]'))).to.equal(en.pay.paid('$71.99', 'INV-1009'));
    });

    it('a second lost answer keeps the unknown state and the key', async () => {
      const ada = await signedInAda();
      let attempts = 0;
      const counted = countingAdapter(ada, {
        payInvoice: async (input: PayInvoice) => {
          attempts += 1;
          if (attempts <= 2) throw new PortalError('timeout', 'no answer');
          return ada.payInvoice(input);
        },
      });
      const el = await mount(counted.adapter);
      await toReview(el);
      button(el, en.pay.confirm('$71.99')).click();
      await step(el, en.pay.unknownHeading);
      button(el, en.common.checkAgain).click();
      await waitUntil(
        () => text(root(el).querySelector('.visually-hidden[role="status"]')) === en.pay.stillUnknown,
      );
      expect(heading(el)).to.equal(en.pay.unknownHeading);
      button(el, en.common.checkAgain).click();
      await step(el, en.pay.receiptHeading.succeeded);
      const sent = payInputs(counted.inputs).map((each) => each.idempotencyKey);
      expect(new Set(sent).size, 'one key for all three attempts').to.equal(1);
      expect(await amountPaid(ada)).to.equal(DUE_1009);
    });
  });

  describe('split payments with a declined card', () => {
    it('says exactly what was charged and what was not, then pays the rest with another card', async () => {
      const ada = await signedInAda();
      const declining = await withDecliningCard(ada);
      const counted = countingAdapter(ada);
      const el = await mount(counted.adapter);
      button(el, en.pay.splitStart).click();
      await el.updateComplete;
      type(field(el, en.pay.rowAmount(1, 'USD')), '50.00');
      choose(field<HTMLSelectElement>(el, en.pay.rowMethod(2)), declining);
      button(el, en.pay.fillRestRow(2)).click();
      await toReview(el);
      const paid = oneEvent<PortalEvent<'portal-payment'>>(el, 'portal-payment');
      button(el, en.pay.confirm('$71.99')).click();
      const receipt = (await paid).detail.receipt;
      expect(receipt.status).to.equal('partially_succeeded');

      await step(el, en.pay.receiptHeading.partially_succeeded);
      const said = `$50.00 was charged to ${VISA}. $21.99 on ${DECLINING} was declined: nothing was charged to it.`;
      expect(text(root(el).querySelector('[part="notice"]'))).to.equal(said);
      const rows = [...root(el).querySelectorAll('table[part="summary"] tbody tr')].map((row) => text(row));
      expect(rows).to.deep.equal([
        `${VISA} $50.00 ${en.pay.outcome.succeeded}`,
        `${DECLINING} $21.99 ${en.pay.outcome.declined}`,
      ]);
      expect(text(root(el).querySelector('dl.facts'))).to.include(`${en.pay.chargedTotal} $50.00`);
      expect(text(root(el).querySelector('dl.facts'))).to.include(`${en.pay.stillDue} $21.99`);
      const invoice = await ada.getInvoice({ id: INV_1009 });
      expect(invoice.amountPaid.amount, 'paid by exactly the first amount').to.equal(5000);
      expect(invoice.status).to.equal('partially_paid');
      await expect(el).to.be.accessible();

      button(el, en.pay.payRest('$21.99')).click();
      await step(el, en.pay.heading('INV-1009'));
      await waitUntil(
        () => text(root(el).querySelector('.facts')).includes('$21.99'),
        'the refreshed amount due',
      );
      expect(radio(el, DECLINING).disabled, 'the declined card is still offered').to.be.false;
      expect(radio(el, DECLINING).checked, 'but not chosen again').to.be.false;
      choose(radio(el, MASTERCARD));
      await toReview(el);
      const second = oneEvent<PortalEvent<'portal-payment'>>(el, 'portal-payment');
      button(el, en.pay.confirm('$21.99')).click();
      expect((await second).detail.receipt.status).to.equal('succeeded');
      const [split, rest] = payInputs(counted.inputs);
      expect(rest.idempotencyKey, 'paying the rest is a new intent').not.to.equal(split.idempotencyKey);
      expect(rest.allocations).to.deep.equal([
        { paymentMethodId: 'pm_ada_mastercard', amount: { amount: 2199, currency: 'USD' } },
      ]);
      const settled = await ada.getInvoice({ id: INV_1009 });
      expect(settled.status).to.equal('paid');
      expect(settled.amountPaid.amount).to.equal(DUE_1009);
    });

    it('a payment that fails entirely says nothing was charged and offers another method', async () => {
      const ada = await signedInAda();
      const declining = await withDecliningCard(ada);
      const el = await mount(ada);
      choose(radio(el, DECLINING));
      await toReview(el);
      const paid = oneEvent<PortalEvent<'portal-payment'>>(el, 'portal-payment');
      button(el, en.pay.confirm('$71.99')).click();
      expect((await paid).detail.receipt.status).to.equal('failed');
      await step(el, en.pay.receiptHeading.failed);
      expect(text(root(el).querySelector('[part="notice"]'))).to.equal(
        `$71.99 on ${DECLINING} was declined: nothing was charged to it. ${en.pay.nothingCharged}`,
      );
      expect(await amountPaid(ada)).to.equal(0);
      await expect(el).to.be.accessible();
      button(el, en.pay.tryAnother).click();
      await step(el, en.pay.heading('INV-1009'));
      expect(radio(el, DECLINING).checked).to.be.false;
      expect(radio(el, VISA).checked).to.be.true;
      expect(declining).to.be.a('string');
    });
  });
});

describe('<portal-pay-invoice>: a payment outlives the element that sent it', () => {
  /** A pay element opened afresh on the same store, as when the customer comes back to the invoice. */
  async function reopen(adapter: PortalAdapter, invoiceId = INV_1009): Promise<PortalPayInvoice> {
    return fixture<PortalPayInvoice>(
      html`<portal-pay-invoice
        .adapter=${adapter}
        invoice-id=${invoiceId}
        locale="en-US"
      ></portal-pay-invoice>`,
    );
  }

  it('coming back after a lost answer resumes that payment, key and all, and charges once', async () => {
    const ada = await signedInAda();
    const counted = dropsFirstAnswer(ada);
    const first = await mount(counted.adapter);
    await toReview(first);
    button(first, en.pay.confirm('$71.99')).click();
    await step(first, en.pay.unknownHeading);
    first.remove();

    const again = await reopen(counted.adapter);
    await step(again, en.pay.unknownHeading);
    expect(root(again).querySelector('form[part~="form"] input'), 'no fresh form for a new key').to.equal(
      null,
    );
    button(again, en.common.checkAgain).click();
    await step(again, en.pay.receiptHeading.succeeded);
    const [sent, resent] = payInputs(counted.inputs);
    expect(resent.idempotencyKey).to.equal(sent.idempotencyKey);
    expect(await amountPaid(ada), 'charged exactly once').to.equal(DUE_1009);

    const after = await reopen(counted.adapter);
    await waitUntil(() => root(after).textContent?.includes(en.pay.nothingToPay('INV-1009')), 'settled');
  });

  it('coming back while the payment is still on its way shows it finishing, not a new form', async () => {
    const ada = await signedInAda();
    const { adapter, calls, hold } = held(ada);
    const first = await mount(adapter);
    await toReview(first);
    button(first, en.pay.confirm('$71.99')).click();
    await waitUntil(() => calls.payInvoice === 1, 'the payment was sent');
    first.remove();

    const again = await reopen(adapter);
    await step(again, en.pay.unknownHeading);
    expect(button(again, en.common.checking).getAttribute('aria-disabled')).to.equal('true');
    hold.resolve();
    await step(again, en.pay.receiptHeading.succeeded);
    expect(calls.payInvoice, 'nothing was sent again').to.equal(1);
    expect(await amountPaid(ada)).to.equal(DUE_1009);
  });

  it('moving to another invoice mid-payment shows that invoice; the first payment finishes on its own', async () => {
    const ada = await signedInAda();
    const { adapter, hold } = held(ada);
    const el = await mount(adapter);
    await toReview(el);
    button(el, en.pay.confirm('$71.99')).click();
    el.invoiceId = 'inv_ada_1008';
    await waitUntil(() => heading(el) === en.pay.heading('INV-1008'), 'the other invoice');
    hold.resolve();
    await waitUntil(async () => (await amountPaid(ada)) === DUE_1009, 'the first payment went through');
    await el.updateComplete;
    expect(heading(el), 'the first receipt does not replace the second invoice').to.equal(
      en.pay.heading('INV-1008'),
    );
  });
});
