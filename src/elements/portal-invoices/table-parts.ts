import { html, type TemplateResult } from 'lit';
import type { ElementMessages } from '../../core/i18n/index.js';
import type { invoicesMessages } from './messages.js';

type T = ElementMessages<typeof invoicesMessages>;

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
