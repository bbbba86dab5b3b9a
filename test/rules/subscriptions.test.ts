import { expect } from '@open-wc/testing';
import type { Plan, SubscriptionStatus } from '../../src/model/index.js';
import { resumed } from '../../src/rules/billing-cycle.js';
import type { CustomerRecord, SubscriptionRecord } from '../../src/rules/records.js';
import { staleQuote } from '../../src/rules/subscription-prices.js';
import {
  ALLOWED_FROM,
  type SubscriptionAction,
  actionsFor,
  applyQuote,
  buildQuote,
  can,
  cancellationUndone,
  cancelled,
  checkCancel,
  checkCancelReason,
  checkChange,
  checkSubscribe,
  nextRenewal,
  offeredPlans,
  renewalSpent,
  scheduledChangeApplied,
  paused,
  requireStatus,
  retentionAccepted,
  startSubscription,
} from '../../src/rules/subscriptions.js';
import { refusal, settingsWith } from './helpers.js';

const monthly: Plan = {
  id: 'plan_monthly',
  name: 'Monthly',
  description: '',
  price: { amount: 3000, currency: 'USD' },
  interval: 'month',
  intervalCount: 1,
  trialDays: 0,
  features: [],
  terms: 'Monthly terms',
};
const bigger: Plan = {
  ...monthly,
  id: 'plan_bigger',
  name: 'Bigger',
  price: { amount: 6000, currency: 'USD' },
};
const trial: Plan = { ...monthly, id: 'plan_trial', name: 'Trial', trialDays: 14 };
const euro: Plan = { ...monthly, id: 'plan_euro', name: 'Euro', price: { amount: 3000, currency: 'EUR' } };
const closed: Plan = { ...monthly, id: 'plan_closed', name: 'Closed' };
const weekly: Plan = {
  ...monthly,
  id: 'plan_weekly',
  name: 'Weekly',
  price: { amount: 1000, currency: 'USD' },
  interval: 'week',
  maxQuantity: 4,
};
const PLANS = [monthly, bigger, trial, euro, closed, weekly];

const customer: CustomerRecord = {
  id: 'cus_1',
  code: 'CUST-0001',
  name: 'Ada',
  email: 'ada@example.com',
  currency: 'USD',
  passwordIsTemporary: false,
  locked: false,
  autoPay: true,
  defaultPaymentMethodId: 'pm_1',
};

const settings = settingsWith((s) => {
  s.subscriptions.enabled = true;
  s.subscriptions.cancellation = 'either';
  s.subscriptions.plans = [
    { planId: monthly.id, allowSubscribing: true, allowCancelling: true },
    { planId: bigger.id, allowSubscribing: true, allowCancelling: true },
    { planId: trial.id, allowSubscribing: true, allowCancelling: true },
    { planId: euro.id, allowSubscribing: true, allowCancelling: true },
    { planId: closed.id, allowSubscribing: false, allowCancelling: false },
    { planId: weekly.id, allowSubscribing: true, allowCancelling: true },
  ];
  s.subscriptions.downgrades = 'period_end';
  s.subscriptions.maxPauseDays = 90;
  s.subscriptions.retentionOffer = { kind: 'discount', percentOff: 20, periods: 3 };
});

function subscription(
  status: SubscriptionStatus,
  extra: Partial<SubscriptionRecord> = {},
): SubscriptionRecord {
  return {
    id: 'sub_1',
    customerId: customer.id,
    planId: monthly.id,
    status,
    quantity: 2,
    products: [{ name: 'Monthly', quantity: 2 }],
    terms: 'Monthly terms',
    startDate: '2026-01-10',
    currentPeriodEnd: '2026-03-10',
    nextBillingDate: '2026-03-10',
    cancelAtPeriodEnd: false,
    ...extra,
  };
}

const TODAY = '2026-02-20';
const STATUSES: SubscriptionStatus[] = ['trialing', 'active', 'past_due', 'paused', 'canceled'];

describe('rules/subscriptions', () => {
  describe('the state machine', () => {
    const table: Record<SubscriptionAction, Record<SubscriptionStatus, boolean>> = {
      change: { trialing: true, active: true, past_due: true, paused: false, canceled: false },
      cancel: { trialing: true, active: true, past_due: true, paused: true, canceled: false },
      pause: { trialing: false, active: true, past_due: false, paused: false, canceled: false },
      resume: { trialing: false, active: false, past_due: false, paused: true, canceled: false },
    };
    for (const action of Object.keys(table) as SubscriptionAction[]) {
      for (const status of STATUSES) {
        const allowed = table[action][status];
        it(`${allowed ? 'allows' : 'refuses'} ${action} from ${status}`, () => {
          expect(can(action, status)).to.equal(allowed);
          expect(ALLOWED_FROM[action].includes(status)).to.equal(allowed);
          if (allowed) {
            expect(() => requireStatus(subscription(status), action)).not.to.throw();
          } else {
            const error = refusal(() => requireStatus(subscription(status), action));
            expect(error.code).to.equal('conflict');
            expect(error.message).to.include(`a ${status} subscription cannot be`);
          }
        });
      }
    }
  });

  describe('transitions', () => {
    it('pauses an active subscription and stops billing it', () => {
      const pause = (record: SubscriptionRecord) =>
        paused({ settings, subscription: record, today: '2026-02-20' }, '2026-03-01');
      const result = pause(subscription('active'));
      expect(result.status).to.equal('paused');
      expect(result.pausedUntil).to.equal('2026-03-01');
      expect(result).not.to.have.property('nextBillingDate');
      expect(refusal(() => pause(subscription('trialing'))).code).to.equal('conflict');
    });

    it('resumes within the period where it stopped, with nothing to invoice', () => {
      const step = resumed(subscription('paused', { nextBillingDate: undefined }), PLANS, '2026-02-20');
      expect(step.renewal).to.equal(undefined);
      expect(step.record.status).to.equal('active');
      expect(step.record.currentPeriodEnd).to.equal('2026-03-10');
      expect(step.record.nextBillingDate).to.equal('2026-03-10');
    });

    // Was: a new period started today and nothing billed it (a free period). It is now invoiced like a
    // renewal: the step carries the period from today, which both backends invoice and charge.
    it('starts a new period today, invoiced, when the pause outlasted the old one, month ends clamped', () => {
      const step = resumed(subscription('paused'), PLANS, '2026-03-31');
      expect(step.record.currentPeriodEnd).to.equal('2026-04-30');
      expect(step.record.nextBillingDate).to.equal('2026-04-30');
      expect(step.renewal).to.include({
        periodStart: '2026-03-31',
        periodEnd: '2026-04-30',
        planId: monthly.id,
      });
      expect(step.renewal?.amount).to.be.greaterThan(0);
    });

    it('resumes a subscription set to end at the period end without billing it again', () => {
      const record = subscription('paused', { cancelAtPeriodEnd: true });
      delete record.nextBillingDate;
      const step = resumed(record, PLANS, '2026-02-20');
      expect(step.record).not.to.have.property('nextBillingDate');
      expect(step.renewal).to.equal(undefined);
    });

    it('refuses to resume what is not paused', () => {
      expect(refusal(() => resumed(subscription('active'), PLANS, '2026-02-20')).code).to.equal('conflict');
    });

    it('cancels at once or at the end of the period, with the reason', () => {
      const now = cancelled(
        subscription('active'),
        { when: 'immediately', reason: 'too_expensive' },
        '2026-02-20',
      );
      expect(now).to.include({ status: 'canceled', canceledAt: '2026-02-20', cancelAtPeriodEnd: false });
      expect(now).to.include({ cancellationReason: 'too_expensive' });
      expect(now).not.to.have.property('nextBillingDate');
      const later = cancelled(subscription('active'), { when: 'period_end', reason: 'other' }, '2026-02-20');
      expect(later).to.include({ status: 'active', cancelAtPeriodEnd: true });
      expect(later).not.to.have.property('nextBillingDate');
    });

    it('never changes the record it was given', () => {
      const record = subscription('active');
      const before = structuredClone(record);
      paused({ settings, subscription: record, today: '2026-02-20' }, '2026-03-01');
      cancelled(record, { when: 'immediately', reason: 'other' }, '2026-02-20');
      expect(record).to.deep.equal(before);
    });
  });

  describe('subscribing', () => {
    it('offers the open plans in the customer’s currency, and nothing with self-service off', () => {
      const plans = [monthly, trial, euro, closed];
      expect(offeredPlans(settings, plans, customer).map((plan) => plan.id)).to.deep.equal([
        monthly.id,
        trial.id,
      ]);
      const off = structuredClone(settings);
      off.subscriptions.enabled = false;
      expect(offeredPlans(off, plans, customer)).to.deep.equal([]);
    });

    it('refuses closed plans, other currencies and self-service turned off', () => {
      expect(refusal(() => checkSubscribe(settings, closed, customer)).code).to.equal('forbidden');
      const currency = refusal(() => checkSubscribe(settings, euro, customer));
      expect(currency.code).to.equal('validation');
      expect(currency.fieldErrors).to.deep.equal([{ path: 'planId', code: 'invalid' }]);
      const off = structuredClone(settings);
      off.subscriptions.enabled = false;
      expect(refusal(() => checkSubscribe(off, monthly, customer)).message).to.equal(
        'subscription self-service is turned off by the merchant',
      );
    });

    it('charges the first period now, or starts a trial that charges nothing', () => {
      const paid = startSubscription({
        id: 'sub_2',
        customerId: customer.id,
        plan: monthly,
        quantity: 2,
        paymentMethodId: 'pm_1',
        today: '2026-01-31',
      });
      expect(paid.record).to.include({
        status: 'active',
        currentPeriodEnd: '2026-02-28',
        nextBillingDate: '2026-02-28',
      });
      expect(paid.dueNow).to.deep.equal({
        description: 'Monthly × 2',
        amount: 6000,
        lines: [{ description: 'Monthly × 2', amount: 6000 }],
        paymentMethodId: 'pm_1',
      });
      const trialing = startSubscription({
        id: 'sub_3',
        customerId: customer.id,
        plan: trial,
        quantity: 1,
        paymentMethodId: undefined,
        today: '2026-01-31',
      });
      expect(trialing.record).to.include({
        status: 'trialing',
        trialEnd: '2026-02-14',
        currentPeriodEnd: '2026-02-14',
      });
      expect(trialing.dueNow).to.equal(undefined);
    });

    it('needs a payment method when the first period is due now', () => {
      const error = refusal(() =>
        startSubscription({
          id: 'sub_4',
          customerId: customer.id,
          plan: monthly,
          quantity: 1,
          paymentMethodId: undefined,
          today: '2026-01-31',
        }),
      );
      expect(error.fieldErrors).to.deep.equal([{ path: 'paymentMethodId', code: 'required' }]);
    });
  });

  describe('cancelling', () => {
    it('follows the plan’s rule and the merchant’s cancellation mode', () => {
      expect(() => checkCancel(settings, subscription('active'), 'immediately', TODAY)).not.to.throw();
      expect(
        refusal(() =>
          checkCancel(settings, subscription('active', { planId: closed.id }), 'immediately', TODAY),
        ).message,
      ).to.equal('this plan cannot be cancelled by the customer');
      const periodEnd = structuredClone(settings);
      periodEnd.subscriptions.cancellation = 'period_end';
      expect(
        refusal(() => checkCancel(periodEnd, subscription('active'), 'immediately', TODAY)).message,
      ).to.equal('subscriptions can only be cancelled at the end of the period');
      expect(() => checkCancel(periodEnd, subscription('active'), 'period_end', TODAY)).not.to.throw();
      const immediately = structuredClone(settings);
      immediately.subscriptions.cancellation = 'immediately';
      expect(
        refusal(() => checkCancel(immediately, subscription('active'), 'period_end', TODAY)).code,
      ).to.equal('forbidden');
      expect(
        refusal(() => checkCancel(settings, subscription('canceled'), 'immediately', TODAY)).code,
      ).to.equal('conflict');
    });
  });

  describe('what the customer may do', () => {
    const actions = (record: SubscriptionRecord, today = TODAY, using = settings) =>
      actionsFor(using, record, today);
    const none = { change: false, cancel: false, undoCancel: false, pause: false, resume: false };

    it('offers change, cancel and pause on an active subscription', () => {
      expect(actions(subscription('active'))).to.deep.equal({
        ...none,
        change: true,
        cancel: true,
        pause: true,
        withdrawChange: false,
      });
    });

    it('offers only undo while a cancellation is scheduled, until the period ends', () => {
      const ending = cancelled(subscription('active'), { when: 'period_end', reason: 'unused' }, TODAY);
      expect(actions(ending)).to.deep.equal({ ...none, undoCancel: true, withdrawChange: false });
      expect(actions(ending, '2026-03-10').undoCancel, 'on the period end').to.equal(false);
    });

    it('offers resume (and cancel) on a paused one, withdraw with a scheduled change', () => {
      expect(actions(subscription('paused'))).to.deep.equal({
        ...none,
        cancel: true,
        resume: true,
        withdrawChange: false,
      });
      const scheduled = subscription('active', {
        scheduledChange: { planId: monthly.id, quantity: 1, effectiveDate: '2026-03-10' },
      });
      expect(actions(scheduled).withdrawChange).to.equal(true);
    });

    it('follows the merchant: pause allowed by a pause retention offer, nothing with self-service off', () => {
      const noPause = settingsWith((s) => {
        Object.assign(s.subscriptions, settings.subscriptions, { allowPause: false });
      });
      expect(actions(subscription('active'), TODAY, noPause).pause).to.equal(false);
      noPause.subscriptions.retentionOffer = { kind: 'pause' };
      expect(actions(subscription('active'), TODAY, noPause).pause).to.equal(true);
      const off = structuredClone(settings);
      off.subscriptions.enabled = false;
      expect(Object.values(actions(subscription('active'), TODAY, off))).to.deep.equal(
        Object.values({ ...none, withdrawChange: false }),
      );
    });
  });

  describe('quotes', () => {
    // The period runs 2026-02-10 to 2026-03-10 (28 days); on 2026-02-24, 14 days are left.
    const request = {
      id: 'quote_1',
      subscription: subscription('active'),
      plans: PLANS,
      newPlan: bigger,
      quantity: 2,
      settings,
      today: '2026-02-24',
      now: new Date('2026-02-24T12:00:00Z'),
    };

    it('credits the unused time and charges the new plan for the rest of the period', () => {
      const quote = buildQuote(request);
      expect(quote).to.include({
        effective: 'now',
        effectiveDate: '2026-02-24',
        credit: 3000,
        charge: 6000,
        tax: 0,
        dueToday: 3000,
        carriedCredit: 0,
        nextRenewalAmount: 12000,
        nextRenewalDate: '2026-03-10',
        expiresAt: '2026-02-24T12:15:00.000Z',
      });
      expect(quote.basis).to.deep.equal({ planId: monthly.id, quantity: 2, currentPeriodEnd: '2026-03-10' });
      const after = applyQuote(request.subscription, quote, PLANS);
      expect(after).to.include({ planId: bigger.id, quantity: 2, currentPeriodEnd: '2026-03-10' });
      expect(after.products).to.deep.equal([{ name: 'Bigger', quantity: 2 }]);
    });

    it('schedules a cut for the period end with nothing due, or carries the credit when it applies now', () => {
      const cut = buildQuote({ ...request, newPlan: monthly, quantity: 1 });
      expect(cut).to.include({
        effective: 'period_end',
        effectiveDate: '2026-03-10',
        dueToday: 0,
        credit: 0,
        charge: 0,
        nextRenewalAmount: 3000,
      });
      expect(applyQuote(request.subscription, cut, PLANS).scheduledChange).to.deep.equal({
        planId: monthly.id,
        quantity: 1,
        effectiveDate: '2026-03-10',
      });
      const now = structuredClone(settings);
      now.subscriptions.downgrades = 'now';
      const applied = buildQuote({ ...request, settings: now, newPlan: monthly, quantity: 1 });
      expect(applied).to.include({ credit: 3000, charge: 1500, dueToday: 0, carriedCredit: 1500 });
      expect(applied.nextRenewalAmount, 'the carried credit comes off the renewal').to.equal(1500);
      const after = applyQuote(request.subscription, applied, PLANS);
      expect(after.carriedCredit).to.equal(1500);
      expect(after.products).to.deep.equal([{ name: 'Monthly', quantity: 1 }]);
    });

    it('restarts the period today when the interval changes, charging a whole new period', () => {
      const quote = buildQuote({ ...request, newPlan: weekly, quantity: 2 });
      expect(quote).to.include({ effective: 'now', credit: 3000, charge: 2000, carriedCredit: 1000 });
      expect(applyQuote(request.subscription, quote, PLANS)).to.include({
        currentPeriodEnd: '2026-03-03',
        nextBillingDate: '2026-03-03',
      });
    });

    it('charges and credits nothing during a trial', () => {
      const quote = buildQuote({ ...request, subscription: subscription('trialing') });
      expect(quote).to.include({ credit: 0, charge: 0, dueToday: 0, effective: 'now' });
    });

    it('holds 15 minutes and while the subscription stays as quoted', () => {
      const quote = buildQuote(request);
      const record = request.subscription;
      expect(staleQuote(quote, record, new Date('2026-02-24T12:14:59Z'))).to.equal(undefined);
      expect(staleQuote(quote, record, new Date('2026-02-24T12:15:00Z'))).to.equal('the quote has expired');
      expect(staleQuote(quote, { ...record, quantity: 3 }, request.now)).to.equal(
        'the subscription changed since the quote',
      );
    });

    it('refuses quantities out of the plan’s bounds, nothing to change, and other customers’ plans', () => {
      const input = { settings, customer, subscription: subscription('active'), today: TODAY };
      const tooMany = refusal(() => checkChange({ ...input, newPlan: weekly, quantity: 5 }));
      expect(tooMany.fieldErrors).to.deep.equal([{ path: 'quantity', code: 'too_large' }]);
      expect(refusal(() => checkChange({ ...input, newPlan: monthly, quantity: 2 })).code).to.equal(
        'validation',
      );
      expect(refusal(() => checkChange({ ...input, newPlan: closed, quantity: 1 })).code).to.equal(
        'forbidden',
      );
      expect(
        refusal(() =>
          checkChange({ ...input, subscription: subscription('canceled'), newPlan: monthly, quantity: 1 }),
        ).code,
      ).to.equal('conflict');
    });
  });

  describe('the next renewal', () => {
    it('applies the discount, the scheduled change and the carried credit', () => {
      const record = subscription('active', {
        discount: { percentOff: 20, periodsRemaining: 3 },
        scheduledChange: { planId: monthly.id, quantity: 1, effectiveDate: '2026-03-10' },
        carriedCredit: 1000,
      });
      const renewal = nextRenewal(record, PLANS);
      expect(renewal).to.include({
        date: '2026-03-10',
        quantity: 1,
        listPrice: 3000,
        discount: 600,
        credit: 1000,
        subtotal: 1400,
        total: 1400,
      });
      expect(nextRenewal(subscription('active'), PLANS)?.total).to.equal(6000);
      const ending = cancelled(record, { when: 'period_end', reason: 'unused' }, TODAY);
      expect(nextRenewal(ending, PLANS), 'none once it ends at the period end').to.equal(undefined);
    });

    it('spends one discounted period and the credit used; applies a scheduled change', () => {
      const record = subscription('active', {
        discount: { percentOff: 20, periodsRemaining: 2 },
        carriedCredit: 10_000,
      });
      const first = renewalSpent(record, nextRenewal(record, PLANS)!);
      expect(first.discount).to.deep.equal({ percentOff: 20, periodsRemaining: 1 });
      expect(first.carriedCredit, '10000 less the discounted 4800').to.equal(5200);
      const second = renewalSpent(first, nextRenewal(first, PLANS)!);
      expect(second).not.to.have.property('discount');
      expect(second).to.include({ carriedCredit: 400 });
      const moved = scheduledChangeApplied(
        subscription('active', {
          scheduledChange: { planId: bigger.id, quantity: 1, effectiveDate: '2026-03-10' },
        }),
        PLANS,
      );
      expect(moved).to.include({ planId: bigger.id, quantity: 1 });
      expect(moved).not.to.have.property('scheduledChange');
      expect(moved.products).to.deep.equal([{ name: 'Bigger', quantity: 1 }]);
    });
  });

  describe('cancelling, retention, pausing', () => {
    const context = (record: SubscriptionRecord) => ({ settings, subscription: record, today: TODAY });

    it('needs a listed reason, or words under Other, and keeps them', () => {
      expect(() => checkCancelReason(settings, { reason: 'unused' })).not.to.throw();
      expect(
        refusal(() => checkCancelReason(settings, { reason: 'other', comment: '  ' })).fieldErrors,
      ).to.deep.equal([{ path: 'comment', code: 'required' }]);
      expect(refusal(() => checkCancelReason(settings, { reason: 'bored' })).fieldErrors).to.deep.equal([
        { path: 'reason', code: 'invalid' },
      ]);
      const later = cancelled(
        subscription('active'),
        { when: 'period_end', reason: 'other', comment: ' Moving. ' },
        TODAY,
      );
      expect(later).to.include({ cancellationReason: 'other', cancellationComment: 'Moving.' });
    });

    it('undoes a scheduled cancellation, forgetting the reason and billing again', () => {
      const later = cancelled(subscription('active'), { when: 'period_end', reason: 'unused' }, TODAY);
      const kept = cancellationUndone(context(later));
      expect(kept).to.include({ cancelAtPeriodEnd: false, nextBillingDate: '2026-03-10' });
      expect(kept).not.to.have.property('cancellationReason');
      expect(refusal(() => cancellationUndone(context(kept))).code).to.equal('conflict');
    });

    it('takes the retention discount once; a pause offer or none is refused', () => {
      const kept = retentionAccepted(context(subscription('active')));
      expect(kept.discount).to.deep.equal({ percentOff: 20, periodsRemaining: 3 });
      expect(refusal(() => retentionAccepted(context(kept))).code).to.equal('conflict');
      const pauseOffer = structuredClone(settings);
      pauseOffer.subscriptions.retentionOffer = { kind: 'pause' };
      expect(
        refusal(() => retentionAccepted({ ...context(subscription('active')), settings: pauseOffer })).code,
      ).to.equal('forbidden');
    });

    it('pauses until a date after today and within the longest pause', () => {
      const pause = (resumeOn: string) => paused(context(subscription('active')), resumeOn);
      expect(pause('2026-05-21').pausedUntil, '90 days away').to.equal('2026-05-21');
      expect(refusal(() => pause('2026-05-22')).fieldErrors).to.deep.equal([
        { path: 'resumeOn', code: 'too_large' },
      ]);
      expect(refusal(() => pause(TODAY)).fieldErrors).to.deep.equal([{ path: 'resumeOn', code: 'invalid' }]);
    });
  });
});
