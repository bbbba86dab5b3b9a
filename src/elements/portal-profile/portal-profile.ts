import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalError } from '../../contract/errors.js';
import { FocusController } from '../../controllers/focus.js';
import { FormStateController } from '../../controllers/form-state.js';
import { LiveRegionController } from '../../controllers/live-region.js';
import { runRequest } from '../../controllers/request.js';
import { emit } from '../../core/events.js';
import { PortalElement } from '../../core/portal-element.js';
import { QueryController, type QueryState, loadedValue } from '../../core/query.js';
import { queries, when } from '../../core/queries.js';
import type { PortalStore } from '../../core/store.js';
import { readUrlToken, removeUrlToken } from '../../core/url-token.js';
import type { Customer, PaymentMethod, PortalSettings } from '../../model/index.js';
import { isAccountOwner } from '../../rules/account-owner.js';
import { allows } from '../../rules/capabilities.js';
import { EMAIL_CHANGE_PARAM } from '../../contract/link-params.js';
import { formStyles } from '../../ui/form/styles.js';
import type { Values } from '../../ui/form/specs.js';
import { paymentMethodLabel } from '../../ui/payment-method-label.js';
import { renderError, renderLoading, renderMisconfigured } from '../../ui/states.js';
import { elementStyles } from '../../ui/styles.js';
import { isolated, sentence } from '../../ui/user-text.js';
import { renderConfirm } from './confirm-view.js';
import { renderAddresses, renderDetails } from './details-view.js';
import { renderEmail } from './email-view.js';
import { type FormName, type Slot, accountValues } from './fields.js';
import { renderFormNotice } from './form-view.js';
import { profileMessages } from './messages.js';
import { profileStyles } from './portal-profile.styles.js';
import { renderReadOnly } from './read-only-view.js';
import { saveForm } from './save.js';
import { renderDefaultMethod, renderTax } from './tax-view.js';

let instances = 0;

/** The requests the element makes, named as in the adapter (they are `portal-error`'s `operation`). */
export type Operation =
  'updateProfile' | 'updateTaxIds' | 'requestEmailChange' | 'confirmEmailChange' | 'setDefaultPaymentMethod';

export interface Notice {
  tone: 'success' | 'error' | 'warning' | 'info';
  /** What the notice shows; someone's text in it (an address) is isolated for bidi (ui/user-text.ts). */
  text: string | TemplateResult;
  /** What a success announces, when `text` is not plain. */
  spoken?: string;
}

function refreshing(state: QueryState<unknown>): boolean {
  return state.status === 'complete' && state.refreshing;
}

function sameAddress(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * @summary The customer's own details: name, company, phone, email (changed only once the new address
 * confirms an emailed link), billing and shipping addresses and contacts, tax and purchasing details
 * (PO, VAT and registration numbers) and the default payment method.
 *
 * Addresses follow the country chosen in them (labels, required parts, postal-code shapes; country
 * names from `Intl.DisplayNames`). A VAT number is checked for its country before it is sent, and the
 * backend's registry check is shown as verified, not registered, or "could not verify right now" — never
 * as invalid. Problems are shown at their fields in the customer's language, and nothing typed is lost
 * when a save is refused. When the merchant turns "modify information" off, everything is shown
 * read-only with the reason (the backend refuses changes anyway). The email is the account owner's
 * sign-in address: a person the merchant granted access to the account sees it read-only, with why.
 *
 * It reads `?portal-email-token=` from the page URL when it connects: the link of an email change, which
 * it confirms when the customer presses Confirm (no session needed), then removes from the URL.
 *
 * @fires portal-profile-changed - Name, company, phone, addresses or contacts were saved; `detail.customer`.
 * @fires portal-tax-details-updated - PO, VAT or registration numbers were saved; `detail.customer`.
 * @fires portal-email-change-requested - A confirmation link went to `detail.pendingEmail`.
 * @fires portal-email-changed - The new address was confirmed; `detail.email`.
 * @fires portal-payment-method-default - Another method became the default; `detail.paymentMethod`.
 * @fires portal-error - A request failed and the element says why; `detail.error`, `detail.operation`.
 *
 * @csspart base - The whole element.
 * @csspart form - Each form (details, addresses, email, tax, default method, link confirmation).
 * @csspart submit - The forms' submit buttons.
 * @csspart notice - What the last save did, pending email, read-only reason.
 * @csspart verification - The tax registry's word on the VAT number.
 * @csspart loading - The skeleton shown while the details load.
 * @csspart error - A failure, with a retry.
 *
 * @cssproperty --portal-color-primary - Brand colour of the main buttons (set from `theme-color`).
 * @cssproperty --portal-radius - Corner radius of the forms, fields and buttons.
 * @cssproperty --portal-spacing - Space between fields.
 */
export class PortalProfile extends PortalElement<typeof profileMessages> {
  static override styles = [...elementStyles, formStyles, profileStyles];
  static override messages = profileMessages;

  /** An email-change link's token. Read from `?portal-email-token=` on connect. */
  @property({ attribute: false }) emailToken?: string;

  /** @internal What the customer typed, by form and field path; a saved form starts afresh. */
  @state() values: Partial<Record<FormName, Values>> = {};
  /** @internal Each form's problems as of its last submit, by field path. */
  @state() problems: Partial<Record<FormName, ReadonlyMap<string, string>>> = {};
  /** @internal What the last attempt in each form did. */
  @state() notices: Partial<Record<Slot, Notice | null>> = {};
  /** @internal "Ship to the billing address", once the customer touched it; else what the account says. */
  @state() shipChoice: boolean | null = null;
  /** @internal The method chosen in the default-method list, before "Make default". */
  @state() chosenDefault: string | null = null;
  /** @internal Which form's request runs. */
  @state() busyForm: Slot | null = null;

  /** @internal */ readonly uid = `portal-profile-${++instances}`;
  /** @internal */ readonly form = new FormStateController<Operation>(this);
  /** @internal */ readonly focusing = new FocusController(this);
  /** @internal */ readonly liveRegion = new LiveRegionController(this);

  private readonly settingsQuery = new QueryController(this, queries.settings);
  private readonly customerQuery = new QueryController(this, queries.customer);
  private readonly sessionQuery = new QueryController(this, queries.session);
  private readonly methodsQuery = new QueryController(
    this,
    when(() => this.canEdit && !!this.customer, queries.paymentMethods),
  );
  /** A save's answer, shown until the customer read again replaces the one it was saved over. */
  private answer: { customer: Customer; over: Customer | undefined } | null = null;
  private urlChecked = false;
  /** Whether the person signed in owns the account, as of the last time both reads were settled. */
  private owner: boolean | undefined;

  /** @internal */
  get settings(): PortalSettings | undefined {
    return loadedValue(this.settingsQuery.state);
  }

  /** @internal Whether the merchant lets the customer change these details. */
  get canEdit(): boolean {
    const settings = this.settings;
    return !!settings && allows(settings, 'modifyInformation');
  }

  /** @internal The account as last read, or as the last save answered until it is read again. */
  get customer(): Customer | undefined {
    const loaded = loadedValue(this.customerQuery.state);
    if (this.answer && this.answer.over === loaded) return this.answer.customer;
    return loaded;
  }

  /**
   * @internal Whether the person signed in owns the account (its email is their address), so may change
   * its email (rules/account-owner.ts); undefined until both the session and the account are read. While
   * either is read again (after an email change both are), the last answer stands, so nothing flickers.
   */
  get ownsAccount(): boolean | undefined {
    return this.owner;
  }

  private decideOwner(): void {
    const session = this.sessionQuery.state;
    const account = this.customerQuery.state;
    const customer = loadedValue(account);
    const person = loadedValue(session);
    if (customer === undefined) this.owner = undefined;
    else if (person === undefined) return;
    else if (this.owner === undefined || (!refreshing(session) && !refreshing(account))) {
      this.owner = person !== null && isAccountOwner(customer, person.email);
    }
  }

  /** @internal The account's values by field path. */
  get account(): Values {
    const customer = this.customer;
    return customer ? accountValues(customer) : {};
  }

  /** @internal */
  get shipToBilling(): boolean {
    if (this.shipChoice !== null) return this.shipChoice;
    const customer = this.customer;
    return !!customer?.billingAddress && sameAddress(customer.billingAddress, customer.shippingAddress);
  }

  /** @internal */
  fieldId(path: string): string {
    return `${this.uid}-${path.replace(/\./g, '-')}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.urlChecked) {
      this.urlChecked = true;
      this.emailToken ??= readUrlToken(EMAIL_CHANGE_PARAM);
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.answer && this.answer.over !== loadedValue(this.customerQuery.state)) this.answer = null;
    this.decideOwner();
  }

  // What the views call

  /** @internal The customer typed in a field of `form`: what the backend said about it no longer applies. */
  typed(form: FormName, path: string, value: string): void {
    this.values = { ...this.values, [form]: { ...this.values[form], [path]: value } };
    this.form.edited(path);
  }

  /** @internal */
  setShipToBilling(same: boolean): void {
    this.shipChoice = same;
  }

  /** @internal */
  save(form: Exclude<FormName, 'email'>): void {
    void saveForm(this, form);
  }

  /** @internal Sets (or clears) a form's notice; a success is announced, problems are alerts. */
  tellIn(slot: Slot, notice: Notice | null): void {
    this.notices = { ...this.notices, [slot]: notice };
    if (notice?.tone === 'success') {
      this.liveRegion.announce(notice.spoken ?? (typeof notice.text === 'string' ? notice.text : ''));
    }
  }

  /**
   * @internal Runs one request (a second click or Enter while it runs sends nothing). Failures come back
   * as PortalError, reported as `portal-error`; after an answer lost on the way the account is read again.
   */
  request<T>(
    operation: Operation,
    slot: Slot,
    action: (store: PortalStore) => Promise<T>,
  ): Promise<T | PortalError> | null {
    return (
      runRequest(this, this.form, operation, action, () => {
        this.busyForm = slot;
        this.tellIn(slot, null);
        this.liveRegion.announce(this.t.common.saving);
      })?.finally(() => (this.busyForm = null)) ?? null
    );
  }

  private remember(customer: Customer): void {
    this.answer = { customer, over: loadedValue(this.customerQuery.state) };
  }

  /** @internal A form was saved: it shows the account again, says so, and the page is told. */
  saved(form: Exclude<FormName, 'email'>, customer: Customer): void {
    this.remember(customer);
    this.values = { ...this.values, [form]: {} };
    this.problems = { ...this.problems, [form]: new Map() };
    if (form === 'addresses') this.shipChoice = null;
    this.tellIn(form, { tone: 'success', text: this.t.profile.saved });
    if (form === 'tax') emit(this, 'portal-tax-details-updated', { customer });
    else emit(this, 'portal-profile-changed', { customer });
  }

  /** @internal */
  emailRequested(customer: Customer): void {
    this.remember(customer);
    this.values = { ...this.values, email: {} };
    const pendingEmail = customer.pendingEmail ?? '';
    const said = this.t.profile.linkSent;
    this.tellIn('email', {
      tone: 'success',
      text: sentence(said, pendingEmail),
      spoken: said(isolated(pendingEmail)),
    });
    emit(this, 'portal-email-change-requested', { pendingEmail });
  }

  /** @internal The link was confirmed: it leaves the URL, and the address in force is the new one. */
  emailConfirmed(email: string): void {
    this.dropToken();
    const said = this.t.profile.emailChanged;
    this.tellIn('confirm', { tone: 'success', text: sentence(said, email), spoken: said(isolated(email)) });
    this.focusing.focusAfterUpdate(`${this.uid}-confirm-notice`);
    emit(this, 'portal-email-changed', { email });
  }

  /** @internal A dead link leaves the URL; the customer is told to ask for a new one. */
  linkFailed(message: string): void {
    this.dropToken();
    this.tellIn('confirm', { tone: 'error', text: message });
    this.focusing.focusAfterUpdate(`${this.uid}-confirm-notice`);
  }

  private dropToken(): void {
    removeUrlToken(EMAIL_CHANGE_PARAM);
    this.emailToken = undefined;
  }

  /** @internal */
  defaultChanged(method: PaymentMethod): void {
    this.chosenDefault = null;
    this.tellIn('default', {
      tone: 'success',
      text: this.t.paymentMethod.nowDefault(paymentMethodLabel(this.t, method)),
    });
    emit(this, 'portal-payment-method-default', { paymentMethod: method });
  }

  // Rendering

  private renderEditable(): TemplateResult {
    const methods = loadedValue(this.methodsQuery.state);
    const settings = this.settings;
    const chooseDefault = !!settings && allows(settings, 'defaultPaymentMethod');
    return html`${renderDetails(this)} ${renderEmail(this)} ${renderAddresses(this)} ${renderTax(this)}
    ${chooseDefault && methods ? renderDefaultMethod(this, methods) : nothing}`;
  }

  private renderBody(): TemplateResult {
    const t = this.t;
    const settings = this.settingsQuery.state;
    if (!this.settings) {
      return settings.status === 'error'
        ? renderError(t, settings.error, () => this.settingsQuery.refresh())
        : renderLoading(t, 8);
    }
    const customerState = this.customerQuery.state;
    const customer = this.customer;
    // Signed out with a link to confirm: the link needs no session, and it (then what confirming it did)
    // is all there is to show.
    const landing = !!this.emailToken || !!this.notices.confirm;
    if (landing && this.store?.session.status === 'signed_out') return html``;
    if (!customer) {
      if (customerState.status !== 'error') return renderLoading(t, 8);
      if (customerState.error.code === 'unauthorized' && landing) return html``;
      return renderError(t, customerState.error, () => this.customerQuery.refresh());
    }
    const sessionState = this.sessionQuery.state;
    if (this.ownsAccount === undefined) {
      return sessionState.status === 'error'
        ? renderError(t, sessionState.error, () => this.sessionQuery.refresh())
        : renderLoading(t, 8);
    }
    return this.canEdit ? this.renderEditable() : renderReadOnly(this, customer, this.settings);
  }

  override render(): TemplateResult {
    const t = this.t;
    let body: TemplateResult;
    if (!this.store) {
      this.reportMissingStore();
      body = renderMisconfigured(t);
    } else body = this.renderBody();
    const token = this.emailToken;
    return html`<section class="profile" part="base" aria-labelledby=${`${this.uid}-heading`}>
      <h2 id=${`${this.uid}-heading`} tabindex="-1">${t.profile.heading}</h2>
      ${this.previewNote} ${renderFormNotice(this, 'confirm')}
      ${token && this.store ? renderConfirm(this, token) : nothing} ${body} ${this.liveRegion.render()}
    </section>`;
  }
}
