import {
  type AllocationResult,
  type PayInvoice,
  type PaymentReceipt,
  type PortalSettings,
  money,
} from '../model/index.js';
import { requireCapability } from './capabilities.js';
import { conflict, invalidField, notFound } from './errors.js';
import { invoiceAmounts } from './mappers.js';
import type { InvoiceRecord, PaymentMethodRecord } from './records.js';

/** Paying an invoice: what a payment request may do, and the receipt of what it did. */

/**
 * Checks a payment request against the invoice, the customer's payment methods and the merchant's
 * settings, before any money moves. Throws the PortalError the customer should see.
 */
export function checkPayment(input: {
  request: PayInvoice;
  invoice: InvoiceRecord;
  methods: readonly PaymentMethodRecord[];
  settings: PortalSettings;
}): void {
  const { request, invoice, methods, settings } = input;
  const { allocations } = request;
  requireCapability(settings, 'payInvoices');
  if (allocations.length > 1) requireCapability(settings, 'splitPayments');
  if (allocations.length > settings.invoices.maxSplitMethods) {
    throw invalidField(
      'allocations',
      `at most ${settings.invoices.maxSplitMethods} payment methods`,
      'too_large',
    );
  }
  const amounts = invoiceAmounts(invoice);
  if (invoice.voided || invoice.refunded || amounts.amountDue === 0) {
    throw conflict(`invoice ${invoice.number} has nothing to pay`);
  }
  const seen = new Set<string>();
  let requested = 0;
  allocations.forEach((allocation, index) => {
    if (allocation.amount.currency !== invoice.currency) {
      throw invalidField(`allocations.${index}.amount`, `currency must be ${invoice.currency}`);
    }
    if (allocation.amount.amount <= 0)
      throw invalidField(`allocations.${index}.amount`, 'amount must be positive');
    if (!methods.some((method) => method.id === allocation.paymentMethodId)) {
      throw notFound(`payment method ${allocation.paymentMethodId}`);
    }
    if (seen.has(allocation.paymentMethodId)) {
      throw invalidField(`allocations.${index}.paymentMethodId`, 'each payment method may be used once');
    }
    seen.add(allocation.paymentMethodId);
    requested += allocation.amount.amount;
  });
  if (requested > amounts.amountDue) {
    throw invalidField('allocations', 'the payment is more than the amount due', 'too_large');
  }
  if (requested < amounts.amountDue) requireCapability(settings, 'partialPayments');
}

/**
 * The receipt of a processed payment request: its status follows the allocations' outcomes (split
 * payments are independent, so some may succeed and some not), and `after` is the invoice once the
 * succeeded allocations are recorded.
 */
export function paymentReceipt(input: {
  id: string;
  invoice: InvoiceRecord;
  after: InvoiceRecord;
  allocations: AllocationResult[];
  createdAt: string;
}): PaymentReceipt {
  const { invoice, allocations } = input;
  const succeeded = allocations.filter((each) => each.outcome === 'succeeded');
  const status =
    succeeded.length === allocations.length
      ? 'succeeded'
      : succeeded.length === 0
        ? 'failed'
        : 'partially_succeeded';
  return {
    id: input.id,
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    status,
    allocations,
    amountPaid: money(
      succeeded.reduce((sum, each) => sum + each.amount.amount, 0),
      invoice.currency,
    ),
    amountDue: money(invoiceAmounts(input.after).amountDue, invoice.currency),
    createdAt: input.createdAt,
  };
}
