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

export function paymentMethodTests(test: Register): void {
  test('lists cards and bank accounts with exactly one default', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const methods = await adapter.listPaymentMethods();
    const visa = await t.methodByLast4('4242');
    ok(visa.type === 'card' && visa.brand === 'visa', 'the Visa ending 4242');
    const mastercard = await t.methodByLast4('4444');
    ok(mastercard.type === 'card' && mastercard.brand === 'mastercard', 'the Mastercard ending 4444');
    await t.methodByLast4('6789', 'bank_account');
    const defaults = methods.filter((method) => method.isDefault);
    equal(defaults.length, 1, 'default payment methods');
    equal(
      defaults[0].id,
      (await adapter.getCustomer()).defaultPaymentMethodId,
      'the default is the customer’s',
    );
  });

  test('adds a card from a provider token, verified, and can make it the default', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const count = (await adapter.listPaymentMethods()).length;
    const card = await adapter.addCard({ token: `tok_mastercard_09${CARD_YEAR}`, makeDefault: true });
    ok(card.type === 'card', 'addCard answers a card');
    equal(card.brand, 'mastercard', 'card.brand');
    equal(card.last4, '4444', 'card.last4');
    equal(card.expMonth, 9, 'card.expMonth');
    equal(card.expYear, CARD_YEAR, 'card.expYear');
    equal(card.verified, true, 'a card added with verification on is verified');
    equal(card.isDefault, true, 'makeDefault');
    const methods = await adapter.listPaymentMethods();
    equal(methods.length, count + 1, 'payment methods after adding a card');
    deepEqual(
      methods.filter((m) => m.isDefault).map((m) => m.id),
      [card.id],
      'the only default',
    );
    equal((await adapter.getCustomer()).defaultPaymentMethodId, card.id, 'customer.defaultPaymentMethodId');
    hasFieldError(
      await rejects(adapter.addCard({ token: 'tok_unknown' }), 'validation', 'a bad token'),
      'token',
    );
    await rejects(
      adapter.addCard({ token: `tok_visa_declined_12${CARD_YEAR}` }),
      'payment_declined',
      'a card that fails verification',
    );
    equal((await adapter.listPaymentMethods()).length, count + 1, 'refused cards are not saved');
    await t.changeSettings((settings) => {
      settings.paymentMethods.addCards = false;
    });
    await rejects(
      adapter.addCard({ token: `tok_visa_12${CARD_YEAR}` }),
      'forbidden',
      'adding cards turned off',
    );
  });

  test('adds bank accounts, which customers can never remove', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const account = {
      holderName: 'Ada Lovelace',
      routingNumber: '110000000',
      accountNumber: '000111222333',
      accountType: 'savings' as const,
    };
    const bank = await adapter.addBankAccount(account);
    ok(bank.type === 'bank_account', 'addBankAccount answers a bank account');
    equal(bank.last4, '2333', 'bank.last4');
    equal(bank.accountType, 'savings', 'bank.accountType');
    equal(bank.isDefault, false, 'a new bank account is not the default unless asked');
    await rejects(adapter.removePaymentMethod({ id: bank.id }), 'forbidden', 'removing the new bank account');
    const seeded = await t.methodByLast4('6789', 'bank_account');
    await rejects(
      adapter.removePaymentMethod({ id: seeded.id }),
      'forbidden',
      'removing the demo bank account',
    );
    hasFieldError(
      await rejects(
        adapter.addBankAccount({ ...account, routingNumber: '12' }),
        'validation',
        'a short routing number',
      ),
      'routingNumber',
    );
    await t.changeSettings((settings) => {
      settings.paymentMethods.addBankAccounts = false;
    });
    await rejects(adapter.addBankAccount(account), 'forbidden', 'adding bank accounts turned off');
  });

  test('removes cards by the merchant’s rules, moving the default', async (t) => {
    const { adapter } = t;
    const others = await t.othersIds();
    await t.signInAda();
    const visa = await t.methodByLast4('4242');
    const mastercard = await t.methodByLast4('4444');
    equal(visa.isDefault, true, 'the Visa is Ada’s default');
    await t.changeSettings((settings) => {
      settings.paymentMethods.removeCards = false;
    });
    await rejects(
      adapter.removePaymentMethod({ id: mastercard.id }),
      'forbidden',
      'removing cards turned off',
    );
    await t.changeSettings((settings) => {
      settings.paymentMethods.removeCards = true;
    });
    await adapter.removePaymentMethod({ id: visa.id });
    const left = await adapter.listPaymentMethods();
    ok(!left.some((m) => m.id === visa.id), 'the removed card is gone');
    const defaults = left.filter((m) => m.isDefault);
    equal(defaults.length, 1, 'another method became the default');
    equal(
      (await adapter.getCustomer()).defaultPaymentMethodId,
      defaults[0].id,
      'customer.defaultPaymentMethodId',
    );
    await rejects(adapter.removePaymentMethod({ id: mastercard.id }), 'conflict', 'removing the last card');
    await t.changeSettings((settings) => {
      settings.paymentMethods.cardOnFileRequired = false;
    });
    await adapter.removePaymentMethod({ id: mastercard.id });
    ok(!(await adapter.listPaymentMethods()).some((m) => m.type === 'card'), 'no card is left');
    await rejects(adapter.removePaymentMethod({ id: visa.id }), 'not_found', 'removing a removed card');
    await rejects(
      adapter.removePaymentMethod({ id: others.paymentMethodId }),
      'not_found',
      'another customer’s card',
    );
    await rejects(
      adapter.setDefaultPaymentMethod({ id: others.paymentMethodId }),
      'not_found',
      'making another customer’s card the default',
    );
  });

  test('sets the default payment method, which auto-pay follows', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const mastercard = await t.methodByLast4('4444');
    const result = await adapter.setDefaultPaymentMethod({ id: mastercard.id });
    equal(result.id, mastercard.id, 'setDefaultPaymentMethod answers the method');
    equal(result.isDefault, true, 'result.isDefault');
    deepEqual(
      (await adapter.listPaymentMethods()).filter((m) => m.isDefault).map((m) => m.id),
      [mastercard.id],
      'the only default',
    );
    equal(
      (await adapter.getCustomer()).defaultPaymentMethodId,
      mastercard.id,
      'customer.defaultPaymentMethodId',
    );
    equal((await adapter.getBillingSummary()).autoPay.paymentMethodId, mastercard.id, 'auto-pay method');
    await rejects(
      adapter.setDefaultPaymentMethod({ id: 'pm_does_not_exist' }),
      'not_found',
      'an unknown method',
    );
  });
}
