import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { PortalError } from '../../src/contract/errors.js';
import { PortalStore, keys, loadValidation } from '../../src/core/store.js';
import type { Customer } from '../../src/model/index.js';
import { DEMO_PASSWORD } from '../../src/adapters/demo/demo-data.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
import { type Deferred, deferred, flush, rejectionOf } from '../helpers/deferred.js';

async function signedInStore(override: Parameters<typeof countingAdapter>[1] = {}) {
  const counting = countingAdapter(new MemoryAdapter(), override);
  const store = new PortalStore(counting.adapter);
  await store.signIn({ email: 'ada@example.com', password: DEMO_PASSWORD });
  return { store, calls: counting.calls };
}

describe('PortalStore', () => {
  // Some tests below count what reaches the adapter synchronously: the validation is loaded beforehand.
  before(() => loadValidation());

  it('makes one request when several elements ask for the same thing at once', async () => {
    const { store, calls } = await signedInStore();
    const [a, b, c] = await Promise.all([
      store.read('getBillingSummary', undefined),
      store.read('getBillingSummary', undefined),
      store.read('getBillingSummary', undefined),
    ]);
    expect(calls.getBillingSummary).to.equal(1);
    expect(a).to.equal(b);
    expect(b).to.equal(c);
    await store.read('getBillingSummary', undefined);
    expect(calls.getBillingSummary, 'a fresh cached value makes no request').to.equal(1);
  });

  it('aborts a shared request only when every asker has gone', async () => {
    const held = deferred<never>();
    let seenSignal: AbortSignal | undefined;
    const { store } = await signedInStore({
      getCustomer: (options?: { signal?: AbortSignal }) => {
        seenSignal = options?.signal;
        return held.promise;
      },
    });
    const first = new AbortController();
    const second = new AbortController();
    const a = store.read('getCustomer', undefined, { signal: first.signal });
    const b = store.read('getCustomer', undefined, { signal: second.signal });
    first.abort();
    expect(await rejectionOf(a)).to.have.property('name', 'AbortError');
    expect(seenSignal?.aborted, 'one asker remains').to.equal(false);
    second.abort();
    expect(await rejectionOf(b)).to.have.property('name', 'AbortError');
    expect(seenSignal?.aborted).to.equal(true);
  });

  it('counts an asker that went away once, so it cannot cancel a request someone came to wait for', async () => {
    const memory = new MemoryAdapter();
    await memory.signIn({ email: 'ada@example.com', password: DEMO_PASSWORD });
    const customer = await memory.getCustomer();
    const requests: { answer: Deferred<Customer>; signal: AbortSignal }[] = [];
    const { adapter } = countingAdapter(memory, {
      getCustomer: (options?: { signal?: AbortSignal }) => {
        const answer = deferred<Customer>();
        const signal = options!.signal!;
        signal.addEventListener('abort', () => answer.reject(signal.reason));
        requests.push({ answer, signal });
        return answer.promise;
      },
    });
    const store = new PortalStore(adapter);
    const loading = store.read('getCustomer', undefined);
    requests[0].answer.resolve(customer);
    await loading;
    store.invalidate(keys.customer);
    // An element asks and leaves (moved in the page), and asks again at once: a new request.
    const left = new AbortController();
    const first = store.read('getCustomer', undefined, { signal: left.signal });
    left.abort();
    const staying = store.read('getCustomer', undefined);
    expect(await rejectionOf(first)).to.have.property('name', 'AbortError');
    await flush();
    // Another element joins that request and leaves before it is answered.
    const passing = new AbortController();
    const passer = store.read('getCustomer', undefined, { signal: passing.signal });
    passing.abort();
    await rejectionOf(passer);
    expect(requests, 'the first load, the one left, the one still wanted').to.have.length(3);
    expect(requests[2].signal.aborted, 'one asker is still waiting').to.equal(false);
    requests[2].answer.resolve(customer);
    expect(await staying).to.deep.equal(customer);
  });

  it('refreshes the invoice, the lists and the summary after a payment, one request each', async () => {
    const { store, calls } = await signedInStore();
    await Promise.all([
      store.read('getInvoice', { id: 'inv_ada_1009' }),
      store.read('listInvoices', { filter: 'outstanding' }),
      store.read('getBillingSummary', undefined),
    ]);
    const before = { invoice: calls.getInvoice, list: calls.listInvoices, summary: calls.getBillingSummary };
    const changes: string[][] = [];
    store.onChange((change) => changes.push(change.invalidated));
    const invoice = await store.read('getInvoice', { id: 'inv_ada_1009' });
    await store.mutate('payInvoice', {
      invoiceId: invoice.id,
      allocations: [{ paymentMethodId: 'pm_ada_visa', amount: invoice.amountDue }],
      idempotencyKey: 'test-key-0000000000000001',
    });
    // A payment can also bring a past-due subscription back to active (issue 9's billing cycle).
    expect(changes).to.deep.equal([
      [keys.invoice('inv_ada_1009'), 'invoices:', keys.summary, keys.subscriptions],
    ]);
    expect(store.isFresh(keys.summary)).to.equal(false);
    const [after, list, summary] = await Promise.all([
      Promise.all([
        store.read('getInvoice', { id: 'inv_ada_1009' }),
        store.read('getInvoice', { id: 'inv_ada_1009' }),
      ]),
      store.read('listInvoices', { filter: 'outstanding' }),
      store.read('getBillingSummary', undefined),
    ]);
    expect(after[0].status).to.equal('paid');
    expect(list.items.map((item) => item.id)).not.to.include('inv_ada_1009');
    expect(summary.outstandingCount).to.equal(2);
    expect(calls.getInvoice).to.equal(before.invoice + 1);
    expect(calls.listInvoices).to.equal(before.list + 1);
    expect(calls.getBillingSummary).to.equal(before.summary + 1);
  });

  it('does not cache a failure, so asking again retries', async () => {
    let attempts = 0;
    const memory = new MemoryAdapter();
    const { store } = await signedInStore({
      getBillingSummary: () => {
        attempts += 1;
        return attempts === 1
          ? Promise.reject(new PortalError('unavailable', 'down'))
          : memory
              .signIn({ email: 'ada@example.com', password: DEMO_PASSWORD })
              .then(() => memory.getBillingSummary());
      },
    });
    expect(await rejectionOf(store.read('getBillingSummary', undefined))).to.be.instanceOf(PortalError);
    const summary = await store.read('getBillingSummary', undefined);
    expect(summary.outstanding.currency).to.equal('USD');
    expect(attempts).to.equal(2);
  });

  it('turns an adapter’s malformed data into invalid_response', async () => {
    const { store } = await signedInStore({
      getBillingSummary: () => Promise.resolve({ outstanding: { amount: 12.5, currency: 'USD' } }),
    });
    const error = await store.read('getBillingSummary', undefined).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(PortalError);
    expect((error as PortalError).code).to.equal('invalid_response');
  });

  it('turns anything an adapter throws into a PortalError', async () => {
    const { store } = await signedInStore({
      getCustomer: () => Promise.reject(new Error('boom')),
      listPlans: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(((await rejectionOf(store.read('getCustomer', undefined))) as PortalError).code).to.equal(
      'unavailable',
    );
    expect(((await rejectionOf(store.read('listPlans', undefined))) as PortalError).code).to.equal('network');
  });

  it('ends the session when the backend says it has ended, and forgets the customer’s data', async () => {
    const { store } = await signedInStore({
      getBillingSummary: () => Promise.reject(new PortalError('unauthorized', 'expired')),
    });
    await store.read('getCustomer', undefined);
    expect(store.peek(keys.customer)).not.to.equal(undefined);
    let sessionChanged = false;
    store.onChange((change) => (sessionChanged ||= change.session));
    expect(((await rejectionOf(store.read('getBillingSummary', undefined))) as PortalError).code).to.equal(
      'unauthorized',
    );
    expect(store.session.status).to.equal('signed_out');
    expect(sessionChanged).to.equal(true);
    expect(store.peek(keys.customer)).to.equal(undefined);
  });

  it('keeps the session on wrong credentials (a 401 from sign-in is not an ended session)', async () => {
    const store = new PortalStore(new MemoryAdapter());
    await store.restoreSession();
    const error = (await store
      .signIn({ email: 'ada@example.com', password: 'wrong' })
      .catch((e: unknown) => e)) as PortalError;
    expect(error.code).to.equal('unauthorized');
    expect(store.session.status).to.equal('signed_out');
  });

  it('refuses bad input before it reaches the adapter', async () => {
    const { store, calls } = await signedInStore();
    const error = (await store
      .mutate('payInvoice', { invoiceId: 'inv_ada_1009', allocations: [], idempotencyKey: 'short' })
      .catch((e: unknown) => e)) as PortalError;
    expect(error.code).to.equal('validation');
    expect(error.fieldErrors.map((each) => each.path)).to.include.members(['allocations', 'idempotencyKey']);
    expect(calls.payInvoice ?? 0).to.equal(0);
  });

  it('signs out locally even when the backend cannot be reached', async () => {
    const { store } = await signedInStore({
      signOut: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(((await rejectionOf(store.signOut())) as PortalError).code).to.equal('network');
    expect(store.session.status).to.equal('signed_out');
  });
});

describe('validatedAdapter', () => {
  it('lets an abort through as an AbortError, not a PortalError', async () => {
    const { validatedAdapter } = await import('../../src/contract/validated.js');
    const controller = new AbortController();
    const adapter = validatedAdapter(new MemoryAdapter({ latencyMs: 50 }));
    const pending = adapter.getSettings({ signal: controller.signal });
    controller.abort();
    const error = await rejectionOf(pending);
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
  });
});

describe('PortalStore session restore', () => {
  it('keeps what widgets loaded before the session was known, and drops it when the customer changes', async () => {
    const memory = new MemoryAdapter();
    await memory.signIn({ email: 'ada@example.com', password: DEMO_PASSWORD });
    const { adapter, calls } = countingAdapter(memory);
    const store = new PortalStore(adapter);
    await store.read('getBillingSummary', undefined);
    await store.restoreSession();
    await store.read('getBillingSummary', undefined);
    expect(calls.getBillingSummary, 'learning who is signed in costs no second request').to.equal(1);
    store.setSession(null);
    expect(store.peek(keys.summary), 'signing out forgets the data').to.equal(undefined);
  });
});

describe('PortalStore unresolved payments', () => {
  const request = (key: string) => ({
    invoiceId: 'inv_ada_1009',
    allocations: [{ paymentMethodId: 'pm_ada_visa', amount: { amount: 7199, currency: 'USD' } }],
    idempotencyKey: key,
  });

  it('keeps a payment whose answer was lost, and forgets it once the outcome is known', async () => {
    let answer: 'lost' | 'refused' | 'through' = 'lost';
    const memory = new MemoryAdapter();
    const { store } = await signedInStore({
      payInvoice: (input: Parameters<MemoryAdapter['payInvoice']>[0]) => {
        if (answer === 'lost') return Promise.reject(new PortalError('timeout', 'lost'));
        if (answer === 'refused') return Promise.reject(new PortalError('forbidden', 'off'));
        return memory
          .signIn({ email: 'ada@example.com', password: DEMO_PASSWORD })
          .then(() => memory.payInvoice(input));
      },
    });
    await rejectionOf(store.mutate('payInvoice', request('key-lost-00000000001')));
    expect(store.intents.get('invoice:inv_ada_1009')).to.deep.include({
      request: request('key-lost-00000000001'),
      inFlight: null,
    });
    answer = 'through';
    await store.mutate('payInvoice', request('key-lost-00000000001'));
    expect(store.intents.get('invoice:inv_ada_1009'), 'a receipt resolves it').to.equal(undefined);
    answer = 'refused';
    await rejectionOf(store.mutate('payInvoice', request('key-refused-000000001')));
    expect(store.intents.get('invoice:inv_ada_1009'), 'a refusal is an outcome too').to.equal(undefined);
  });
});

describe('invalidation targets', () => {
  it('a family ends with a colon; anything else is one read', async () => {
    const { touches } = await import('../../src/core/store.js');
    expect(touches('invoices:outstanding:25:', 'invoices:')).to.equal(true);
    expect(touches(keys.invoice('inv_ada_1001'), keys.invoice('inv_ada_100'))).to.equal(false);
    expect(touches(keys.invoice('inv_ada_100'), keys.invoice('inv_ada_100'))).to.equal(true);
    expect(touches(keys.summary, keys.summary)).to.equal(true);
  });
});

describe('PortalStore sign-in', () => {
  it('lets an aborted sign-in through as an abort, not as a failure to show', async () => {
    const store = new PortalStore(new MemoryAdapter({ latencyMs: 50 }));
    const controller = new AbortController();
    const pending = store.signIn(
      { email: 'ada@example.com', password: DEMO_PASSWORD },
      { signal: controller.signal },
    );
    controller.abort();
    const error = await rejectionOf(pending);
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
  });
});
