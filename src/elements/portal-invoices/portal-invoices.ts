import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { emit } from '../../core/events.js';
import { PortalElement } from '../../core/portal-element.js';
import type { InvoiceFilter, InvoiceSummary } from '../../model/index.js';
import { renderInvoiceStatus } from '../../ui/invoice-status.js';
import { renderEmpty, renderError, renderMisconfigured } from '../../ui/states.js';
import { elementStyles } from '../../ui/styles.js';
import { InvoicePages, type InvoicePagesOutcome, MAX_PAGE_SIZE } from './invoice-pages.js';
import { invoicesStyles } from './portal-invoices.styles.js';

export const INVOICE_FILTERS: readonly InvoiceFilter[] = ['all', 'outstanding', 'paid'];
export const DEFAULT_PAGE_SIZE = 25;

/** Placeholder rows while the first page loads: enough to fill the view, few enough to stay cheap. */
const SKELETON_ROWS = 10;

/** A row's formatted text, computed once per invoice and locale (Intl formatting is the costly part). */
interface RowView {
  kind: string;
  issued: string;
  due: string | null;
  total: string;
  amountDue: string;
  openLabel: string;
}

/** Where focus goes once the next render is on screen. */
type FocusTarget = { rowId: string } | { rowIndex: number } | 'footer';

/**
 * @summary The customer's invoices and orders, newest first, with status, amounts and a filter.
 *
 * Rows come from the store a page at a time (`page-size`, default 25, at most 100) behind a "Load more"
 * button; only loaded rows are in the DOM, and each page's rows are formatted once, so the list stays
 * responsive with 10,000 invoices. A table on wide containers, stacked cards on narrow ones (container
 * queries), right-to-left safe. After a payment the store invalidates the lists and the rows shown are
 * refreshed with one request, keeping the customer's place.
 *
 * @fires portal-invoice-select - A row's invoice was chosen (click, Enter or Space on its number);
 *   `detail.invoiceId`. Cancelable. `<portal-root>` opens the invoice; alone, the page decides.
 *
 * @csspart base - The filter, the list and its footer.
 * @csspart filters - The filter's radio group.
 * @csspart table - The table (cards on narrow containers).
 * @csspart row - Each invoice's row.
 * @csspart status - An invoice's status badge (with `status-<status>`).
 * @csspart footer - Count of rows shown, "Load more" and a failure to load more.
 * @csspart load-more - The "Load more" button.
 * @csspart loading - The skeleton rows shown while the first page loads.
 * @csspart empty - The message when the filter matches nothing.
 * @csspart error - A failure, with a retry.
 *
 * @cssproperty --portal-invoices-row-height - Height of a table row and of a skeleton row (default 3rem;
 *   keep it at 24px or more).
 * @cssproperty --portal-color-primary - Brand colour of the chosen filter (set from `theme-color`).
 * @cssproperty --portal-font-family - Font of the list.
 * @cssproperty --portal-radius - Corner radius of the filter and buttons.
 * @cssproperty --portal-spacing - Space around the list.
 */
export class PortalInvoices extends PortalElement {
  static override styles = [...elementStyles, invoicesStyles];

  private readonly list = new InvoicePages(this, {
    query: () => ({ filter: this.currentFilter, pageSize: this.currentPageSize }),
    onOutcome: (outcome) => this.onListOutcome(outcome),
  });

  /** Results for screen readers, in a polite live region that stays on the page in every state. */
  @state() private announcement = '';

  /** Which invoices to show: `all`, `outstanding` (something left to pay) or `paid`. */
  @property({ reflect: true }) filter: InvoiceFilter = 'all';

  /** Rows per request, 1 to 100. */
  @property({ attribute: 'page-size', type: Number }) pageSize = DEFAULT_PAGE_SIZE;

  private views = new WeakMap<InvoiceSummary, RowView>();
  private viewsLocale = '';
  private pendingFocus: FocusTarget | null = null;
  private announceNextFirstPage = false;
  private reportedFilter: string | null = null;

  /** The filter in force; an unknown attribute value shows everything (and tells the developer once). */
  private get currentFilter(): InvoiceFilter {
    if (INVOICE_FILTERS.includes(this.filter)) return this.filter;
    if (this.reportedFilter !== this.filter) {
      this.reportedFilter = this.filter;
      console.error(
        `<portal-invoices>: filter "${String(this.filter).slice(0, 40)}" is not one of ${INVOICE_FILTERS.join(', ')}; showing all.`,
      );
    }
    return 'all';
  }

  private get currentPageSize(): number {
    const size = Math.floor(this.pageSize);
    return Number.isFinite(size) && size >= 1 ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const locale = this.resolvedLocale;
    if (locale !== this.viewsLocale) {
      this.views = new WeakMap();
      this.viewsLocale = locale;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const target = this.pendingFocus;
    this.pendingFocus = null;
    if (target) this.moveFocus(target);
  }

  private moveFocus(target: FocusTarget): void {
    const root = this.renderRoot as ShadowRoot;
    const controls = [...root.querySelectorAll<HTMLButtonElement>('button[data-invoice-id]')];
    let element: HTMLElement | null | undefined;
    if (target === 'footer') {
      element = root.querySelector<HTMLElement>('.footer button') ?? controls.at(-1);
    } else if ('rowId' in target) {
      element = controls.find((each) => each.dataset.invoiceId === target.rowId);
    } else {
      element =
        controls[Math.min(target.rowIndex, controls.length - 1)] ??
        root.querySelector<HTMLElement>('.footer button, input[name="filter"]:checked');
    }
    element?.focus();
  }

  /** Announces what changed and decides where focus goes, before the new rows are rendered. */
  private onListOutcome(outcome: InvoicePagesOutcome): void {
    const t = this.t.invoices;
    const rows = this.list.rows;
    const shown = t.shown(rows.length, this.format.number(rows.length));
    const active = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    switch (outcome.kind) {
      case 'first':
        if (this.announceNextFirstPage) {
          this.announcement = rows.length > 0 ? shown : t.empty[this.currentFilter];
          this.announceNextFirstPage = false;
        }
        break;
      case 'more': {
        const added = outcome.added.length;
        this.announcement = `${t.added(added, this.format.number(added))} ${shown}`;
        // The customer who pressed "Load more" continues reading at the first new row.
        if (active?.classList.contains('load-more') && added > 0)
          this.pendingFocus = { rowId: outcome.added[0].id };
        break;
      }
      case 'refresh': {
        if (outcome.changed) this.announcement = t.updated;
        // A focused row that left the list (paid, under "outstanding") hands focus to its neighbour.
        const focusedId = active?.dataset.invoiceId;
        if (focusedId !== undefined && !rows.some((row) => row.id === focusedId)) {
          this.pendingFocus = { rowIndex: outcome.previous.findIndex((row) => row.id === focusedId) };
        }
        break;
      }
      case 'failed':
        // "Load more" gives way to the error's retry; focus follows instead of falling to the page.
        if (outcome.request !== 'first' && active?.classList.contains('load-more'))
          this.pendingFocus = 'footer';
        break;
    }
  }

  private onFilterChange(event: Event): void {
    const value = (event.target as HTMLInputElement).value as InvoiceFilter;
    if (value === this.filter) return;
    this.announceNextFirstPage = true;
    this.filter = value;
  }

  private onLoadMore(): void {
    if (this.list.busy !== null) return;
    this.list.loadMore();
  }

  private onRetryLater(): void {
    // The retry button replaces "Load more"; keep focus at the bottom of the list while it runs.
    this.pendingFocus = 'footer';
    this.list.retry();
  }

  /** One listener for every row: rows stay cheap to create when thousands are loaded. */
  private onRowClick(event: Event): void {
    const control = (event.target as Element).closest<HTMLButtonElement>('button[data-invoice-id]');
    const invoiceId = control?.dataset.invoiceId;
    if (invoiceId) emit(this, 'portal-invoice-select', { invoiceId }, { cancelable: true });
  }

  private viewOf(row: InvoiceSummary): RowView {
    let view = this.views.get(row);
    if (!view) {
      const t = this.t;
      view = {
        kind: t.invoiceKind[row.kind],
        issued: this.format.date(row.issueDate),
        due: row.dueDate ? this.format.date(row.dueDate) : null,
        total: this.format.money(row.total),
        amountDue: this.format.money(row.amountDue),
        openLabel: t.invoices.openInvoice(row.number),
      };
      this.views.set(row, view);
    }
    return view;
  }

  private renderFilters(): TemplateResult {
    const t = this.t.invoices;
    const current = this.currentFilter;
    return html`<div class="filters" part="filters">
      <span id="filter-label" class="filter-label">${t.filterLabel}</span>
      <div class="segmented" role="radiogroup" aria-labelledby="filter-label">
        ${INVOICE_FILTERS.map(
          (filter) =>
            html`<label class="segment">
              <input
                type="radio"
                name="filter"
                value=${filter}
                .checked=${filter === current}
                @change=${this.onFilterChange}
              />
              <span>${t.filters[filter]}</span>
            </label>`,
        )}
      </div>
    </div>`;
  }

  /** Column headers; in card layout they are hidden visually but still name every cell. */
  private renderHead(): TemplateResult {
    const c = this.t.invoices.columns;
    return html`<thead role="rowgroup">
      <tr role="row">
        <th role="columnheader" scope="col">${c.number}</th>
        <th role="columnheader" scope="col">${c.kind}</th>
        <th role="columnheader" scope="col">${c.issueDate}</th>
        <th role="columnheader" scope="col">${c.dueDate}</th>
        <th role="columnheader" scope="col" class="money">${c.total}</th>
        <th role="columnheader" scope="col" class="money">${c.amountDue}</th>
        <th role="columnheader" scope="col">${c.status}</th>
      </tr>
    </thead>`;
  }

  private renderRow(row: InvoiceSummary): TemplateResult {
    const c = this.t.invoices.columns;
    const view = this.viewOf(row);
    return html`<tr role="row" part="row">
      <th role="rowheader" scope="row" class="number" data-label=${c.number}>
        <button type="button" class="button link open" data-invoice-id=${row.id} aria-label=${view.openLabel}>
          ${row.number}
        </button>
      </th>
      <td role="cell" class="kind" data-label=${c.kind}>${view.kind}</td>
      <td role="cell" class="issued" data-label=${c.issueDate}>${view.issued}</td>
      <td role="cell" class="due" data-label=${c.dueDate}>
        ${
          view.due ??
          html`<span aria-hidden="true">—</span
            ><span class="visually-hidden">${this.t.invoices.noDueDate}</span>`
        }
      </td>
      <td role="cell" class="money total" data-label=${c.total}>${view.total}</td>
      <td role="cell" class="money amount-due" data-label=${c.amountDue}>${view.amountDue}</td>
      <td role="cell" class="status">${renderInvoiceStatus(this.t, row.status)}</td>
    </tr>`;
  }

  /**
   * Explicit roles keep the table a table for screen readers in the card layout, where CSS changes
   * the cells' display (some engines then drop the implicit table semantics).
   */
  private renderTable(): TemplateResult {
    const rows = this.list.rows;
    return html`<table role="table" part="table">
      <caption class="visually-hidden">
        ${this.t.invoices.caption}
      </caption>
      ${this.renderHead()}
      <tbody role="rowgroup" @click=${this.onRowClick}>
        ${guard([rows, this.viewsLocale], () =>
          repeat(
            rows,
            (row) => row.id,
            (row) => this.renderRow(row),
          ),
        )}
      </tbody>
    </table>`;
  }

  /** Placeholder rows with the real rows' cells and height: the table does not jump when data arrives. */
  private renderSkeleton(): TemplateResult {
    const rows = Math.min(this.currentPageSize, SKELETON_ROWS);
    const cell = html`<span class="skeleton"></span>`;
    return html`<div class="loading" part="loading" role="status">
      <span class="visually-hidden">${this.t.common.loading}</span>
      <table aria-hidden="true">
        ${this.renderHead()}
        <tbody>
          ${Array.from(
            { length: rows },
            () =>
              html`<tr class="skeleton-row">
                <th class="number">${cell}</th>
                <td class="kind">${cell}</td>
                <td class="issued">${cell}</td>
                <td class="due">${cell}</td>
                <td class="money total">${cell}</td>
                <td class="money amount-due">${cell}</td>
                <td class="status">${cell}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderFooter(): TemplateResult {
    const t = this.t;
    const list = this.list;
    const count = list.rows.length;
    const laterFailure = list.error !== null && list.failed !== 'first';
    const loading = list.busy === 'more';
    return html`<div class="footer" part="footer">
      ${count > 0 ? html`<p class="count">${t.invoices.shown(count, this.format.number(count))}</p>` : nothing}
      ${
        list.nextCursor !== null && !laterFailure
          ? html`<button
              type="button"
              class="button load-more"
              part="load-more"
              aria-disabled=${loading ? 'true' : 'false'}
              @click=${this.onLoadMore}
            >
              ${loading ? t.invoices.loadingMore : t.common.loadMore}
            </button>`
          : nothing
      }
      ${laterFailure ? renderError(t, list.error!, () => this.onRetryLater()) : nothing}
    </div>`;
  }

  private renderList(): TemplateResult {
    const list = this.list;
    if (list.phase === 'error' && list.error) return renderError(this.t, list.error, () => list.retry());
    if (list.phase !== 'ready') return this.renderSkeleton();
    return html`${
      list.rows.length > 0 ? this.renderTable() : renderEmpty(this.t.invoices.empty[this.currentFilter])
    }
    ${this.renderFooter()}`;
  }

  override render(): TemplateResult {
    if (!this.store) {
      this.reportMissingStore();
      return renderMisconfigured(this.t);
    }
    return html`<div class="invoices" part="base">
      ${this.renderFilters()} ${this.renderList()}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </div>`;
  }
}
