import { expect } from '@open-wc/testing';
import { PortalError } from '../../src/contract/errors.js';
import { PortalStore } from '../../src/core/store.js';
import type { PayInvoice, PaymentReceipt } from '../../src/model/index.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
import { signedInAda, signedInAnalytical } from '../helpers/customers.js';
import { rejectionOf } from '../helpers/deferred.js';
import { MapStorage, named, namedBackend } from '../helpers/intent-backend.js';

const INTENT = 'invoice:inv_ada_1009';
const request = (key: string): PayInvoice => ({
  invoiceId: 'inv_ada_1009',
  allocations: [{ paymentMethodId: 'pm_ada_visa', amount: { amount: 7199, currency: 'USD' } }],
  idempotencyKey: key,
});

async function storeOn(adapter: ConstructorParameters<typeof PortalStore>[0], storage: MapStorage) {
  const store = new PortalStore(adapter, { intentStorage: storage.asStorage });
  await store.restoreSession();
  return store;
}

describe('IntentTracker', () => {
  it('keeps a payment whose answer was lost across a reload, and learns its outcome by its key', async () => {
    const ada = await signedInAda();
    const backend = namedBackend(ada);
    const storage = new MapStorage();
    const before = await storeOn(backend.adapter, storage);
    await rejectionOf(before.mutate('payInvoice', request('key-lost-reload-0001')));
    expect(before.intents.get(INTENT)?.inFlight, 'its answer was lost').to.equal(null);

    // What the page keeps is what was sent: ids, amounts and the key.
    const [saved] = [...storage.items.values()].map((text) => JSON.parse(text) as unknown[]);
    expect(saved).to.deep.equal([
      { operation: 'payInvoice', intent: INTENT, request: request('key-lost-reload-0001') },
    ]);

    // The reload: a new store on the same page storage, the same customer signing back in.
    const after = await storeOn(backend.adapter, storage);
    const pending = after.intents.get(INTENT)!;
    expect(pending).to.deep.include({
      request: request('key-lost-reload-0001'),
      restored: true,
      inFlight: null,
    });
    const checked = await after.checkIntent(pending);
    expect(checked.status).to.equal('completed');
    expect((checked as { result: PaymentReceipt }).result.status).to.equal('succeeded');
    expect(backend.calls.payInvoice, 'asking sent nothing again').to.equal(1);
    expect(backend.calls.getIntentOutcome).to.equal(1);
    expect(after.intents.get(INTENT), 'a known outcome ends the intent').to.equal(undefined);
    expect(storage.items.size, 'and the page forgets it').to.equal(0);
    expect((await ada.getInvoice({ id: 'inv_ada_1009' })).payments).to.have.length(1);
  });

  it('says "unknown" for a key the backend never saw, and keeps that key for sending it again', async () => {
    const ada = await signedInAda();
    const backend = namedBackend(ada);
    const storage = new MapStorage();
    const lost = countingAdapter(backend.adapter, {
      payInvoice: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const before = await storeOn(named(lost.adapter), storage);
    await rejectionOf(before.mutate('payInvoice', request('key-never-arrived-01')));
    const after = await storeOn(backend.adapter, storage);
    const pending = after.intents.get(INTENT)!;
    expect(await after.checkIntent(pending)).to.deep.equal({ status: 'unknown' });
    expect(after.intents.get(INTENT)?.request.idempotencyKey).to.equal('key-never-arrived-01');
    const { idempotencyKey: _, ...same } = request('x');
    expect(after.intents.keyFor(INTENT, same), 'the same payment again reuses the key').to.equal(
      'key-never-arrived-01',
    );
    const other = {
      ...same,
      allocations: [{ ...same.allocations[0], paymentMethodId: 'pm_ada_mastercard' }],
    };
    expect(after.intents.keyFor(INTENT, other), 'another payment is another intent').not.to.equal(
      'key-never-arrived-01',
    );
  });

  it('keeps each customer’s intents to that customer and that backend', async () => {
    const storage = new MapStorage();
    const ada = namedBackend(await signedInAda());
    const adaStore = await storeOn(ada.adapter, storage);
    await rejectionOf(adaStore.mutate('payInvoice', request('key-ada-only-000001')));
    expect(storage.items.size).to.equal(1);

    const grace = namedBackend(await signedInAnalytical());
    expect((await storeOn(grace.adapter, storage)).intents.get(INTENT), 'another customer').to.equal(
      undefined,
    );
    const elsewhere = namedBackend(await signedInAda(), 'https://other.example/portal-api');
    expect((await storeOn(elsewhere.adapter, storage)).intents.get(INTENT), 'another backend').to.equal(
      undefined,
    );
    const unnamed = new PortalStore(await signedInAda(), { intentStorage: storage.asStorage });
    await unnamed.restoreSession();
    expect(unnamed.intents.get(INTENT), 'a backend without a name keeps nothing').to.equal(undefined);
  });
});

describe('PortalStore money requests', () => {
  it('a conflict while the first request under the key is still running is unknown, not a refusal', async () => {
    const ada = await signedInAda();
    let running = true;
    const { adapter, calls } = countingAdapter(ada, {
      payInvoice: () =>
        Promise.reject(new PortalError('conflict', 'a request with this key is still running')),
      getIntentOutcome: () => Promise.resolve(running ? { status: 'in_progress' } : { status: 'not_found' }),
    });
    const store = new PortalStore(adapter);
    const error = (await rejectionOf(
      store.mutate('payInvoice', request('key-still-running-01')),
    )) as PortalError;
    expect(error.code).to.equal('unavailable');
    expect(store.intents.get(INTENT)?.request.idempotencyKey, 'the key is kept').to.equal(
      'key-still-running-01',
    );
    running = false;
    const refused = (await rejectionOf(
      store.mutate('payInvoice', request('key-still-running-01')),
    )) as PortalError;
    expect(refused.code, 'with no such request running, the conflict is the answer').to.equal('conflict');
    expect(store.intents.get(INTENT)).to.equal(undefined);
    expect(calls.getIntentOutcome).to.equal(2);
  });
});
