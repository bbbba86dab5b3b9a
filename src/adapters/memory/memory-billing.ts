import type {
  AllocationOutcome,
  AllocationResult,
  DocumentLink,
  Invoice,
  InvoiceListQuery,
  InvoiceNote,
  InvoicePage,
  NewBankAccount,
  NewCard,
  NewInvoiceNote,
  PayInvoice,
  PaymentMethod,
  PaymentReceipt,
  RemovePaymentMethod,
} from '../../model/index.js';
import type { ById } from '../../contract/adapter.js';
import { requireCapability } from '../../rules/capabilities.js';
import { customerNote } from '../../rules/invoice-notes.js';
import { invoicePdfFileName, methodLabel, toInvoice, toPaymentMethod } from '../../rules/mappers.js';
import { invoicePage } from '../../rules/paging.js';
import {
  bankAccountRecord,
  cardRecord,
  checkMakeDefault,
  checkNewCard,
  checkRemove,
  checkSetDefault,
  defaultAfterRemovalChoice,
  defaultAfterSave,
  listedMethods,
} from '../../rules/payment-methods.js';
import { checkPayment, paymentReceipt } from '../../rules/payments.js';
import type { CustomerRecord, PaymentMethodRecord } from '../../rules/records.js';
import { resolveTestCardToken, testChargeOutcome } from '../../rules/test-gateway.js';
import type { MemoryState } from './memory-state.js';
import { settleRenewal } from './memory-billing-cycle.js';
import { invoicePdf } from './pdf.js';

export function listInvoices(state: MemoryState, query: InvoiceListQuery): InvoicePage {
  const customer = state.requireCustomer();
  return invoicePage(state.invoicesOf(customer.id), query, state.today);
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
  requireCapability(state.data.settings, 'customerNotes');
  const customer = state.requireCustomer();
  const invoice = state.invoiceOf(customer.id, input.id);
  const note = customerNote({
    id: state.nextId('note'),
    body: input.body,
    createdAt: state.nowIso(),
    session: state.currentSession(),
    customerName: customer.name,
  });
  invoice.notes.push(note);
  return note;
}

/**
 * An object URL of a real PDF. It lives as long as the page unless the caller revokes it with
 * `URL.revokeObjectURL` once the download has started.
 */
export function getInvoicePdf(state: MemoryState, input: ById): DocumentLink {
  requireCapability(state.data.settings, 'downloadPdf');
  const invoice = getInvoice(state, input);
  const customer = state.requireCustomer();
  const bytes = invoicePdf(invoice, state.data.settings.branding.merchantName, customer.name);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  return { url, fileName: invoicePdfFileName(invoice) };
}

/** Memory charges through the test gateway. */
export function charge(state: MemoryState, method: PaymentMethodRecord): AllocationOutcome {
  return testChargeOutcome(method, state.today);
}

/**
 * Each allocation is charged in order and independently: an approved one stays paid even when a later one
 * is declined (the documented split-payment policy), and only approved ones are recorded on the invoice.
 */
export function payInvoice(state: MemoryState, request: PayInvoice): PaymentReceipt {
  const customer = state.requireCustomer();
  return state.idempotent(customer.id, 'payInvoice', request, () => {
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
    // A paid-up renewal brings its past-due subscription back to active (rules/billing-cycle.ts).
    settleRenewal(state, invoice);
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

/** The customer's methods, each saying whether it can be removed and what charges the default. */
export function listPaymentMethods(state: MemoryState): PaymentMethod[] {
  const customer = state.requireCustomer();
  const subscriptions = state
    .subscriptionsOf(customer.id)
    .map((record) => ({ ...record, planName: state.plan(record.planId).name }));
  return listedMethods({
    settings: state.data.settings,
    methods: state.methodsOf(customer.id),
    customer,
    subscriptions,
  });
}

/** Saves a method; it becomes the default when asked, or when the customer had none. */
function save(
  state: MemoryState,
  customer: CustomerRecord,
  record: PaymentMethodRecord,
  makeDefault: boolean | undefined,
): PaymentMethod {
  checkMakeDefault(state.data.settings, makeDefault);
  state.data.paymentMethods.push(record);
  customer.defaultPaymentMethodId = defaultAfterSave(customer.defaultPaymentMethodId, record, makeDefault);
  return toPaymentMethod(record, customer.defaultPaymentMethodId);
}

export function addCard(state: MemoryState, input: NewCard): PaymentMethod {
  const { settings } = state.data;
  requireCapability(settings, 'addCards');
  const customer = state.requireCustomer();
  const card = resolveTestCardToken(input.token);
  checkNewCard(settings, card, state.today);
  const record = cardRecord({
    id: state.nextId('pm'),
    customerId: customer.id,
    card,
    holderName: customer.name,
    settings,
  });
  return save(state, customer, record, input.makeDefault);
}

export function addBankAccount(state: MemoryState, input: NewBankAccount): PaymentMethod {
  requireCapability(state.data.settings, 'addBankAccounts');
  const customer = state.requireCustomer();
  const record = bankAccountRecord({ id: state.nextId('pm'), customerId: customer.id, account: input });
  return save(state, customer, record, input.makeDefault);
}

/** Every check (and the choice of the next default) comes before anything changes. */
export function removePaymentMethod(state: MemoryState, input: RemovePaymentMethod): void {
  const customer = state.requireCustomer();
  const method = state.methodOf(customer.id, input.id);
  const methods = state.methodsOf(customer.id);
  checkRemove(state.data.settings, method, methods);
  const next = defaultAfterRemovalChoice({
    settings: state.data.settings,
    currentDefault: customer.defaultPaymentMethodId,
    removed: method,
    methods,
    chosenId: input.newDefaultId,
    today: state.today,
  });
  state.data.paymentMethods.splice(state.data.paymentMethods.indexOf(method), 1);
  state.removedMethods.push(method);
  if (next) customer.defaultPaymentMethodId = next;
  else delete customer.defaultPaymentMethodId;
}

export function setDefaultPaymentMethod(state: MemoryState, input: ById): PaymentMethod {
  requireCapability(state.data.settings, 'defaultPaymentMethod');
  const customer = state.requireCustomer();
  const method = state.methodOf(customer.id, input.id);
  checkSetDefault(method, state.today);
  customer.defaultPaymentMethodId = method.id;
  return toPaymentMethod(method, method.id);
}
