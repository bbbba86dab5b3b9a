import { addDays } from '../../rules/dates.js';
import { planRule } from '../../model/index.js';
import { deepEqual, equal, hasFieldError, ok, rejects } from './assert.js';
import { CARD_YEAR, type Register, type TestContext, idempotencyKey } from './context.js';

const ROASTERS = 'plan_roasters_choice';
const ESPRESSO = 'plan_espresso_club';
const OFFICE = 'plan_office_weekly';
const WHOLESALE = 'plan_wholesale';

/** Roaster's Choice and its quote for one more bag. */
async function quoteOneMore(t: TestContext) {
  const roasters = await t.subscriptionByPlan(ROASTERS);
  const preview = await t.adapter.previewSubscriptionChange({
    subscriptionId: roasters.id,
    planId: ROASTERS,
    quantity: roasters.quantity + 1,
  });
  return { roasters, preview };
}

export function subscriptionTests(test: Register): void {
  test('lists subscriptions, what each allows, and only the plans open to this customer', async (t) => {
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
    deepEqual(
      roasters.actions,
      { change: true, cancel: true, undoCancel: false, pause: true, resume: false, withdrawChange: false },
      'what Ada may do with Roaster’s Choice',
    );
    deepEqual(roasters.nextBillingAmount, roasters.price, 'the next renewal is the price, without discount');
    equal(roasters.chargedTo?.last4, '4242', 'charged to the default card');
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
      changed.subscriptions.allowPlanChange = false;
    });
    ok(
      !(await adapter.listPlans()).some((plan) => plan.id === OFFICE),
      'a plan closed by the merchant is gone',
    );
    equal(
      (await t.subscriptionByPlan(ROASTERS)).actions.change,
      false,
      'no change once the merchant says no',
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
    await adapter.cancelSubscription({
      subscriptionId: current.id,
      when: 'immediately',
      reason: 'other',
      comment: 'Trying the other plan.',
    });
    const trial = await adapter.subscribe({
      planId: ESPRESSO,
      quantity: 1,
      idempotencyKey: idempotencyKey(),
    });
    equal(trial.status, 'trialing', 'a plan with trial days starts trialing');
    ok(trial.trialEnd, 'a trialing subscription has a trial end');
  });

  test('remembers the method chosen when subscribing: it is charged, named and listed as used', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    await t.changeSettings((settings) => {
      settings.paymentMethods.addCards = true;
      settings.paymentMethods.removeCards = true;
    });
    const card = await adapter.addCard({ token: `tok_visa_12${CARD_YEAR}` });
    equal(card.isDefault, false, 'the new card is not the default');
    const subscription = await adapter.subscribe({
      planId: OFFICE,
      quantity: 1,
      paymentMethodId: card.id,
      idempotencyKey: idempotencyKey(),
    });
    equal(subscription.chargedTo?.id, card.id, 'the subscription is charged to the chosen card');
    equal(
      (await t.subscriptionByPlan(OFFICE)).chargedTo?.id,
      card.id,
      'the chosen card is remembered, not only charged once',
    );
    const uses = (methods: Awaited<ReturnType<typeof adapter.listPaymentMethods>>, id: string) =>
      (methods.find((method) => method.id === id)?.usedBy?.subscriptions ?? []).map((each) => each.id);
    const methods = await adapter.listPaymentMethods();
    const defaultId = methods.find((method) => method.isDefault)?.id ?? '';
    ok(
      uses(methods, card.id).includes(subscription.id),
      'the chosen card says the subscription renews on it',
    );
    ok(!uses(methods, defaultId).includes(subscription.id), 'the default does not claim it');

    await adapter.removePaymentMethod({ id: card.id });
    equal(
      (await t.subscriptionByPlan(OFFICE)).chargedTo?.id,
      defaultId,
      'once the chosen card is removed, the subscription renews on the default',
    );
    ok(
      uses(await adapter.listPaymentMethods(), defaultId).includes(subscription.id),
      'and the default says so',
    );
  });

  test('refuses subscriptions the merchant did not open, and quantities out of bounds', async (t) => {
    const { adapter } = t;
    const others = await t.othersIds();
    await t.signInAda();
    const before = (await adapter.listSubscriptions()).length;
    const subscribe = (planId: string, paymentMethodId?: string, quantity = 1) =>
      adapter.subscribe({
        planId,
        quantity,
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
    const office = (await adapter.listPlans()).find((plan) => plan.id === OFFICE);
    ok(office?.maxQuantity, 'Office Weekly has a largest quantity');
    const tooMany = await rejects(
      subscribe(OFFICE, undefined, office.maxQuantity + 1),
      'validation',
      'a quantity above the plan’s bounds',
    );
    hasFieldError(tooMany, 'quantity');
    await t.changeSettings((settings) => {
      settings.subscriptions.enabled = false;
    });
    await rejects(subscribe(ROASTERS), 'forbidden', 'subscriptions turned off');
    equal((await adapter.listSubscriptions()).length, before, 'no subscription was created');
  });

  test('quotes a change and charges exactly the quote’s amount, once per idempotency key', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const { roasters, preview } = await quoteOneMore(t);
    const unitPrice = roasters.price.amount / roasters.quantity;
    equal(preview.subscriptionId, roasters.id, 'preview.subscriptionId');
    equal(preview.quantity, roasters.quantity + 1, 'preview.quantity');
    equal(preview.effective, 'now', 'one more bag applies now');
    ok(preview.charge.amount >= preview.credit.amount, 'more bags cost more than the unused time credits');
    equal(
      preview.dueToday.amount,
      preview.charge.amount - preview.credit.amount + preview.tax.amount,
      'due today is the charge less the credit, plus tax',
    );
    equal(preview.carriedCredit.amount, 0, 'nothing carried on a raise');
    equal(preview.nextRenewal.amount.amount, unitPrice * preview.quantity, 'the next renewal');
    equal(preview.nextRenewal.date, roasters.currentPeriodEnd, 'renewing on the same date');
    ok(Date.parse(preview.expiresAt) > Date.now(), 'the quote holds for a while');
    equal((await t.subscriptionByPlan(ROASTERS)).quantity, roasters.quantity, 'a quote changes nothing');

    const before = new Set((await t.invoices()).map((each) => each.id));
    const invoicesBefore = before.size;
    const request = {
      subscriptionId: roasters.id,
      quoteId: preview.quoteId,
      idempotencyKey: idempotencyKey(),
    };
    const changed = await adapter.changeSubscription(request);
    equal(changed.quantity, preview.quantity, 'changed.quantity');
    equal(changed.price.amount, unitPrice * preview.quantity, 'the new price');
    const invoices = await t.invoices();
    equal(invoices.length, invoicesBefore + 1, 'the change is invoiced once');
    const charged = invoices.find((each) => !before.has(each.id));
    ok(charged, 'the change invoice is listed');
    equal(charged.total.amount, preview.dueToday.amount, 'invoiced exactly what the quote said');
    equal(charged.amountPaid.amount, preview.dueToday.amount, 'charged exactly what the quote said');
    equal(charged.status, 'paid', 'the change invoice is paid');

    const replay = await adapter.changeSubscription(request);
    equal(replay.quantity, preview.quantity, 'the replayed change');
    equal((await t.invoices()).length, invoicesBefore + 1, 'a replayed change invoices nothing more');
    await rejects(
      adapter.changeSubscription({ ...request, quoteId: 'quote_other' }),
      'conflict',
      'the same key for a different change',
    );
    const reused = await rejects(
      adapter.changeSubscription({ ...request, idempotencyKey: idempotencyKey() }),
      'conflict',
      'a quote already used',
    );
    hasFieldError(reused, 'quoteId', 'expired');
  });

  test('refuses stale, unknown and out-of-bounds changes', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const { roasters, preview } = await quoteOneMore(t);
    const change = (quoteId: string) =>
      adapter.changeSubscription({ subscriptionId: roasters.id, quoteId, idempotencyKey: idempotencyKey() });
    hasFieldError(
      await rejects(change('quote_unknown'), 'conflict', 'an unknown quote'),
      'quoteId',
      'expired',
    );

    // A second quote is used first: the subscription moved on, so the first one is void.
    const second = await adapter.previewSubscriptionChange({
      subscriptionId: roasters.id,
      planId: ROASTERS,
      quantity: roasters.quantity + 2,
    });
    await change(second.quoteId);
    hasFieldError(await rejects(change(preview.quoteId), 'conflict', 'a voided quote'), 'quoteId', 'expired');

    const fresh = await adapter.previewSubscriptionChange({
      subscriptionId: roasters.id,
      planId: ROASTERS,
      quantity: roasters.quantity,
    });
    await t.harness.advanceClock(16 * 60);
    hasFieldError(await rejects(change(fresh.quoteId), 'conflict', 'an expired quote'), 'quoteId', 'expired');

    const plan = (await adapter.listPlans()).find((each) => each.id === ROASTERS);
    ok(plan?.maxQuantity, 'Roaster’s Choice has a largest quantity');
    const tooMany = await rejects(
      adapter.previewSubscriptionChange({
        subscriptionId: roasters.id,
        planId: ROASTERS,
        quantity: plan.maxQuantity + 1,
      }),
      'validation',
      'a quantity above the plan’s bounds',
    );
    hasFieldError(tooMany, 'quantity');
    await rejects(
      adapter.previewSubscriptionChange({ subscriptionId: roasters.id, planId: WHOLESALE, quantity: 1 }),
      'forbidden',
      'a plan not open for self-subscription',
    );
    await t.changeSettings((settings) => {
      settings.subscriptions.allowPlanChange = false;
    });
    await rejects(
      adapter.previewSubscriptionChange({ subscriptionId: roasters.id, planId: ROASTERS, quantity: 1 }),
      'forbidden',
      'previewing with plan changes off',
    );
    await rejects(change(fresh.quoteId), 'forbidden', 'changing with plan changes off');
  });

  test('schedules a downgrade for the period end, and withdraws it', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const roasters = await t.subscriptionByPlan(ROASTERS);
    const preview = await adapter.previewSubscriptionChange({
      subscriptionId: roasters.id,
      planId: ROASTERS,
      quantity: 1,
    });
    equal(preview.effective, 'period_end', 'a cut waits for the period end (the demo merchant’s setting)');
    equal(preview.effectiveDate, roasters.currentPeriodEnd, 'preview.effectiveDate');
    equal(preview.dueToday.amount, 0, 'nothing is due for a cut');
    const invoicesBefore = (await t.invoices()).length;
    const scheduled = await adapter.changeSubscription({
      subscriptionId: roasters.id,
      quoteId: preview.quoteId,
      idempotencyKey: idempotencyKey(),
    });
    equal(scheduled.quantity, roasters.quantity, 'the quantity holds until the period end');
    equal(scheduled.scheduledChange?.quantity, 1, 'the scheduled quantity');
    equal(scheduled.scheduledChange?.effectiveDate, roasters.currentPeriodEnd, 'changes on the period end');
    deepEqual(scheduled.nextBillingAmount, preview.nextRenewal.amount, 'the next renewal is the quoted one');
    equal(scheduled.actions.withdrawChange, true, 'a scheduled change can be withdrawn');
    equal((await t.invoices()).length, invoicesBefore, 'nothing was invoiced');
    const withdrawn = await adapter.withdrawSubscriptionChange({ subscriptionId: roasters.id });
    equal(withdrawn.scheduledChange, undefined, 'the change is gone');
    deepEqual(withdrawn.nextBillingAmount, roasters.price, 'renewing at the current price again');
    await rejects(
      adapter.withdrawSubscriptionChange({ subscriptionId: roasters.id }),
      'conflict',
      'withdrawing when nothing is scheduled',
    );
  });

  test('cancels where the plan and the merchant allow it, with a listed reason or words under Other', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const office = await adapter.subscribe({ planId: OFFICE, quantity: 1, idempotencyKey: idempotencyKey() });
    equal(office.actions.cancel, false, 'Office Weekly is not cancellable by the customer');
    await rejects(
      adapter.cancelSubscription({ subscriptionId: office.id, when: 'period_end', reason: 'unused' }),
      'forbidden',
      'cancelling a plan that does not allow it',
    );
    const roasters = await t.subscriptionByPlan(ROASTERS);
    const cancel = (reason: string, comment?: string) =>
      adapter.cancelSubscription({
        subscriptionId: roasters.id,
        when: 'period_end',
        reason,
        ...(comment ? { comment } : {}),
      });
    hasFieldError(await rejects(cancel('other'), 'validation', 'Other without words'), 'comment', 'required');
    hasFieldError(await rejects(cancel('not_a_reason'), 'validation', 'an unlisted reason'), 'reason');
    await t.changeSettings((settings) => {
      settings.subscriptions.cancellation = 'immediately';
    });
    await rejects(cancel('unused'), 'forbidden', 'at period end when only immediate cancellation is allowed');
    await t.changeSettings((settings) => {
      settings.subscriptions.cancellation = 'period_end';
    });
    await rejects(
      adapter.cancelSubscription({ subscriptionId: roasters.id, when: 'immediately', reason: 'unused' }),
      'forbidden',
      'immediately when only period-end cancellation is allowed',
    );
    const later = await cancel('other', 'Cheaper beans nearby.');
    equal(later.cancelAtPeriodEnd, true, 'cancelAtPeriodEnd');
    equal(later.status, roasters.status, 'the subscription runs until the end of the period');
    equal(later.cancellationReason, 'other', 'cancellationReason');
    equal(later.nextBillingDate, undefined, 'nothing more is billed');
    deepEqual(
      [later.actions.undoCancel, later.actions.pause, later.actions.change, later.actions.cancel],
      [true, false, false, false],
      'a scheduled cancellation can be undone, and hides pause and change',
    );
    await rejects(cancel('unused'), 'conflict', 'cancelling twice');
    const kept = await adapter.undoCancelSubscription({ subscriptionId: roasters.id });
    equal(kept.cancelAtPeriodEnd, false, 'kept');
    equal(kept.nextBillingDate, roasters.currentPeriodEnd, 'billed again on the period end');
    equal(kept.cancellationReason, undefined, 'no cancellation, no reason');
    await rejects(
      adapter.undoCancelSubscription({ subscriptionId: roasters.id }),
      'conflict',
      'undoing nothing',
    );
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
    equal((await t.subscriptionByPlan(ESPRESSO)).status, 'canceled', 'listSubscriptions shows it');
    await rejects(
      adapter.cancelSubscription({ subscriptionId: espresso.id, when: 'immediately', reason: 'unused' }),
      'conflict',
      'cancelling a cancelled subscription',
    );
    await rejects(
      adapter.previewSubscriptionChange({ subscriptionId: espresso.id, planId: ESPRESSO, quantity: 2 }),
      'conflict',
      'changing a cancelled subscription',
    );
    const [notice] = await t.harness.outbox('support@northwind.example');
    ok(notice?.text.includes('Cheaper beans nearby.'), 'the merchant reads the customer’s words');
  });

  test('takes the retention discount instead of cancelling, once', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const settings = await adapter.getSettings();
    const offer = settings.subscriptions.retentionOffer;
    ok(offer?.kind === 'discount', 'the demo merchant offers a discount');
    const roasters = await t.subscriptionByPlan(ROASTERS);
    const kept = await adapter.acceptRetentionOffer({ subscriptionId: roasters.id });
    deepEqual(
      kept.discount,
      { percentOff: offer.percentOff, periodsRemaining: offer.periods },
      'the discount',
    );
    equal(kept.status, roasters.status, 'nothing else changes');
    equal(
      kept.nextBillingAmount?.amount,
      roasters.price.amount - Math.floor((roasters.price.amount * offer.percentOff * 2 + 100) / 200),
      'the next renewal is discounted',
    );
    await rejects(adapter.acceptRetentionOffer({ subscriptionId: roasters.id }), 'conflict', 'twice');
    await t.changeSettings((changed) => {
      changed.subscriptions.retentionOffer = { kind: 'pause' };
    });
    const espresso = await t.subscriptionByPlan(ESPRESSO);
    await rejects(
      adapter.acceptRetentionOffer({ subscriptionId: espresso.id }),
      'forbidden',
      'a pause offer',
    );
  });

  test('pauses until a chosen date within the merchant’s limit, and resumes', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const settings = await adapter.getSettings();
    const roasters = await t.subscriptionByPlan(ROASTERS);
    const today = new Date().toISOString().slice(0, 10);
    const pause = (resumeOn: string) => adapter.pauseSubscription({ subscriptionId: roasters.id, resumeOn });
    const tooFar = addDays(today, settings.subscriptions.maxPauseDays + 2);
    hasFieldError(
      await rejects(pause(tooFar), 'validation', 'beyond the longest pause'),
      'resumeOn',
      'too_large',
    );
    hasFieldError(await rejects(pause(addDays(today, -1)), 'validation', 'a date in the past'), 'resumeOn');
    const resumeOn = addDays(today, 30);
    const paused = await pause(resumeOn);
    equal(paused.status, 'paused', 'status after pausing');
    equal(paused.pausedUntil, resumeOn, 'paused until the chosen date');
    equal(paused.nextBillingDate, undefined, 'nothing is billed while paused');
    equal(paused.actions.resume, true, 'a paused subscription can be resumed');
    await rejects(pause(resumeOn), 'conflict', 'pausing a paused subscription');
    const resumed = await adapter.resumeSubscription({ subscriptionId: roasters.id });
    equal(resumed.status, 'active', 'status after resuming');
    equal(resumed.pausedUntil, undefined, 'no longer paused');
    ok(resumed.nextBillingDate, 'a resumed subscription bills again');
    await rejects(
      adapter.resumeSubscription({ subscriptionId: roasters.id }),
      'conflict',
      'resuming an active one',
    );
    const espresso = await t.subscriptionByPlan(ESPRESSO);
    await rejects(
      adapter.pauseSubscription({ subscriptionId: espresso.id, resumeOn }),
      'conflict',
      'pausing a trialing subscription',
    );
    await t.changeSettings((changed) => {
      changed.subscriptions.allowPause = false;
    });
    equal((await t.subscriptionByPlan(ROASTERS)).actions.pause, false, 'no pause once the merchant says no');
    await rejects(pause(resumeOn), 'forbidden', 'pausing turned off');
    equal((await t.subscriptionByPlan(ROASTERS)).status, 'active', 'the refused pause changed nothing');
    await t.changeSettings((changed) => {
      changed.subscriptions.retentionOffer = { kind: 'pause' };
    });
    equal((await pause(resumeOn)).status, 'paused', 'a pause offered instead of cancelling is allowed');
  });

  test('answers another customer’s subscription and unknown ids with not_found', async (t) => {
    const { adapter } = t;
    const others = await t.othersIds();
    await t.signInAda();
    for (const id of [others.subscriptionId, 'sub_does_not_exist']) {
      const ref = { subscriptionId: id };
      await rejects(
        adapter.previewSubscriptionChange({ subscriptionId: id, planId: ROASTERS, quantity: 1 }),
        'not_found',
        `previewSubscriptionChange(${id})`,
      );
      await rejects(
        adapter.changeSubscription({
          subscriptionId: id,
          quoteId: 'quote_x',
          idempotencyKey: idempotencyKey(),
        }),
        'not_found',
        `changeSubscription(${id})`,
      );
      await rejects(
        adapter.cancelSubscription({ subscriptionId: id, when: 'immediately', reason: 'unused' }),
        'not_found',
        `cancelSubscription(${id})`,
      );
      await rejects(adapter.undoCancelSubscription(ref), 'not_found', `undoCancelSubscription(${id})`);
      await rejects(adapter.acceptRetentionOffer(ref), 'not_found', `acceptRetentionOffer(${id})`);
      await rejects(
        adapter.withdrawSubscriptionChange(ref),
        'not_found',
        `withdrawSubscriptionChange(${id})`,
      );
      await rejects(
        adapter.pauseSubscription({
          subscriptionId: id,
          resumeOn: addDays(new Date().toISOString().slice(0, 10), 7),
        }),
        'not_found',
        `pauseSubscription(${id})`,
      );
      await rejects(adapter.resumeSubscription(ref), 'not_found', `resumeSubscription(${id})`);
    }
  });
}
