import { expect, fixture, waitUntil } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import type { PortalError } from '../../src/contract/errors.js';
import { IntentFlowController } from '../../src/controllers/intent-flow.js';
import { PortalStore } from '../../src/core/store.js';
import type { PayInvoice, PaymentReceipt } from '../../src/model/index.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
import { signedInAda } from '../helpers/customers.js';
import { deferred } from '../helpers/deferred.js';
import { MapStorage, namedBackend } from '../helpers/intent-backend.js';
import { PortalError as Refusal } from '../../src/contract/errors.js';

const INVOICE = 'inv_ada_1009';
const PAYMENT: Omit<PayInvoice, 'idempotencyKey'> = {
  invoiceId: INVOICE,
  allocations: [{ paymentMethodId: 'pm_ada_visa', amount: { amount: 7199, currency: 'USD' } }],
};

/** The smallest element with a money intent: what it shows is the flow's step. */
class FlowHost extends LitElement {
  store: PortalStore | null = null;
  invoiceId = INVOICE;
  readonly seen: { done: PaymentReceipt[]; unknown: boolean[]; refused: [PortalError, boolean][] } = {
    done: [],
    unknown: [],
    refused: [],
  };
  readonly flow = new IntentFlowController(this, {
    operation: 'payInvoice',
    intent: () => `invoice:${this.invoiceId}`,
    done: (receipt) => this.seen.done.push(receipt),
    unknown: (again) => this.seen.unknown.push(again),
    refused: (error, _request, final) => this.seen.refused.push([error, final]),
  });
  override render() {
    return html`${this.flow.step}${this.flow.busy ? ' busy' : ''}`;
  }
}
customElements.define('test-flow-host', FlowHost);

async function host(store: PortalStore): Promise<FlowHost> {
  const el = await fixture<FlowHost>(html`<test-flow-host .store=${store}></test-flow-host>`);
  await el.updateComplete;
  return el;
}

const keysSent = (inputs: Record<string, unknown[]>) =>
  (inputs.payInvoice as PayInvoice[]).map((each) => each.idempotencyKey);

describe('IntentFlowController', () => {
  it('sends one request however often it is submitted while one is on its way', async () => {
    const ada = await signedInAda();
    const hold = deferred<void>();
    const { adapter, calls } = countingAdapter(ada, {
      payInvoice: async (input: PayInvoice) => {
        await hold.promise;
        return ada.payInvoice(input);
      },
    });
    const el = await host(new PortalStore(adapter));
    el.flow.review();
    const first = el.flow.submit(PAYMENT);
    void el.flow.submit(PAYMENT);
    void el.flow.submit(PAYMENT);
    expect(el.flow.busy).to.equal(true);
    hold.resolve();
    await first;
    expect(calls.payInvoice).to.equal(1);
    expect(el.flow.step).to.equal('done');
    expect(el.seen.done[0].status).to.equal('succeeded');
  });

  it('a lost answer is unknown, never done; Check again re-sends the same key and charges once', async () => {
    const ada = await signedInAda();
    const backend = namedBackend(ada);
    const el = await host(new PortalStore(backend.adapter));
    await el.flow.submit(PAYMENT);
    expect(el.flow.step).to.equal('unknown');
    expect(el.seen).to.deep.include({ done: [], unknown: [false] });
    backend.state.lose = false;
    await el.flow.checkAgain();
    expect(el.flow.step).to.equal('done');
    const [first, again] = keysSent(backend.inputs);
    expect(again).to.equal(first);
    expect((await ada.getInvoice({ id: INVOICE })).payments).to.have.length(1);
  });

  it('a final refusal ends the intent (a new key next); a refusal before it ran keeps the key', async () => {
    const ada = await signedInAda();
    let refusal = new Refusal('rate_limited', 'slow down');
    const { adapter, inputs } = countingAdapter(ada, { payInvoice: () => Promise.reject(refusal) });
    const el = await host(new PortalStore(adapter));
    el.flow.review();
    await el.flow.submit(PAYMENT);
    expect(el.flow.step, 'stays on the review').to.equal('review');
    await el.flow.submit(PAYMENT);
    refusal = new Refusal('payment_declined', 'declined');
    await el.flow.submit(PAYMENT);
    expect(el.flow.step, 'back to the form').to.equal('form');
    await el.flow.submit(PAYMENT);
    const [a, b, c, d] = keysSent(inputs);
    expect(b, 'tried again').to.equal(a);
    expect(c).to.equal(a);
    expect(d, 'paying again after a decline is a new payment').not.to.equal(a);
    expect(el.seen.refused.map(([error, final]) => [error.code, final])).to.deep.equal([
      ['rate_limited', false],
      ['rate_limited', false],
      ['payment_declined', true],
      ['payment_declined', true],
    ]);
  });

  it('reports every failure to the page as portal-error, with the operation', async () => {
    const ada = await signedInAda();
    const { adapter } = countingAdapter(ada, {
      payInvoice: () => Promise.reject(new Refusal('payment_declined', 'declined')),
    });
    const el = await host(new PortalStore(adapter));
    const reported: { code: string; operation: string }[] = [];
    el.addEventListener('portal-error', (event) =>
      reported.push({ code: event.detail.error.code, operation: event.detail.operation }),
    );
    await el.flow.submit(PAYMENT);
    expect(reported).to.deep.equal([{ code: 'payment_declined', operation: 'payInvoice' }]);
  });

  it('an element opened again while the request is on its way follows it, and sends nothing', async () => {
    const ada = await signedInAda();
    const hold = deferred<void>();
    const { adapter, calls } = countingAdapter(ada, {
      payInvoice: async (input: PayInvoice) => {
        await hold.promise;
        return ada.payInvoice(input);
      },
    });
    const store = new PortalStore(adapter);
    const first = await host(store);
    void first.flow.submit(PAYMENT);
    first.remove();
    const again = await host(store);
    expect(again.flow.step).to.equal('unknown');
    expect(again.flow.busy).to.equal(true);
    hold.resolve();
    await waitUntil(() => again.flow.step === 'done', 'the payment it followed finished');
    expect(calls.payInvoice).to.equal(1);
  });

  it('after a reload it asks the backend by the kept key and shows the real outcome', async () => {
    const ada = await signedInAda();
    const backend = namedBackend(ada);
    const storage = new MapStorage();
    const before = new PortalStore(backend.adapter, { intentStorage: storage.asStorage });
    await before.restoreSession();
    const lost = await host(before);
    await lost.flow.submit(PAYMENT);
    expect(lost.flow.step).to.equal('unknown');
    lost.remove();

    // The page reloads: a new store on the same storage; the element connects before the session is known.
    const after = new PortalStore(backend.adapter, { intentStorage: storage.asStorage });
    const el = await host(after);
    expect(el.flow.step, 'nothing pending before the customer is known').to.equal('form');
    await after.restoreSession();
    await waitUntil(() => el.flow.step === 'done', 'the outcome the backend knows');
    expect(el.seen.done[0].status).to.equal('succeeded');
    expect(backend.calls.payInvoice, 'nothing sent again').to.equal(1);
    expect(backend.calls.getIntentOutcome).to.equal(1);
    expect((await ada.getInvoice({ id: INVOICE })).payments).to.have.length(1);
  });
});
