import { PortalError } from '../../contract/errors.js';
import {
  type AllocationOutcome,
  type AllocationResult,
  type DocumentLink,
  type Invoice,
  type InvoiceListQuery,
  type InvoiceNote,
  type InvoicePage,
  type InvoiceSummary,
  type NewBankAccount,
  type NewCard,
  type NewInvoiceNote,
  type PayInvoice,
  type PaymentMethod,
  type PaymentReceipt,
  isCardExpired,
  matchesFilter,
  parseTestCardToken,
  testOutcomeForLast4,
} from '../../model/index.js';
import type { ById } from '../../contract/adapter.js';
import type { CustomerRecord, InvoiceRecord, PaymentMethodRecord } from '../shared/demo-data.js';
import {
  checkPayment,
  compareInvoicesNewestFirst,
  decodeCursor,
  encodeCursor,
  methodLabel,
  paymentReceipt,
  toInvoice,
  toInvoiceSummary,
  toPaymentMethod,
} from '../shared/rules.js';
import { type MemoryState, conflict, fieldError, forbidden } from './memory-state.js';
import { invoicePdf } from './pdf.js';

const DEFAULT_PAGE_SIZE = 20;

/** Index of the first invoice that comes after `position` in newest-first order (binary search). */
function firstAfter(
  sorted: readonly InvoiceRecord[],
  position: Pick<InvoiceRecord, 'issueDate' | 'number' | 'id'>,
) {
  // The comparison reads only the three position fields.
  const target = position as InvoiceRecord;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareInvoicesNewestFirst(sorted[middle], target) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A keyset page: the cursor names the last row served, so invoices added or paid between two pages
 * neither repeat nor go missing.
 */
export function listInvoices(state: MemoryState, query: InvoiceListQuery): InvoicePage {
  const customer = state.requireCustomer();
  const filter = query.filter ?? 'all';
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const sorted = state.invoicesOf(customer.id);
  const start = query.cursor === undefined ? 0 : firstAfter(sorted, decodeCursor(query.cursor));
  const items: InvoiceSummary[] = [];
  let last: InvoiceRecord | undefined;
  let more = false;
  for (let index = start; index < sorted.length; index += 1) {
    const summary = toInvoiceSummary(sorted[index], state.today);
    if (!matchesFilter(summary.status, filter)) continue;
    if (items.length === limit) {
      more = true;
      break;
    }
    items.push(summary);
    last = sorted[index];
  }
  return { items, nextCursor: more && last ? encodeCursor(last) : null };
}

function knownMethods(state: MemoryState, customerId: string): PaymentMethodRecord[] {
  return [...state.methodsOf(customerId), ...state.removedMethods.filter((m) => m.customerId === customerId)];
}

export function getInvoice(state: MemoryState, input: ById): Invoice {
  const customer = state.requireCustomer();
  const invoice = state.invoiceOf(customer.id, input.id);
  return toInvoice(invoice, knownMethods(state, customer.id), state.today);
}

export function addInvoiceNote(state: MemoryState, input: ById & NewInvoiceNote): InvoiceNote {
  if (!state.data.settings.invoices.customerNotes) throw forbidden('customer notes are turned off');
  const customer = state.requireCustomer();
  const invoice = state.invoiceOf(customer.id, input.id);
  const session = state.currentSession();
  // Someone signed in by magic link is a person at the company, not the company: sign with their address.
  const authorName = session && session.method === 'magic_link' ? session.email : customer.name;
  const note: InvoiceNote = {
    id: state.nextId('note'),
    author: 'customer',
    authorName,
    body: input.body,
    createdAt: state.nowIso(),
  };
  invoice.notes.push(note);
  return note;
}

/**
 * An object URL of a real PDF. It lives as long as the page unless the caller revokes it with
 * `URL.revokeObjectURL` once the download has started.
 */
export function getInvoicePdf(state: MemoryState, input: ById): DocumentLink {
  if (!state.data.settings.invoices.downloadPdf) throw forbidden('PDF downloads are turned off');
  const invoice = getInvoice(state, input);
  const customer = state.requireCustomer();
  const bytes = invoicePdf(invoice, state.data.settings.branding.merchantName, customer.name);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  return { url, fileName: `${invoice.number}.pdf` };
}

/** The test gateway: cards answer by their last four digits (expired cards are declined), banks pay. */
export function charge(state: MemoryState, method: PaymentMethodRecord): AllocationOutcome {
  if (method.type === 'bank_account') return 'succeeded';
  if (isCardExpired(method, state.today)) return 'declined';
  return testOutcomeForLast4(method.last4);
}

/**
 * Each allocation is charged in order and independently: an approved one stays paid even when a later one
 * is declined (the documented split-payment policy), and only approved ones are recorded on the invoice.
 */
export function payInvoice(state: MemoryState, request: PayInvoice): PaymentReceipt {
  const customer = state.requireCustomer();
  const fingerprint = [
    'payInvoice',
    request.invoiceId,
    request.allocations.map((each) => [each.paymentMethodId, each.amount.amount, each.amount.currency]),
  ];
  return state.idempotent(customer.id, request.idempotencyKey, fingerprint, () => {
    const invoice = state.invoiceOf(customer.id, request.invoiceId);
    const methods = state.methodsOf(customer.id);
    checkPayment({ request, invoice, methods, settings: state.data.settings });
    const allocations = request.allocations.map((allocation): AllocationResult => {
      const method = methods.find((each) => each.id === allocation.paymentMethodId) as PaymentMethodRecord;
      const outcome = charge(state, method);
      const result: AllocationResult = {
        paymentMethodId: method.id,
        methodLabel: methodLabel(method),
        amount: allocation.amount,
        outcome,
      };
      if (outcome === 'succeeded') {
        result.paymentId = state.nextId('pay');
        invoice.payments.push({
          id: result.paymentId,
          paidAt: state.nowIso(),
          paymentMethodId: method.id,
          amount: allocation.amount.amount,
        });
      }
      return result;
    });
    // The invoice record was updated in place above, so it is also the invoice "after".
    return paymentReceipt({
      id: state.nextId('rcpt'),
      invoice,
      after: invoice,
      allocations,
      createdAt: state.nowIso(),
    });
  });
}

export function listPaymentMethods(state: MemoryState): PaymentMethod[] {
  const customer = state.requireCustomer();
  return state
    .methodsOf(customer.id)
    .map((method) => toPaymentMethod(method, customer.defaultPaymentMethodId));
}

/** Saves a method; it becomes the default when asked, or when the customer had none. */
function save(
  state: MemoryState,
  customer: CustomerRecord,
  record: PaymentMethodRecord,
  makeDefault?: boolean,
) {
  if (makeDefault && !state.data.settings.profile.modifyInformation) {
    throw forbidden('changing the default payment method is turned off');
  }
  state.data.paymentMethods.push(record);
  if (makeDefault || customer.defaultPaymentMethodId === undefined)
    customer.defaultPaymentMethodId = record.id;
  return toPaymentMethod(record, customer.defaultPaymentMethodId);
}

export function addCard(state: MemoryState, input: NewCard): PaymentMethod {
  const settings = state.data.settings.paymentMethods;
  if (!settings.addCards) throw forbidden('adding cards is turned off');
  const customer = state.requireCustomer();
  const card = parseTestCardToken(input.token);
  if (!card || isCardExpired(card, state.today)) {
    throw fieldError('token', 'invalid', 'the card token is not a valid test card token');
  }
  if (settings.verifyNewCards && card.card.outcome !== 'succeeded') {
    throw new PortalError('payment_declined', 'the card was declined when it was verified');
  }
  return save(
    state,
    customer,
    {
      id: state.nextId('pm'),
      customerId: customer.id,
      type: 'card',
      brand: card.card.brand,
      last4: card.last4,
      expMonth: card.expMonth,
      expYear: card.expYear,
      holderName: customer.name,
      verified: settings.verifyNewCards,
    },
    input.makeDefault,
  );
}

export function addBankAccount(state: MemoryState, input: NewBankAccount): PaymentMethod {
  if (!state.data.settings.paymentMethods.addBankAccounts)
    throw forbidden('adding bank accounts is turned off');
  const customer = state.requireCustomer();
  return save(
    state,
    customer,
    {
      id: state.nextId('pm'),
      customerId: customer.id,
      type: 'bank_account',
      last4: input.accountNumber.slice(-4),
      accountType: input.accountType,
      holderName: input.holderName,
    },
    input.makeDefault,
  );
}

export function removePaymentMethod(state: MemoryState, input: ById): void {
  const settings = state.data.settings.paymentMethods;
  const customer = state.requireCustomer();
  const method = state.methodOf(customer.id, input.id);
  if (method.type === 'bank_account') throw forbidden('bank accounts can only be removed by the merchant');
  if (!settings.removeCards) throw forbidden('removing cards is turned off');
  const methods = state.methodsOf(customer.id);
  const cards = methods.filter((each) => each.type === 'card');
  if (settings.cardOnFileRequired && cards.length <= 1) throw conflict('at least one card must stay on file');
  state.data.paymentMethods.splice(state.data.paymentMethods.indexOf(method), 1);
  state.removedMethods.push(method);
  if (customer.defaultPaymentMethodId === method.id) {
    const rest = methods.filter((each) => each !== method);
    // Auto-pay keeps working: the next card, else a bank account, else no default.
    const next = rest.find((each) => each.type === 'card') ?? rest[0];
    if (next) customer.defaultPaymentMethodId = next.id;
    else delete customer.defaultPaymentMethodId;
  }
}

export function setDefaultPaymentMethod(state: MemoryState, input: ById): PaymentMethod {
  if (!state.data.settings.profile.modifyInformation) throw forbidden('modifying information is turned off');
  const customer = state.requireCustomer();
  const method = state.methodOf(customer.id, input.id);
  if (method.type === 'card' && isCardExpired(method, state.today)) {
    throw conflict('an expired card cannot be the default payment method');
  }
  customer.defaultPaymentMethodId = method.id;
  return toPaymentMethod(method, method.id);
}
