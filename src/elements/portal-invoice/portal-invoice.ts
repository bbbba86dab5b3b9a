import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { type PortalError, toPortalError } from '../../contract/errors.js';
import { FocusController } from '../../controllers/focus.js';
import { LiveRegionController } from '../../controllers/live-region.js';
import { type PortalEvent, emit } from '../../core/events.js';
import { PortalElement } from '../../core/portal-element.js';
import { QueryController, loadedValue } from '../../core/query.js';
import { intentOf } from '../../contract/operations.js';
import { queries, when } from '../../core/queries.js';
import type { DocumentLink, Invoice, PortalSettings } from '../../model/index.js';
import { renderFacts } from '../../ui/facts.js';
import { renderInvoiceStatus } from '../../ui/invoice-status.js';
import {
  errorMessage,
  renderEmpty,
  renderError,
  renderLoading,
  renderMisconfigured,
  renderBusy,
} from '../../ui/states.js';
import { elementStyles } from '../../ui/styles.js';
import type { PortalPayInvoice } from '../portal-pay-invoice/portal-pay-invoice.js';
import { type DetailsContext, renderLines, renderPayments } from './details-view.js';
import { isSafeDocumentUrl, startDownload } from './download.js';
import { NOTE_MAX_LENGTH, renderNotes } from './notes-view.js';
import { invoiceStyles } from './portal-invoice.styles.js';
import { invoiceMessages } from './messages.js';
import { sentence } from '../../ui/user-text.js';

export { NOTE_MAX_LENGTH } from './notes-view.js';

/** The counter is read out only near the limit, once typing pauses, so it informs without chattering. */
const COUNTER_ANNOUNCE_BELOW = 200;
const COUNTER_ANNOUNCE_AFTER_MS = 1000;

/** The payment element's code, fetched once, the first time a customer presses Pay. */
const loadPayFlow = () => import('../portal-pay-invoice/define.js');

let instances = 0;

/**
 * @summary One invoice or order: lines, taxes, totals, payments, notes shared with the merchant, a PDF,
 * and paying what is due without leaving the page.
 *
 * Pay opens `<portal-pay-invoice>` in place of the invoice, with a control back to it. The payment element
 * stays in the page while the invoice shows again, so a payment still in flight (or whose outcome is
 * being checked) keeps its state and its idempotency key; Pay shows it again. When a payment finishes and
 * the customer presses Done, the refreshed invoice comes back with focus on its heading.
 *
 * @fires portal-error - Sending a note or preparing the PDF failed; `detail.operation` is
 *   `addInvoiceNote` or `getInvoicePdf`. Payment failures come from the payment element (`payInvoice`).
 * @fires portal-payment - Bubbles from the payment element when a payment finishes with a receipt.
 *
 * @csspart base - The element's column.
 * @csspart header - Number, kind, status, dates and actions.
 * @csspart heading - The invoice's heading.
 * @csspart status - The status badge (also `status-<status>`).
 * @csspart actions - The Pay and Download PDF buttons.
 * @csspart lines - The table of lines, taxes and totals.
 * @csspart payments - The payments made and the amounts paid and due.
 * @csspart notes - The notes and the reply form.
 * @csspart note-form - The reply form.
 * @csspart pay-flow - The payment flow shown in place of the invoice.
 * @csspart loading - The skeleton shown while the invoice loads.
 * @csspart error - A loading, note or PDF error.
 * @csspart empty - The message when no invoice is chosen.
 *
 * @cssproperty --portal-color-primary - Brand colour of the main buttons.
 * @cssproperty --portal-color-surface-raised - Background of the merchant's notes.
 * @cssproperty --portal-control-height - Height of fields and buttons; keep it at 24px or more (WCAG 2.5.8).
 */
export class PortalInvoice extends PortalElement<typeof invoiceMessages> {
  static override styles = [...elementStyles, invoiceStyles];
  static override messages = invoiceMessages;

  private readonly invoiceQuery = new QueryController(
    this,
    queries.invoice(() => this.invoiceId),
  );

  private readonly settingsQuery = new QueryController(
    this,
    when(() => !!this.invoiceId, queries.settings),
  );

  @query('portal-pay-invoice') private payElement?: PortalPayInvoice;

  /** The payment flow is on show instead of the invoice. */
  @state() private paying = false;
  /** The payment element exists; it stays (hidden) once opened, see the summary. */
  @state() private payOpened = false;
  /** The payment flow's code could not be fetched (offline): said next to Pay, with a retry. */
  @state() private payFlowError: PortalError | null = null;
  @state() private noteText = '';
  @state() private noteBusy = false;
  /** Why the last note was not sent; tied to the text area. */
  @state() private noteError: string | null = null;
  @state() private pdfBusy = false;
  @state() private pdfError: string | null = null;
  @state() private counterAnnouncement = '';

  /** The invoice or order to show. */
  @property({ attribute: 'invoice-id' }) invoiceId = '';

  /**
   * A payment method to pay with now ("Pay now" with a card just added): the pay flow opens on it, with
   * that method preselected. Empty: the invoice shows, and Pay preselects the default method.
   */
  @property({ attribute: 'payment-method-id' }) paymentMethodId = '';

  /** Open straight on the pay flow (Pay pressed on a row of the list, or "Pay now" on the overview). */
  @property({ type: Boolean }) pay = false;

  private readonly uid = `portal-invoice-${++instances}`;
  private readonly focusing = new FocusController(this);
  private readonly liveRegion = new LiveRegionController(this);
  private counterTimer?: ReturnType<typeof setTimeout>;

  private get headingId(): string {
    return `${this.uid}-heading`;
  }
  private get noteId(): string {
    return `${this.uid}-note`;
  }

  // Lifecycle

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.counterTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('invoiceId') && changed.get('invoiceId') !== undefined) {
      // Another invoice: nothing said or typed about the last one applies to it.
      this.paying = false;
      this.payOpened = false;
      this.noteText = '';
      this.noteError = null;
      this.pdfError = null;
    }
    // A payment on this invoice whose outcome is not known yet (its answer was lost, or the page was
    // reloaded before it came) opens the pay flow on it, which follows it or asks what became of it.
    const pending = this.invoiceId
      ? this.store?.intents.get(intentOf('payInvoice', { invoiceId: this.invoiceId }))
      : undefined;
    // Asked to pay, or to pay with a method ("Pay now" with a card just added): the pay flow opens on it.
    const asked =
      (changed.has('paymentMethodId') || changed.has('invoiceId') || changed.has('pay')) &&
      (!!this.paymentMethodId || this.pay);
    if ((pending && !this.payOpened) || (asked && this.invoiceId)) {
      this.payOpened = true;
      this.paying = true;
      // Nobody pressed Pay here (a reload, a "Pay now" elsewhere), so the payment flow's code is fetched here.
      if (!customElements.get('portal-pay-invoice')) {
        loadPayFlow().catch((error: unknown) => (this.payFlowError = toPortalError(error)));
      }
    }
  }

  // Paying

  private async openPay(): Promise<void> {
    const pay = this.payElement;
    // A finished payment is not where the next one starts; an unfinished one is picked up where it was.
    if (pay?.receipt) pay.receipt = undefined;
    // The payment flow's code comes when it is first wanted, not with every invoice.
    if (!customElements.get('portal-pay-invoice')) {
      try {
        await loadPayFlow();
        this.payFlowError = null;
      } catch (error) {
        this.payFlowError = toPortalError(error);
        return;
      }
    }
    this.payOpened = true;
    this.paying = true;
    await this.updateComplete;
    this.payElement?.focus();
  }

  private closePay(): void {
    this.paying = false;
    this.focusing.focusWhenRendered(this.headingId);
  }

  /** The payment element's Done asks to show this invoice: that is this element's job. */
  private onPayNavigate(event: PortalEvent<'portal-navigate'>): void {
    if (event.detail.invoiceId !== this.invoiceId) return;
    event.preventDefault();
    event.stopPropagation();
    this.closePay();
  }

  // Notes

  private onNoteInput(event: Event): void {
    this.noteText = (event.target as HTMLTextAreaElement).value;
    if (this.noteError) this.noteError = null;
    clearTimeout(this.counterTimer);
    const left = NOTE_MAX_LENGTH - this.noteText.length;
    if (left <= COUNTER_ANNOUNCE_BELOW) {
      this.counterTimer = setTimeout(() => {
        this.counterAnnouncement = this.t.invoice.charactersLeft(left, this.format.number(left));
      }, COUNTER_ANNOUNCE_AFTER_MS);
    }
  }

  private noteFailure(error: PortalError): string {
    const t = this.t;
    if (error.code === 'forbidden') return t.invoice.notesOff;
    const field = error.fieldErrors.find((each) => each.path === 'body');
    if (error.code === 'validation' && field) return t.fieldErrors[field.code] ?? t.fieldErrors.invalid;
    return errorMessage(t, error);
  }

  private async onNoteSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const store = this.store;
    // One note per press: a second Enter or click while it is sent does nothing.
    if (this.noteBusy || this.readOnly || !store) return;
    const t = this.t.invoice;
    const body = this.noteText.trim();
    if (!body) {
      this.noteError = t.noteRequired;
      this.focusing.focusWhenRendered(this.noteId);
      return;
    }
    this.noteBusy = true;
    this.noteError = null;
    this.liveRegion.announce(t.sendingNote);
    try {
      await store.mutate('addInvoiceNote', { id: this.invoiceId, body });
    } catch (error) {
      const failure = toPortalError(error);
      emit(this, 'portal-error', { error: failure, operation: 'addInvoiceNote' });
      // The text stays as typed, so nothing is lost; the reason is read out with the field.
      this.noteError = this.noteFailure(failure);
      this.liveRegion.announce(this.noteError);
      this.focusing.focusWhenRendered(this.noteId);
      return;
    } finally {
      this.noteBusy = false;
    }
    this.noteText = '';
    this.counterAnnouncement = '';
    this.liveRegion.announce(t.noteSent);
  }

  // PDF

  private async onDownload(): Promise<void> {
    const store = this.store;
    if (this.pdfBusy || !store) return;
    const t = this.t.invoice;
    this.pdfBusy = true;
    this.pdfError = null;
    this.liveRegion.announce(t.preparingPdf);
    let link: DocumentLink;
    try {
      link = await store.read('getInvoicePdf', { id: this.invoiceId });
    } catch (error) {
      const failure = toPortalError(error);
      emit(this, 'portal-error', { error: failure, operation: 'getInvoicePdf' });
      this.pdfError = t.pdfFailed(errorMessage(this.t, failure));
      return;
    } finally {
      this.pdfBusy = false;
    }
    if (!isSafeDocumentUrl(link.url)) {
      if (link.url.startsWith('blob:')) URL.revokeObjectURL(link.url);
      this.pdfError = t.pdfFailed(this.t.errors.invalid_response);
      return;
    }
    startDownload(link, this.renderRoot);
    this.liveRegion.announce(t.pdfStarted);
  }

  // Rendering

  /** A calendar date, readable by machines too. */
  private renderDate(date: string): TemplateResult {
    return html`<time datetime=${date}>${this.format.date(date)}</time>`;
  }

  private renderHeader(invoice: Invoice, settings: PortalSettings): TemplateResult {
    const t = this.t;
    const canPay = settings.invoices.payInvoices && invoice.amountDue.amount > 0;
    return html`<header class="header" part="header">
      <div class="title">
        <h2 id=${this.headingId} tabindex="-1" part="heading">
          ${sentence((number) => t.invoice.heading(t.invoiceKind[invoice.kind], number), invoice.number)}
        </h2>
        ${renderInvoiceStatus(t, invoice.status)}
      </div>
      ${renderFacts([
        { label: t.invoice.issued, value: this.renderDate(invoice.issueDate) },
        invoice.dueDate && { label: t.invoice.due, value: this.renderDate(invoice.dueDate) },
        { label: t.invoice.total, value: this.format.money(invoice.total) },
        { label: t.invoice.amountDue, value: this.format.money(invoice.amountDue) },
      ])}
      ${
        canPay || settings.invoices.downloadPdf
          ? html`<div class="actions" part="actions">
              ${
                canPay
                  ? html`<button type="button" class="button primary" @click=${this.openPay}>
                      ${t.invoice.pay[invoice.kind]}
                    </button>`
                  : nothing
              }
              ${
                settings.invoices.downloadPdf
                  ? html`<button
                      type="button"
                      class="button"
                      aria-disabled=${this.pdfBusy ? 'true' : 'false'}
                      @click=${this.onDownload}
                    >
                      ${this.pdfBusy ? renderBusy(t.invoice.preparingPdf) : t.invoice.downloadPdf}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
      <div role="alert">
        ${this.pdfError ? html`<div class="alert error" part="error"><p>${this.pdfError}</p></div>` : nothing}
      </div>
    </header>`;
  }

  private renderInvoice(invoice: Invoice, settings: PortalSettings): TemplateResult {
    const context: DetailsContext = {
      t: this.t,
      format: this.format,
      locale: this.resolvedLocale,
      uid: this.uid,
    };
    return html`<article class="invoice" aria-labelledby=${this.headingId}>
      ${this.renderHeader(invoice, settings)} ${renderLines(context, invoice)}
      ${renderPayments(context, invoice)}
      ${renderNotes(context, invoice, settings, {
        id: this.noteId,
        text: this.noteText,
        busy: this.noteBusy,
        readOnly: this.readOnly,
        error: this.noteError,
        counterAnnouncement: this.counterAnnouncement,
        onInput: (event) => this.onNoteInput(event),
        onSubmit: (event) => void this.onNoteSubmit(event),
      })}
    </article>`;
  }

  private renderPayFlow(invoice: Invoice | undefined): TemplateResult {
    return html`<div class="pay-flow" part="pay-flow" ?hidden=${!this.paying}>
      <p>
        <button type="button" class="button link" @click=${this.closePay}>
          ${sentence((number) => this.t.invoice.backTo(number), invoice?.number ?? '')}
        </button>
      </p>
      ${keyed(
        this.invoiceId,
        html`<portal-pay-invoice
          invoice-id=${this.invoiceId}
          payment-method-id=${this.paymentMethodId}
          .adapter=${this.adapter}
          api=${ifDefined(this.api)}
          session-token=${ifDefined(this.sessionToken)}
          locale=${this.resolvedLocale}
          @portal-navigate=${this.onPayNavigate}
        ></portal-pay-invoice>`,
      )}
    </div>`;
  }

  private renderContent(): TemplateResult {
    const t = this.t;
    const invoiceState = this.invoiceQuery.state;
    const invoice = loadedValue(invoiceState);
    const settings = loadedValue(this.settingsQuery.state);
    if (invoice && settings) return this.renderInvoice(invoice, settings);
    if (invoiceState.status === 'error' && invoiceState.error.code === 'not_found') {
      // Another customer's invoice answers exactly like one that does not exist; retrying cannot help.
      return html`<div class="content">
        <h2 id=${this.headingId} tabindex="-1" part="heading">${t.invoiceRef.notFoundHeading}</h2>
        <div class="alert error" role="alert" part="error"><p>${t.invoiceRef.notFound}</p></div>
      </div>`;
    }
    const failed = [invoiceState, this.settingsQuery.state].find((each) => each.status === 'error');
    if (failed?.status === 'error') {
      return renderError(t, failed.error, () => {
        this.invoiceQuery.refresh();
        this.settingsQuery.refresh();
      });
    }
    return renderLoading(t, 12);
  }

  override render(): TemplateResult {
    const t = this.t;
    let body: TemplateResult;
    if (!this.store) {
      this.reportMissingStore();
      body = renderMisconfigured(t);
    } else if (!this.invoiceId) {
      body = renderEmpty(t.invoice.noneSelected);
    } else {
      body = html`${this.payOpened ? this.renderPayFlow(loadedValue(this.invoiceQuery.state)) : nothing}
        ${this.payFlowError ? renderError(t, this.payFlowError, () => void this.openPay()) : nothing}
        <div ?hidden=${this.paying}>${this.renderContent()}</div>`;
    }
    return html`<div class="content" part="base">
      ${this.previewNote} ${body} ${this.liveRegion.render()}
    </div>`;
  }
}
