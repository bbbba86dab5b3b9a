import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { emit } from '../../core/events.js';
import { PortalElement } from '../../core/portal-element.js';
import { QueryController } from '../../core/query.js';
import { queries } from '../../core/queries.js';
import type { InvoiceFilter, InvoiceSummary } from '../../model/index.js';
import { renderEmpty, renderError, renderMisconfigured } from '../../ui/states.js';
import { elementStyles } from '../../ui/styles.js';
import { InvoicePages, type InvoicePagesOutcome, MAX_PAGE_SIZE } from './invoice-pages.js';
import { type RowView, renderHead, renderRow, renderSkeleton } from './table-parts.js';
import { invoicesStyles } from './portal-invoices.styles.js';
import { invoicesMessages } from './messages.js';

export const INVOICE_FILTERS: readonly InvoiceFilter[] = ['all', 'outstanding', 'paid'];
export const DEFAULT_PAGE_SIZE = 25;

/** Placeholder rows while the first page loads: enough to fill the view, few enough to stay cheap. */
const SKELETON_ROWS = 10;

/**
 * Rows render in fixed blocks of this many, each behind `guard`: appending a page renders only the
 * blocks it touches, so an append costs the same at row 10,000 as at row 100.
 */
const BLOCK_SIZE = 100;

/**
 * A first page longer than this paints its first rows at once and the rest one frame later: the customer
 * sees rows sooner, and a screenful is all that can be seen in that frame anyway.
 */
const FIRST_PAINT_ROWS = 25;

/** Where focus goes once the next render is on screen: a row's control (else the one at `index`). */
type FocusTarget = { rowId: string; index: number } | 'footer';

/**
 * @summary The customer's invoices and orders, newest first, with status, amounts and a filter.
 *
 * Rows come from the store a page at a time (`page-size`, default 25, at most 100) behind a "Load more"
 * button. Every loaded row stays in the DOM (Tab, find-in-page and screen readers reach all of them),
 * yet an append costs the same at row 10,000 as at row 25: rows render in guarded blocks of 100 and
 * off-screen blocks skip layout and paint. A table on wide containers, stacked cards on narrow ones
 * (container queries), right-to-left safe. After a payment the store invalidates the lists and the rows
 * shown are refreshed with one request, keeping the customer's place.
 *
 * @fires portal-invoice-select - A row's invoice was chosen (click, Enter or Space on its number);
 *   `detail.invoiceId`. Cancelable. `<portal-root>` opens the invoice; alone, the page decides.
 * @fires portal-navigate - Pay on a due row (shown when the merchant allows paying invoices):
 *   `{ section: 'invoices', invoiceId, pay: true }`. Cancelable. `<portal-root>` opens its pay flow.
 *
 * @csspart base - The filter, the list and its footer.
 * @csspart filters - The filter's radio group.
 * @csspart table - The table of invoices (an ARIA table; its rows become cards on narrow containers).
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
export class PortalInvoices extends PortalElement<typeof invoicesMessages> {
  static override styles = [...elementStyles, invoicesStyles];
  static override messages = invoicesMessages;

  /** Whether the merchant lets customers pay here: due rows then offer Pay. */
  private readonly settingsQuery = new QueryController(this, queries.settings);

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

  /** How many rows to render while a long first page is being painted; Infinity the rest of the time. */
  @state() private paintLimit = Infinity;
  private restPainted: Promise<void> | null = null;

  private blocks: (readonly InvoiceSummary[])[] = [];
  private blockedRows: readonly InvoiceSummary[] = [];
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
    const controls = () => [...root.querySelectorAll<HTMLButtonElement>('button[data-invoice-id]')];
    let element: HTMLElement | null | undefined;
    if (target === 'footer') {
      element = root.querySelector<HTMLElement>('.footer button') ?? controls().at(-1);
    } else {
      element =
        root.querySelector<HTMLElement>(`button[data-invoice-id="${CSS.escape(target.rowId)}"]`) ??
        controls().at(Math.max(0, Math.min(target.index, controls().length - 1))) ??
        root.querySelector<HTMLElement>('.footer button, input[name="filter"]:checked');
    }
    if (element && root.activeElement !== element) element.focus();
  }

  /** Announces what changed and decides where focus goes, before the new rows are rendered. */
  private onListOutcome(outcome: InvoicePagesOutcome): void {
    const t = this.t.invoices;
    const rows = this.list.rows;
    const shown = t.shown(rows.length, this.format.number(rows.length));
    const active = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    switch (outcome.kind) {
      case 'first':
        if (rows.length > FIRST_PAINT_ROWS) this.paintFirstRowsFirst();
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
          this.pendingFocus = { rowId: outcome.added[0].id, index: rows.length - added };
        break;
      }
      case 'refresh': {
        if (outcome.changed) this.announcement = t.updated;
        // Focus stays on its invoice, even if its row moved to another block and was re-created; a row
        // that left the list (paid, under "outstanding") hands focus to the row that took its place.
        const focusedId = active?.dataset.invoiceId ?? active?.dataset.payInvoiceId;
        if (focusedId !== undefined) {
          this.pendingFocus = {
            rowId: focusedId,
            index: outcome.previous.findIndex((row) => row.id === focusedId),
          };
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

  private paintFirstRowsFirst(): void {
    this.paintLimit = FIRST_PAINT_ROWS;
    this.restPainted ??= new Promise((resolve) => {
      let done = false;
      const paintRest = () => {
        if (done) return;
        done = true;
        this.paintLimit = Infinity;
        this.restPainted = null;
        resolve();
      };
      requestAnimationFrame(paintRest);
      // A page in the background gets no animation frames: its rows still arrive, a little later.
      setTimeout(paintRest, 100);
    });
  }

  /** `updateComplete` waits for every row of a long first page, not just the first ones. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    if (!this.restPainted) return result;
    await this.restPainted;
    return super.getUpdateComplete();
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
    const pay = (event.target as Element).closest<HTMLButtonElement>('button[data-pay-invoice-id]');
    const payId = pay?.dataset.payInvoiceId;
    if (payId) {
      // Straight to the pay flow: `<portal-root>` opens the invoice on it; alone, the page decides.
      emit(
        this,
        'portal-navigate',
        { section: 'invoices', invoiceId: payId, pay: true },
        { cancelable: true },
      );
      return;
    }
    const control = (event.target as Element).closest<HTMLButtonElement>('button[data-invoice-id]');
    const invoiceId = control?.dataset.invoiceId;
    if (invoiceId) emit(this, 'portal-invoice-select', { invoiceId }, { cancelable: true });
  }

  /**
   * Tab moves from row to row (one stop per row, even at 10,000 rows); within a row, → reaches its Pay
   * and ← goes back to its number, as in a grid.
   */
  private onRowKeydown(event: KeyboardEvent): void {
    const forward = this.matches(':dir(rtl)') ? 'ArrowLeft' : 'ArrowRight';
    const backward = forward === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
    const control = event.target as HTMLElement;
    const cell = control.closest('.number');
    const target =
      event.key === forward && control.dataset.invoiceId
        ? cell?.querySelector<HTMLElement>('.pay')
        : event.key === backward && control.dataset.payInvoiceId
          ? cell?.querySelector<HTMLElement>('.open')
          : null;
    if (!target) return;
    event.preventDefault();
    target.focus();
  }

  private rowsToPaint(): readonly InvoiceSummary[] {
    const rows = this.list.rows;
    return rows.length > this.paintLimit ? rows.slice(0, this.paintLimit) : rows;
  }

  /** The rows in blocks of BLOCK_SIZE; a block whose rows did not change keeps its identity. */
  private blocksOf(rows: readonly InvoiceSummary[]): (readonly InvoiceSummary[])[] {
    if (rows === this.blockedRows) return this.blocks;
    const blocks: (readonly InvoiceSummary[])[] = [];
    for (let start = 0; start < rows.length; start += BLOCK_SIZE) {
      const end = Math.min(start + BLOCK_SIZE, rows.length);
      const previous = this.blocks[blocks.length];
      const unchanged =
        previous?.length === end - start && previous.every((row, offset) => row === rows[start + offset]);
      blocks.push(unchanged ? previous : rows.slice(start, end));
    }
    this.blocks = blocks;
    this.blockedRows = rows;
    return blocks;
  }

  private viewOf(row: InvoiceSummary): RowView {
    let view = this.views.get(row);
    if (!view) {
      // Resolving the locale walks the DOM: once per row, not once per cell.
      const format = this.format;
      const t = this.t;
      view = {
        kind: t.invoiceKind[row.kind],
        issued: format.date(row.issueDate),
        due: row.dueDate ? format.date(row.dueDate) : null,
        total: format.money(row.total),
        amountDue: format.money(row.amountDue),
        openLabel: t.invoiceRef.openInvoice(row.number),
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

  /**
   * An ARIA table rather than <table>: a <table> is laid out as one piece, so appending a page
   * re-laid out every row (about 170 ms at 6,000 rows, measured). Here each row is its own grid on a
   * shared column template, and each block of rows is skipped by layout and paint while off screen
   * (`content-visibility: auto`) — yet stays in the DOM, so Tab, find-in-page and screen readers reach
   * every loaded row.
   */
  private renderTable(): TemplateResult {
    const canPay = this.settingsQuery.value?.invoices.payInvoices === true;
    return html`<div role="table" class="table" part="table" aria-label=${this.t.invoices.caption}>
      ${renderHead(this.t)}
      <div class="body" @click=${this.onRowClick} @keydown=${this.onRowKeydown}>
        ${this.blocksOf(this.rowsToPaint()).map(
          (block) =>
            html`<div role="rowgroup" class="block">
              ${guard([block, this.viewsLocale, canPay], () =>
                repeat(
                  block,
                  (row) => row.id,
                  (row) => renderRow(this.t, row, this.viewOf(row), canPay),
                ),
              )}
            </div>`,
        )}
      </div>
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
    if (list.phase !== 'ready') return renderSkeleton(this.t, Math.min(this.currentPageSize, SKELETON_ROWS));
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
