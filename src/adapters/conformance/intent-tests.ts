import { deepEqual, equal, ok, rejects } from './assert.js';
import { GRACE, type Register, idempotencyKey } from './context.js';

/** A plan open for self-subscription in the demo data (see subscription-tests.ts). */
const OFFICE = 'plan_office_weekly';

/** `getIntentOutcome`: what became of a money-moving request, asked by its idempotency key. */
export function intentTests(test: Register): void {
  test('answers a completed payment’s own receipt by its key, and charges nothing for asking', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const invoice = await t.invoiceByNumber('INV-1009');
    const visa = await t.methodByLast4('4242');
    const key = idempotencyKey();
    deepEqual(
      await adapter.getIntentOutcome({ idempotencyKey: key }),
      { status: 'not_found' },
      'a key never sent',
    );
    const receipt = await adapter.payInvoice({
      invoiceId: invoice.id,
      allocations: [{ paymentMethodId: visa.id, amount: invoice.amountDue }],
      idempotencyKey: key,
    });
    const paid = await adapter.getInvoice({ id: invoice.id });
    const outcome = await adapter.getIntentOutcome({ idempotencyKey: key });
    ok(outcome.status === 'completed', `the outcome of a paid key is completed, got ${outcome.status}`);
    equal(outcome.operation, 'payInvoice', 'outcome.operation');
    deepEqual(outcome.result, receipt, 'the outcome is the receipt the payment answered');
    deepEqual(await adapter.getIntentOutcome({ idempotencyKey: key }), outcome, 'asking twice');
    const after = await adapter.getInvoice({ id: invoice.id });
    equal(after.amountPaid.amount, paid.amountPaid.amount, 'asking charged nothing more');
    equal(after.payments.length, paid.payments.length, 'payments after asking');
  });

  test('answers a subscription by its key; a refused request leaves nothing under its key', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const key = idempotencyKey();
    const subscription = await adapter.subscribe({ planId: OFFICE, quantity: 1, idempotencyKey: key });
    const outcome = await adapter.getIntentOutcome({ idempotencyKey: key });
    ok(outcome.status === 'completed', `the outcome of a subscribe is completed, got ${outcome.status}`);
    equal(outcome.operation, 'subscribe', 'outcome.operation');
    deepEqual(outcome.result, subscription, 'the outcome is the subscription it answered');

    const refusedKey = idempotencyKey();
    const invoice = await t.invoiceByNumber('INV-1009');
    const visa = await t.methodByLast4('4242');
    await rejects(
      adapter.payInvoice({
        invoiceId: invoice.id,
        allocations: [
          {
            paymentMethodId: visa.id,
            amount: { ...invoice.amountDue, amount: invoice.amountDue.amount + 1 },
          },
        ],
        idempotencyKey: refusedKey,
      }),
      'validation',
      'paying more than is due',
    );
    deepEqual(
      await adapter.getIntentOutcome({ idempotencyKey: refusedKey }),
      { status: 'not_found' },
      'a refused request charged nothing under its key',
    );
  });

  test('answers another customer’s key like an unknown one', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const key = idempotencyKey();
    await adapter.subscribe({ planId: OFFICE, quantity: 1, idempotencyKey: key });
    await adapter.signOut();
    await t.signInByMagicLink(GRACE);
    deepEqual(
      await adapter.getIntentOutcome({ idempotencyKey: key }),
      { status: 'not_found' },
      'Ada’s key, asked by Grace',
    );
  });
}
