import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PortalAdapter } from '../../src/contract/adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { createDemoData } from '../../src/adapters/demo/demo-data.js';
import { PortalError } from '../../src/contract/errors.js';
import type { PortalEvent } from '../../src/core/events.js';
import { en, fr } from '../helpers/messages.js';
import '../../src/elements/portal-pay-invoice/define.js';
import type { PortalPayInvoice } from '../../src/elements/portal-pay-invoice/portal-pay-invoice.js';
import type { PayInvoice, PaymentReceipt } from '../../src/model/index.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
import { changeSettings, signedInAda } from '../helpers/customers.js';
import { deferred } from '../helpers/deferred.js';
import {
  button,
  choose,
  describedBy,
  expectFocus,
  field,
  hasButton,
  heading,
  radio,
  root,
  text,
  type,
} from '../helpers/dom.js';
import { DUE_1009, INV_1009, MASTERCARD, VISA, payInputs, step, toReview } from '../helpers/pay-invoice.js';

const BANK = 'Bank account ending in 6789';

async function mount(
  adapter: PortalAdapter,
  options: { invoiceId?: string; locale?: string } = {},
): Promise<PortalPayInvoice> {
  const el = await fixture<PortalPayInvoice>(
    html`<portal-pay-invoice
      .adapter=${adapter}
      invoice-id=${options.invoiceId ?? INV_1009}
      locale=${options.locale ?? 'en-US'}
    ></portal-pay-invoice>`,
  );
  await waitUntil(
    () => root(el).querySelector('h2') || root(el).querySelector('[part~="error"]'),
    'the element did not finish loading',
  );
  return el;
}

async function receiptOf(el: PortalPayInvoice, press: () => void): Promise<PaymentReceipt> {
  const paid = oneEvent<PortalEvent<'portal-payment'>>(el, 'portal-payment');
  press();
  const event = await paid;
  expect(event.bubbles && event.composed, 'portal-payment leaves the shadow roots').to.be.true;
  await el.updateComplete;
  return event.detail.receipt;
}

describe('<portal-pay-invoice>', () => {
  describe('states, each accessible', () => {
    it('loading: a skeleton the size of the form, announced', async () => {
      const ada = await signedInAda();
      const { adapter } = countingAdapter(ada, { listPaymentMethods: () => new Promise(() => undefined) });
      const el = await fixture<PortalPayInvoice>(
        html`<portal-pay-invoice .adapter=${adapter} invoice-id=${INV_1009}></portal-pay-invoice>`,
      );
      const loading = root(el).querySelector('[part="loading"]');
      expect(loading, 'skeleton').to.exist;
      expect(loading!.getAttribute('role')).to.equal('status');
      expect(loading!.getBoundingClientRect().height, 'no jump when the form arrives').to.be.at.least(300);
      await expect(el).to.be.accessible();
    });

    it('error: the reason and a retry that loads again', async () => {
      const ada = await signedInAda();
      let fail = true;
      const counted = countingAdapter(ada, {
        listPaymentMethods: () =>
          fail ? Promise.reject(new PortalError('unavailable', 'down')) : ada.listPaymentMethods(),
      });
      const el = await mount(counted.adapter);
      expect(text(root(el).querySelector('[role="alert"]'))).to.include(en.errors.unavailable);
      await expect(el).to.be.accessible();
      fail = false;
      button(el, en.common.retry).click();
      await step(el, en.pay.heading('INV-1009'));
      expect(counted.calls.listPaymentMethods).to.equal(2);
    });

    it('not found: another customer’s invoice, without a retry', async () => {
      const el = await mount(await signedInAda(), { invoiceId: 'inv_analytical_301' });
      await step(el, en.invoiceRef.notFoundHeading);
      expect(text(root(el))).to.include(en.invoiceRef.notFound);
      expect(hasButton(el, en.common.retry)).to.be.false;
      expect(!!root(el).querySelector('form')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('nothing to pay: a paid order and a void invoice', async () => {
      const ada = await signedInAda();
      for (const [id, number] of [
        ['ord_ada_2004', 'ORD-2004'],
        ['inv_ada_1005', 'INV-1005'],
      ]) {
        const el = await mount(ada, { invoiceId: id });
        expect(text(root(el).querySelector('[part="empty"]'))).to.equal(en.pay.nothingToPay(number));
        expect(!!root(el).querySelector('form')).to.be.false;
        await expect(el).to.be.accessible();
      }
    });

    it('payments turned off: an explanation with the merchant’s address, no form', async () => {
      const ada = await signedInAda();
      await changeSettings(ada, (settings) => {
        settings.invoices.payInvoices = false;
      });
      const el = await mount(ada);
      expect(text(root(el))).to.include(en.pay.paymentsOff('Northwind Coffee Roasters'));
      expect(root(el).querySelector('a[href="mailto:support@northwind.example"]')).to.exist;
      expect(!!root(el).querySelector('form')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('nothing to pay with: every card expired and no bank account', async () => {
      const data = createDemoData();
      data.paymentMethods = data.paymentMethods.filter((method) => method.id !== 'pm_ada_bank');
      for (const method of data.paymentMethods) if (method.type === 'card') method.expYear = 2020;
      const ada = await signedInAda({ data });
      const el = await mount(ada);
      expect(text(root(el).querySelector('[part="empty"]'))).to.equal(en.pay.noMethods);
      await expect(el).to.be.accessible();
    });

    it('the form, the review and the receipt', async () => {
      const el = await mount(await signedInAda());
      await expect(el).to.be.accessible();
      await toReview(el);
      await expect(el).to.be.accessible();
      await receiptOf(el, () => button(el, en.pay.confirm('$71.99')).click());
      await step(el, en.pay.receiptHeading.succeeded);
      await expect(el).to.be.accessible();
    });

    it('a split in progress, over the amount due, with every error showing', async () => {
      const el = await mount(await signedInAda());
      button(el, en.pay.splitStart).click();
      await el.updateComplete;
      type(field(el, en.pay.rowAmount(1, 'USD')), '70.00');
      type(field(el, en.pay.rowAmount(2, 'USD')), '');
      await el.updateComplete;
      button(el, en.pay.review).click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe('the form', () => {
    it('offers the amount due by default and the default card, flags the expiring one', async () => {
      const el = await mount(await signedInAda());
      expect(heading(el)).to.equal(en.pay.heading('INV-1009'));
      expect(text(root(el).querySelector('.facts'))).to.include('$71.99');
      const full = root(el).querySelector<HTMLInputElement>('input[name="amount-mode"][value="full"]')!;
      expect(full.checked).to.be.true;
      expect(text(full.closest('label'))).to.equal(en.pay.payFull('$71.99'));
      expect(radio(el, VISA).checked, 'the default card is chosen').to.be.true;
      expect(radio(el, MASTERCARD).checked).to.be.false;
      const mastercard = radio(el, MASTERCARD);
      const detail = text(root(el).getElementById(mastercard.getAttribute('aria-describedby')!));
      expect(detail).to.include(en.paymentMethod.expiresSoon);
      expect(radio(el, BANK).disabled).to.be.false;
      const methods = root(el).querySelector('fieldset[part="methods"]')!;
      expect(text(methods.querySelector('legend'))).to.equal(en.paymentMethod.payWith);
    });

    it('shows an expired card but will not let it pay, and says why', async () => {
      // The element checks expiry against today's date, so the demo data is today's too.
      const data = createDemoData();
      const lastYear = new Date().getUTCFullYear() - 1;
      const mastercard = data.paymentMethods.find((method) => method.id === 'pm_ada_mastercard')!;
      Object.assign(mastercard, { expMonth: 3, expYear: lastYear });
      const el = await mount(await signedInAda({ data }));
      const expired = radio(el, MASTERCARD);
      expect(expired.disabled).to.be.true;
      const detail = text(root(el).getElementById(expired.getAttribute('aria-describedby')!));
      expect(detail).to.include(en.paymentMethod.expiredReason);
      expect(detail).to.include(en.paymentMethod.expired(`03/${lastYear}`));
      button(el, en.pay.splitStart).click();
      await el.updateComplete;
      const option = [...field<HTMLSelectElement>(el, en.pay.rowMethod(2)).options].find(
        (each) => each.value === 'pm_ada_mastercard',
      )!;
      expect(option.disabled).to.be.true;
      expect(text(option)).to.equal(en.pay.expiredOption(MASTERCARD));
    });

    it('checks a partial amount: required, readable, precise, above zero, at most the amount due', async () => {
      const el = await mount(await signedInAda());
      choose(root(el).querySelector<HTMLInputElement>('input[name="amount-mode"][value="part"]')!);
      await el.updateComplete;
      const amount = field(el, en.pay.amountLabel('USD'));
      expect(amount.inputMode).to.equal('decimal');
      expect(amount.getAttribute('autocomplete')).to.equal('off');
      expect(text(root(el).querySelector('.money-input .currency'))).to.equal('$');

      const cases: [string, string][] = [
        ['', en.pay.amountRequired],
        ['twelve', en.pay.amountInvalid('71.99')],
        ['12.345', en.pay.amountPrecision(2)],
        ['0', en.pay.amountZero],
        ['72.00', en.pay.amountTooLarge('$71.99')],
      ];
      for (const [typed, message] of cases) {
        type(amount, typed);
        button(el, en.pay.review).click();
        await el.updateComplete;
        expect(heading(el), `"${typed}" stays on the form`).to.equal(en.pay.heading('INV-1009'));
        expect(amount.getAttribute('aria-invalid')).to.equal('true');
        expect(describedBy(el, amount, 'error'), `"${typed}"`).to.equal(message);
        expectFocus(amount, 'focus on the field to fix');
        expect(amount.value, 'what was typed is kept').to.equal(typed);
      }
      type(amount, '1,234');
      await el.updateComplete;
      expect(describedBy(el, amount, 'error'), 'grouping is fine; the amount is too large').to.equal(
        en.pay.amountTooLarge('$71.99'),
      );
      type(amount, '12.5');
      amount.dispatchEvent(new Event('blur'));
      await el.updateComplete;
      expect(amount.value, 'tidied on leaving the field').to.equal('12.50');
      expect(amount.getAttribute('aria-invalid')).to.equal('false');
    });

    it('splits: adds rows up to the limit, never the same method twice, keeps the others when one goes', async () => {
      const ada = await signedInAda();
      await changeSettings(ada, (settings) => {
        settings.invoices.maxSplitMethods = 3;
      });
      const el = await mount(ada);
      button(el, en.pay.splitStart).click();
      await el.updateComplete;
      const split = root(el).querySelector('fieldset[part="split"]')!;
      expect(text(split.querySelector('legend'))).to.equal(en.pay.splitLegend);
      expectFocus(field(el, en.pay.rowMethod(1)), 'focus goes to the first row');
      // An even split of what was chosen, one minor unit apart at most.
      expect(field(el, en.pay.rowAmount(1, 'USD')).value).to.equal('36.00');
      expect(field(el, en.pay.rowAmount(2, 'USD')).value).to.equal('35.99');
      expect(field<HTMLSelectElement>(el, en.pay.rowMethod(1)).value).to.equal('pm_ada_visa');
      expect(field<HTMLSelectElement>(el, en.pay.rowMethod(2)).value).to.equal('pm_ada_mastercard');
      expect(text(root(el).querySelector('.remainder'))).to.equal(en.pay.leftToAllocate('$0.00'));

      const row1 = field<HTMLSelectElement>(el, en.pay.rowMethod(1));
      const visaInRow2 = [...field<HTMLSelectElement>(el, en.pay.rowMethod(2)).options].find(
        (option) => option.value === 'pm_ada_visa',
      )!;
      expect(visaInRow2.disabled, 'a method used by another row cannot be picked').to.be.true;

      type(field(el, en.pay.rowAmount(1, 'USD')), '20.00');
      await el.updateComplete;
      const remainder = root(el).querySelector('.remainder')!;
      expect(remainder.getAttribute('role'), 'the remainder is announced politely').to.equal('status');
      expect(text(remainder)).to.equal(en.pay.leftToAllocate('$16.00'));

      button(el, en.paymentMethod.add).click();
      await el.updateComplete;
      const row3 = field<HTMLSelectElement>(el, en.pay.rowMethod(3));
      expect(row3.value, 'the new row takes a method nobody uses').to.equal('pm_ada_bank');
      expectFocus(row3);
      expect(hasButton(el, en.paymentMethod.add), 'three is the merchant’s limit').to.be.false;
      expect(text(root(el).querySelector('.split-tools'))).to.include(en.pay.maxRows(3));

      button(el, en.pay.fillRestRow(3)).click();
      await el.updateComplete;
      expect(field(el, en.pay.rowAmount(3, 'USD')).value).to.equal('16.00');
      expect(text(remainder)).to.equal(en.pay.leftToAllocate('$0.00'));

      button(el, en.pay.removeRow(2)).click();
      await el.updateComplete;
      expect(root(el).querySelectorAll('[part~="split-row"]').length).to.equal(2);
      expect(field<HTMLSelectElement>(el, en.pay.rowMethod(1)) === row1, 'the first row is the same row').to
        .be.true;
      expect(field(el, en.pay.rowAmount(1, 'USD')).value, 'the first row keeps its amount').to.equal('20.00');
      expect(field<HTMLSelectElement>(el, en.pay.rowMethod(2)).value, 'the bank row moved up').to.equal(
        'pm_ada_bank',
      );
      expect(field(el, en.pay.rowAmount(2, 'USD')).value).to.equal('16.00');
      expect(text(remainder)).to.equal(en.pay.leftToAllocate('$35.99'));
      expect(text(root(el).querySelector('.visually-hidden[role="status"]'))).to.equal(en.pay.rowRemoved(2));

      button(el, en.pay.splitStop).click();
      await el.updateComplete;
      expect(!!root(el).querySelector('fieldset[part="split"]')).to.be.false;
      button(el, en.pay.splitStart).click();
      await el.updateComplete;
      expect(field(el, en.pay.rowAmount(2, 'USD')).value, 'the split comes back as it was').to.equal('16.00');
    });

    it('never lets a split ask for more than is due: it says so and will not review', async () => {
      const counted = countingAdapter(await signedInAda());
      const el = await mount(counted.adapter);
      button(el, en.pay.splitStart).click();
      await el.updateComplete;
      type(field(el, en.pay.rowAmount(1, 'USD')), '40.00');
      type(field(el, en.pay.rowAmount(2, 'USD')), '40.00');
      await el.updateComplete;
      const over = en.pay.overAllocated('$8.01', '$71.99');
      expect(text(root(el).querySelector('.remainder')), 'said as soon as it happens').to.equal(over);
      button(el, en.pay.review).click();
      await el.updateComplete;
      expect(heading(el)).to.equal(en.pay.heading('INV-1009'));
      const split = root(el).querySelector('fieldset[part="split"]')!;
      const described = split.getAttribute('aria-describedby')!.split(' ');
      expect(described.map((id) => text(root(el).getElementById(id)))).to.include(over);
      expect(counted.calls.payInvoice ?? 0).to.equal(0);

      button(el, en.pay.fillRestRow(2)).click();
      await el.updateComplete;
      expect(field(el, en.pay.rowAmount(2, 'USD')).value).to.equal('31.99');
      await toReview(el);
    });

    it('refuses to repeat a method when one row is changed to another’s', async () => {
      const el = await mount(await signedInAda());
      button(el, en.pay.splitStart).click();
      await el.updateComplete;
      const second = field<HTMLSelectElement>(el, en.pay.rowMethod(2));
      // The option is disabled, but a keyboard or a script can still land on it.
      choose(second, 'pm_ada_visa');
      button(el, en.pay.review).click();
      await el.updateComplete;
      expect(describedBy(el, field(el, en.pay.rowMethod(2)), 'error')).to.equal(en.pay.methodRepeated);
      expect(heading(el)).to.equal(en.pay.heading('INV-1009'));
    });

    it('reviews what will be charged and goes back without losing anything', async () => {
      const el = await mount(await signedInAda());
      button(el, en.pay.splitStart).click();
      await el.updateComplete;
      type(field(el, en.pay.rowAmount(1, 'USD')), '50');
      button(el, en.pay.fillRestRow(2)).click();
      await toReview(el);
      expectFocus(root(el).querySelector('h2'), 'focus on the review heading');
      const rows = [...root(el).querySelectorAll('table[part="summary"] tr')].map((row) => text(row));
      expect(rows).to.deep.equal([
        `${en.pay.chargeTo} ${en.pay.charge}`,
        `${VISA} $50.00`,
        `${MASTERCARD} $21.99`,
        `${en.pay.total} $71.99`,
        `${en.pay.remainsDue} $0.00`,
      ]);
      expect(text(root(el))).to.include('INV-1009');
      expect(hasButton(el, en.pay.confirm('$71.99'))).to.be.true;

      button(el, en.common.back).click();
      await step(el, en.pay.heading('INV-1009'));
      expectFocus(root(el).querySelector('h2'));
      expect(field(el, en.pay.rowAmount(1, 'USD')).value, 'exactly as typed').to.equal('50');
      expect(field(el, en.pay.rowAmount(2, 'USD')).value).to.equal('21.99');
    });

    it('shows what will still be due after a partial payment', async () => {
      const el = await mount(await signedInAda());
      choose(root(el).querySelector<HTMLInputElement>('input[name="amount-mode"][value="part"]')!);
      await el.updateComplete;
      type(field(el, en.pay.amountLabel('USD')), '20');
      choose(radio(el, BANK));
      await toReview(el);
      const rows = [...root(el).querySelectorAll('table[part="summary"] tr')].map((row) => text(row));
      expect(rows.slice(1)).to.deep.equal([
        `${BANK} $20.00`,
        `${en.pay.total} $20.00`,
        `${en.pay.remainsDue} $51.99`,
      ]);
      expect(hasButton(el, en.pay.confirm('$20.00'))).to.be.true;
    });
  });

  describe('paying', () => {
    it('pays the amount due with the default card and says so, from the receipt', async () => {
      const ada = await signedInAda();
      const counted = countingAdapter(ada);
      const el = await mount(counted.adapter);
      await toReview(el);
      const receipt = await receiptOf(el, () => button(el, en.pay.confirm('$71.99')).click());
      expect(receipt.status).to.equal('succeeded');
      const [request] = payInputs(counted.inputs);
      expect(request.invoiceId).to.equal(INV_1009);
      expect(request.allocations).to.deep.equal([
        { paymentMethodId: 'pm_ada_visa', amount: { amount: DUE_1009, currency: 'USD' } },
      ]);
      expect(request.idempotencyKey.length).to.be.at.least(16);
      await step(el, en.pay.receiptHeading.succeeded);
      expectFocus(root(el).querySelector('h2'), 'focus on the receipt heading');
      expect(text(root(el).querySelector('[part="notice"]'))).to.equal(en.pay.paid('$71.99', 'INV-1009'));
      expect(text(root(el).querySelector('.visually-hidden[role="status"]'))).to.include(
        en.pay.paid('$71.99', 'INV-1009'),
      );
      const rows = [...root(el).querySelectorAll('table[part="summary"] tbody tr')].map((row) => text(row));
      expect(rows).to.deep.equal([`${VISA} $71.99 ${en.pay.outcome.succeeded}`]);
      expect(text(root(el).querySelector('dl.facts'))).to.include(`${en.pay.chargedTotal} $71.99`);
      expect(text(root(el).querySelector('dl.facts'))).to.include(`${en.pay.stillDue} $0.00`);
      const invoice = await ada.getInvoice({ id: INV_1009 });
      expect(invoice.status).to.equal('paid');
      expect(invoice.amountPaid.amount).to.equal(DUE_1009);
    });

    it('charges exactly 1250 minor units for “12,50” typed in French, in euros', async () => {
      const adapter = new MemoryAdapter();
      await adapter.requestMagicLink({ email: 'grace@example.net' });
      const token = /portal-magic-token=([\w-]+)/.exec(adapter.outbox.at(-1)?.text ?? '')?.[1] ?? '';
      await adapter.verifyMagicLink({ token });
      const counted = countingAdapter(adapter);
      const el = await mount(counted.adapter, { invoiceId: 'inv_analytical_301', locale: 'fr-FR' });
      const nbsp = (value: string) => value.replace(/[\u00a0\u202f]/g, ' ');
      expect(heading(el)).to.equal(fr.pay.heading('INV-0301'));
      expect(nbsp(text(root(el).querySelector('.facts')))).to.include('972,00 €');
      choose(root(el).querySelector<HTMLInputElement>('input[name="amount-mode"][value="part"]')!);
      await el.updateComplete;
      const amount = field(el, fr.pay.amountLabel('EUR'));
      const adornment = root(el).querySelector('.money-input')!;
      expect(adornment.classList.contains('suffix'), 'the euro sign follows the amount in French').to.be.true;
      type(amount, '12,50');
      button(el, fr.pay.review).click();
      await step(el, fr.pay.reviewHeading);
      expect(nbsp(text(root(el).querySelector('table')))).to.include('12,50 €');
      await receiptOf(el, () => button(el, fr.pay.confirm('12,50\u00a0€')).click());
      const [request] = payInputs(counted.inputs);
      expect(request.allocations).to.deep.equal([
        { paymentMethodId: 'pm_analytical_visa', amount: { amount: 1250, currency: 'EUR' } },
      ]);
      await step(el, fr.pay.receiptHeading.succeeded);
      expect(nbsp(text(root(el).querySelector('[part="notice"]')))).to.equal(
        nbsp(fr.pay.paid('12,50\u00a0€', 'INV-0301')),
      );
      expect(nbsp(text(root(el).querySelector('dl.facts')))).to.include(`${fr.pay.stillDue} 959,50 €`);
    });

    it('splits across the Visa and the Mastercard, charging exactly the two amounts', async () => {
      const ada = await signedInAda();
      const counted = countingAdapter(ada);
      const el = await mount(counted.adapter);
      button(el, en.pay.splitStart).click();
      await el.updateComplete;
      type(field(el, en.pay.rowAmount(1, 'USD')), '50.00');
      type(field(el, en.pay.rowAmount(2, 'USD')), '21.99');
      await toReview(el);
      const receipt = await receiptOf(el, () => button(el, en.pay.confirm('$71.99')).click());
      expect(payInputs(counted.inputs)[0].allocations).to.deep.equal([
        { paymentMethodId: 'pm_ada_visa', amount: { amount: 5000, currency: 'USD' } },
        { paymentMethodId: 'pm_ada_mastercard', amount: { amount: 2199, currency: 'USD' } },
      ]);
      expect(receipt.status).to.equal('succeeded');
      const payments = (await ada.getInvoice({ id: INV_1009 })).payments.map((each) => each.amount.amount);
      expect(payments).to.deep.equal([5000, 2199]);
    });

    it('a split short of the amount due is a partial payment when the merchant allows it, else refused', async () => {
      const ada = await signedInAda();
      const el = await mount(ada);
      button(el, en.pay.splitStart).click();
      await el.updateComplete;
      type(field(el, en.pay.rowAmount(1, 'USD')), '10');
      type(field(el, en.pay.rowAmount(2, 'USD')), '5');
      await toReview(el);
      expect(text(root(el).querySelector('tfoot'))).to.include(`${en.pay.remainsDue} $56.99`);

      // The merchant allows no partial payments (a fresh backend: settings are cached per store).
      const strictAda = await signedInAda();
      await changeSettings(strictAda, (settings) => {
        settings.invoices.partialPayments = false;
      });
      const strict = await mount(strictAda);
      expect(!!strict.shadowRoot!.querySelector('fieldset[part="amount"]'), 'no partial amount').to.be.false;
      button(strict, en.pay.splitStart).click();
      await strict.updateComplete;
      type(field(strict, en.pay.rowAmount(1, 'USD')), '10');
      type(field(strict, en.pay.rowAmount(2, 'USD')), '5');
      button(strict, en.pay.review).click();
      await strict.updateComplete;
      expect(heading(strict)).to.equal(en.pay.heading('INV-1009'));
      expect(text(root(strict).querySelector('.remainder'))).to.equal(en.pay.mustAllocateAll('$56.99'));
    });

    it('places the backend’s refusal of one amount on that row, keeping every amount typed', async () => {
      const ada = await signedInAda();
      const counted = countingAdapter(ada, {
        payInvoice: () =>
          Promise.reject(
            new PortalError('validation', 'too much on the second card', {
              fieldErrors: [{ path: 'allocations.1.amount', code: 'too_large' }],
            }),
          ),
      });
      const el = await mount(counted.adapter);
      button(el, en.pay.splitStart).click();
      await el.updateComplete;
      type(field(el, en.pay.rowAmount(1, 'USD')), '60.00');
      type(field(el, en.pay.rowAmount(2, 'USD')), '11.99');
      await toReview(el);
      const failed = oneEvent<PortalEvent<'portal-error'>>(el, 'portal-error');
      button(el, en.pay.confirm('$71.99')).click();
      expect((await failed).detail.operation).to.equal('payInvoice');
      await step(el, en.pay.heading('INV-1009'));
      const second = field(el, en.pay.rowAmount(2, 'USD'));
      expect(describedBy(el, second, 'error')).to.equal(en.pay.tooLarge);
      expect(second.getAttribute('aria-invalid')).to.equal('true');
      expectFocus(second);
      expect(field(el, en.pay.rowAmount(1, 'USD')).value).to.equal('60.00');
      expect(second.value).to.equal('11.99');
      expect(text(root(el).querySelector('[part="error"]'))).to.equal(en.pay.fixErrors);
      type(second, '11.98');
      await el.updateComplete;
      expect(describedBy(el, second, 'error'), 'a change clears the backend’s refusal').to.equal('');
    });

    it('explains a refusal because the merchant turned payments off meanwhile', async () => {
      const ada = await signedInAda();
      const el = await mount(ada);
      await toReview(el);
      await changeSettings(ada, (settings) => {
        settings.invoices.payInvoices = false;
      });
      button(el, en.pay.confirm('$71.99')).click();
      await waitUntil(() => text(root(el)).includes(en.pay.paymentsOff('Northwind Coffee Roasters')));
      expect(!!root(el).querySelector('form')).to.be.false;
    });

    it('refreshes after a conflict: the invoice was paid elsewhere, nothing is left to pay', async () => {
      const ada = await signedInAda();
      const el = await mount(ada);
      await toReview(el);
      await ada.payInvoice({
        invoiceId: INV_1009,
        allocations: [{ paymentMethodId: 'pm_ada_bank', amount: { amount: DUE_1009, currency: 'USD' } }],
        idempotencyKey: 'another-tab-paid-this-one',
      });
      button(el, en.pay.confirm('$71.99')).click();
      await waitUntil(() => root(el).querySelector('[part="empty"]'), 'nothing to pay');
      expect(text(root(el).querySelector('[part="empty"]'))).to.equal(en.pay.nothingToPay('INV-1009'));
      expect((await ada.getInvoice({ id: INV_1009 })).amountPaid.amount, 'charged once').to.equal(DUE_1009);
    });

    it('keeps to what the merchant allows: no partial amount, no split', async () => {
      const ada = await signedInAda();
      await changeSettings(ada, (settings) => {
        settings.invoices.partialPayments = false;
        settings.invoices.splitPayments = false;
      });
      const el = await mount(ada);
      expect(!!root(el).querySelector('fieldset[part="amount"]')).to.be.false;
      expect(hasButton(el, en.pay.splitStart)).to.be.false;
      expect(text(root(el))).to.include('$71.99');
      await toReview(el);

      const oneMethod = await signedInAda();
      await changeSettings(oneMethod, (settings) => {
        settings.invoices.maxSplitMethods = 1;
      });
      const single = await mount(oneMethod);
      expect(hasButton(single, en.pay.splitStart), 'one method at most is no split').to.be.false;
    });

    it('starts at a receipt it is given, and leaves it for a new payment when cleared', async () => {
      const ada = await signedInAda();
      const receipt = await ada.payInvoice({
        invoiceId: INV_1009,
        allocations: [{ paymentMethodId: 'pm_ada_visa', amount: { amount: 1000, currency: 'USD' } }],
        idempotencyKey: 'a-payment-made-before-this-page',
      });
      let events = 0;
      const el = await fixture<PortalPayInvoice>(
        html`<portal-pay-invoice
          .adapter=${ada}
          invoice-id=${INV_1009}
          .receipt=${receipt}
          @portal-payment=${() => (events += 1)}
        ></portal-pay-invoice>`,
      );
      await step(el, en.pay.receiptHeading.succeeded);
      expect(events, 'a receipt set from code is not a payment event').to.equal(0);
      el.receipt = undefined;
      await step(el, en.pay.heading('INV-1009'));
      await waitUntil(() => text(root(el).querySelector('.facts')).includes('$61.99'));
    });
  });

  describe('keyboard', () => {
    it('completes a split payment with the keyboard alone', async () => {
      const ada = await signedInAda();
      const counted = countingAdapter(ada);
      const el = await mount(counted.adapter);
      el.focus();
      expectFocus(root(el).querySelector('h2'));
      const tab = async () => sendKeys({ press: 'Tab' });

      await tab(); // "The amount due" radio
      expectFocus(root(el).querySelector('input[name="amount-mode"][value="full"]'));
      await tab(); // the chosen method: Visa
      expectFocus(radio(el, VISA));
      await tab();
      expectFocus(button(el, en.pay.splitStart));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expectFocus(field(el, en.pay.rowMethod(1)));
      await tab();
      expectFocus(field(el, en.pay.rowAmount(1, 'USD')));
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'KeyA' });
      await sendKeys({ up: 'Control' });
      await sendKeys({ type: '50' });
      await tab(); // row 1: use the rest
      await tab(); // row 1: remove
      await tab(); // row 2: method
      expectFocus(field(el, en.pay.rowMethod(2)));
      await sendKeys({ press: 'ArrowDown' }); // Mastercard → the bank account
      await tab(); // row 2: amount
      await tab(); // row 2: use the rest
      expectFocus(button(el, en.pay.fillRestRow(2)));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(field(el, en.pay.rowAmount(2, 'USD')).value).to.equal('21.99');
      expect(text(root(el).querySelector('.remainder'))).to.equal(en.pay.leftToAllocate('$0.00'));
      await tab(); // row 2: remove
      await tab(); // add a payment method
      await tab(); // pay with one method instead
      await tab();
      expectFocus(button(el, en.pay.review));
      await sendKeys({ press: 'Enter' });
      await step(el, en.pay.reviewHeading);
      expectFocus(root(el).querySelector('h2'));
      await tab();
      expectFocus(button(el, en.pay.confirm('$71.99')));
      const paid = oneEvent<PortalEvent<'portal-payment'>>(el, 'portal-payment');
      await sendKeys({ press: 'Enter' });
      await paid;
      await step(el, en.pay.receiptHeading.succeeded);
      expectFocus(root(el).querySelector('h2'));
      expect(payInputs(counted.inputs)[0].allocations).to.deep.equal([
        { paymentMethodId: 'pm_ada_visa', amount: { amount: 5000, currency: 'USD' } },
        { paymentMethodId: 'pm_ada_bank', amount: { amount: 2199, currency: 'USD' } },
      ]);
      await tab();
      expectFocus(button(el, en.common.done));
      const done = oneEvent<PortalEvent<'portal-navigate'>>(el, 'portal-navigate');
      await sendKeys({ press: 'Enter' });
      expect((await done).detail).to.deep.equal({ section: 'invoices', invoiceId: INV_1009 });
      await waitUntil(() => root(el).querySelector('[part="empty"]'), 'the paid invoice, nothing left');
    });
  });

  describe('with a held request', () => {
    it('shows one processing state and announces it', async () => {
      const ada = await signedInAda();
      const hold = deferred<void>();
      const counted = countingAdapter(ada, {
        payInvoice: async (input: PayInvoice) => {
          await hold.promise;
          return ada.payInvoice(input);
        },
      });
      const el = await mount(counted.adapter);
      await toReview(el);
      const pay = button(el, en.pay.confirm('$71.99'));
      pay.click();
      await el.updateComplete;
      expect(pay.getAttribute('aria-disabled')).to.equal('true');
      expect(text(pay)).to.equal(en.pay.paying);
      expect(text(root(el).querySelector('.visually-hidden[role="status"]'))).to.equal(en.pay.processing);
      expect(button(el, en.common.back).getAttribute('aria-disabled')).to.equal('true');
      button(el, en.common.back).click();
      await el.updateComplete;
      expect(heading(el), 'no going back mid-payment').to.equal(en.pay.reviewHeading);
      await expect(el).to.be.accessible();
      hold.resolve();
      await step(el, en.pay.receiptHeading.succeeded);
    });
  });
});
