import { html, nothing, type TemplateResult } from 'lit';
import type { ElementMessages } from '../../core/i18n/index.js';
import type { InvoiceSummary } from '../../model/index.js';
import { renderInvoiceStatus } from '../../ui/invoice-status.js';
import { userText } from '../../ui/user-text.js';
import type { invoicesMessages } from './messages.js';

type T = ElementMessages<typeof invoicesMessages>;

/** The table's parts: column headers, skeleton rows and an invoice's row. */

/** Column headers; in card layout they are hidden visually but still name every cell. */
export function renderHead(t: T): TemplateResult {
  const c = t.invoices.columns;
  return html`<div role="rowgroup" class="head">
    <div role="row" class="row">
      <span role="columnheader" class="cell number">${c.number}</span>
      <span role="columnheader" class="cell kind">${c.kind}</span>
      <span role="columnheader" class="cell issued">${c.issueDate}</span>
      <span role="columnheader" class="cell due">${c.dueDate}</span>
      <span role="columnheader" class="cell money total">${c.total}</span>
      <span role="columnheader" class="cell money amount-due">${c.amountDue}</span>
      <span role="columnheader" class="cell status">${c.status}</span>
    </div>
  </div>`;
}

/** Placeholder rows with the real rows' cells and height: the table does not jump when data arrives. */
export function renderSkeleton(t: T, rows: number): TemplateResult {
  const cell = (name: string) => html`<span class="cell ${name}"><span class="skeleton"></span></span>`;
  return html`<div class="loading" part="loading" role="status">
    <span class="visually-hidden">${t.common.loading}</span>
    <div class="table" aria-hidden="true">
      ${renderHead(t)}
      <div class="block">
        ${Array.from(
          { length: rows },
          () =>
            html`<div class="row skeleton-row">
              ${cell('number')} ${cell('kind')} ${cell('issued')} ${cell('due')} ${cell('money total')}
              ${cell('money amount-due')} ${cell('status')}
            </div>`,
        )}
      </div>
    </div>
  </div>`;
}

/** A row's formatted text, computed once per invoice and locale (Intl formatting is the costly part). */
export interface RowView {
  kind: string;
  issued: string;
  due: string | null;
  total: string;
  amountDue: string;
  openLabel: string;
}

/**
 * One invoice's row. Pay sits beside the number it pays, out of the Tab order (Tab goes row to row; →
 * from the number reaches it), shown when the merchant lets customers pay and something is due — as the
 * invoice's own Pay. Its word comes from CSS, so the cell's text stays the number.
 */
export function renderRow(t: T, row: InvoiceSummary, view: RowView, canPay: boolean): TemplateResult {
  const c = t.invoices.columns;
  return html`<div role="row" class="row" part="row">
    <span role="rowheader" class="cell number">
      <button type="button" class="button link open" data-invoice-id=${row.id} aria-label=${view.openLabel}>
        ${userText(row.number)}
      </button>
      ${
        canPay && row.amountDue.amount > 0
          ? html`<button
              type="button"
              class="button pay"
              data-pay-invoice-id=${row.id}
              data-text=${t.invoiceRef.pay}
              tabindex="-1"
              aria-label=${t.invoiceRef.pay}
            ></button>`
          : nothing
      }
    </span>
    <span role="cell" class="cell kind" data-label=${c.kind}>${view.kind}</span>
    <span role="cell" class="cell issued" data-label=${c.issueDate}>${view.issued}</span>
    <span role="cell" class="cell due" data-label=${c.dueDate}>
      ${
        view.due ??
        html`<span aria-hidden="true">—</span><span class="visually-hidden">${t.invoiceRef.noDueDate}</span>`
      }
    </span>
    <span role="cell" class="cell money total" data-label=${c.total}>${view.total}</span>
    <span role="cell" class="cell money amount-due" data-label=${c.amountDue}>${view.amountDue}</span>
    <span role="cell" class="cell status">${renderInvoiceStatus(t, row.status)}</span>
  </div>`;
}
