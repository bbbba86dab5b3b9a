import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { PortalError } from '../../src/contract/errors.js';
import { isPreviewRefusal } from '../../src/contract/preview.js';
import { en } from '../../src/core/i18n/en.js';
import { fr } from '../../src/core/i18n/fr.js';
import { PortalStore, loadValidation } from '../../src/core/store.js';
import { errorMessage } from '../../src/ui/states.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
import { rejectionOf } from '../helpers/deferred.js';

// A merchant previewing the portal as Ada: the store knows it from the session and refuses every change
// itself, before any request; MemoryAdapter refuses the same way for callers that bypass the store.

const PAYMENT = {
  invoiceId: 'inv_ada_1008',
  allocations: [{ paymentMethodId: 'pm_ada_visa', amount: { amount: 100, currency: 'USD' } }],
  idempotencyKey: 'preview-payment-0001',
};

async function previewStore() {
  const memory = new MemoryAdapter();
  const session = memory.previewAs('cus_ada');
  const counting = countingAdapter(memory);
  const store = new PortalStore(counting.adapter);
  await store.restoreSession();
  return { memory, session, store, calls: counting.calls };
}

describe('PortalStore in a preview session', () => {
  before(() => loadValidation());

  it('knows the session is a preview, and reads as the customer', async () => {
    const { session, store } = await previewStore();
    expect(session).to.include({ customerId: 'cus_ada', preview: true, method: 'session_token' });
    expect(store.preview).to.equal(true);
    const invoice = await store.read('getInvoice', { id: 'inv_ada_1008' });
    expect(invoice.number).to.equal('INV-1008');
    const pdf = await store.read('getInvoicePdf', { id: 'inv_ada_1008' });
    expect(pdf.url).to.be.a('string');
  });

  it('refuses every change locally, with a preview message in every language', async () => {
    const { store, calls } = await previewStore();
    const refused = await rejectionOf(store.mutate('payInvoice', PAYMENT));
    expect(refused).to.be.instanceOf(PortalError);
    expect((refused as PortalError).code).to.equal('forbidden');
    expect(isPreviewRefusal(refused as PortalError)).to.equal(true);
    expect(errorMessage(en, refused as PortalError)).to.equal(en.errors.preview);
    expect(errorMessage(fr, refused as PortalError)).to.equal(fr.errors.preview);
    await rejectionOf(store.mutate('setDefaultPaymentMethod', { id: 'pm_ada_bank' }));
    await rejectionOf(store.mutate('createQuickOrderToken', undefined));
    expect(calls.payInvoice, 'no request').to.equal(undefined);
    expect(calls.setDefaultPaymentMethod, 'no request').to.equal(undefined);
    expect(calls.createQuickOrderToken, 'no request').to.equal(undefined);
    expect(store.intents.get('invoice:inv_ada_1008'), 'no intent begun').to.equal(undefined);
  });

  it('signs out, which ends the preview', async () => {
    const { memory, store } = await previewStore();
    await store.signOut();
    expect(store.preview).to.equal(false);
    expect(store.session.status).to.equal('signed_out');
    expect(await memory.getSession()).to.equal(null);
  });
});

describe('MemoryAdapter in a preview session', () => {
  it('refuses every change with forbidden and changes nothing, like the server', async () => {
    const memory = new MemoryAdapter();
    memory.previewAs('cus_ada');
    const before = await memory.getInvoice({ id: 'inv_ada_1008' });
    const attempts = [
      memory.payInvoice(PAYMENT),
      memory.addInvoiceNote({ id: 'inv_ada_1008', body: 'Hello' }),
      memory.updateProfile({ name: 'Someone else' }),
      memory.removePaymentMethod({ id: 'pm_ada_mastercard' }),
      memory.cancelSubscription({
        subscriptionId: 'sub_ada_roasters',
        when: 'period_end',
        reason: 'other',
        comment: 'x',
      }),
      memory.createQuickOrderToken(),
      memory.signIn({ email: 'ada@example.com', password: 'correct-horse-battery-staple' }),
    ];
    for (const attempt of attempts) {
      const refused = (await rejectionOf(attempt)) as PortalError;
      expect(refused.code).to.equal('forbidden');
      expect(isPreviewRefusal(refused)).to.equal(true);
    }
    expect(await memory.getInvoice({ id: 'inv_ada_1008' })).to.deep.equal(before);
    expect((await memory.listPaymentMethods()).map((each) => each.id)).to.include('pm_ada_mastercard');
    expect((await memory.getSession())?.preview).to.equal(true);
  });
});
