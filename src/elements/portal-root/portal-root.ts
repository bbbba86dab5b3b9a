import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { storeForAdapter, storeForApi } from '../../core/connect.js';
import { type PortalContextValue, portalContext } from '../../core/context.js';
import { PortalError, toPortalError } from '../../contract/errors.js';
import { type PortalEvent, emit } from '../../core/events.js';
import { isAvailable, loadElement } from '../../core/lazy-elements.js';
import { PortalElement } from '../../core/portal-element.js';
import { QueryController } from '../../core/query.js';
import { queries, when } from '../../core/queries.js';
import type { PortalStore } from '../../core/store.js';
import type { InvoiceFilter } from '../../model/index.js';
import { elementStyles } from '../../ui/styles.js';
import { renderError, renderLoading, renderMisconfigured } from '../../ui/states.js';
import { SECTIONS, type SectionId, type SectionSpec, isRegistered } from '../../core/sections.js';
import { AccountSwitch, type AccountsCode } from './account-switch.js';
import { renderBrand } from './brand.js';
import { EmailLink } from './email-link.js';
import { LoginSlot } from './login-slot.js';
import { TaskMode, type TaskLinkCode } from './task-mode.js';
import { OverviewBootstrap, rememberSignedIn, renderOverview } from './overview.js';
import { rootStyles } from './portal-root.styles.js';
import { rootMessages } from './messages.js';
import { sentence } from '../../ui/user-text.js';

/**
 * @summary The whole portal: branding, sign-in, and the account's sections, in one element.
 *
 * Provides the adapter, session, settings, theme and locale to every portal element inside it. A page
 * opened from an email-change link (`?portal-email-token=`) shows the Profile section, where the link is
 * confirmed; signed out, the confirmation comes above the sign-in form (it needs no session).
 *
 * With `task` (or opened from a single-task link, `?portal-task=`) it shows that one task instead of
 * its sections, after sign-in when signed out: see `<portal-task>` and the README's "Single-task links".
 *
 * @slot login - The sign-in element. One is created when none is given, so password managers see its
 *   inputs in the page's light DOM.
 * @csspart header - The bar with the logo, merchant name and sign-out.
 * @csspart nav - The section navigation.
 * @csspart main - The current section.
 * @csspart logo - The merchant's logo.
 * @cssproperty --portal-color-primary - Brand colour (set from `theme-color`).
 * @cssproperty --portal-font-family - Font of the whole portal.
 * @cssproperty --portal-radius - Corner radius of controls and cards.
 * @fires portal-sign-out - The customer signed out.
 * @fires portal-section - The customer opened a section.
 * @fires portal-task-complete - Single-task mode: the task was done; `detail` is `{ task, result }`.
 * @fires portal-task-cancel - Single-task mode: the customer closed the task; `detail.task`.
 * @fires portal-task-done - Single-task mode: Done / "Back to the store" was pressed; cancelable.
 */
export class PortalRoot extends PortalElement<typeof rootMessages> {
  static override styles = [...elementStyles, rootStyles];
  static override messages = rootMessages;

  /** The merchant's logo: https, same-origin, or a PNG/JPEG/WebP data URL. Falls back to the backend's. */
  @property() logo?: string;

  /** Opens on this one task (single-task links): `pay-invoice`, `add-payment-method`, …; see the README. */
  @property() task?: string;
  /** `task="pay-invoice"`: the invoice's id. */
  @property({ attribute: 'task-invoice' }) taskInvoice?: string;
  /** `task="replace-payment-method"`: the id of the card to replace. */
  @property({ attribute: 'task-payment-method' }) taskPaymentMethod?: string;
  /** `task="change-subscription"` or `"cancel-subscription"`: the subscription's id. */
  @property({ attribute: 'task-subscription' }) taskSubscription?: string;
  /** Where the task's "Back to the store" leads once it is done; without it, a Done button. */
  @property({ attribute: 'task-return-url' }) taskReturnUrl?: string;

  /** The section on show. */
  @property({ reflect: true }) section: SectionId = 'overview';

  /** The invoice open in the invoices section, if any. */
  @state() private openInvoiceId: string | null = null;
  /** The list filter a navigation asked for ("see all outstanding invoices"). */
  @state() private invoiceFilter: InvoiceFilter = 'all';
  /** The method a navigation asked to pay with ("Pay now" with a card just added), for the invoice opened. */
  @state() private payWith = '';
  /** A navigation asked to open the invoice straight on its pay flow (Pay on a row, "Pay now"). */
  @state() private payNow = false;
  @state() private signingOut = false;
  @state() private signOutError: PortalError | null = null;

  @query('.main > h2') private sectionHeading?: HTMLElement;

  private readonly provider = new ContextProvider(this, { context: portalContext });
  private unsubscribe?: () => void;
  private gateWasShown = false;
  /** Sections whose elements are not registered yet are awaited once per root, not once per connect. */
  private waitingForSections = false;
  private focusHeadingAfterUpdate = false;
  private watchedStore: PortalStore | null = null;
  private readonly overview = new OverviewBootstrap(this);
  private readonly emailLink = new EmailLink();
  private readonly login = new LoginSlot(this);
  private readonly taskMode = new TaskMode(this, () => (this.focusHeadingAfterUpdate = true));
  /** Several billing accounts per person: the chooser and the header's switcher (account-switch.ts). */
  private readonly accountSwitch = new AccountSwitch(this, () => void this.openSection(this.section, true));

  private readonly settingsQuery = new QueryController(this, queries.settings);

  private readonly sessionQuery = new QueryController(this, queries.session);

  private readonly customerQuery = new QueryController(
    this,
    when(() => this.store?.session.status === 'signed_in', queries.customer),
  );

  /** The root makes its own store: it is the provider, never a consumer. */
  override get store(): PortalStore | null {
    if (this.adapter) return storeForAdapter(this.adapter);
    if (this.api) return storeForApi(this.api, this.sessionToken);
    return null;
  }

  /** @internal Code few pages need, fetched when they do: single-task mode's (`task`, a task link). */
  loadTaskLink(): Promise<TaskLinkCode> {
    return import('./task-link.js');
  }

  /** @internal Code few pages need, fetched when they do: the account chooser's (several accounts). */
  loadAccounts(): Promise<AccountsCode> {
    return import('./accounts.js');
  }

  protected override themeColorToApply(): string | undefined {
    return this.themeColor ?? this.settingsQuery.value?.branding.themeColor;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.emailLink.read();
    this.taskMode.read();
    if (!this.waitingForSections) {
      this.waitingForSections = true;
      for (const section of SECTIONS) {
        if (section.tag && !isRegistered(section.tag)) {
          void customElements.whenDefined(section.tag).then(() => this.requestUpdate());
        }
      }
    }
    // Moved in the page: listen to the store again now, not at the next update.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.watchedStore = null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const store = this.store;
    if (store !== this.watchedStore) {
      this.unsubscribe?.();
      this.watchedStore = store;
      if (store) this.overview.ask(store);
      this.unsubscribe = store?.onChange((change) => {
        if (!change.session) return;
        rememberSignedIn(store.session.status === 'signed_in');
        // Just signed in: the customer and the balance are asked for together here too.
        if (store.session.status === 'signed_in') this.overview.ask(store);
        // Signing in through the form removes the form; focus goes to the account, not to <body>.
        // A session restored on page load moves no focus: the merchant's page keeps it.
        if (this.gateWasShown && store.session.status === 'signed_in') {
          this.focusHeadingAfterUpdate = true;
          this.accountSwitch.offerChoice();
        }
        this.requestUpdate();
      });
    }
    if (store) {
      const value: PortalContextValue = { store, locale: this.resolvedLocale, theme: this.themeTokens };
      const current = this.provider.value;
      if (
        !current ||
        current.store !== value.store ||
        current.locale !== value.locale ||
        current.theme !== value.theme
      ) {
        this.provider.setValue(value);
      }
    }
    if (
      store?.session.status === 'signed_in' &&
      !this.taskMode.active &&
      this.emailLink.take() &&
      this.section !== 'profile'
    ) {
      this.section = 'profile';
      this.openInvoiceId = null;
      emit(this, 'portal-section', { section: 'profile' });
    }
    this.login.sync(this.showsGate);
    this.taskMode.sync();
    this.accountSwitch.sync();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Elements this root shows in its shadow root, where the script-tag bundle's observer cannot see them.
    for (const element of this.renderRoot.querySelectorAll(':not(:defined)')) {
      if (isAvailable(element.localName)) {
        loadElement(element.localName).catch((error: unknown) =>
          console.error(`<portal-root>: <${element.localName}> could not be loaded:`, error),
        );
      }
    }
    this.gateWasShown = this.showsGate;
    const task = this.renderRoot.querySelector<HTMLElement>('portal-task');
    const heading = task ?? this.sectionHeading;
    if (this.focusHeadingAfterUpdate && heading) {
      this.focusHeadingAfterUpdate = false;
      heading.focus();
    }
  }

  private get showsGate(): boolean {
    return this.store?.session.status === 'signed_out';
  }

  private async signOut(): Promise<void> {
    const store = this.store;
    if (!store || this.signingOut) return;
    const customerId = store.session.status === 'signed_in' ? store.session.session.customerId : null;
    this.signingOut = true;
    this.signOutError = null;
    try {
      await store.signOut();
    } catch (error) {
      // The store has already forgotten the session locally; say that the server may not know yet.
      this.signOutError = toPortalError(error);
    } finally {
      this.signingOut = false;
    }
    this.section = 'overview';
    emit(this, 'portal-sign-out', { customerId });
  }

  /** `quietly`: after an account switch, the section shown again without an event or focus of its own. */
  private async openSection(id: SectionId, quietly = false): Promise<void> {
    const reopening = quietly || (id === this.section && this.openInvoiceId === null);
    this.accountSwitch.choosing = false;
    this.openInvoiceId = null;
    this.payWith = '';
    this.payNow = false;
    if (id !== this.section) this.invoiceFilter = 'all';
    if (reopening) return;
    this.section = id;
    emit(this, 'portal-section', { section: id });
    await this.updateComplete;
    this.sectionHeading?.focus();
  }

  /** A list chose an invoice: show it in the invoices section. */
  private async onInvoiceSelect(event: PortalEvent<'portal-invoice-select'>): Promise<void> {
    event.preventDefault();
    if (this.section !== 'invoices') emit(this, 'portal-section', { section: 'invoices' });
    this.section = 'invoices';
    this.openInvoiceId = event.detail.invoiceId;
    this.payNow = false;
    await this.updateComplete;
    this.sectionHeading?.focus();
  }

  /** An element asked to show another section ("see all outstanding invoices"). */
  private async onNavigate(event: PortalEvent<'portal-navigate'>): Promise<void> {
    const target = SECTIONS.find((section) => section.id === event.detail.section);
    if (!target || !isRegistered(target.tag)) return;
    event.preventDefault();
    if (event.detail.filter) this.invoiceFilter = event.detail.filter;
    this.payWith = event.detail.paymentMethodId ?? '';
    this.payNow = event.detail.pay === true;
    if (event.detail.invoiceId) {
      this.section = 'invoices';
      this.openInvoiceId = event.detail.invoiceId;
      await this.updateComplete;
      this.sectionHeading?.focus();
      return;
    }
    this.openInvoiceId = null;
    if (target.id !== this.section) {
      this.section = target.id;
      emit(this, 'portal-section', { section: target.id });
    }
    await this.updateComplete;
    this.sectionHeading?.focus();
  }

  private renderBrand(merchantName: string): TemplateResult {
    return renderBrand(this.logo, this.settingsQuery.value?.branding.logoUrl, merchantName);
  }

  private renderSignedIn(merchantName: string): TemplateResult {
    const t = this.t;
    const session = this.store?.session.status === 'signed_in' ? this.store.session.session : null;
    return html`<div class="shell">
      <header part="header">
        ${this.renderBrand(merchantName)}
        <div class="account">
          ${
            // Quick order, once its element is registered and the merchant named a checkout.
            this.settingsQuery.value?.quickOrderUrl && isRegistered('portal-quick-order')
              ? html`<portal-quick-order></portal-quick-order>`
              : nothing
          }
          <span class="who"
            >${session ? sentence((name) => t.root.signedInAs(name), session.customerName) : nothing}</span
          >
          ${this.accountSwitch.renderSwitcher()}
          <button type="button" class="button" ?disabled=${this.signingOut} @click=${this.signOut}>
            ${this.signingOut ? t.root.signingOut : session?.preview ? t.root.endPreview : t.root.signOut}
          </button>
        </div>
      </header>
      ${session?.preview ? html`<div class="banner" role="note">${t.root.previewBanner}</div>` : nothing}
      ${
        this.accountSwitch.choosing
          ? html`<div class="main" part="main">${this.accountSwitch.renderChooser()}</div>`
          : this.taskMode.active
            ? html`<div class="main" part="main">${this.taskMode.render()}</div>`
            : this.renderSections()
      }
    </div>`;
  }

  /** The section navigation and the section on show. */
  private renderSections(): TemplateResult {
    const t = this.t;
    const sections = SECTIONS.filter((section) => isRegistered(section.tag));
    const current = sections.find((section) => section.id === this.section) ?? sections[0];
    return html`${
        sections.length > 1
          ? html`<nav part="nav" aria-label=${t.root.navLabel}>
              <ul>
                ${sections.map(
                  (section) =>
                    html`<li>
                      <button
                        type="button"
                        aria-current=${section.id === current.id ? 'page' : 'false'}
                        @click=${() => this.openSection(section.id)}
                      >
                        ${t.root.sections[section.id]}
                      </button>
                    </li>`,
                )}
              </ul>
            </nav>`
          : nothing
      }
      <div
        class="main"
        part="main"
        @portal-invoice-select=${this.onInvoiceSelect}
        @portal-navigate=${this.onNavigate}
      >
        ${this.renderSection(current)}
      </div>`;
  }

  private renderSection(section: SectionSpec): TemplateResult {
    const heading = html`<h2 tabindex="-1">${this.t.root.sections[section.id]}</h2>`;
    switch (section.id) {
      case 'overview':
        return html`${heading}${renderOverview(this.t, this.customerQuery, this.overview.ready)}`;
      case 'invoices':
        return this.openInvoiceId && isRegistered('portal-invoice')
          ? html`<button type="button" class="button link back" @click=${() => this.openSection('invoices')}>
                ${this.t.root.backToInvoices}
              </button>
              <h2 tabindex="-1" class="visually-hidden">${this.t.root.sections[section.id]}</h2>
              <portal-invoice
                invoice-id=${this.openInvoiceId}
                payment-method-id=${this.payWith}
                ?pay=${this.payNow}
              ></portal-invoice>`
          : html`${heading}<portal-invoices filter=${this.invoiceFilter}></portal-invoices>`;
      case 'paymentMethods':
        return html`${heading}<portal-payment-methods></portal-payment-methods>`;
      case 'subscriptions':
        return html`${heading}<portal-subscriptions></portal-subscriptions>`;
      case 'profile':
        return html`${heading}<portal-profile></portal-profile>`;
      case 'policies':
        return html`${heading}<portal-content></portal-content>`;
    }
  }

  private renderGate(merchantName: string): TemplateResult {
    return html`<div class="shell">
      <header part="header">${this.renderBrand(merchantName)}</header>
      ${
        this.signOutError
          ? html`<div class="placeholder">${renderError(this.t, this.signOutError)}</div>`
          : nothing
      }
      ${
        this.login.error
          ? html`<div class="placeholder">
              ${renderError(this.t, this.login.error, () => void this.login.load())}
            </div>`
          : nothing
      }
      <div class="gate">
        ${this.emailLink.showsInGate ? html`<portal-profile></portal-profile>` : nothing}<slot
          name="login"
        ></slot>
      </div>
    </div>`;
  }

  override render(): TemplateResult {
    const t = this.t;
    if (!this.store) {
      this.reportMissingStore();
      return html`<div class="placeholder">${renderMisconfigured(t)}</div>`;
    }
    const settings = this.settingsQuery.state;
    const session = this.sessionQuery.state;
    const failed =
      settings.status === 'error' ? settings.error : session.status === 'error' ? session.error : null;
    const region = (content: TemplateResult, name = '') =>
      html`<section aria-label=${name ? t.root.regionLabel(name) : t.common.poweredBy}>${content}</section>`;
    if (failed && failed.code !== 'unauthorized') {
      return region(
        html`<div class="placeholder">
          ${renderError(t, failed, () => {
            this.settingsQuery.refresh();
            this.sessionQuery.refresh();
          })}
        </div>`,
      );
    }
    if (settings.status !== 'complete' || this.store.session.status === 'unknown') {
      return region(html`<div class="placeholder">${renderLoading(t, 6)}</div>`);
    }
    const merchantName = settings.value.branding.merchantName;
    return region(
      this.showsGate ? this.renderGate(merchantName) : this.renderSignedIn(merchantName),
      merchantName,
    );
  }
}
