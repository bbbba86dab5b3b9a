import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalError, isOutcomeUnknown } from '../../contract/errors.js';
import { DialogController } from '../../controllers/dialog.js';
import { FocusController } from '../../controllers/focus.js';
import { FormStateController } from '../../controllers/form-state.js';
import { LiveRegionController } from '../../controllers/live-region.js';
import { runRequest } from '../../controllers/request.js';
import { emit } from '../../core/events.js';
import { PortalElement } from '../../core/portal-element.js';
import { QueryController, loadedValue, renderQuery } from '../../core/query.js';
import { queries } from '../../core/queries.js';
import type { PortalStore } from '../../core/store.js';
import type { PaymentMethod, PortalSettings } from '../../model/index.js';
import { CardEntryController, cardFieldsSource } from '../../providers/card-entry.js';
import type { CardFieldsProvider } from '../../providers/card-fields.js';
import { formStyles } from '../../ui/form/styles.js';
import { paymentMethodLabel } from '../../ui/payment-method-label.js';
import { renderDialog } from '../../ui/dialog.js';
import { errorMessage, renderMisconfigured, renderNotice } from '../../ui/states.js';
import { elementStyles, sectionStyles } from '../../ui/styles.js';
import { renderAddBank, submitBank } from './add-bank-view.js';
import { renderAddCard, submitCard } from './add-card-view.js';
import { renderMethodList } from './method-list.js';
import { paymentMethodsMessages } from './messages.js';
import { paymentMethodsStyles } from './portal-payment-methods.styles.js';
import { renderRemoveDialog } from './remove-dialog.js';
import { nextDefaultCandidates } from './standing.js';
import type { Notice, Operation, OverdueOffer, Panel } from './view-host.js';

let instances = 0;

/**
 * @summary The customer's cards and bank accounts: add a card through the payment provider's fields, add
 * a bank account, choose the default, remove a card — each as the merchant's settings allow.
 *
 * Cards show brand, last four, expiry, "expires soon" (within 60 days) and "expired"; bank accounts
 * their bank, last four and type. A method that cannot be removed says why beside it (a bank account,
 * the last card when one must stay on file, removing turned off); the backend refuses it anyway.
 * Removing asks first, naming what charges the method, and removing the default asks which method takes
 * over. After a card is added while invoices are overdue, the element offers to pay them with it.
 *
 * Card numbers are typed into the provider's fields, mounted in a light-DOM container slotted into the
 * shadow root: the element only ever holds the provider's token. The provider comes from the portal's
 * context, else the `cardFields` property, else the frame address in the merchant's settings; with none,
 * "Add a card" is not offered.
 *
 * @fires portal-payment-method-added - A card or bank account was saved; `detail.paymentMethod`.
 * @fires portal-payment-method-removed - A card was removed; `detail.paymentMethodId`.
 * @fires portal-payment-method-default - Another method became the default; `detail.paymentMethod`.
 * @fires portal-navigate - "Pay now" after a card was added while invoices are overdue:
 *   `{ section: 'invoices', invoiceId | filter: 'outstanding', paymentMethodId }`. Cancelable.
 * @fires portal-error - A request failed and the element says why; `detail.error`, `detail.operation`.
 *
 * @csspart base - The whole element.
 * @csspart method - Each method's row.
 * @csspart badge - The default, expires-soon and expired badges.
 * @csspart form - The add-card and add-bank-account forms.
 * @csspart dialog - The removal confirmation.
 * @csspart notice - What the last action did.
 * @csspart loading - The skeleton shown while the methods load.
 * @csspart empty - No methods on file.
 * @csspart error - A failure, with a retry.
 *
 * @cssproperty --portal-color-primary - Brand colour of the main buttons (set from `theme-color`).
 * @cssproperty --portal-radius - Corner radius of the rows, fields and buttons.
 * @cssproperty --portal-spacing - Space between rows.
 */
export class PortalPaymentMethods extends PortalElement<typeof paymentMethodsMessages> {
  static override styles = [...elementStyles, formStyles, sectionStyles, paymentMethodsStyles];
  static override messages = paymentMethodsMessages;

  /** A card-fields provider for this element alone; inside `<portal-root>` the portal's applies first. */
  @property({ attribute: false }) cardFields?: CardFieldsProvider;
  /**
   * While a form is open, shows only that form: no list of methods, and the heading is kept for screen
   * readers only. `<portal-task>` sets it for its card tasks. With no form open, the list shows as usual.
   */
  @property({ type: Boolean, attribute: 'form-only' }) formOnly = false;

  /** @internal */ @state() panel: Panel = 'list';
  /** @internal */ @state() notice: Notice | null = null;
  /** @internal */ @state() overdue: OverdueOffer | null = null;
  /** @internal The card being removed, while the confirmation is open. */
  @state() removing: PaymentMethod | null = null;
  /** @internal Removing the default: the customer's choice of the next one. */
  @state() newDefaultId: string | null = null;
  /** @internal A failure shown inside the open form or dialog. */
  @state() problem: string | null = null;
  /** @internal The add forms' "make it my default" box. */
  @state() makeDefault = false;
  /** @internal What was typed in the bank account form, by field path. */
  @state() bankValues: Record<string, string> = {};
  /** @internal The bank form's problems as of the last submit, by field path. */
  @state() bankProblems: ReadonlyMap<string, string> = new Map();

  /** @internal */ readonly uid = `portal-payment-methods-${++instances}`;
  /** @internal */ readonly form = new FormStateController<Operation>(this);
  /** @internal */ readonly focusing = new FocusController(this);
  /** @internal */ readonly liveRegion = new LiveRegionController(this);
  /** @internal */ readonly cardEntry = new CardEntryController(this, {
    locale: () => this.resolvedLocale,
    theme: () => this.portal?.theme ?? this.themeTokens,
  });
  /** @internal */ readonly removeDialog = new DialogController(this, {
    id: `${this.uid}-remove`,
    canDismiss: () => !this.form.busy,
    onClose: () => {
      this.removing = null;
      this.problem = null;
    },
  });

  private readonly settingsQuery = new QueryController(this, queries.settings);
  private readonly methodsQuery = new QueryController(this, queries.paymentMethods);

  /** @internal */
  get headingId(): string {
    return `${this.uid}-heading`;
  }

  /** @internal */
  get settings(): PortalSettings | undefined {
    return loadedValue(this.settingsQuery.state);
  }

  /** @internal */
  get methods(): PaymentMethod[] {
    return loadedValue(this.methodsQuery.state) ?? [];
  }

  /** @internal Where new cards are typed, or null when this page has no card fields. */
  get cardSource(): (() => Promise<CardFieldsProvider>) | null {
    return cardFieldsSource(this.portal?.cardFields, this.cardFields, this.settings);
  }

  /** @internal */
  label(method: PaymentMethod): string {
    return paymentMethodLabel(this.t, method);
  }

  // Panels

  /** @internal Opens a form below the list; focus goes to its heading. */
  openPanel(panel: Exclude<Panel, 'list'>): void {
    if (this.form.busy) return;
    this.notice = null;
    this.overdue = null;
    this.problem = null;
    this.makeDefault = false;
    this.form.reset();
    if (panel === 'card') {
      const source = this.cardSource;
      if (!source) return;
      this.cardEntry.open(source);
    } else {
      this.bankValues = {};
      this.bankProblems = new Map();
    }
    this.panel = panel;
    this.focusing.focusAfterUpdate(`${this.uid}-${panel}-heading`);
  }

  /** @internal Back to the list; focus returns to the button that opened the form. */
  closePanel(): void {
    if (this.form.busy) return;
    const opened = this.panel;
    this.cardEntry.close();
    this.panel = 'list';
    this.problem = null;
    this.bankValues = {};
    if (opened !== 'list') this.focusing.focusAfterUpdate(`${this.uid}-open-${opened}`);
  }

  // Requests

  /**
   * @internal Runs one request (a second click or Enter while it runs sends nothing). Failures come back
   * as PortalError, reported as `portal-error`; an answer lost on the way is shown as unknown, never as
   * success or failure, and the list is read again so it shows what is really on file.
   */
  request<T>(
    operation: Operation,
    progress: string,
    action: (store: PortalStore) => Promise<T>,
  ): Promise<T | PortalError> | null {
    return runRequest(this, this.form, operation, action, () => {
      this.problem = null;
      this.notice = null;
      this.liveRegion.announce(progress);
    });
  }

  /** @internal The list's notice for an outcome, announced (alerts are announced by their role). */
  tell(notice: Notice): void {
    this.notice = notice;
    if (notice.tone === 'success') this.liveRegion.announce(notice.text);
  }

  /** @internal A method was saved: back to the list, say so, and offer to pay what is overdue with it. */
  added(method: PaymentMethod, madeDefault: boolean): void {
    this.cardEntry.close();
    this.panel = 'list';
    this.bankValues = {};
    this.tell({ tone: 'success', text: this.t.paymentMethods.added(this.label(method)) });
    this.focusing.focusAfterUpdate(`${this.uid}-notice`);
    emit(this, 'portal-payment-method-added', { paymentMethod: method });
    if (madeDefault) emit(this, 'portal-payment-method-default', { paymentMethod: method });
    if (method.type === 'card') void this.offerOverdue(method);
  }

  private async offerOverdue(method: PaymentMethod): Promise<void> {
    const store = this.store;
    if (!store || !this.settings?.invoices.payInvoices) return;
    try {
      const page = await store.read('listInvoices', { filter: 'outstanding', limit: 100 });
      const overdue = page.items.filter((invoice) => invoice.status === 'overdue');
      if (overdue.length === 0) return;
      this.overdue = {
        method,
        count: overdue.length,
        ...(overdue.length === 1 ? { invoiceId: overdue[0].id } : {}),
      };
    } catch {
      // The offer is a convenience: without the invoices it is simply not made.
    }
  }

  /** @internal "Pay now": hands over to the pay flow with the new card chosen. */
  payOverdue(offer: OverdueOffer): void {
    this.overdue = null;
    emit(
      this,
      'portal-navigate',
      offer.invoiceId
        ? { section: 'invoices', invoiceId: offer.invoiceId, paymentMethodId: offer.method.id }
        : { section: 'invoices', filter: 'outstanding', paymentMethodId: offer.method.id },
      { cancelable: true },
    );
  }

  /** @internal */
  async setDefault(method: PaymentMethod): Promise<void> {
    const pending = this.request('setDefaultPaymentMethod', this.t.common.loading, (store) =>
      store.mutate('setDefaultPaymentMethod', { id: method.id }),
    );
    if (!pending) return;
    const result = await pending;
    if (result instanceof PortalError) {
      this.tell(this.failureNotice(result));
      return;
    }
    this.tell({ tone: 'success', text: this.t.paymentMethod.nowDefault(this.label(result)) });
    this.focusing.focusAfterUpdate(`${this.uid}-method-${method.id}`);
    emit(this, 'portal-payment-method-default', { paymentMethod: result });
  }

  /** @internal Opens the confirmation for removing `method`. */
  askRemove(method: PaymentMethod): void {
    if (this.form.busy) return;
    this.removing = method;
    this.problem = null;
    this.notice = null;
    this.newDefaultId = method.isDefault
      ? (nextDefaultCandidates(method, this.methods)[0]?.id ?? null)
      : null;
    this.removeDialog.show();
  }

  /** @internal */
  async confirmRemove(): Promise<void> {
    const method = this.removing;
    if (!method) return;
    const t = this.t.paymentMethods;
    const nextDefault = method.isDefault
      ? this.methods.find((each) => each.id === this.newDefaultId && each.id !== method.id)
      : undefined;
    const pending = this.request('removePaymentMethod', this.t.common.removing, (store) =>
      store.mutate('removePaymentMethod', {
        id: method.id,
        ...(nextDefault ? { newDefaultId: nextDefault.id } : {}),
      }),
    );
    if (!pending) return;
    const result = await pending;
    if (result instanceof PortalError && !isOutcomeUnknown(result)) {
      this.problem = errorMessage(this.t, result);
      return;
    }
    this.removeDialog.close('removed');
    this.focusing.focusAfterUpdate(`${this.uid}-notice`);
    if (result instanceof PortalError) {
      this.tell({ tone: 'warning', text: t.removeUnknownOutcome });
      return;
    }
    this.tell({ tone: 'success', text: t.removed(this.label(method)) });
    emit(this, 'portal-payment-method-removed', { paymentMethodId: method.id });
    if (nextDefault) {
      emit(this, 'portal-payment-method-default', { paymentMethod: { ...nextDefault, isDefault: true } });
    }
  }

  /** @internal What the list says about a failed request made from it. */
  failureNotice(error: PortalError): Notice {
    return isOutcomeUnknown(error)
      ? { tone: 'warning', text: this.t.paymentMethods.unknownOutcome }
      : { tone: 'error', text: errorMessage(this.t, error) };
  }

  /** @internal */
  submitCard(): void {
    void submitCard(this);
  }

  /** @internal */
  submitBank(): void {
    void submitBank(this);
  }

  // Rendering

  private renderNotice(): TemplateResult {
    const notice = this.notice;
    const offer = this.overdue;
    const t = this.t.paymentMethods;
    return renderNotice(
      notice,
      `${this.uid}-notice`,
      offer
        ? html`<div class="alert info offer" part="notice">
            <p>${t.overdueOffer(offer.count, this.label(offer.method))}</p>
            <div class="actions">
              <button type="button" class="button primary" @click=${() => this.payOverdue(offer)}>
                ${t.payOverdue}
              </button>
              <button type="button" class="button" @click=${() => (this.overdue = null)}>${t.notNow}</button>
            </div>
          </div>`
        : nothing,
    );
  }

  private renderBody(settings: PortalSettings): TemplateResult {
    return renderQuery(this.t, this.methodsQuery, 4, (methods) => this.renderMethods(settings, methods));
  }

  private renderMethods(settings: PortalSettings, methods: PaymentMethod[]): TemplateResult {
    const panel =
      this.panel === 'card'
        ? renderAddCard(this, settings)
        : this.panel === 'bank'
          ? renderAddBank(this)
          : nothing;
    if (this.formOnly && panel !== nothing) return panel;
    return html`${renderMethodList(this, methods, settings)} ${panel}`;
  }

  override render(): TemplateResult {
    const t = this.t;
    let body: TemplateResult;
    if (!this.store) {
      this.reportMissingStore();
      body = renderMisconfigured(t);
    } else body = renderQuery(t, this.settingsQuery, 4, (settings) => this.renderBody(settings));
    const listShown = !this.formOnly || this.panel === 'list';
    return html`<section class="methods" part="base" aria-labelledby=${this.headingId}>
      <h2 id=${this.headingId} tabindex="-1" class=${listShown ? nothing : 'visually-hidden'}>
        ${t.paymentMethods.heading}
      </h2>
      ${this.previewNote} ${this.renderNotice()} ${body}
      ${renderDialog(this.removeDialog, {
        id: `${this.uid}-remove`,
        labelledBy: `${this.uid}-remove-heading`,
        content: this.removing ? renderRemoveDialog(this, this.removing) : html``,
      })}
      ${this.liveRegion.render()}
    </section>`;
  }
}
