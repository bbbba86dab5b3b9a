import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type * as z from 'zod/mini';
import { PortalError, toPortalError } from '../../contract/errors.js';
import { FocusController } from '../../controllers/focus.js';
import { FormStateController } from '../../controllers/form-state.js';
import { LiveRegionController } from '../../controllers/live-region.js';
import { emit } from '../../core/events.js';
import { PortalElement } from '../../core/portal-element.js';
import { CardEntryController, cardFieldsSource } from '../../providers/card-entry.js';
import type { CardFieldsProvider } from '../../providers/card-fields.js';
import { QueryController, loadedValue, renderQuery } from '../../core/query.js';
import { type PortalStore, keys } from '../../core/store.js';
import type { PortalSettings, Session } from '../../model/index.js';
import { renderField } from '../../ui/form/field.js';
import type { FieldSpec, Values } from '../../ui/form/specs.js';
import { checkForm, valueOf } from '../../ui/form/validate.js';
import { renderMisconfigured } from '../../ui/states.js';
import { adoptScopedDocumentStyles } from '../../ui/styles.js';
import { renderChangeTemporaryPassword } from './change-password-view.js';
import { renderForgotPassword } from './forgot-password-view.js';
import { isEditable, readControls } from './form-values.js';
import { renderMagicLinkConfirm, renderMagicLinkSent } from './magic-link-views.js';
import { renderFeedback, renderForm, renderHeading, renderNav, renderSubmit } from './parts.js';
import { loginStyles } from './portal-login.styles.js';
import { renderResetPassword } from './reset-password-view.js';
import { renderSignIn } from './sign-in-view.js';
import { renderSignUp } from './sign-up-view.js';
import { MAGIC_TOKEN_PARAM, RESET_TOKEN_PARAM, readUrlToken, removeUrlToken } from './url-token.js';
import { loginMessages } from './messages.js';
import {
  type Feedback,
  type LoginView,
  type LoginViewHost,
  type NavOptions,
  type Operation,
  type RenderView,
  type SubmitOptions,
  viewToShow,
} from './view-host.js';
import { placeFailure, progressLabel } from './wording.js';
import { sentence } from '../../ui/user-text.js';

export { LOGIN_VIEWS, type LoginView } from './view-host.js';

/** Each view's template; each view's module also holds what its form does when submitted. */
const VIEWS: Record<LoginView, RenderView> = {
  'sign-in': renderSignIn,
  'magic-link-sent': renderMagicLinkSent,
  'magic-link-confirm': renderMagicLinkConfirm,
  'forgot-password': renderForgotPassword,
  'reset-password': renderResetPassword,
  'change-temporary-password': renderChangeTemporaryPassword,
  'sign-up': renderSignUp,
};

/** Passwords are never carried from one view to another: a sign-in password must not become a new one. */
const PASSWORD_PATHS = ['password', 'newPassword', 'confirmPassword'];

let instances = 0;

/**
 * @summary Sign-in for the billing portal: password or emailed link, forgotten and temporary passwords,
 * and self sign-up with the details the merchant requires.
 *
 * The element renders into its own light DOM, not a shadow root: password managers cannot see inputs
 * inside shadow roots, and this form is where they matter. Its styles are adopted into the document
 * inside `@scope (portal-login)`, so they reach nothing else. It reads `?portal-magic-token=` and
 * `?portal-reset-token=` from the page URL when it connects and removes them once used.
 *
 * Parts are on light-DOM nodes: select them as `portal-login [part~='form']` (inside another element's
 * shadow root they are that root's parts).
 *
 * @fires portal-sign-in - The customer signed in (password, link, new password or sign-up);
 *   `detail.session` is the session the store now holds.
 * @fires portal-error - A request failed and the form says why; `detail.error`, `detail.operation`
 *   (`signIn`, `requestMagicLink`, `verifyMagicLink`, `requestPasswordReset`, `resetPassword`,
 *   `completePasswordChange`, `signUp`).
 *
 * @csspart base - The column holding the current view.
 * @csspart heading - The view's heading.
 * @csspart form - The view's form.
 * @csspart submit - The form's submit buttons.
 * @csspart error - The error summary, and the settings error.
 * @csspart notice - A success or information message.
 * @csspart loading - The skeleton shown while the merchant's settings load.
 *
 * @cssproperty --portal-login-max-width - Width of the form column (default 28rem).
 * @cssproperty --portal-color-primary - Brand colour of the main button (set from `theme-color`).
 * @cssproperty --portal-font-family - Font of the form.
 * @cssproperty --portal-radius - Corner radius of fields and buttons.
 * @cssproperty --portal-spacing - Space between fields.
 * @cssproperty --portal-control-height - Height of fields and buttons; keep it at 24px or more (WCAG 2.5.8).
 */
export class PortalLogin extends PortalElement<typeof loginMessages> implements LoginViewHost {
  static override messages = loginMessages;

  private readonly settingsQuery = new QueryController(this, {
    key: () => keys.settings,
    load: (store, options) => store.settings(options),
  });
  private readonly focusing = new FocusController(this);
  /** Progress and successes for screen readers, in a polite live region that never leaves the page. */
  private readonly liveRegion = new LiveRegionController(this);
  /** The busy guard and the backend's field errors, cleared field by field as the customer edits. */
  private readonly form = new FormStateController<Operation>(this);
  /** @internal Sign-up's card, when the merchant requires one: the provider's fields, in light DOM. */
  readonly cardEntry = new CardEntryController(this, {
    locale: () => this.resolvedLocale,
    theme: () => this.portal?.theme ?? this.themeTokens,
  });

  /** What the customer typed, by field path; the email lives in `email`. */
  @state() private values: Record<string, string> = {};
  /** The last attempt's outcome in the view it was made in. */
  @state() private feedback: (Feedback & { view: LoginView }) | null = null;
  @state() private revealPasswords = false;
  @state() private signedIn = false;
  /** @internal */
  @state() shipToBilling = true;
  /** @internal */
  @state() resetRequestedFor: string | null = null;

  /** The view on show. Set it to open one; it follows the customer as they move between views. */
  @property() view: LoginView = 'sign-in';

  /** Card fields for sign-up when no `<portal-root>` provides them (else the settings' test-mode frame). */
  @property({ attribute: false }) cardFields?: CardFieldsProvider;

  /** The email address in the form: set it to pre-fill the form, read it for what the customer typed. */
  @property() email = '';

  /** A sign-in link's token. Read from `?portal-magic-token=` on connect; opens `magic-link-confirm`. */
  @property({ attribute: false }) magicToken?: string;

  /** A password-reset link's token. Read from `?portal-reset-token=` on connect; opens `reset-password`. */
  @property({ attribute: false }) resetToken?: string;

  /**
   * The challenge of a sign-in answered `password_change_required`, for pages that call `signIn`
   * themselves; opens `change-temporary-password`.
   */
  @property({ attribute: false }) passwordChangeChallenge?: string;

  /** @internal Set while a request that starts a session runs; see `onSessionChange`. */
  awaitingSession = false;
  private readonly uid = `portal-login-${++instances}`;
  private urlChecked = false;
  private watchedStore: PortalStore | null = null;
  private unwatchStore?: () => void;

  /** @internal */
  get headingId(): string {
    return `${this.uid}-heading`;
  }

  private fieldId(path: string): string {
    return `${this.uid}-${path.replace(/\./g, '-')}`;
  }

  /** @internal Where sign-up's card is typed, or null when this page has no card fields. */
  get cardSource(): (() => Promise<CardFieldsProvider>) | null {
    return cardFieldsSource(this.portal?.cardFields, this.cardFields, loadedValue(this.settingsQuery.state));
  }

  /** @internal */
  get formValues(): Values {
    return { ...this.values, email: this.email };
  }

  private get signedInSession(): Session | null {
    const session = this.store?.session;
    return this.signedIn && session?.status === 'signed_in' ? session.session : null;
  }

  // Lifecycle

  protected override createRenderRoot(): HTMLElement {
    adoptScopedDocumentStyles('portal-login', loginStyles);
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.urlChecked) {
      this.urlChecked = true;
      this.magicToken ??= readUrlToken(MAGIC_TOKEN_PARAM);
      if (!this.magicToken) this.resetToken ??= readUrlToken(RESET_TOKEN_PARAM);
    }
    this.watchStore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchStore?.();
    this.unwatchStore = undefined;
    this.watchedStore = null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.watchStore();
    // The card fields live only while sign-up shows; they are mounted afresh when it comes back.
    if (this.view !== 'sign-up' || this.signedIn) this.cardEntry.close();
    // A token or challenge handed to the element opens the view that uses it.
    if (changed.has('magicToken') && this.magicToken) this.view = 'magic-link-confirm';
    if (changed.has('resetToken') && this.resetToken) this.view = 'reset-password';
    if (changed.has('passwordChangeChallenge') && this.passwordChangeChallenge) {
      this.view = 'change-temporary-password';
    }
  }

  private watchStore(): void {
    const store = this.isConnected ? this.store : null;
    if (store === this.watchedStore) return;
    this.unwatchStore?.();
    this.watchedStore = store;
    this.unwatchStore = store?.onChange((change) => {
      if (change.session) this.onSessionChange();
    });
  }

  /**
   * The store announces a new session synchronously, before `<portal-root>` re-renders and removes this
   * form; finishing the sign-in here means `portal-sign-in` is dispatched while the element is still
   * in the page, so it bubbles to the merchant's listeners.
   */
  private onSessionChange(): void {
    const session = this.store?.session;
    if (session?.status === 'signed_in') {
      if (this.awaitingSession) this.completeSignIn(session.session);
    } else if (this.signedIn) {
      // Signed out elsewhere: the form comes back, with the email kept.
      this.signedIn = false;
    }
  }

  private completeSignIn(session: Session): void {
    this.awaitingSession = false;
    removeUrlToken(MAGIC_TOKEN_PARAM);
    removeUrlToken(RESET_TOKEN_PARAM);
    this.magicToken = undefined;
    this.resetToken = undefined;
    this.passwordChangeChallenge = undefined;
    // Passwords and sign-up details have done their job; none of them stays in memory.
    this.values = {};
    this.feedback = null;
    this.form.reset();
    this.view = 'sign-in';
    this.signedIn = true;
    this.liveRegion.announce(this.t.login.signedIn(session.customerName));
    this.focusing.focusAfterUpdate(`${this.uid}-signed-in`);
    emit(this, 'portal-sign-in', { session });
  }

  // Handlers

  private onInput(event: Event): void {
    const target = event.target;
    if (!isEditable(target) || !target.name) return;
    if (target.name === 'email') this.email = target.value;
    else this.values = { ...this.values, [target.name]: target.value };
    this.form.edited(target.name);
  }

  /** @internal Takes the values from the form itself: autofill does not always fire input events. */
  readForm(event: SubmitEvent): void {
    const { email, ...values } = readControls(event.currentTarget as HTMLFormElement);
    if (email !== undefined) this.email = email;
    this.values = { ...this.values, ...values };
    // A password manager offers to save only what it sees submitted from a password field.
    this.revealPasswords = false;
  }

  private focusField(path: string): void {
    this.querySelector<HTMLElement>(`#${CSS.escape(this.fieldId(path))}`)?.focus();
  }

  /** A link between views, clicked by the customer; ignored while a request runs. */
  private navigate(view: LoginView, focus: 'heading' | 'email' = 'heading'): void {
    if (this.form.busy) return;
    this.go(view);
    if (focus === 'email') this.focusing.focusAfterUpdate(this.fieldId('email'));
  }

  // What the views call (LoginViewHost)

  /** @internal */
  go(view: LoginView, feedback: Feedback | null = null): void {
    this.view = view;
    this.feedback = feedback ? { view, ...feedback } : null;
    this.form.reset();
    this.resetRequestedFor = null;
    this.revealPasswords = false;
    if (view !== 'change-temporary-password') this.passwordChangeChallenge = undefined;
    this.values = Object.fromEntries(
      Object.entries(this.values).filter(([path]) => !PASSWORD_PATHS.includes(path)),
    );
    this.focusHeading();
  }

  /** @internal */
  notify(view: LoginView, feedback: Feedback, announcement?: string): void {
    this.feedback = { view, ...feedback };
    if (announcement) this.liveRegion.announce(announcement);
  }

  /** @internal */
  focusHeading(): void {
    this.focusing.focusAfterUpdate(this.headingId);
  }

  /** @internal */
  check<S extends z.ZodMiniType>(
    view: LoginView,
    schema: S,
    fields: readonly FieldSpec[],
    extra: Record<string, unknown> = {},
  ): z.infer<S> | null {
    const result = checkForm(this.t, schema, fields, this.formValues, this.resolvedLocale, extra);
    if (result.ok) return result.value;
    this.form.reset();
    this.form.showAllErrors();
    const message = result.errors.size === 0 ? this.t.errors.validation : undefined;
    this.feedback = { view, fields: result.errors, ...(message ? { message } : {}) };
    const first = [...result.errors.keys()][0];
    if (first) this.focusing.focusAfterUpdate(this.fieldId(first));
    return null;
  }

  /** @internal Runs one request for the form on show; the guard makes a second Enter or click a no-op. */
  request<T>(
    operation: Operation,
    action: (store: PortalStore) => Promise<T>,
  ): Promise<T | PortalError> | null {
    const store = this.store;
    if (!store) return Promise.resolve(new PortalError('unavailable', '<portal-login> has no backend'));
    return this.form.submit(operation, async () => {
      this.feedback = null;
      this.form.reset();
      this.liveRegion.announce(progressLabel(this.t, operation));
      try {
        return await action(store);
      } catch (error) {
        const failure = toPortalError(error);
        emit(this, 'portal-error', { error: failure, operation });
        return failure;
      } finally {
        this.awaitingSession = false;
      }
    });
  }

  /** @internal */
  fail(view: LoginView, operation: Operation, error: PortalError, fields: readonly FieldSpec[]): void {
    const feedback = placeFailure(this.t, this.resolvedLocale, this.form, operation, error, fields);
    this.feedback = { view, ...feedback };
    const first = [...(feedback.fields?.keys() ?? [])][0];
    if (first) this.focusing.focusAfterUpdate(this.fieldId(first));
  }

  // Rendering

  /** @internal */
  renderHeading(text: string | TemplateResult): TemplateResult {
    return renderHeading(this.headingId, text);
  }

  /** @internal */
  renderForm(onSubmit: (event: SubmitEvent) => void, content: unknown): TemplateResult {
    return renderForm(
      this.headingId,
      (event) => {
        if (!this.form.busy) onSubmit(event);
      },
      this.onInput,
      content,
    );
  }

  /** @internal */
  renderField(view: LoginView, field: FieldSpec): TemplateResult {
    const summary = this.feedback?.view === view ? this.feedback.fields : undefined;
    return renderField(field, {
      id: this.fieldId(field.path),
      value: field.path === 'email' ? this.email : valueOf(field, this.values),
      error: this.form.errorFor(field.path, summary?.get(field.path)),
      t: this.t,
      locale: this.resolvedLocale,
      revealPassword: this.revealPasswords,
      onToggleReveal: () => {
        this.revealPasswords = !this.revealPasswords;
      },
    });
  }

  /** @internal */
  renderSubmit(label: string, operation: Operation, options: SubmitOptions = {}): TemplateResult {
    return renderSubmit(this.t, this.form.busy, label, operation, options);
  }

  /** @internal */
  renderNav(label: string, view: LoginView, options: NavOptions = {}): TemplateResult {
    return renderNav(!!this.form.busy, label, () => this.navigate(view, options.focus), options);
  }

  /** @internal */
  renderFeedback(view: LoginView, fields: readonly FieldSpec[] = []): TemplateResult {
    return renderFeedback(this, this.feedback?.view === view ? this.feedback : null, fields, (path) =>
      this.focusField(path),
    );
  }

  private renderView(settings: PortalSettings): TemplateResult {
    const session = this.signedInSession;
    if (session) {
      return html`<p class="alert success" id=${`${this.uid}-signed-in`} tabindex="-1" part="notice">
        ${sentence((name) => this.t.login.signedIn(name), session.customerName)}
      </p>`;
    }
    return VIEWS[viewToShow(this.view, settings, this)](this, settings);
  }

  override render(): TemplateResult {
    const t = this.t;
    let body: TemplateResult;
    if (!this.store) {
      this.reportMissingStore();
      body = renderMisconfigured(t);
    } else {
      // A failed refresh keeps the form the customer is using; only a first load that fails shows the error.
      body = renderQuery(t, this.settingsQuery, 6, (settings) => this.renderView(settings));
    }
    return html`<div class="login" part="base">${body} ${this.liveRegion.render()}</div>`;
  }
}
