import type { Formatter } from '../../core/i18n/index.js';
import type { PayMessages } from './messages.en.js';
import type { AllocationResult, PaymentReceipt } from '../../model/index.js';

/**
 * What a receipt says in words, allocation by allocation: exactly what was charged to which method and
 * what was not (R-PAY-18: split payments are independent, so the text never implies all-or-nothing).
 * `labelOf` names a method the way the customer knows it.
 */
export function receiptSummary(
  t: PayMessages,
  format: Formatter,
  receipt: PaymentReceipt,
  labelOf: (allocation: AllocationResult) => string,
): string {
  if (receipt.status === 'succeeded') {
    return t.paid(format.money(receipt.amountPaid), receipt.invoiceNumber);
  }
  const sentences = receipt.allocations.map((allocation) => {
    const amount = format.money(allocation.amount);
    const method = labelOf(allocation);
    switch (allocation.outcome) {
      case 'succeeded':
        return t.chargedTo(amount, method);
      case 'declined':
        return t.declinedOn(amount, method);
      case 'insufficient_funds':
        return t.insufficientOn(amount, method);
      case 'processing_error':
        return t.errorOn(amount, method);
    }
  });
  if (receipt.status === 'failed') sentences.push(t.nothingCharged);
  return sentences.join(' ');
}
