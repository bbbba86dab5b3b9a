import { expect } from '@open-wc/testing';
import type { Plan } from '../../src/model/index.js';
import {
  afterRenewalPaid,
  nextStep,
  renewalChargeKey,
  renewalDeclined,
  renewalInvoice,
  renewalMethod,
  resumeStep,
  stepsUntil,
} from '../../src/rules/billing-cycle.js';
import { renewalDeclinedMail } from '../../src/rules/mail.js';
import type {
  CustomerRecord,
  InvoiceRecord,
  PaymentMethodRecord,
  SubscriptionRecord,
} from '../../src/rules/records.js';

const monthly: Plan = {
  id: 'plan_monthly',
  name: 'Monthly',
  description: '',
  price: { amount: 3000, currency: 'USD' },
  interval: 'month',
  intervalCount: 1,
  trialDays: 0,
  features: [],
};
const small: Plan = { ...monthly, id: 'plan_small', name: 'Small', price: { amount: 1000, currency: 'USD' } };
const plans = [monthly, small];

const active: SubscriptionRecord = {
  id: 'sub_1',
  customerId: 'cus_1',
  planId: 'plan_monthly',
  status: 'active',
  quantity: 2,
  products: [{ name: 'Monthly', quantity: 2 }],
  startDate: '2026-01-31',
  currentPeriodEnd: '2026-03-31',
  nextBillingDate: '2026-03-31',
  cancelAtPeriodEnd: false,
};

const customer: CustomerRecord = {
  id: 'cus_1',
  code: 'CUST-0001',
  name: 'Ada',
  email: 'ada@example.com',
  currency: 'USD',
  passwordIsTemporary: false,
  locked: false,
  autoPay: true,
  defaultPaymentMethodId: 'pm_default',
};

const card = (id: string, last4: string): PaymentMethodRecord => ({
  id,
  customerId: 'cus_1',
  type: 'card',
  brand: 'visa',
  last4,
  expMonth: 12,
  expYear: 2030,
  holderName: 'Ada',
  verified: true,
});

describe('rules/billing-cycle', () => {
  it('does nothing before the period ends, and renews on its last day for the next period', () => {
    expect(nextStep(active, plans, '2026-03-30')).to.equal(undefined);
    const step = nextStep(active, plans, '2026-03-31');
    expect(step?.kind).to.equal('renewed');
    expect(step?.on).to.equal('2026-03-31');
    expect(step?.renewal).to.include({
      periodStart: '2026-03-31',
      periodEnd: '2026-04-30',
      amount: 6000,
      currency: 'USD',
      quantity: 2,
    });
    expect(step?.record).to.include({
      status: 'active',
      currentPeriodEnd: '2026-04-30',
      nextBillingDate: '2026-04-30',
    });
  });

  it('catches up each missed period once, in order, each dated its own start', () => {
    const steps = stepsUntil(active, plans, '2026-06-15');
    expect(steps.map((step) => step.renewal?.periodStart)).to.deep.equal([
      '2026-03-31',
      '2026-04-30',
      '2026-05-30',
    ]);
    expect(steps.at(-1)?.record.currentPeriodEnd).to.equal('2026-06-30');
    expect(stepsUntil(steps.at(-1)!.record, plans, '2026-06-15'), 'a second run').to.deep.equal([]);
  });

  it('ends a trial into an active subscription with its first invoice', () => {
    const trialing: SubscriptionRecord = {
      ...active,
      status: 'trialing',
      quantity: 1,
      currentPeriodEnd: '2026-03-14',
      nextBillingDate: '2026-03-14',
      trialEnd: '2026-03-14',
    };
    const step = nextStep(trialing, plans, '2026-03-20');
    expect(step?.kind).to.equal('trial_ended');
    expect(step?.record.status).to.equal('active');
    expect(step?.record.trialEnd, 'kept as history').to.equal('2026-03-14');
    expect(step?.renewal).to.include({ periodStart: '2026-03-14', periodEnd: '2026-04-14', amount: 3000 });
  });

  it('applies a scheduled change on its date and invoices the new plan', () => {
    const scheduled: SubscriptionRecord = {
      ...active,
      scheduledChange: { planId: 'plan_small', quantity: 3, effectiveDate: '2026-03-31' },
    };
    const step = nextStep(scheduled, plans, '2026-03-31');
    expect(step?.changeApplied).to.equal(true);
    expect(step?.record).to.include({ planId: 'plan_small', quantity: 3 });
    expect(step?.record.scheduledChange).to.equal(undefined);
    expect(step?.renewal).to.include({ planId: 'plan_small', amount: 3000 });
    const later = {
      ...scheduled,
      scheduledChange: { ...scheduled.scheduledChange!, effectiveDate: '2026-04-30' },
    };
    expect(nextStep(later, plans, '2026-03-31')?.changeApplied, 'not yet due').to.equal(false);
  });

  it('counts a retention discount down one period at a time', () => {
    const withDiscount: SubscriptionRecord = { ...active, discount: { percentOff: 25, periodsRemaining: 2 } };
    const steps = stepsUntil(withDiscount, plans, '2026-05-30');
    expect(steps.map((step) => step.renewal?.amount)).to.deep.equal([4500, 4500, 6000]);
    expect(steps[0].record.discount).to.deep.equal({ percentOff: 25, periodsRemaining: 1 });
    expect(steps[1].record.discount).to.equal(undefined);
    expect(steps[0].renewal?.lines.map((line) => line.amount)).to.deep.equal([6000, -1500]);
  });

  it('takes carried credit off the renewals until it is used up', () => {
    const credited: SubscriptionRecord = { ...active, carriedCredit: 8000 };
    const steps = stepsUntil(credited, plans, '2026-05-30');
    expect(steps.map((step) => step.renewal?.amount)).to.deep.equal([0, 4000, 6000]);
    expect(steps[0].record.carriedCredit).to.equal(2000);
    expect(steps[1].record.carriedCredit).to.equal(undefined);
  });

  it('cancels at the period end instead of renewing', () => {
    const ending: SubscriptionRecord = { ...active, cancelAtPeriodEnd: true, nextBillingDate: undefined };
    expect(nextStep(ending, plans, '2026-03-30')).to.equal(undefined);
    const steps = stepsUntil(ending, plans, '2026-05-01');
    expect(steps).to.have.length(1);
    expect(steps[0].kind).to.equal('canceled');
    expect(steps[0].renewal).to.equal(undefined);
    expect(steps[0].record).to.include({
      status: 'canceled',
      canceledAt: '2026-03-31',
      cancelAtPeriodEnd: false,
    });
  });

  it('resumes a pause on its date: a new period when the paid one is over, none within it', () => {
    const pausedSub: SubscriptionRecord = {
      ...active,
      status: 'paused',
      nextBillingDate: undefined,
      pausedUntil: '2026-04-10',
    };
    expect(stepsUntil(pausedSub, plans, '2026-04-09'), 'not billed while paused').to.deep.equal([]);
    const step = nextStep(pausedSub, plans, '2026-04-10');
    expect(step?.kind).to.equal('resumed');
    expect(step?.record).to.include({ status: 'active', currentPeriodEnd: '2026-05-10' });
    expect(step?.record.pausedUntil).to.equal(undefined);
    expect(step?.renewal).to.include({ periodStart: '2026-04-10', periodEnd: '2026-05-10' });

    const short = { ...pausedSub, pausedUntil: '2026-03-20' };
    const within = nextStep(short, plans, '2026-03-25');
    expect(within?.renewal, 'already paid until the period end').to.equal(undefined);
    expect(within?.record).to.include({ status: 'active', nextBillingDate: '2026-03-31' });
  });

  it('ends a paused subscription due to cancel at its period end, and never bills a new period for it', () => {
    const cancelling: SubscriptionRecord = {
      ...active,
      status: 'paused',
      nextBillingDate: undefined,
      pausedUntil: '2026-04-10',
      cancelAtPeriodEnd: true,
    };
    const steps = stepsUntil(cancelling, plans, '2026-04-20');
    expect(steps.map((step) => step.kind)).to.deep.equal(['canceled']);
    expect(steps[0].on).to.equal('2026-03-31');
    expect(
      steps.some((step) => step.renewal),
      'nothing billed',
    ).to.equal(false);
    expect(resumeStep(cancelling, plans, '2026-04-10').kind, 'resumed after its end').to.equal('canceled');
  });

  it('renews a past-due subscription too, and a paid-up one is active again', () => {
    const pastDue = renewalDeclined(active);
    expect(pastDue.status).to.equal('past_due');
    expect(nextStep(pastDue, plans, '2026-03-31')?.record.status).to.equal('past_due');
    const invoice = renewalInvoice({
      id: 'inv_1',
      lineId: 'line_1',
      number: 'INV-1',
      customer,
      renewal: nextStep(active, plans, '2026-03-31')!.renewal!,
    });
    expect(invoice).to.include({ issueDate: '2026-03-31', dueDate: '2026-04-30', currency: 'USD' });
    expect(afterRenewalPaid(pastDue, [invoice]).status, 'still owing').to.equal('past_due');
    const paid: InvoiceRecord = {
      ...invoice,
      payments: [
        { id: 'pay_1', paidAt: '2026-04-02T00:00:00Z', paymentMethodId: 'pm_default', amount: 6000 },
      ],
    };
    expect(afterRenewalPaid(pastDue, [paid]).status).to.equal('active');
    expect(afterRenewalPaid({ ...active, status: 'paused' }, [paid]).status).to.equal('paused');
  });

  it('charges the subscription’s own method, else the default, and only with auto-pay on', () => {
    const methods = [card('pm_default', '4242'), card('pm_own', '0341')];
    expect(renewalMethod(active, customer, methods)?.id).to.equal('pm_default');
    expect(renewalMethod({ ...active, paymentMethodId: 'pm_own' }, customer, methods)?.id).to.equal('pm_own');
    expect(renewalMethod({ ...active, paymentMethodId: 'pm_gone' }, customer, methods)?.id).to.equal(
      'pm_default',
    );
    expect(renewalMethod(active, { ...customer, autoPay: false }, methods)).to.equal(undefined);
    expect(renewalChargeKey({ subscriptionId: 'sub_1', periodStart: '2026-03-31' })).to.equal(
      renewalChargeKey({ subscriptionId: 'sub_1', periodStart: '2026-03-31' }),
    );
  });

  it('writes a dunning email naming the plan, invoice, amount and card, never the number', () => {
    const mail = renewalDeclinedMail({
      merchant: 'Northwind',
      planName: 'Monthly',
      invoiceNumber: 'INV-1',
      amount: { amount: 6000, currency: 'USD' },
      method: card('pm_default', '0002'),
      portalUrl: 'https://portal.example/',
    });
    expect(mail.kind).to.equal('renewal_declined');
    expect(mail.text).to.contain('$60.00').and.contain('INV-1').and.contain('Visa •••• 0002');
    expect(mail.text).to.contain('https://portal.example/');
  });
});
