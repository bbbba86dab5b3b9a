import { expect } from '@open-wc/testing';
import { IntentKey, type KeySource, createIdempotencyKey } from '../../src/core/idempotency.js';
import { PayInvoice } from '../../src/model/index.js';
import * as z from 'zod/mini';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The browser's randomness without randomUUID, as on a plain-http page. */
const insecureContext: KeySource = { getRandomValues: (array) => crypto.getRandomValues(array) };

describe('idempotency keys', () => {
  it('are version 4 UUIDs that the payment schema accepts', () => {
    const key = createIdempotencyKey();
    expect(key).to.match(UUID_V4);
    expect(key.length).to.be.at.least(16);
    const request = {
      invoiceId: 'inv_1',
      allocations: [{ paymentMethodId: 'pm_1', amount: { amount: 100, currency: 'USD' } }],
      idempotencyKey: key,
    };
    expect(z.safeParse(PayInvoice, request).success).to.be.true;
  });

  it('are all different', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => createIdempotencyKey()));
    expect(keys.size).to.equal(1000);
  });

  it('are still version 4 UUIDs where randomUUID does not exist (insecure contexts)', () => {
    const keys = Array.from({ length: 200 }, () => createIdempotencyKey(insecureContext));
    for (const key of keys) expect(key).to.match(UUID_V4);
    expect(new Set(keys).size).to.equal(200);
  });

  it('come from randomUUID when the browser has it', () => {
    let calls = 0;
    const source: KeySource = {
      getRandomValues: () => {
        throw new Error('not expected');
      },
      randomUUID: () => {
        calls += 1;
        return '00000000-0000-4000-8000-000000000001';
      },
    };
    expect(createIdempotencyKey(source)).to.equal('00000000-0000-4000-8000-000000000001');
    expect(calls).to.equal(1);
  });
});

describe('IntentKey', () => {
  const request = { invoiceId: 'inv_1', allocations: [{ paymentMethodId: 'pm_1', amount: 500 }] };

  it('has no key until the customer confirms', () => {
    expect(new IntentKey().key).to.equal(null);
  });

  it('answers the same key for every retry of the same intent', () => {
    const intent = new IntentKey();
    const first = intent.for(request);
    expect(intent.for(structuredClone(request))).to.equal(first);
    expect(intent.for(request)).to.equal(first);
    expect(intent.key).to.equal(first);
  });

  it('never reuses a key for a different request', () => {
    const intent = new IntentKey();
    const first = intent.for(request);
    const changed = intent.for({ ...request, allocations: [{ paymentMethodId: 'pm_1', amount: 400 }] });
    expect(changed).not.to.equal(first);
    expect(intent.for(request), 'going back to the first amounts is yet another intent').not.to.equal(first);
  });

  it('mints a new key after the intent is discarded, even for the same request', () => {
    const intent = new IntentKey();
    const first = intent.for(request);
    intent.discard();
    expect(intent.key).to.equal(null);
    const second = intent.for(request);
    expect(second).not.to.equal(first);
    expect(second).to.match(UUID_V4);
  });
});
