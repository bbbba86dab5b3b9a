import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PortalError } from '../../contract/errors.js';
import { FocusController } from '../../controllers/focus.js';
import { FormStateController } from '../../controllers/form-state.js';
import { IntentFlowController } from '../../controllers/intent-flow.js';
import { LiveRegionController } from '../../controllers/live-region.js';
import { emit } from '../../core/events.js';
import { PortalElement } from '../../core/portal-element.js';
import { queries, when } from '../../core/queries.js';
import { QueryController, loadedValue } from '../../core/query.js';
import type { PayInvoice, PaymentReceipt } from '../../model/index.js';
import { CardEntryController, cardFieldsSource } from '../../providers/card-entry.js';
import type { CardFieldsProvider } from '../../providers/card-fields.js';
import { formStyles } from '../../ui/form/styles.js';
import { isUsable, isoToday } from '../../ui/payment-method-label.js';
import {
  errorMessage,
  renderEmpty,
  renderError,
  renderLoading,
  renderMisconfigured,
} from '../../ui/states.js';
import { elementStyles } from '../../ui/styles.js';
import { type PayValues, freshValues } from './draft.js';
import { type CheckContext, checkDraft, fieldOrder, refusedField } from './form-check.js';
import { renderForm } from './form-view.js';
import * as newCard from './new-card-view.js';
import {
  renderNoPayment,
  renderNotFound,
  renderPaymentsOff,
  renderReceipt,
  renderUnknown,
  refusalMessage,
} from './outcome-views.js';
import { type Loaded, type Review, isSplitting, payIds } from './pay-host.js';
import { receiptText } from './parts.js';
import { payStyles } from './portal-pay-invoice.styles.js';
import { renderReview } from './review-view.js';
import { payMessages } from './messages.js';

/**
 * The steps the customer sees (R-PAY-16) are those of IntentFlowController: form → Review → review →
 * Pay → in flight → the receipt (done), "we could not confirm" (unknown, Check again re-sends the same
 * request and key), or a refusal (nothing charged) back on the form with the reason, or on the review
 * when the same request may simply be sent again (too many attempts). Each step's template lives in its
 * own module (form-view, split-view, review-view, outcome-views); this class holds the state, the steps
 * and what moves between them.
 */

let instances = 0;

/**
 * @summary Pays one invoice: the amount due or part of it, with one payment method or split across
 * several, through a review step, with one idempotency key per customer intent.
 *
 * The flow: the form (amount and methods) → Review → "Pay <amount>" → the receipt. The key is made when
 * the customer confirms the review and reused for every retry of that payment — a double click, Enter
 * twice, "Check again" after a lost answer — so the backend charges once. After a network failure,
 * timeout or unreadable answer the outcome is unknown: the element says so, never "paid", and offers to
 * check again with the same request. Only a receipt from the backend shows a payment as made.
 *
 * Split payments are independent partial payments (the backend's documented policy): the receipt says
 * allocation by allocation what was charged and what was not, and offers to pay what is still due.
 *
 * @fires portal-payment - A payment request finished with a receipt (succeeded, partly succeeded or
 *   failed); `detail.receipt`.
 * @fires portal-navigate - The customer pressed Done on the receipt: `{ section: 'invoices', invoiceId }`,
 *   cancelable. `<portal-invoice>` handles it by showing the invoice again; when nobody cancels it the
 *   element starts over on the refreshed invoice.
 * @fires portal-error - A payment request failed; `detail.operation` is `payInvoice`.
 *
 * @csspart base - The column holding the current step.
 * @csspart heading - The heading of the current step.
 * @csspart form - The payment form, and the review's confirmation form.
 * @csspart amount - The "how much" group.
 * @csspart methods - The payment method group.
 * @csspart split - The split-payment group.
 * @csspart split-row - One method and amount of a split payment.
 * @csspart summary - The table of what will be (or was) charged to which method.
 * @csspart submit - The main button of each step.
 * @csspart notice - The outcome message of the receipt and of an unknown outcome.
 * @csspart error - A refusal or loading error.
 * @csspart loading - The skeleton shown while the invoice, methods and settings load.
 * @csspart empty - The message when there is nothing to pay, or nothing to pay with.
 *
 * @cssproperty --portal-pay-invoice-max-width - Width of the payment column (default 40rem).
 * @cssproperty --portal-color-primary - Brand colour of the main buttons and the chosen method.
 * @cssproperty --portal-control-height - Height of fields and buttons; keep it at 24px or more (WCAG 2.5.8).
 */
export class PortalPayInvoice extends PortalElement<typeof payMessages> implements newCard.NewCardHost {
  static override styles = [...elementStyles, formStyles, payStyles];
  static override messages = payMessages;

  private readonly settingsQuery = new QueryController(this, queries.settings);

  private readonly invoiceQuery = new QueryController(
    this,
    queries.invoice(() => this.invoiceId),
  );

  private readonly methodsQuery = new QueryController(
    this,
    when(() => !!this.invoiceId, queries.paymentMethods),
  );

  /**
   * The payment as one customer intent: its key, its progress, a lost answer, a reload. Its `busy` is
   * the form's busy guard: it also covers a request followed after a reload and Check again, which a
   * second flag (FormStateController's `submit`) would not know about.
   */
  private readonly flow = new IntentFlowController(this, {
    operation: 'payInvoice',
    intent: () => (this.invoiceId ? `invoice:${this.invoiceId}` : null),
    done: (receipt) => this.finished(receipt),
    unknown: (again) => this.outcomeUnknown(again),
    refused: (error, request, final) => this.refused(error, request, final),
  });

  private readonly focusing = new FocusController(this);
  private readonly liveRegion = new LiveRegionController(this);
  /** @internal Fields left, every problem shown after a Review, the backend's refusals by field id. */
  readonly form = new FormStateController(this);

  /** @internal What the customer has chosen and typed, as typed. */
  @state() values: PayValues = freshValues();
  /** @internal A refusal that belongs to no single field, shown above the current step. */
  @state() failure: string | null = null;
  @state() private reviewing: Review | null = null;

  /** The invoice to pay. */
  @property({ attribute: 'invoice-id' }) invoiceId = '';

  /**
   * The receipt on show. The element sets it when a payment finishes; set it to show a receipt (a page
   * restoring a finished payment), or clear it to leave the receipt for a new payment.
   */
  @property({ attribute: false }) receipt?: PaymentReceipt;

  /** A card to preselect (one just added, say); the customer can still choose another. */
  @property({ attribute: 'payment-method-id' }) paymentMethodId = '';

  /** Card fields for "A new card" when `<portal-root>` gives none (see `cardFieldsSource`). */
  @property({ attribute: false }) cardFields?: CardFieldsProvider;

  /** @internal */ @state() cardProblem: string | null = null;
  /** @internal */ @state() addingCard = false;
  /** @internal */ readonly cardEntry = new CardEntryController(this, {
    locale: () => this.resolvedLocale,
    theme: () => this.portal?.theme ?? this.themeTokens,
  });

  /** @internal */
  get cardSource(): (() => Promise<CardFieldsProvider>) | null {
    return cardFieldsSource(this.portal?.cardFields, this.cardFields, loadedValue(this.settingsQuery.state));
  }

  /** @internal */ readonly refreshMethods = (): void => this.methodsQuery.refresh();

  /** @internal */
  readonly ids = payIds(`portal-pay-invoice-${++instances}`);
  private nextRowKey = 1;

  /** @internal */
  get busy(): boolean {
    return this.flow.busy || this.addingCard;
  }

  private get checkContext(): CheckContext {
    return { t: this.t, format: this.format, locale: this.resolvedLocale, ids: this.ids };
  }

  // Lifecycle

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('invoiceId') && changed.get('invoiceId') !== undefined) {
      // Another invoice is another intent: nothing typed for the last one applies. A payment still in
      // flight for the last one carries on; the store keeps it, and this element stops following it.
      this.startOver();
    } else if (changed.has('paymentMethodId') && this.flow.step === 'form') {
      this.values = { ...this.values, methodId: this.paymentMethodId || null };
    }
    if (changed.has('receipt')) {
      if (this.receipt) {
        this.flow.showDone();
      } else if (this.flow.step === 'done') {
        this.startOver();
      }
    }
  }

  /** Moves focus to the heading of the current step (once it has rendered). */
  override focus(options?: FocusOptions): void {
    const heading = this.renderRoot?.querySelector<HTMLElement>(`#${CSS.escape(this.ids.heading)}`);
    if (heading) heading.focus(options);
    else this.focusing.focusWhenRendered(this.ids.heading);
  }

  private focusHeading(): void {
    this.focusing.focusWhenRendered(this.ids.heading);
  }

  // Data

  private loaded(): Loaded | null {
    const settings = loadedValue(this.settingsQuery.state);
    const invoice = loadedValue(this.invoiceQuery.state);
    const methods = loadedValue(this.methodsQuery.state);
    if (!settings || !invoice || !methods) return null;
    const today = isoToday();
    return { settings, invoice, methods, usable: methods.filter((each) => isUsable(each, today)), today };
  }

  // What the views call (PayHost)

  /** @internal */
  get onForm(): boolean {
    return this.flow.step === 'form';
  }

  /** @internal Every change of the payment makes a new intent, so the next confirmation gets a new key. */
  edit(values: Partial<PayValues>, ...editedIds: string[]): void {
    this.values = { ...this.values, ...values };
    newCard.syncCardEntry(this);
    this.flow.newIntent();
    this.failure = null;
    this.form.edited(...editedIds);
  }

  /** @internal */
  rewrite(values: Partial<PayValues>): void {
    this.values = { ...this.values, ...values };
  }

  /** @internal */
  newRowKey(): number {
    return this.nextRowKey++;
  }

  /** @internal */
  focusAfterUpdate(id: string): void {
    this.focusing.focusAfterUpdate(id);
  }

  /** @internal */
  announce(text: string): void {
    this.liveRegion.announce(text);
  }

  // Steps

  /** @internal The form → the review, or every problem shown and focus on the first. */
  onReview(event: SubmitEvent): void {
    event.preventDefault();
    const data = this.loaded();
    if (this.busy || !data) return;
    const draft = checkDraft(this.checkContext, data, this.values);
    if (draft.allocations && newCard.usesNewCard(draft.allocations) && !newCard.newCardReady(this)) return;
    if (!draft.allocations) {
      this.form.showAllErrors();
      this.liveRegion.announce(draft.splitProblem?.message ?? this.t.pay.fixErrors);
      const fields = [...draft.errors.keys(), ...this.form.serverErrors.keys()];
      const first = fieldOrder(this.ids, data, this.values).find((id) => fields.includes(id));
      const fallback = isSplitting(data, this.values) ? this.ids.rowAmount(this.values.rows[0].key) : null;
      const target = first ?? fallback;
      if (target) this.focusing.focusAfterUpdate(target);
      return;
    }
    this.reviewing = {
      invoiceId: data.invoice.id,
      invoiceNumber: data.invoice.number,
      allocations: draft.allocations,
      due: data.invoice.amountDue,
    };
    this.flow.review();
    this.failure = null;
    this.focusHeading();
  }

  /** @internal */
  onBack(): void {
    if (this.busy) return;
    this.flow.back();
    this.failure = null;
    this.focusHeading();
  }

  /** @internal R-PAY-15: the first activation wins; a second click or Enter finds the flow busy. */
  async onConfirm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    let review = this.reviewing;
    if (this.busy || this.readOnly || !review) return;
    this.failure = null;
    if (newCard.usesNewCard(review.allocations)) {
      // The card is saved first; the payment then goes to it, under this intent's one key.
      review = this.reviewing = await newCard.withNewCard(this, review);
      if (!review) return;
    }
    this.liveRegion.announce(this.t.pay.processing);
    await this.flow.submit({ invoiceId: review.invoiceId, allocations: review.allocations });
  }

  /** @internal */
  async onCheckAgain(): Promise<void> {
    if (this.flow.busy || this.readOnly || !this.flow.request) return;
    this.failure = null;
    this.liveRegion.announce(this.t.common.checking);
    await this.flow.checkAgain();
  }

  private finished(receipt: PaymentReceipt): void {
    this.reviewing = null;
    this.receipt = receipt;
    const said = receiptText(this, receipt, loadedValue(this.methodsQuery.state));
    this.liveRegion.announce(`${this.t.pay.receiptHeading[receipt.status]}. ${said}`);
    this.focusHeading();
    emit(this, 'portal-payment', { receipt });
  }

  private outcomeUnknown(wasUnknown: boolean): void {
    if (wasUnknown) {
      this.liveRegion.announce(this.t.pay.stillUnknown);
    } else {
      this.liveRegion.announce(this.t.pay.unknownHeading);
      this.focusHeading();
    }
  }

  /** The backend refused the payment: nothing was charged. Say why, where it can be fixed. */
  private refused(error: PortalError, request: PayInvoice, final: boolean): void {
    if (!final) {
      // Refused before it ran (too many attempts, session ended): the same request may be sent again.
      this.failure = errorMessage(this.t, error);
    } else if (error.code === 'validation') {
      // A final refusal puts the flow back on the form: what is sent next is a new intent.
      this.form.placeServerErrors(error.fieldErrors, (fieldError) =>
        refusedField(this.checkContext, this.values, request, fieldError),
      );
      const first = [...this.form.serverErrors.keys()][0];
      this.failure = first ? this.t.pay.fixErrors : this.t.errors.validation;
      if (first) this.focusing.focusAfterUpdate(first);
      else this.focusHeading();
    } else {
      this.failure = refusalMessage(this.t, error.code);
      this.focusHeading();
    }
    this.liveRegion.announce(this.failure);
  }

  /** Leaves the receipt (or another invoice's form) for a new intent, with nothing carried over. */
  private startOver(preferredMethodId: string | null = this.paymentMethodId || null): void {
    this.flow.startOver();
    this.cardEntry.close();
    this.cardProblem = null;
    this.reviewing = null;
    this.receipt = undefined;
    this.values = freshValues(preferredMethodId);
    this.form.reset();
    this.failure = null;
  }

  /** A method that did not fail in `receipt`, to preselect for paying what is left. */
  private methodNotDeclined(receipt: PaymentReceipt): string | null {
    const data = this.loaded();
    if (!data) return null;
    const failed = new Set(
      receipt.allocations.filter((each) => each.outcome !== 'succeeded').map((each) => each.paymentMethodId),
    );
    const candidates = data.usable.filter((each) => !failed.has(each.id));
    return (candidates.find((each) => each.isDefault) ?? candidates[0])?.id ?? null;
  }

  /** @internal A new intent for what is still due, any method allowed, the one that failed not preselected. */
  onPayRest(receipt: PaymentReceipt): void {
    this.startOver(this.methodNotDeclined(receipt));
    this.focusHeading();
  }

  /** @internal Back to the form with what was typed, to choose another method; the failed intent is over. */
  onTryAnother(receipt: PaymentReceipt): void {
    if (!this.values.splitting) this.values = { ...this.values, methodId: this.methodNotDeclined(receipt) };
    this.receipt = undefined;
    this.flow.startOver();
    this.focusHeading();
  }

  /** @internal */
  onDone(): void {
    const handled = !emit(
      this,
      'portal-navigate',
      { section: 'invoices', invoiceId: this.invoiceId },
      { cancelable: true },
    );
    this.startOver();
    if (!handled) this.focusHeading();
  }

  // Rendering

  private renderFromData(): TemplateResult {
    const t = this.t;
    if (!this.invoiceId) return renderEmpty(t.pay.noInvoice);
    const data = this.loaded();
    if (!data) {
      const invoiceState = this.invoiceQuery.state;
      if (invoiceState.status === 'error' && invoiceState.error.code === 'not_found') {
        return renderNotFound(this);
      }
      const states = [this.settingsQuery.state, invoiceState, this.methodsQuery.state];
      const failed = states.find((each) => each.status === 'error');
      if (failed?.status === 'error') {
        return renderError(t, failed.error, () => {
          this.settingsQuery.refresh();
          this.invoiceQuery.refresh();
          this.methodsQuery.refresh();
        });
      }
      return renderLoading(t, 8);
    }
    if (!data.settings.invoices.payInvoices) return renderPaymentsOff(this, data.invoice, data.settings);
    if (this.flow.step === 'review' && this.reviewing) return renderReview(this, this.reviewing, data);
    if (data.invoice.amountDue.amount <= 0) {
      return renderNoPayment(this, data.invoice, 'nothingToPay');
    }
    if (data.usable.length === 0 && !newCard.canAddCard(this, data))
      return renderNoPayment(this, data.invoice, 'noMethods');
    return renderForm(this, data, checkDraft(this.checkContext, data, this.values));
  }

  override render(): TemplateResult {
    let body: TemplateResult;
    if (!this.store) {
      this.reportMissingStore();
      body = renderMisconfigured(this.t);
    } else if (this.flow.step === 'done' && this.receipt) {
      const invoice = loadedValue(this.invoiceQuery.state);
      body = renderReceipt(this, this.receipt, loadedValue(this.methodsQuery.state), invoice);
    } else if (this.flow.step === 'unknown' && this.flow.request) {
      body = renderUnknown(this, this.flow.request, loadedValue(this.methodsQuery.state));
    } else {
      body = this.renderFromData();
    }
    return html`<div class="pay" part="base">${this.previewNote} ${body} ${this.liveRegion.render()}</div>`;
  }
}
