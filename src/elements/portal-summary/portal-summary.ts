import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type PortalEventDetails, emit } from '../../core/events.js';
import { PortalElement } from '../../core/portal-element.js';
import { QueryController, type QueryState } from '../../core/query.js';
import { queries } from '../../core/queries.js';
import type { BillingSummary, InvoiceListQuery, InvoicePage, InvoiceSummary } from '../../model/index.js';
import { renderInvoiceStatus } from '../../ui/invoice-status.js';
import { paymentMethodLabel } from '../../ui/payment-method-label.js';
import { renderError, renderLoading, renderMisconfigured } from '../../ui/states.js';
import { elementStyles } from '../../ui/styles.js';
import { SECTIONS, isRegistered } from '../../core/sections.js';
import { summaryStyles } from './portal-summary.styles.js';
import { summaryMessages } from './messages.js';
import { userText } from '../../ui/user-text.js';

/**
 * The invoices behind the balance: one page, as many rows as the contract allows. Both disclosures
 * (outstanding and overdue) read this one key, so opening both costs one request.
 */
const BREAKDOWN_QUERY: InvoiceListQuery = { filter: 'outstanding', limit: 100 };

type Breakdown = 'outstanding' | 'overdue';

/** The sections the summary's figures lead to. */
type Destination = 'invoices' | 'subscriptions' | 'paymentMethods';
const DESTINATION_TAGS: readonly string[] = SECTIONS.filter((section) =>
  ['invoices', 'subscriptions', 'paymentMethods'].includes(section.id),
).flatMap((section) => (section.tag ? [section.tag] : []));

/** The figures a customer would notice changing; a refresh that changes none of them stays silent. */
function fingerprint(summary: BillingSummary): string {
  return [
    summary.outstanding.amount,
    summary.outstanding.currency,
    summary.outstandingCount,
    summary.overdue.amount,
    summary.overdueCount,
    summary.nextBillingDate ?? '',
    summary.autoPay.enabled,
    summary.autoPay.paymentMethodLabel ?? '',
  ].join('|');
}

/**
 * @summary The customer's billing at a glance: outstanding balance, next billing date, billing
 * frequency, auto-pay, and a warning when something is overdue — each leading to what makes it up.
 *
 * The balance and the overdue warning open a list of the invoices behind them (read through the store,
 * `{ filter: 'outstanding', limit: 100 }`). The figures refresh on their own after a payment, because the
 * store invalidates the summary; a change is announced politely to screen readers.
 *
 * Controls that lead to another section (all outstanding invoices, subscriptions, payment methods) are
 * shown only when something will handle them: inside `<portal-root>` (when that section exists), or
 * alone when the page opts in with `navigable` and listens for `portal-navigate`.
 *
 * @fires portal-invoice-select - An invoice in a breakdown was chosen; `detail.invoiceId`. Cancelable.
 * @fires portal-navigate - "Pay now" on the overdue warning: `{ section: 'invoices', invoiceId, pay: true }`
 *   for one overdue invoice, else `{ section: 'invoices', filter: 'outstanding' }`. Cancelable.
 * @fires portal-navigate - The customer asked for another section: `{ section: 'invoices', filter:
 *   'outstanding' }`, `{ section: 'subscriptions' }` or `{ section: 'paymentMethods' }`. Cancelable: the
 *   handler cancels it to say it took care of it.
 *
 * @csspart base - The figures and the warning.
 * @csspart figure - Each figure's box; the balance's box also has `balance`.
 * @csspart value - The figure itself (an amount, a date, a status).
 * @csspart breakdown - The list of invoices behind the balance or the overdue amount.
 * @csspart warning - The overdue warning.
 * @csspart status - An invoice's status badge in a breakdown (with `status-<status>`).
 * @csspart loading - The skeleton shown while the summary loads.
 * @csspart empty - The "all paid up" state.
 * @csspart error - A failure, with a retry.
 *
 * @cssproperty --portal-summary-column-min - Narrowest a figure's column gets before the figures stack
 *   (default 12rem).
 * @cssproperty --portal-color-primary - Brand colour (set from `theme-color`).
 * @cssproperty --portal-color-warning - Colour of the overdue warning.
 * @cssproperty --portal-font-family - Font of the summary.
 * @cssproperty --portal-radius - Corner radius of the figures' boxes.
 * @cssproperty --portal-spacing - Space between figures.
 */
export class PortalSummary extends PortalElement<typeof summaryMessages> {
  static override styles = [...elementStyles, summaryStyles];
  static override messages = summaryMessages;

  private readonly summaryQuery = new QueryController(this, queries.summary);
  /** Whether the merchant lets customers pay here: the overdue warning then offers "Pay now". */
  private readonly settingsQuery = new QueryController(this, queries.settings);

  /** Read only once a disclosure opens: most visits never ask what makes up the balance. */
  private readonly breakdownQuery = new QueryController(
    this,
    queries.invoices(() => (this.expanded.size > 0 ? BREAKDOWN_QUERY : null)),
  );

  @state() private expanded: ReadonlySet<Breakdown> = new Set();
  /** "Pay now" is finding the one overdue invoice. */
  @state() private findingOverdue = false;
  /** Updates for screen readers, in a polite live region that stays on the page in every state. */
  @state() private announcement = '';

  /**
   * Alone on a page, show the controls that lead to other sections; the page handles `portal-navigate`.
   * Inside `<portal-root>` the root handles them and this is not needed.
   */
  @property({ type: Boolean }) navigable = false;

  private shownFingerprint: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // A section registered later (a lazily loaded element) brings its "manage" control with it.
    for (const tag of DESTINATION_TAGS) {
      if (!isRegistered(tag)) void customElements.whenDefined(tag).then(() => this.requestUpdate());
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const summary = this.summaryQuery.value;
    if (!summary) return;
    const current = fingerprint(summary);
    if (this.shownFingerprint !== null && current !== this.shownFingerprint) {
      this.announcement = this.t.summary.updated(this.format.money(summary.outstanding));
    }
    this.shownFingerprint = current;
    // A disclosure whose figure went to zero (after a payment) closes, and stops asking for its list.
    const stillOwed = new Set(
      [...this.expanded].filter((which) =>
        which === 'overdue' ? summary.overdueCount > 0 : summary.outstanding.amount > 0,
      ),
    );
    if (stillOwed.size !== this.expanded.size) this.expanded = stillOwed;
  }

  private toggle(which: Breakdown): void {
    const next = new Set(this.expanded);
    if (next.has(which)) next.delete(which);
    else next.add(which);
    this.expanded = next;
  }

  private canNavigate(section: Destination): boolean {
    if (!this.portal) return this.navigable;
    const spec = SECTIONS.find((each) => each.id === section);
    return spec !== undefined && isRegistered(spec.tag);
  }

  private navigate(detail: PortalEventDetails['portal-navigate']): void {
    emit(this, 'portal-navigate', detail, { cancelable: true });
  }

  /**
   * "Pay now": one overdue invoice opens straight on its pay flow; several open the outstanding list,
   * where each due row has its own Pay. The one invoice's id comes from the breakdown's list (cached
   * when the disclosure was opened); if it cannot be read, the list opens instead.
   */
  private async payOverdue(summary: BillingSummary): Promise<void> {
    const store = this.store;
    if (!store || this.findingOverdue) return;
    let invoiceId: string | undefined;
    if (summary.overdueCount === 1) {
      this.findingOverdue = true;
      try {
        const page = await store.read('listInvoices', BREAKDOWN_QUERY);
        invoiceId = page.items.find((each) => each.status === 'overdue')?.id;
      } catch {
        invoiceId = undefined;
      } finally {
        this.findingOverdue = false;
      }
    }
    this.navigate(
      invoiceId
        ? { section: 'invoices', invoiceId, pay: true }
        : { section: 'invoices', filter: 'outstanding' },
    );
  }

  private renderPayNow(summary: BillingSummary): TemplateResult | typeof nothing {
    if (!this.canNavigate('invoices') || !this.settingsQuery.value?.invoices.payInvoices) return nothing;
    return html`<button
      type="button"
      class="button primary pay-now"
      aria-disabled=${this.findingOverdue ? 'true' : 'false'}
      @click=${() => this.payOverdue(summary)}
    >
      ${this.t.summary.payNow}
    </button>`;
  }

  private select(invoiceId: string): void {
    emit(this, 'portal-invoice-select', { invoiceId }, { cancelable: true });
  }

  private renderNavigation(section: Destination, label: string): TemplateResult | typeof nothing {
    if (!this.canNavigate(section)) return nothing;
    const detail: PortalEventDetails['portal-navigate'] =
      section === 'invoices' ? { section, filter: 'outstanding' } : { section };
    return html`<button type="button" class="button link" @click=${() => this.navigate(detail)}>
      ${label}
    </button>`;
  }

  private renderToggle(which: Breakdown, label: string): TemplateResult {
    return html`<button
      type="button"
      id="toggle-${which}"
      class="button link disclosure"
      aria-expanded=${this.expanded.has(which) ? 'true' : 'false'}
      aria-controls="breakdown-${which}"
      @click=${() => this.toggle(which)}
    >
      ${label}
    </button>`;
  }

  /** The panel exists while closed too, so `aria-controls` always names an element. */
  private renderBreakdown(which: Breakdown, summary: BillingSummary): TemplateResult {
    const open = this.expanded.has(which);
    return html`<div id="breakdown-${which}" class="breakdown" part="breakdown" ?hidden=${!open}>
      ${open ? this.renderBreakdownBody(which, summary, this.breakdownQuery.state) : nothing}
    </div>`;
  }

  private renderBreakdownBody(
    which: Breakdown,
    summary: BillingSummary,
    query: QueryState<InvoicePage>,
  ): TemplateResult {
    const t = this.t;
    if (query.status === 'error') return renderError(t, query.error, () => this.breakdownQuery.refresh());
    if (query.status !== 'complete') return renderLoading(t, 2);
    const items =
      which === 'overdue' ? query.value.items.filter((each) => each.status === 'overdue') : query.value.items;
    const expected = which === 'overdue' ? summary.overdueCount : summary.outstandingCount;
    // The list is one page of at most 100; a customer with more is told how many are left out.
    const missing = Math.max(0, expected - items.length);
    return html`<ul class="breakdown-list" aria-labelledby="toggle-${which}">
        ${items.map((invoice) => this.renderBreakdownItem(invoice))}
      </ul>
      ${missing > 0 ? html`<p class="more">${t.summary.notShown(missing, this.format.number(missing))}</p>` : nothing}`;
  }

  private renderBreakdownItem(invoice: InvoiceSummary): TemplateResult {
    const t = this.t;
    return html`<li class="breakdown-item">
      <button
        type="button"
        class="button link number"
        aria-label=${t.invoiceRef.openInvoice(invoice.number)}
        @click=${() => this.select(invoice.id)}
      >
        ${userText(invoice.number)}
      </button>
      <span class="due">
        ${invoice.dueDate ? t.summary.due(this.format.date(invoice.dueDate)) : t.invoiceRef.noDueDate}
      </span>
      <span class="amount">${this.format.money(invoice.amountDue)}</span>
      ${renderInvoiceStatus(t, invoice.status)}
    </li>`;
  }

  private renderBalance(summary: BillingSummary): TemplateResult {
    const t = this.t;
    const owes = summary.outstanding.amount > 0;
    const count = summary.outstandingCount;
    return html`<div class="figure balance" part="figure balance">
      <dt>${t.summary.outstanding}</dt>
      <dd>
        <span class="value" part="value">${this.format.money(summary.outstanding)}</span>
        <span class="detail">
          ${owes ? t.summary.invoiceCount(count, this.format.number(count)) : t.summary.paidUp}
        </span>
        <span class="actions">
          ${owes ? this.renderToggle('outstanding', t.summary.balanceBreakdown) : nothing}
          ${owes ? this.renderNavigation('invoices', t.summary.seeAllOutstanding) : nothing}
        </span>
        ${owes ? this.renderBreakdown('outstanding', summary) : nothing}
      </dd>
    </div>`;
  }

  /** A figure: its value on one line, an optional detail on a second line every figure reserves. */
  private renderFigure(
    label: string,
    value: string,
    action: TemplateResult | typeof nothing = nothing,
    detail = '',
  ): TemplateResult {
    return html`<div class="figure" part="figure">
      <dt>${label}</dt>
      <dd>
        <span class="value" part="value">${value}</span>
        <span class="detail">${detail}</span>
        <span class="actions">${action}</span>
      </dd>
    </div>`;
  }

  private frequencyText(summary: BillingSummary): string {
    const t = this.t.summary;
    if (summary.billingFrequency) {
      const { interval, intervalCount } = summary.billingFrequency;
      return t.frequency[interval](intervalCount);
    }
    // The backend leaves the frequency out when live subscriptions bill on different schedules.
    return summary.nextBillingDate ? t.frequencyMixed : t.noSubscriptions;
  }

  /** The method auto-pay charges, in the customer's language (the backend's label only as a fallback). */
  private autoPayMethod(summary: BillingSummary): string {
    const { enabled, paymentMethod, paymentMethodLabel: backendLabel } = summary.autoPay;
    if (!enabled) return '';
    return paymentMethod ? paymentMethodLabel(this.t, paymentMethod) : (backendLabel ?? '');
  }

  private renderOverdue(summary: BillingSummary): TemplateResult | typeof nothing {
    if (summary.overdueCount === 0 || summary.overdue.amount === 0) return nothing;
    const t = this.t;
    const count = summary.overdueCount;
    // A static box, not role=alert: the customer reads it with the rest; changes go to the live region.
    return html`<div class="alert warning overdue" part="warning">
      <p>${t.summary.overdue(this.format.money(summary.overdue), count, this.format.number(count))}</p>
      ${this.renderPayNow(summary)} ${this.renderToggle('overdue', t.summary.overdueBreakdown)}
      ${this.renderBreakdown('overdue', summary)}
    </div>`;
  }

  private renderContent(summary: BillingSummary): TemplateResult {
    const t = this.t;
    if (summary.outstanding.amount === 0 && !summary.nextBillingDate) {
      return html`<div class="paid-up" part="empty">
        <p class="paid-up-title">${t.summary.paidUp}</p>
        <p>${t.summary.emptyDetail}</p>
      </div>`;
    }
    return html`<div class="summary" part="base">
      <dl class="figures">
        ${this.renderBalance(summary)}
        ${this.renderFigure(
          t.summary.nextBilling,
          summary.nextBillingDate ? this.format.date(summary.nextBillingDate) : t.summary.nothingScheduled,
          this.renderNavigation('subscriptions', t.summary.manageSubscriptions),
        )}
        ${this.renderFigure(t.summary.billingFrequency, this.frequencyText(summary))}
        ${this.renderFigure(
          t.summary.autoPay,
          summary.autoPay.enabled ? t.summary.autoPayOn : t.summary.autoPayOff,
          this.renderNavigation('paymentMethods', t.summary.managePaymentMethods),
          this.autoPayMethod(summary),
        )}
      </dl>
      ${this.renderOverdue(summary)}
    </div>`;
  }

  /** The same boxes, labels and line heights as the content, so nothing moves when the figures arrive. */
  private renderSkeleton(): TemplateResult {
    const t = this.t;
    const figure = (label: string, balance = false) =>
      html`<div class="figure ${balance ? 'balance' : ''}">
        <dt>${label}</dt>
        <dd>
          <span class="value"><span class="skeleton"></span></span>
          <span class="detail">${balance ? html`<span class="skeleton"></span>` : nothing}</span>
          <span class="actions"></span>
        </dd>
      </div>`;
    return html`<div class="summary loading" part="base loading" role="status">
      <span class="visually-hidden">${t.common.loading}</span>
      <dl class="figures" aria-hidden="true">
        ${figure(t.summary.outstanding, true)} ${figure(t.summary.nextBilling)}
        ${figure(t.summary.billingFrequency)} ${figure(t.summary.autoPay)}
      </dl>
    </div>`;
  }

  private renderState(): TemplateResult {
    const query = this.summaryQuery.state;
    if (query.status === 'complete') return this.renderContent(query.value);
    if (query.status === 'error') {
      return query.previous
        ? html`${renderError(this.t, query.error, () => this.summaryQuery.refresh())}
          ${this.renderContent(query.previous)}`
        : renderError(this.t, query.error, () => this.summaryQuery.refresh());
    }
    return this.renderSkeleton();
  }

  override render(): TemplateResult {
    if (!this.store) {
      this.reportMissingStore();
      return renderMisconfigured(this.t);
    }
    return html`${this.renderState()}
      <div class="visually-hidden" role="status">${this.announcement}</div>`;
  }
}
