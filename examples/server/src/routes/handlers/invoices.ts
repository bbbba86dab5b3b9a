import type { AllocationResult, PaymentReceipt } from '../../../../../src/model/index.js';
import { notFound } from '../../../../../src/rules/errors.js';
import { customerNote } from '../../../../../src/rules/invoice-notes.js';
import { invoicePdfFileName, methodLabel, toCustomer, toInvoice } from '../../../../../src/rules/mappers.js';
import { compareInvoicesNewestFirst, invoicePage } from '../../../../../src/rules/paging.js';
import { checkPayment, paymentReceipt } from '../../../../../src/rules/payments.js';
import type { InvoiceRecord } from '../../../../../src/rules/records.js';
import { newId } from '../../auth/secrets.js';
import { gatewayKey, runIdempotently } from '../../payments/idempotency.js';
import { renderInvoicePdf } from '../../pdf/invoice-pdf.js';
import { loadSettings } from '../../store/catalog.js';
import { loadInvoices } from '../../store/invoices.js';
import { listMethods } from '../../store/payment-methods.js';
import { settleRenewal } from '../../store/renewals.js';
import { isoInstant } from '../../store/rows.js';
import { requireCapability } from '../guards.js';
import type { Handlers, RequestContext } from '../types.js';

/** One of the signed-in customer's invoices; another customer's id answers exactly like an unknown one. */
async function ownInvoice(ctx: RequestContext, id: string): Promise<InvoiceRecord> {
  const [invoice] = await loadInvoices(ctx.app.db, ctx.customerId, { invoiceId: id });
  if (!invoice) throw notFound('invoice');
  return invoice;
}

export const invoiceHandlers: Pick<
  Handlers,
  'listInvoices' | 'getInvoice' | 'addInvoiceNote' | 'getInvoicePdf' | 'payInvoice'
> = {
  /** Keyset pages: the cursor names the last row served, so rows paid in between never repeat or vanish. */
  async listInvoices(ctx, input) {
    const sorted = (await loadInvoices(ctx.app.db, ctx.customerId)).sort(compareInvoicesNewestFirst);
    return invoicePage(sorted, input, ctx.today());
  },

  async getInvoice(ctx, input) {
    const invoice = await ownInvoice(ctx, input.id);
    const methods = await listMethods(ctx.app.db, ctx.customerId, { includeRemoved: true });
    return toInvoice(invoice, methods, ctx.today());
  },

  async addInvoiceNote(ctx, input) {
    await requireCapability(ctx.app, 'customerNotes');
    const session = ctx.requireSession();
    const invoice = await ownInvoice(ctx, input.id);
    const note = customerNote({
      id: newId('note'),
      body: input.body,
      createdAt: isoInstant(ctx.now()),
      session,
      customerName: session.customer.record.name,
    });
    await ctx.app.db.query(
      `INSERT INTO invoice_notes (id, invoice_id, author, author_name, body, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [note.id, invoice.id, note.author, note.authorName, note.body, ctx.now()],
    );
    return note;
  },

  async getInvoicePdf(ctx, input) {
    const settings = await requireCapability(ctx.app, 'downloadPdf');
    const invoice = await ownInvoice(ctx, input.id);
    const methods = await listMethods(ctx.app.db, ctx.customerId, { includeRemoved: true });
    const bytes = await renderInvoicePdf({
      merchantName: settings.branding.merchantName,
      supportEmail: settings.branding.supportEmail,
      customer: toCustomer(ctx.requireSession().customer.record),
      invoice: toInvoice(invoice, methods, ctx.today()),
    });
    return { bytes, fileName: invoicePdfFileName(invoice) };
  },

  /**
   * Each allocation is charged in order and recorded with its outcome, independently: an approved one
   * stays paid when a later one is declined (the documented split-payment policy). The invoice row is
   * locked for the whole request, so two payments of one invoice can never both pass the amount-due check.
   * Paying off a renewal invoice makes a past-due subscription active again.
   */
  async payInvoice(ctx, input) {
    const customerId = ctx.customerId;
    const { gateway } = ctx.app.deps;
    return runIdempotently(
      ctx.app,
      { customerId, key: input.idempotencyKey, operation: 'payInvoice', input },
      async (tx): Promise<PaymentReceipt> => {
        const [invoice] = await loadInvoices(tx, customerId, { invoiceId: input.invoiceId, forUpdate: true });
        if (!invoice) throw notFound('invoice');
        const methods = await listMethods(tx, customerId);
        checkPayment({ request: input, invoice, methods, settings: await loadSettings(tx) });
        const receiptId = newId('rcpt');
        const now = ctx.now();
        const allocations: AllocationResult[] = [];
        for (const [index, allocation] of input.allocations.entries()) {
          const method = methods.find((each) => each.id === allocation.paymentMethodId);
          if (!method) throw notFound('payment method');
          const charge = await gateway.charge({
            amount: allocation.amount.amount,
            currency: allocation.amount.currency,
            method,
            idempotencyKey: gatewayKey(
              customerId,
              input.idempotencyKey,
              `${index}:${method.id}:${allocation.amount.amount}`,
            ),
            today: ctx.today(),
          });
          const paymentId = newId('pay');
          await tx.query(
            `INSERT INTO payments (id, invoice_id, customer_id, payment_method_id, receipt_id, amount, currency,
                                   outcome, gateway_reference, paid_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
            [
              paymentId,
              invoice.id,
              customerId,
              method.id,
              receiptId,
              allocation.amount.amount,
              allocation.amount.currency,
              charge.outcome,
              charge.reference,
              now,
            ],
          );
          allocations.push({
            paymentMethodId: method.id,
            methodLabel: methodLabel(method),
            amount: allocation.amount,
            outcome: charge.outcome,
            ...(charge.outcome === 'succeeded' ? { paymentId } : {}),
          });
        }
        // A paid-up renewal brings its past-due subscription back to active (rules/billing-cycle.ts).
        await settleRenewal(tx, customerId, invoice.id, now);
        const [after] = await loadInvoices(tx, customerId, { invoiceId: invoice.id });
        return paymentReceipt({ id: receiptId, invoice, after, allocations, createdAt: isoInstant(now) });
      },
    );
  },
};
