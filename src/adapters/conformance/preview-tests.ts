import type { PortalAdapter } from '../../contract/adapter.js';
import { isPreviewRefusal } from '../../contract/preview.js';
import { ADA, CARD_YEAR, type Register, type TestContext, idempotencyKey } from './context.js';
import { DEMO_PASSWORD } from '../demo/demo-data.js';
import { deepEqual, equal, ok, rejects } from './assert.js';

/** Every change the preview must refuse, one call each (inputs that would succeed outside a preview). */
function changes(
  preview: PortalAdapter,
  ids: { invoiceId: string; methodId: string; subscriptionId: string },
) {
  return {
    payInvoice: () =>
      preview.payInvoice({
        invoiceId: ids.invoiceId,
        allocations: [{ paymentMethodId: ids.methodId, amount: { amount: 100, currency: 'USD' } }],
        idempotencyKey: idempotencyKey(),
      }),
    addInvoiceNote: () => preview.addInvoiceNote({ id: ids.invoiceId, body: 'Written in a preview' }),
    updateProfile: () => preview.updateProfile({ phone: '+1 503 555 0199' }),
    setDefaultPaymentMethod: () => preview.setDefaultPaymentMethod({ id: ids.methodId }),
    removePaymentMethod: () => preview.removePaymentMethod({ id: ids.methodId }),
    addCard: () => preview.addCard({ token: `tok_visa_12${CARD_YEAR}` }),
    cancelSubscription: () =>
      preview.cancelSubscription({ subscriptionId: ids.subscriptionId, when: 'period_end', reason: 'other' }),
    pauseSubscription: () =>
      preview.pauseSubscription({ subscriptionId: ids.subscriptionId, resumeOn: `${CARD_YEAR}-01-01` }),
    changePassword: () =>
      preview.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'preview-pw-2026' }),
    createQuickOrderToken: () => preview.createQuickOrderToken(),
  };
}

async function adaAsSeen(t: TestContext) {
  const session = await t.signInAda();
  const [invoice] = await t.invoices('outstanding');
  const methods = await t.adapter.listPaymentMethods();
  const [subscription] = await t.adapter.listSubscriptions();
  ok(
    invoice && methods.length > 1 && subscription,
    'Ada owes an invoice, has two methods and a subscription',
  );
  const seen = {
    customer: await t.adapter.getCustomer(),
    invoice: await t.adapter.getInvoice({ id: invoice.id }),
    methods,
    subscriptions: await t.adapter.listSubscriptions(),
  };
  await t.adapter.signOut();
  const method = methods.find((each) => !each.isDefault) ?? methods[0];
  return {
    customerId: session.customerId,
    ids: { invoiceId: invoice.id, methodId: method.id, subscriptionId: subscription.id },
    seen,
  };
}

export function previewTests(test: Register): void {
  test('a preview session reads the customer’s portal as they see it', async (t) => {
    const { customerId, ids, seen } = await adaAsSeen(t);
    const preview = await t.previewAs(customerId);
    const session = await preview.getSession();
    ok(session, 'getSession() in a preview answers the previewed customer’s session');
    equal(session.customerId, customerId, 'the preview’s customerId');
    equal(session.preview, true, 'the session says it is a preview');
    deepEqual(await preview.getCustomer(), seen.customer, 'getCustomer() in the preview');
    deepEqual(await preview.getInvoice({ id: ids.invoiceId }), seen.invoice, 'getInvoice() in the preview');
    deepEqual(await preview.listPaymentMethods(), seen.methods, 'listPaymentMethods() in the preview');
    ok((await preview.getInvoicePdf({ id: ids.invoiceId })).url, 'the invoice PDF downloads in a preview');
    await preview.getBillingSummary();
  });

  test('a preview session changes nothing: every change is refused with forbidden', async (t) => {
    const { customerId, ids, seen } = await adaAsSeen(t);
    const preview = await t.previewAs(customerId);
    for (const [name, call] of Object.entries(changes(preview, ids))) {
      const refusal = await rejects(call(), 'forbidden', `${name} in a preview`);
      ok(isPreviewRefusal(refusal), `${name} is refused as a preview ("${refusal.message}")`);
    }
    deepEqual(await preview.getCustomer(), seen.customer, 'the customer after the refusals');
    deepEqual(
      await preview.getInvoice({ id: ids.invoiceId }),
      seen.invoice,
      'the invoice after the refusals',
    );
    deepEqual(await preview.listPaymentMethods(), seen.methods, 'the methods after the refusals');
    deepEqual(await preview.listSubscriptions(), seen.subscriptions, 'the subscriptions after the refusals');
  });

  test('signing out ends a preview', async (t) => {
    const { customerId } = await adaAsSeen(t);
    const preview = await t.previewAs(customerId);
    await preview.signOut();
    equal(await preview.getSession(), null, 'getSession() after signing out of a preview');
    await rejects(preview.getCustomer(), 'unauthorized', 'getCustomer() after the preview ended');
    // The customer's own sign-in is untouched by it.
    const signed = await t.adapter.signIn({ email: ADA, password: DEMO_PASSWORD });
    equal(signed.status, 'signed_in', 'Ada still signs in herself');
  });
}
