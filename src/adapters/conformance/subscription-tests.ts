import { planRule } from '../../model/index.js';
import { deepEqual, equal, ok, rejects } from './assert.js';
import { type Register, idempotencyKey } from './context.js';

const ROASTERS = 'plan_roasters_choice';
const ESPRESSO = 'plan_espresso_club';
const OFFICE = 'plan_office_weekly';
const WHOLESALE = 'plan_wholesale';

export function subscriptionTests(test: Register): void {
  test('lists subscriptions and only the plans open to this customer', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const subscriptions = await adapter.listSubscriptions();
    const statuses = subscriptions.map((each) => each.status);
    ok(
      statuses.includes('active') && statuses.includes('trialing'),
      `active and trialing, got ${statuses.join()}`,
    );
    const roasters = await t.subscriptionByPlan(ROASTERS);
    equal(roasters.price.amount % roasters.quantity, 0, 'the price covers the whole quantity');
    const settings = await adapter.getSettings();
    const plans = await adapter.listPlans();
    for (const plan of plans) {
      ok(planRule(settings, plan.id).allowSubscribing, `${plan.id} is open for self-subscription`);
      equal(plan.price.currency, 'USD', `${plan.id} is priced in Ada's currency`);
    }
    const ids = plans.map((plan) => plan.id);
    for (const id of [ROASTERS, ESPRESSO, OFFICE]) ok(ids.includes(id), `${id} is offered`);
    ok(!ids.includes(WHOLESALE), 'the wholesale plan is not open for self-subscription');
    ok(!ids.includes('plan_atelier_eur'), 'a plan in another currency is not offered');
    await t.changeSettings((changed) => {
      changed.subscriptions.plans = changed.subscriptions.plans.map((rule) =>
        rule.planId === OFFICE ? { ...rule, allowSubscribing: false } : rule,
      );
    });
    ok(
      !(await adapter.listPlans()).some((plan) => plan.id === OFFICE),
      'a plan closed by the merchant is gone',
    );
  });

  test('subscribes once per idempotency key; a plan with a trial starts trialing', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const before = (await adapter.listSubscriptions()).length;
    const request = { planId: OFFICE, quantity: 2, idempotencyKey: idempotencyKey() };
    const subscription = await adapter.subscribe(request);
    equal(subscription.planId, OFFICE, 'subscription.planId');
    equal(subscription.quantity, 2, 'subscription.quantity');
    equal(subscription.status, 'active', 'subscription.status');
    equal(subscription.price.amount, 2 * 4500, 'the price of two units');
    const replay = await adapter.subscribe(request);
    equal(replay.id, subscription.id, 'the same key answers the same subscription');
    equal((await adapter.listSubscriptions()).length, before + 1, 'subscriptions after a repeated request');
    await rejects(
      adapter.subscribe({ ...request, quantity: 3 }),
      'conflict',
      'the same key for a different request',
    );
    // Ada's own espresso trial ends first, so that a backend allowing one live subscription per plan passes.
    const current = await t.subscriptionByPlan(ESPRESSO);
    await adapter.cancelSubscription({ subscriptionId: current.id, when: 'immediately', reason: 'other' });
    const trial = await adapter.subscribe({
      planId: ESPRESSO,
      quantity: 1,
      idempotencyKey: idempotencyKey(),
    });
    equal(trial.status, 'trialing', 'a plan with trial days starts trialing');
    ok(trial.trialEnd, 'a trialing subscription has a trial end');
  });

  test('refuses subscriptions the merchant did not open', async (t) => {
    const { adapter } = t;
    const others = await t.othersIds();
    await t.signInAda();
    const before = (await adapter.listSubscriptions()).length;
    const subscribe = (planId: string, paymentMethodId?: string) =>
      adapter.subscribe({
        planId,
        quantity: 1,
        idempotencyKey: idempotencyKey(),
        ...(paymentMethodId ? { paymentMethodId } : {}),
      });
    await rejects(subscribe(WHOLESALE), 'forbidden', 'a plan not open for self-subscription');
    await rejects(subscribe('plan_does_not_exist'), 'not_found', 'an unknown plan');
    await rejects(
      subscribe(ROASTERS, others.paymentMethodId),
      'not_found',
      'another customer’s payment method',
    );
    await t.changeSettings((settings) => {
      settings.subscriptions.enabled = false;
    });
    await rejects(subscribe(ROASTERS), 'forbidden', 'subscriptions turned off');
    equal((await adapter.listSubscriptions()).length, before, 'no subscription was created');
  });

  test('previews and changes a plan or quantity, once per idempotency key', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const roasters = await t.subscriptionByPlan(ROASTERS);
    const unitPrice = roasters.price.amount / roasters.quantity;
    const change = { subscriptionId: roasters.id, planId: ROASTERS, quantity: roasters.quantity + 1 };
    const preview = await adapter.previewSubscriptionChange(change);
    equal(preview.subscriptionId, roasters.id, 'preview.subscriptionId');
    equal(preview.quantity, change.quantity, 'preview.quantity');
    equal(preview.nextPrice.amount, unitPrice * change.quantity, 'preview.nextPrice');
    equal(preview.prorationAmount.currency, 'USD', 'preview.prorationAmount.currency');
    ok(preview.prorationAmount.amount >= 0, 'adding a unit costs something or nothing, never a credit');
    equal((await t.subscriptionByPlan(ROASTERS)).quantity, roasters.quantity, 'a preview changes nothing');

    const request = { ...change, idempotencyKey: idempotencyKey() };
    const changed = await adapter.changeSubscription(request);
    equal(changed.quantity, change.quantity, 'changed.quantity');
    equal(changed.price.amount, preview.nextPrice.amount, 'the new price is the previewed one');
    const invoiceCount = (await t.invoices()).length;
    const replay = await adapter.changeSubscription(request);
    equal(replay.quantity, change.quantity, 'the replayed change');
    equal((await t.invoices()).length, invoiceCount, 'a replayed change invoices nothing more');
    await rejects(
      adapter.changeSubscription({ ...request, quantity: change.quantity + 1 }),
      'conflict',
      'the same key for a different change',
    );
    await rejects(
      adapter.previewSubscriptionChange({ ...change, planId: WHOLESALE }),
      'forbidden',
      'a plan not open for self-subscription',
    );
    await t.changeSettings((settings) => {
      settings.subscriptions.allowPlanChange = false;
    });
    await rejects(adapter.previewSubscriptionChange(change), 'forbidden', 'previewing with plan changes off');
    await rejects(
      adapter.changeSubscription({ ...change, idempotencyKey: idempotencyKey() }),
      'forbidden',
      'changing with plan changes off',
    );
  });

  test('cancels where the plan and the merchant’s settings allow it, keeping the reason', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const office = await adapter.subscribe({ planId: OFFICE, quantity: 1, idempotencyKey: idempotencyKey() });
    await rejects(
      adapter.cancelSubscription({ subscriptionId: office.id, when: 'period_end', reason: 'unused' }),
      'forbidden',
      'cancelling a plan that does not allow it',
    );
    const roasters = await t.subscriptionByPlan(ROASTERS);
    await t.changeSettings((settings) => {
      settings.subscriptions.cancellation = 'immediately';
    });
    await rejects(
      adapter.cancelSubscription({ subscriptionId: roasters.id, when: 'period_end', reason: 'unused' }),
      'forbidden',
      'cancelling at period end when only immediate cancellation is allowed',
    );
    await t.changeSettings((settings) => {
      settings.subscriptions.cancellation = 'period_end';
    });
    await rejects(
      adapter.cancelSubscription({ subscriptionId: roasters.id, when: 'immediately', reason: 'unused' }),
      'forbidden',
      'cancelling immediately when only period-end cancellation is allowed',
    );
    const later = await adapter.cancelSubscription({
      subscriptionId: roasters.id,
      when: 'period_end',
      reason: 'too_expensive',
      comment: 'Cheaper beans nearby.',
    });
    equal(later.cancelAtPeriodEnd, true, 'cancelAtPeriodEnd');
    equal(later.status, roasters.status, 'the subscription runs until the end of the period');
    equal(later.cancellationReason, 'too_expensive', 'cancellationReason');
    await t.changeSettings((settings) => {
      settings.subscriptions.cancellation = 'either';
    });
    const espresso = await t.subscriptionByPlan(ESPRESSO);
    const now = await adapter.cancelSubscription({
      subscriptionId: espresso.id,
      when: 'immediately',
      reason: 'unused',
    });
    equal(now.status, 'canceled', 'status after cancelling immediately');
    ok(now.canceledAt, 'canceledAt is set');
    equal(now.cancellationReason, 'unused', 'cancellationReason');
    equal(
      (await t.subscriptionByPlan(ESPRESSO)).status,
      'canceled',
      'listSubscriptions shows the cancellation',
    );
    await rejects(
      adapter.cancelSubscription({ subscriptionId: espresso.id, when: 'immediately', reason: 'unused' }),
      'conflict',
      'cancelling a cancelled subscription',
    );
  });

  test('pauses an active subscription and resumes a paused one, when allowed', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const roasters = await t.subscriptionByPlan(ROASTERS);
    const paused = await adapter.pauseSubscription({ id: roasters.id });
    equal(paused.status, 'paused', 'status after pausing');
    await rejects(
      adapter.pauseSubscription({ id: roasters.id }),
      'conflict',
      'pausing a paused subscription',
    );
    const resumed = await adapter.resumeSubscription({ id: roasters.id });
    equal(resumed.status, 'active', 'status after resuming');
    ok(resumed.nextBillingDate, 'a resumed subscription bills again');
    await rejects(
      adapter.resumeSubscription({ id: roasters.id }),
      'conflict',
      'resuming an active subscription',
    );
    const espresso = await t.subscriptionByPlan(ESPRESSO);
    await rejects(
      adapter.pauseSubscription({ id: espresso.id }),
      'conflict',
      'pausing a trialing subscription',
    );
    await t.changeSettings((settings) => {
      settings.subscriptions.allowPause = false;
    });
    await rejects(adapter.pauseSubscription({ id: roasters.id }), 'forbidden', 'pausing turned off');
    deepEqual((await t.subscriptionByPlan(ROASTERS)).status, 'active', 'the refused pause changed nothing');
  });

  test('answers another customer’s subscription and unknown ids with not_found', async (t) => {
    const { adapter } = t;
    const others = await t.othersIds();
    await t.signInAda();
    for (const id of [others.subscriptionId, 'sub_does_not_exist']) {
      const change = { subscriptionId: id, planId: ROASTERS, quantity: 1 };
      await rejects(
        adapter.previewSubscriptionChange(change),
        'not_found',
        `previewSubscriptionChange(${id})`,
      );
      await rejects(
        adapter.changeSubscription({ ...change, idempotencyKey: idempotencyKey() }),
        'not_found',
        `changeSubscription(${id})`,
      );
      await rejects(
        adapter.cancelSubscription({ subscriptionId: id, when: 'immediately', reason: 'other' }),
        'not_found',
        `cancelSubscription(${id})`,
      );
      await rejects(adapter.pauseSubscription({ id }), 'not_found', `pauseSubscription(${id})`);
      await rejects(adapter.resumeSubscription({ id }), 'not_found', `resumeSubscription(${id})`);
    }
  });
}
