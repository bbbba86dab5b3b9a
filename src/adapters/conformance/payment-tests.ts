import type { Money, PayInvoice } from '../../model/index.js';
import { deepEqual, equal, hasFieldError, ok, rejects } from './assert.js';
import { CARD_YEAR, type Register, type TestContext, idempotencyKey } from './context.js';

function usd(amount: number): Money {
  return { amount, currency: 'USD' };
}

/** Turns card verification off and saves a card whose charges fail the way `stem` says. */
async function addFailingCard(t: TestContext, stem: 'visa_declined' | 'visa_insufficient_funds') {
  await t.changeSettings((settings) => {
    settings.paymentMethods.verifyNewCards = false;
  });
  return t.adapter.addCard({ token: `tok_${stem}_12${CARD_YEAR}` });
}

export function paymentTests(test: Register): void {
  test('pays an invoice in full once, however often the request is repeated', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const invoice = await t.invoiceByNumber('INV-1009');
    const visa = await t.methodByLast4('4242');
    const before = await adapter.getInvoice({ id: invoice.id });
    const summaryBefore = await adapter.getBillingSummary();
    const request: PayInvoice = {
      invoiceId: invoice.id,
      allocations: [{ paymentMethodId: visa.id, amount: invoice.amountDue }],
      idempotencyKey: idempotencyKey(),
    };
    const receipt = await adapter.payInvoice(request);
    equal(receipt.status, 'succeeded', 'receipt.status');
    equal(receipt.invoiceId, invoice.id, 'receipt.invoiceId');
    equal(receipt.amountPaid.amount, invoice.amountDue.amount, 'receipt.amountPaid');
    equal(receipt.amountDue.amount, 0, 'receipt.amountDue');
    equal(receipt.allocations[0].outcome, 'succeeded', 'allocation outcome');
    ok(receipt.allocations[0].paymentId, 'a succeeded allocation names its payment');
    const paid = await adapter.getInvoice({ id: invoice.id });
    equal(paid.status, 'paid', 'the invoice after paying it in full');
    equal(paid.payments.length, before.payments.length + 1, 'payments recorded');

    const replay = await adapter.payInvoice(request);
    equal(replay.id, receipt.id, 'the same key and request answer the first receipt');
    deepEqual(replay.allocations, receipt.allocations, 'the replayed receipt’s allocations');
    const afterReplay = await adapter.getInvoice({ id: invoice.id });
    equal(
      afterReplay.amountPaid.amount,
      paid.amountPaid.amount,
      'amount paid after the replay (charged once)',
    );
    equal(afterReplay.payments.length, paid.payments.length, 'payments after the replay');

    const other = await t.invoiceByNumber('INV-1008');
    await rejects(
      adapter.payInvoice({
        ...request,
        invoiceId: other.id,
        allocations: [{ paymentMethodId: visa.id, amount: other.amountDue }],
      }),
      'conflict',
      'the same key for a different request',
    );
    equal(
      (await adapter.getInvoice({ id: other.id })).amountPaid.amount,
      other.amountPaid.amount,
      'INV-1008 untouched',
    );
    await rejects(
      adapter.payInvoice({ ...request, idempotencyKey: idempotencyKey() }),
      'conflict',
      'paying an invoice that is already paid',
    );
    const summaryAfter = await adapter.getBillingSummary();
    equal(
      summaryAfter.outstandingCount,
      summaryBefore.outstandingCount - 1,
      'outstanding invoices after paying one',
    );
  });

  test('splits a payment; a declined card leaves exactly the approved part paid', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const declined = await addFailingCard(t, 'visa_declined');
    ok(declined.type === 'card' && declined.last4 === '0002', 'the declining test card is saved');
    const visa = await t.methodByLast4('4242');
    const mastercard = await t.methodByLast4('4444');
    const invoice = await t.invoiceByNumber('INV-1008');
    const due = invoice.amountDue.amount;
    const first = Math.floor(due / 3);
    const receipt = await adapter.payInvoice({
      invoiceId: invoice.id,
      allocations: [
        { paymentMethodId: visa.id, amount: usd(first) },
        { paymentMethodId: declined.id, amount: usd(due - first) },
      ],
      idempotencyKey: idempotencyKey(),
    });
    equal(receipt.status, 'partially_succeeded', 'receipt.status');
    deepEqual(
      receipt.allocations.map((each) => each.outcome),
      ['succeeded', 'declined'],
      'allocation outcomes, in order',
    );
    ok(receipt.allocations[0].paymentId, 'the approved allocation names its payment');
    ok(!receipt.allocations[1].paymentId, 'the declined allocation has no payment');
    equal(receipt.amountPaid.amount, first, 'receipt.amountPaid');
    equal(receipt.amountDue.amount, due - first, 'receipt.amountDue');
    const partly = await adapter.getInvoice({ id: invoice.id });
    equal(
      partly.amountPaid.amount,
      invoice.amountPaid.amount + first,
      'the invoice is paid by exactly the first amount',
    );
    equal(partly.amountDue.amount, due - first, 'what the invoice still owes');

    const rest = await adapter.payInvoice({
      invoiceId: invoice.id,
      allocations: [{ paymentMethodId: mastercard.id, amount: partly.amountDue }],
      idempotencyKey: idempotencyKey(),
    });
    equal(rest.status, 'succeeded', 'paying the rest');
    equal(rest.amountDue.amount, 0, 'nothing is due after paying the rest');
    equal((await adapter.getInvoice({ id: invoice.id })).status, 'paid', 'the invoice is paid');
  });

  test('charges nothing when every allocation fails', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const declined = await addFailingCard(t, 'visa_declined');
    const poor = await adapter.addCard({ token: `tok_visa_insufficient_funds_11${CARD_YEAR}` });
    const invoice = await t.invoiceByNumber('INV-1009');
    const half = Math.floor(invoice.amountDue.amount / 2);
    const receipt = await adapter.payInvoice({
      invoiceId: invoice.id,
      allocations: [
        { paymentMethodId: poor.id, amount: usd(half) },
        { paymentMethodId: declined.id, amount: usd(invoice.amountDue.amount - half) },
      ],
      idempotencyKey: idempotencyKey(),
    });
    equal(receipt.status, 'failed', 'receipt.status');
    deepEqual(
      receipt.allocations.map((each) => each.outcome),
      ['insufficient_funds', 'declined'],
      'allocation outcomes',
    );
    equal(receipt.amountPaid.amount, 0, 'receipt.amountPaid');
    equal(receipt.amountDue.amount, invoice.amountDue.amount, 'receipt.amountDue');
    const after = await adapter.getInvoice({ id: invoice.id });
    equal(after.amountPaid.amount, invoice.amountPaid.amount, 'nothing was recorded on the invoice');
  });

  test('refuses over-payment and payments the invoice or the methods cannot take', async (t) => {
    const { adapter } = t;
    const others = await t.othersIds();
    await t.signInAda();
    const invoice = await t.invoiceByNumber('INV-1009');
    const visa = await t.methodByLast4('4242');
    const due = invoice.amountDue.amount;
    const pay = (paymentMethodId: string, amount: Money, invoiceId = invoice.id) =>
      adapter.payInvoice({
        invoiceId,
        allocations: [{ paymentMethodId, amount }],
        idempotencyKey: idempotencyKey(),
      });
    hasFieldError(
      await rejects(pay(visa.id, usd(due + 1)), 'validation', 'one cent more than due'),
      'allocations',
    );
    await rejects(pay(visa.id, { amount: due, currency: 'EUR' }), 'validation', 'another currency');
    await rejects(pay(visa.id, usd(0)), 'validation', 'a zero amount');
    await rejects(pay('pm_does_not_exist', usd(100)), 'not_found', 'an unknown payment method');
    await rejects(pay(others.paymentMethodId, usd(100)), 'not_found', 'another customer’s payment method');
    const all = await t.invoices();
    const voided = all.find((each) => each.status === 'void');
    const settled = all.find((each) => each.status === 'paid');
    ok(voided && settled, 'Ada has a void and a paid invoice');
    await rejects(pay(visa.id, usd(100), voided.id), 'conflict', 'paying a void invoice');
    await rejects(pay(visa.id, usd(100), settled.id), 'conflict', 'paying a paid invoice');
    const after = await adapter.getInvoice({ id: invoice.id });
    equal(after.amountPaid.amount, invoice.amountPaid.amount, 'nothing was charged');
  });

  test('refuses partial, split and any payment when the merchant turns them off', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const invoice = await t.invoiceByNumber('INV-1009');
    const visa = await t.methodByLast4('4242');
    const mastercard = await t.methodByLast4('4444');
    const bank = await t.methodByLast4('6789', 'bank_account');
    const due = invoice.amountDue.amount;
    const pay = (...allocations: [string, number][]) =>
      adapter.payInvoice({
        invoiceId: invoice.id,
        allocations: allocations.map(([paymentMethodId, amount]) => ({
          paymentMethodId,
          amount: usd(amount),
        })),
        idempotencyKey: idempotencyKey(),
      });
    await t.changeSettings((settings) => {
      settings.invoices.partialPayments = false;
    });
    await rejects(pay([visa.id, due - 1]), 'forbidden', 'a partial payment with partial payments off');
    await t.changeSettings((settings) => {
      settings.invoices.partialPayments = true;
      settings.invoices.splitPayments = false;
    });
    await rejects(
      pay([visa.id, 100], [mastercard.id, due - 100]),
      'forbidden',
      'a split with split payments off',
    );
    await t.changeSettings((settings) => {
      settings.invoices.splitPayments = true;
      settings.invoices.maxSplitMethods = 2;
    });
    await rejects(
      pay([visa.id, 100], [mastercard.id, 100], [bank.id, due - 200]),
      'validation',
      'a split over more methods than allowed',
    );
    await t.changeSettings((settings) => {
      settings.invoices.payInvoices = false;
    });
    await rejects(pay([visa.id, due]), 'forbidden', 'paying with payments off');
    const after = await adapter.getInvoice({ id: invoice.id });
    equal(after.amountPaid.amount, invoice.amountPaid.amount, 'nothing was charged');
  });
}
