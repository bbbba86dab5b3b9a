import { expect } from '@open-wc/testing';
import type { PayInvoice } from '../../src/model/index.js';
import { checkPayment, paymentReceipt } from '../../src/rules/payments.js';
import type { InvoiceRecord, PaymentMethodRecord } from '../../src/rules/records.js';
import { refusal, settingsWith } from './helpers.js';

// 10000 + 8.25% tax = 10825 due.
const invoice: InvoiceRecord = {
  id: 'inv_1',
  customerId: 'cus_1',
  number: 'INV-1',
  kind: 'invoice',
  issueDate: '2026-05-01',
  dueDate: '2026-05-31',
  currency: 'USD',
  lines: [{ id: 'line_1', description: 'Beans', quantity: 4, unitPrice: 2500 }],
  taxName: 'Sales tax',
  taxRateBasisPoints: 825,
  voided: false,
  refunded: false,
  payments: [],
  notes: [],
};

const methods: PaymentMethodRecord[] = [
  {
    id: 'pm_a',
    customerId: 'cus_1',
    type: 'card',
    brand: 'visa',
    last4: '4242',
    expMonth: 1,
    expYear: 2030,
    holderName: 'Ada',
    verified: true,
  },
  {
    id: 'pm_b',
    customerId: 'cus_1',
    type: 'bank_account',
    last4: '6789',
    accountType: 'checking',
    holderName: 'Ada',
  },
];

const open = settingsWith((s) => {
  s.invoices.payInvoices = true;
  s.invoices.splitPayments = true;
  s.invoices.partialPayments = true;
  s.invoices.maxSplitMethods = 2;
});

function pay(...allocations: [string, number, string?][]): PayInvoice {
  return {
    invoiceId: invoice.id,
    idempotencyKey: 'key-0000000000000001',
    allocations: allocations.map(([paymentMethodId, amount, currency = 'USD']) => ({
      paymentMethodId,
      amount: { amount, currency },
    })),
  };
}

function check(request: PayInvoice, settings = open, record = invoice) {
  return () => checkPayment({ request, invoice: record, methods, settings });
}

describe('rules/payments', () => {
  it('accepts the whole amount due, on one method or split over several', () => {
    expect(check(pay(['pm_a', 10825]))).not.to.throw();
    expect(check(pay(['pm_a', 825], ['pm_b', 10000]))).not.to.throw();
  });

  it('follows the merchant’s switches', () => {
    const off = structuredClone(open);
    off.invoices.payInvoices = false;
    expect(refusal(check(pay(['pm_a', 10825]), off)).message).to.equal(
      'paying invoices is turned off by the merchant',
    );
    const noSplit = structuredClone(open);
    noSplit.invoices.splitPayments = false;
    expect(refusal(check(pay(['pm_a', 825], ['pm_b', 10000]), noSplit)).code).to.equal('forbidden');
    const noPartial = structuredClone(open);
    noPartial.invoices.partialPayments = false;
    expect(refusal(check(pay(['pm_a', 825]), noPartial)).code).to.equal('forbidden');
    expect(check(pay(['pm_a', 825]))).not.to.throw();
  });

  it('refuses more methods than the merchant allows in one split', () => {
    const error = refusal(check(pay(['pm_a', 1], ['pm_b', 1], ['pm_c', 1])));
    expect(error.fieldErrors).to.deep.equal([{ path: 'allocations', code: 'too_large' }]);
  });

  it('refuses paying more than is due, and settled invoices', () => {
    expect(refusal(check(pay(['pm_a', 10826]))).fieldErrors).to.deep.equal([
      { path: 'allocations', code: 'too_large' },
    ]);
    expect(refusal(check(pay(['pm_a', 100]), open, { ...invoice, voided: true })).code).to.equal('conflict');
    const paid = {
      ...invoice,
      payments: [{ id: 'pay_1', paidAt: '2026-05-02T10:00:00Z', paymentMethodId: 'pm_a', amount: 10825 }],
    };
    expect(refusal(check(pay(['pm_a', 100]), open, paid)).code).to.equal('conflict');
  });

  it('refuses each bad allocation on its own path', () => {
    expect(refusal(check(pay(['pm_a', 100, 'EUR']))).fieldErrors).to.deep.equal([
      { path: 'allocations.0.amount', code: 'invalid' },
    ]);
    expect(refusal(check(pay(['pm_a', 100], ['pm_b', 0]))).fieldErrors).to.deep.equal([
      { path: 'allocations.1.amount', code: 'invalid' },
    ]);
    expect(refusal(check(pay(['pm_a', 100], ['pm_a', 100]))).fieldErrors).to.deep.equal([
      { path: 'allocations.1.paymentMethodId', code: 'invalid' },
    ]);
    expect(refusal(check(pay(['pm_other', 100]))).code).to.equal('not_found');
  });

  it('receipts follow the outcomes: succeeded, failed or partially succeeded', () => {
    const after = {
      ...invoice,
      payments: [{ id: 'pay_1', paidAt: '2026-05-02T10:00:00Z', paymentMethodId: 'pm_a', amount: 825 }],
    };
    const receipt = paymentReceipt({
      id: 'rcpt_1',
      invoice,
      after,
      createdAt: '2026-05-02T10:00:00Z',
      allocations: [
        {
          paymentMethodId: 'pm_a',
          methodLabel: 'Visa •••• 4242',
          amount: { amount: 825, currency: 'USD' },
          outcome: 'succeeded',
          paymentId: 'pay_1',
        },
        {
          paymentMethodId: 'pm_b',
          methodLabel: 'Bank account •••• 6789',
          amount: { amount: 10000, currency: 'USD' },
          outcome: 'declined',
        },
      ],
    });
    expect(receipt.status).to.equal('partially_succeeded');
    expect(receipt.amountPaid).to.deep.equal({ amount: 825, currency: 'USD' });
    expect(receipt.amountDue).to.deep.equal({ amount: 10000, currency: 'USD' });
    const failed = paymentReceipt({
      id: 'r',
      invoice,
      after: invoice,
      createdAt: '2026-05-02T10:00:00Z',
      allocations: [receipt.allocations[1]],
    });
    expect(failed.status).to.equal('failed');
    const succeeded = paymentReceipt({
      id: 'r',
      invoice,
      after,
      createdAt: '2026-05-02T10:00:00Z',
      allocations: [receipt.allocations[0]],
    });
    expect(succeeded.status).to.equal('succeeded');
  });
});
