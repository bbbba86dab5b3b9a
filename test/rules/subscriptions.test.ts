import { expect } from '@open-wc/testing';
import type { Plan, SubscriptionStatus } from '../../src/model/index.js';
import type { CustomerRecord, SubscriptionRecord } from '../../src/rules/records.js';
import {
  ALLOWED_FROM,
  type SubscriptionAction,
  can,
  cancelled,
  checkCancel,
  checkSubscribe,
  offeredPlans,
  paused,
  requireStatus,
  resumed,
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
  ];
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

    it('resumes within the period where it stopped', () => {
      const result = resumed(subscription('paused', { nextBillingDate: undefined }), monthly, '2026-02-20');
      expect(result.status).to.equal('active');
      expect(result.currentPeriodEnd).to.equal('2026-03-10');
      expect(result.nextBillingDate).to.equal('2026-03-10');
    });

    it('starts a new period today when the pause outlasted the old one, month ends clamped', () => {
      const result = resumed(subscription('paused'), monthly, '2026-03-31');
      expect(result.currentPeriodEnd).to.equal('2026-04-30');
      expect(result.nextBillingDate).to.equal('2026-04-30');
    });

    it('resumes a subscription set to end at the period end without billing it again', () => {
      const record = subscription('paused', { cancelAtPeriodEnd: true });
      delete record.nextBillingDate;
      expect(resumed(record, monthly, '2026-02-20')).not.to.have.property('nextBillingDate');
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
});
