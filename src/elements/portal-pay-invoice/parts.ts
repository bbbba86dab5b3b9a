import { html, nothing, type TemplateResult } from 'lit';
import type { Allocation, Invoice, Money, PaymentMethod, PaymentReceipt } from '../../model/index.js';
import { renderFacts } from '../../ui/facts.js';
import { renderInvoiceStatus } from '../../ui/invoice-status.js';
import { paymentMethodLabel } from '../../ui/payment-method-label.js';
import { NEW_CARD } from './draft.js';
import type { PayHost, PayT } from './pay-host.js';
import { receiptSummary } from './receipt.js';
import { userText } from '../../ui/user-text.js';

/** What every step of the payment shares: its heading, a refusal, the invoice's facts, a charges table. */

/** A method by the name the customer knows it; `fallback` when it is no longer in the list. */
export function labelOf(
  t: PayT,
  methods: readonly PaymentMethod[] | undefined,
  id: string,
  fallback: string,
): string {
  if (id === NEW_CARD) return t.paymentMethod.newCard;
  const method = methods?.find((each) => each.id === id);
  return method ? paymentMethodLabel(t, method) : fallback;
}

/** The receipt in words, allocation by allocation. */
export function receiptText(
  host: PayHost,
  receipt: PaymentReceipt,
  methods: readonly PaymentMethod[] | undefined,
): string {
  return receiptSummary(host.t.pay, host.format, receipt, (allocation) =>
    labelOf(host.t, methods, allocation.paymentMethodId, allocation.methodLabel),
  );
}

/** The step's heading; focus lands on it when the customer arrives at a step. */
export function renderHeading(host: PayHost, text: string | TemplateResult): TemplateResult {
  return html`<h2 id=${host.ids.heading} tabindex="-1" part="heading">${text}</h2>`;
}

/** A refusal that belongs to no field. Always in the page, so an alert that appears is announced. */
export function renderFailure(host: PayHost): TemplateResult {
  return html`<div role="alert">
    ${host.failure ? html`<div class="alert error" part="error"><p>${host.failure}</p></div>` : nothing}
  </div>`;
}

/** A field's problem, tied to its control by id (`<id>-error`). */
export function renderFieldError(id: string, message: string | undefined): TemplateResult | typeof nothing {
  return message ? html`<span class="error" id=${`${id}-error`}>${message}</span>` : nothing;
}

/** What is due, by when, on which invoice. */
export function renderDueFacts(host: PayHost, invoice: Invoice): TemplateResult {
  const { t, format } = host;
  return renderFacts([
    { label: t.pay.amountDue, value: format.money(invoice.amountDue) },
    invoice.dueDate && { label: t.pay.dueDate, value: format.date(invoice.dueDate) },
    {
      label: t.invoiceKind[invoice.kind],
      value: html`${userText(invoice.number)} ${renderInvoiceStatus(t, invoice.status)}`,
    },
  ]);
}

/** What will be (or was asked to be) charged to which method, with totals in the footer. */
export function renderCharges(
  host: PayHost,
  allocations: readonly Allocation[],
  methods: readonly PaymentMethod[] | undefined,
  totals: { label: string; value: Money }[],
): TemplateResult {
  const { t, format } = host;
  return html`<table part="summary">
    <thead>
      <tr>
        <th scope="col">${t.pay.chargeTo}</th>
        <th scope="col" class="num">${t.pay.charge}</th>
      </tr>
    </thead>
    <tbody>
      ${allocations.map(
        (allocation) =>
          html`<tr>
            <th scope="row">
              ${labelOf(t, methods, allocation.paymentMethodId, allocation.paymentMethodId)}
            </th>
            <td class="num">${format.money(allocation.amount)}</td>
          </tr>`,
      )}
    </tbody>
    <tfoot>
      ${totals.map(
        (total) =>
          html`<tr>
            <th scope="row">${total.label}</th>
            <td class="num">${format.money(total.value)}</td>
          </tr>`,
      )}
    </tfoot>
  </table>`;
}
