import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { ChangePreview, Subscription, SubscriptionCancellation } from '../../../src/model/index.js';
import { type Client, type ErrorReply, newKey, useTestServer } from './helpers.js';

const server = useTestServer();
let ada: Client;
beforeEach(async () => {
  ada = server.client();
  await ada.signIn();
});

const ROASTERS = 'sub_ada_roasters';

function quote(quantity: number) {
  return ada.post<ChangePreview & ErrorReply>(`/portal-api/subscriptions/${ROASTERS}/change-preview`, {
    planId: 'plan_roasters_choice',
    quantity,
  });
}

function change(quoteId: string, key = newKey()) {
  return ada.post<Subscription & ErrorReply>(`/portal-api/subscriptions/${ROASTERS}/change`, {
    quoteId,
    idempotencyKey: key,
  });
}

describe('changing a subscription on the reference server', () => {
  it('charges exactly the quote’s amount once, recorded as a payment on the change’s invoice', async () => {
    const preview = (await quote(4)).body;
    assert.ok(preview.dueToday.amount > 0, 'two more bags cost something today');
    const key = newKey();
    const first = await change(preview.quoteId, key);
    assert.equal(first.status, 200, first.text);
    const again = await change(preview.quoteId, key);
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');

    const [used] = await server.query<{ invoice_id: string; used_at: Date | null }>(
      'SELECT invoice_id, used_at FROM subscription_quotes WHERE id = $1',
      [preview.quoteId],
    );
    assert.ok(used.used_at, 'the quote is used');
    const payments = await server.query<{ amount: number; outcome: string; payment_method_id: string }>(
      'SELECT amount, outcome, payment_method_id FROM payments WHERE invoice_id = $1',
      [used.invoice_id],
    );
    assert.deepEqual(payments, [
      { amount: preview.dueToday.amount, outcome: 'succeeded', payment_method_id: 'pm_ada_visa' },
    ]);
    assert.equal(server.gateway.charges.length, 1, 'the gateway was asked once');
    assert.equal(server.gateway.charges[0].amount, preview.dueToday.amount);
    const [stored] = await server.query<{ quantity: number }>(
      'SELECT quantity FROM subscriptions WHERE id = $1',
      [ROASTERS],
    );
    assert.equal(stored.quantity, 4);
  });

  it('charges once when one quote is sent under several keys at the same time', async () => {
    const preview = (await quote(3)).body;
    const replies = await Promise.all(Array.from({ length: 5 }, () => change(preview.quoteId)));
    assert.deepEqual(replies.map((reply) => reply.status).sort(), [200, 409, 409, 409, 409]);
    assert.equal(server.gateway.charges.length, 1);
    const [paid] = await server.query<{ total: number }>(
      "SELECT coalesce(sum(amount), 0)::int AS total FROM payments WHERE outcome = 'succeeded' AND invoice_id IN (SELECT invoice_id FROM subscription_quotes)",
    );
    assert.equal(paid.total, preview.dueToday.amount);
  });

  it('changes nothing and records nothing when the card is declined', async () => {
    // An expired card is declined by the test gateway.
    await server.query("UPDATE payment_methods SET exp_year = 2020 WHERE id = 'pm_ada_visa'");
    const preview = (await quote(5)).body;
    const refused = await change(preview.quoteId);
    assert.equal(refused.status, 402, refused.text);
    const [stored] = await server.query<{ quantity: number }>(
      'SELECT quantity FROM subscriptions WHERE id = $1',
      [ROASTERS],
    );
    assert.equal(stored.quantity, 2, 'still two bags');
    const [unused] = await server.query<{ used_at: Date | null }>(
      'SELECT used_at FROM subscription_quotes WHERE id = $1',
      [preview.quoteId],
    );
    assert.equal(unused.used_at, null, 'the quote can still be used with another method');
  });
});

describe('cancellation reasons reach the merchant', () => {
  it('lists a cancellation with its reason and comment, and drops it once undone', async () => {
    const cancelled = await ada.post<Subscription & ErrorReply>(
      `/portal-api/subscriptions/${ROASTERS}/cancel`,
      {
        when: 'period_end',
        reason: 'other',
        comment: 'Moving abroad.',
      },
    );
    assert.equal(cancelled.status, 200, cancelled.text);
    assert.equal(
      JSON.stringify(cancelled.body).includes('Moving abroad.'),
      false,
      'the customer’s list omits it',
    );
    const listed = await server.admin<SubscriptionCancellation[]>('GET', '/admin/subscription-cancellations');
    assert.equal(listed.status, 200, listed.text);
    assert.deepEqual(listed.body, [
      {
        subscriptionId: ROASTERS,
        customerId: 'cus_ada',
        customerCode: 'CUST-0001',
        planId: 'plan_roasters_choice',
        state: 'ending',
        endsOn: cancelled.body.currentPeriodEnd,
        reason: 'other',
        comment: 'Moving abroad.',
      },
    ]);
    const undone = await ada.post(`/portal-api/subscriptions/${ROASTERS}/undo-cancel`);
    assert.equal(undone.status, 200, undone.text);
    const after = await server.admin<SubscriptionCancellation[]>('GET', '/admin/subscription-cancellations');
    assert.deepEqual(after.body, []);
  });

  it('names a listed reason in the merchant’s words', async () => {
    await ada.post(`/portal-api/subscriptions/${ROASTERS}/cancel`, { when: 'immediately', reason: 'unused' });
    const listed = await server.admin<SubscriptionCancellation[]>('GET', '/admin/subscription-cancellations');
    assert.equal(listed.body[0].state, 'ended');
    assert.equal(listed.body[0].reason, 'unused');
    assert.equal(listed.body[0].reasonLabel, 'I don’t use it enough');
  });

  it('refuses the list without the merchant secret', async () => {
    const reply = await ada.get('/portal-api/admin/subscription-cancellations');
    assert.equal(reply.status, 401);
  });
});
