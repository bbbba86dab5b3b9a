import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { PortalError, toPortalError } from '../../contract/errors.js';
import { emit } from '../../core/events.js';
import { PortalElement } from '../../core/portal-element.js';
import { QueryController, loadedValue } from '../../core/query.js';
import { type PortalStore, keys } from '../../core/store.js';
import type { PortalSettings, Session } from '../../model/index.js';
import { errorMessage, renderError, renderLoading, renderMisconfigured } from '../../ui/states.js';
import { adoptScopedDocumentStyles } from '../../ui/styles.js';
import {
  type FieldSection,
  type FieldSpec,
  type Values,
  backendFieldMessage,
  currentPasswordField,
  emailField,
  fieldForPath,
  newPasswordFields,
  signUpRequest,
  signUpSections,
  validate,
} from './fields.js';
import { loginStyles } from './portal-login.styles.js';
import { MAGIC_TOKEN_PARAM, RESET_TOKEN_PARAM, readUrlToken, removeUrlToken } from './url-token.js';
import { loginMessages } from './messages.js';

export const LOGIN_VIEWS = [
  'sign-in',
  'magic-link-sent',
  'magic-link-confirm',
  'forgot-password',
  'reset-password',
  'change-temporary-password',
  'sign-up',
] as const;
export type LoginView = (typeof LOGIN_VIEWS)[number];

/** The requests this form makes, named as in the adapter (they are `portal-error`'s `operation`). */
type Operation =
  | 'signIn'
  | 'requestMagicLink'
  | 'verifyMagicLink'
  | 'requestPasswordReset'
  | 'resetPassword'
  | 'completePasswordChange'
  | 'signUp';

/** What the customer is told about their last attempt in one view. */
interface Feedback {
  view: LoginView;
  /** A failure that belongs to no single field; shown above the form and announced. */
  message?: string;
  /** Field path → message, in form order; shown next to each field and listed in the summary. */
  fields?: ReadonlyMap<string, string>;
  /** The address already has an account: offer signing in and resetting the password instead. */
  suggestSignIn?: boolean;
  /** A success to state where the customer now is ("your password has been changed"). */
  notice?: string;
}

/** Passwords are never carried from one view to another: a sign-in password must not become a new one. */
const PASSWORD_PATHS = ['password', 'newPassword', 'confirmPassword'];

let instances = 0;

/** "in 30 seconds", "dans 15 minutes": Intl words the wait, plurals included. */
function retryWhen(locale: string, seconds: number): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  // Past two minutes, a count of seconds is harder to read than minutes.
  return seconds < 120
    ? format.format(Math.ceil(seconds), 'second')
    : format.format(Math.ceil(seconds / 60), 'minute');
}

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
 * @event portal-sign-in - The customer signed in (password, link, new password or sign-up);
 *   `detail.session` is the session the store now holds.
 * @event portal-error - A request failed and the form says why; `detail.error`, `detail.operation`
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
export class PortalLogin extends PortalElement<typeof loginMessages> {
  static override messages = loginMessages;

  private readonly settingsQuery = new QueryController(this, {
    key: () => keys.settings,
    load: (store, options) => store.settings(options),
  });

  /** What the customer typed, by field path; the email lives in `email`. */
  @state() private values: Record<string, string> = {};
  @state() private feedback: Feedback | null = null;
  @state() private busy: Operation | null = null;
  @state() private revealPasswords = false;
  @state() private shipToBilling = true;
  @state() private resetRequestedFor: string | null = null;
  @state() private signedIn = false;
  /** Progress and successes for screen readers, in a polite live region that never leaves the page. */
  @state() private announcement = '';

  /** The view on show. Set it to open one; it follows the customer as they move between views. */
  @property() view: LoginView = 'sign-in';

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

  private readonly uid = `portal-login-${++instances}`;
  private focusAfterUpdate: string | null = null;
  private urlChecked = false;
  /** Set while a request that starts a session runs; see `onSessionChange`. */
  private awaitingSession = false;
  private watchedStore: PortalStore | null = null;
  private unwatchStore?: () => void;

  private get headingId(): string {
    return `${this.uid}-heading`;
  }

  private fieldId(path: string): string {
    return `${this.uid}-${path.replace(/\./g, '-')}`;
  }

  private get formValues(): Values {
    return { ...this.values, email: this.email };
  }

  private fieldValue(field: FieldSpec): string {
    return field.path === 'email' ? this.email : (this.values[field.path] ?? field.initial ?? '');
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
    // A token or challenge handed to the element opens the view that uses it.
    if (changed.has('magicToken') && this.magicToken) this.view = 'magic-link-confirm';
    if (changed.has('resetToken') && this.resetToken) this.view = 'reset-password';
    if (changed.has('passwordChangeChallenge') && this.passwordChangeChallenge) {
      this.view = 'change-temporary-password';
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusAfterUpdate) {
      const target = this.querySelector<HTMLElement>(`#${CSS.escape(this.focusAfterUpdate)}`);
      this.focusAfterUpdate = null;
      target?.focus();
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
    this.view = 'sign-in';
    this.signedIn = true;
    this.announcement = this.t.login.signedIn(session.customerName);
    this.focusAfterUpdate = `${this.uid}-signed-in`;
    emit(this, 'portal-sign-in', { session });
  }

  // Handlers

  private onInput(event: Event): void {
    const target = event.target;
    const editable =
      (target instanceof HTMLInputElement && target.type !== 'checkbox' && !target.readOnly) ||
      target instanceof HTMLSelectElement;
    if (!editable || !target.name) return;
    if (target.name === 'email') this.email = target.value;
    else this.values = { ...this.values, [target.name]: target.value };
  }

  /** Takes the values from the form itself: autofill does not always fire input events. */
  private readForm(form: HTMLFormElement): void {
    const values = { ...this.values };
    for (const element of Array.from(form.elements)) {
      const editable =
        (element instanceof HTMLInputElement && element.type !== 'checkbox' && !element.readOnly) ||
        element instanceof HTMLSelectElement;
      if (!editable || !element.name) continue;
      if (element.name === 'email') this.email = element.value;
      else values[element.name] = element.value;
    }
    this.values = values;
    // A password manager offers to save only what it sees submitted from a password field.
    this.revealPasswords = false;
  }

  private toggleReveal(): void {
    this.revealPasswords = !this.revealPasswords;
  }

  private onShipToBillingChange(event: Event): void {
    this.shipToBilling = (event.target as HTMLInputElement).checked;
  }

  private focusField(path: string): void {
    this.querySelector<HTMLElement>(`#${CSS.escape(this.fieldId(path))}`)?.focus();
  }

  /** A link between views, clicked by the customer; ignored while a request runs. */
  private navigate(view: LoginView, focus: 'heading' | 'email' = 'heading'): void {
    if (this.busy) return;
    this.go(view);
    if (focus === 'email') this.focusAfterUpdate = this.fieldId('email');
  }

  private go(view: LoginView, feedback: Omit<Feedback, 'view'> | null = null): void {
    this.view = view;
    this.feedback = feedback ? { view, ...feedback } : null;
    this.resetRequestedFor = null;
    this.revealPasswords = false;
    if (view !== 'change-temporary-password') this.passwordChangeChallenge = undefined;
    this.values = Object.fromEntries(
      Object.entries(this.values).filter(([path]) => !PASSWORD_PATHS.includes(path)),
    );
    this.focusAfterUpdate = this.headingId;
  }

  /** Client-side checks; on failure the errors are shown and the first invalid field takes focus. */
  private check(view: LoginView, fields: readonly FieldSpec[]): boolean {
    const errors = validate(this.t, fields, this.formValues);
    if (errors.size === 0) return true;
    this.feedback = { view, fields: errors };
    this.focusAfterUpdate = this.fieldId([...errors.keys()][0]);
    return false;
  }

  /**
   * Runs one request for the form on show. `busy` is set before the first await, so a second Enter or
   * click while it runs finds it set and does nothing.
   */
  private async request<T>(
    operation: Operation,
    action: (store: PortalStore) => Promise<T>,
  ): Promise<T | PortalError> {
    const store = this.store;
    if (!store) return new PortalError('unavailable', '<portal-login> has no backend');
    this.busy = operation;
    this.feedback = null;
    this.announcement = this.progressLabel(operation);
    try {
      return await action(store);
    } catch (error) {
      const failure = toPortalError(error);
      emit(this, 'portal-error', { error: failure, operation });
      return failure;
    } finally {
      this.busy = null;
      this.awaitingSession = false;
    }
  }

  private progressLabel(operation: Operation): string {
    const t = this.t.login;
    switch (operation) {
      case 'signIn':
      case 'verifyMagicLink':
        return t.signingIn;
      case 'requestMagicLink':
        return t.sendingLink;
      case 'requestPasswordReset':
        return t.sendingResetLink;
      case 'resetPassword':
      case 'completePasswordChange':
        return t.savingPassword;
      case 'signUp':
        return t.signingUp;
    }
  }

  private failureMessage(operation: Operation, error: PortalError): string {
    const t = this.t;
    switch (error.code) {
      case 'unauthorized':
        // The same words for a wrong password and an unknown address: nothing tells them apart.
        return operation === 'signIn' ? t.login.invalidCredentials : errorMessage(t, error);
      case 'account_locked':
        return t.errors.account_locked;
      case 'rate_limited':
        return error.retryAfterSeconds
          ? t.login.tooManyAttempts(retryWhen(this.resolvedLocale, error.retryAfterSeconds))
          : t.errors.rate_limited;
      case 'forbidden':
        return operation === 'signUp' ? t.login.signUpUnavailable : t.login.signInUnavailable;
      default:
        return errorMessage(t, error);
    }
  }

  /** Shows a failed request: backend field errors next to their fields, everything else above the form. */
  private fail(
    view: LoginView,
    operation: Operation,
    error: PortalError,
    fields: readonly FieldSpec[],
  ): void {
    const t = this.t;
    const byPath = new Map<string, string>();
    let unplaced = false;
    let suggestSignIn = false;
    for (const fieldError of error.fieldErrors) {
      const field = fieldForPath(fields, fieldError.path);
      if (!field || field.readonly) {
        unplaced = true;
        continue;
      }
      if (byPath.has(field.path)) continue;
      if (field.path === 'email' && fieldError.code === 'taken') suggestSignIn = true;
      const sameAsTemporary =
        operation === 'completePasswordChange' &&
        field.rule === 'newPassword' &&
        fieldError.code === 'invalid';
      byPath.set(
        field.path,
        sameAsTemporary ? t.login.sameAsTemporary : backendFieldMessage(t, field, fieldError.code),
      );
    }
    const ordered = new Map(
      fields.flatMap((field) => {
        const message = byPath.get(field.path);
        return message ? [[field.path, message] as const] : [];
      }),
    );
    const message =
      error.code !== 'validation'
        ? this.failureMessage(operation, error)
        : unplaced || ordered.size === 0
          ? t.errors.validation
          : undefined;
    this.feedback = { view, message, fields: ordered, suggestSignIn };
    const first = [...ordered.keys()][0];
    if (first) this.focusAfterUpdate = this.fieldId(first);
  }

  private async onSignInSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const settings = this.settingsQuery.value;
    if (this.busy || !settings) return;
    this.readForm(event.currentTarget as HTMLFormElement);
    const submitter = event.submitter as HTMLButtonElement | null;
    if (!settings.signIn.password || submitter?.value === 'magic-link') {
      await this.sendMagicLink('sign-in');
      return;
    }
    const fields = [emailField(this.t), currentPasswordField(this.t)];
    if (!this.check('sign-in', fields)) return;
    this.email = this.email.trim();
    const input = { email: this.email, password: this.values.password ?? '' };
    this.awaitingSession = true;
    const result = await this.request('signIn', (store) => store.signIn(input));
    if (result instanceof PortalError) {
      this.fail('sign-in', 'signIn', result, fields);
    } else if (result.status === 'password_change_required') {
      this.passwordChangeChallenge = result.challenge;
      this.go('change-temporary-password');
    }
    // `signed_in` was finished while the store announced the session (see onSessionChange).
  }

  private async sendMagicLink(view: 'sign-in' | 'magic-link-sent'): Promise<void> {
    const fields = [emailField(this.t)];
    if (view === 'sign-in' && !this.check(view, fields)) return;
    this.email = this.email.trim();
    const email = this.email;
    const result = await this.request('requestMagicLink', (store) => store.requestMagicLink({ email }));
    if (result instanceof PortalError) {
      this.fail(view, 'requestMagicLink', result, fields);
    } else if (view === 'magic-link-sent') {
      this.feedback = { view, notice: this.t.login.linkSentAgain };
      this.announcement = this.t.login.linkSentAgain;
    } else {
      this.go('magic-link-sent');
    }
  }

  private async onSendAgainSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    await this.sendMagicLink('magic-link-sent');
  }

  /** Only this explicit submit spends the token: a mail scanner opening the link signs nobody in. */
  private async onConfirmSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const token = this.magicToken;
    if (this.busy || !token) return;
    this.awaitingSession = true;
    const result = await this.request('verifyMagicLink', (store) => store.verifyMagicLink({ token }));
    if (!(result instanceof PortalError)) return;
    if (result.code === 'unauthorized') {
      // Expired, used or unknown: the token is dead, so it leaves the address bar too.
      removeUrlToken(MAGIC_TOKEN_PARAM);
      this.magicToken = undefined;
      this.focusAfterUpdate = this.headingId;
      return;
    }
    this.fail('magic-link-confirm', 'verifyMagicLink', result, []);
  }

  private async onForgotSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.readForm(event.currentTarget as HTMLFormElement);
    const fields = [emailField(this.t)];
    if (!this.check('forgot-password', fields)) return;
    this.email = this.email.trim();
    const email = this.email;
    const result = await this.request('requestPasswordReset', (store) =>
      store.requestPasswordReset({ email }),
    );
    if (result instanceof PortalError) {
      this.fail('forgot-password', 'requestPasswordReset', result, fields);
      return;
    }
    this.resetRequestedFor = email;
    this.focusAfterUpdate = this.headingId;
  }

  private async onResetSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const token = this.resetToken;
    if (this.busy || !token) return;
    this.readForm(event.currentTarget as HTMLFormElement);
    const fields = newPasswordFields(this.t, 'newPassword', true);
    if (!this.check('reset-password', fields)) return;
    const newPassword = this.values.newPassword ?? '';
    const result = await this.request('resetPassword', (store) =>
      store.resetPassword({ token, newPassword }),
    );
    if (result instanceof PortalError && result.code !== 'unauthorized') {
      this.fail('reset-password', 'resetPassword', result, fields);
      return;
    }
    // Used or dead, the token leaves the address bar.
    removeUrlToken(RESET_TOKEN_PARAM);
    this.resetToken = undefined;
    if (result instanceof PortalError) {
      this.focusAfterUpdate = this.headingId;
      return;
    }
    this.go('sign-in', { notice: this.t.login.passwordChanged });
    this.announcement = this.t.login.passwordChanged;
  }

  private async onChangeSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const challenge = this.passwordChangeChallenge;
    if (this.busy || !challenge) return;
    this.readForm(event.currentTarget as HTMLFormElement);
    const fields = newPasswordFields(this.t, 'newPassword', true);
    if (!this.check('change-temporary-password', fields)) return;
    const newPassword = this.values.newPassword ?? '';
    this.awaitingSession = true;
    const result = await this.request('completePasswordChange', (store) =>
      store.completePasswordChange({ challenge, newPassword }),
    );
    if (!(result instanceof PortalError)) return;
    if (result.code === 'unauthorized') {
      this.go('sign-in', { message: this.t.login.changeExpired });
      return;
    }
    this.fail('change-temporary-password', 'completePasswordChange', result, fields);
  }

  private async onSignUpSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const settings = this.settingsQuery.value;
    if (this.busy || !settings) return;
    this.readForm(event.currentTarget as HTMLFormElement);
    const required = settings.accountCreation.required;
    const fields = signUpSections(this.t, this.resolvedLocale, required, this.shipToBilling).flatMap(
      (section) => section.fields,
    );
    if (!this.check('sign-up', fields)) return;
    this.email = this.email.trim();
    const input = signUpRequest(this.formValues, required, this.shipToBilling);
    this.awaitingSession = true;
    const result = await this.request('signUp', (store) => store.signUp(input));
    if (result instanceof PortalError) this.fail('sign-up', 'signUp', result, fields);
  }

  // Rendering

  /** The view to draw: one the settings allow and the element has what it needs for. */
  private currentView(settings: PortalSettings): LoginView {
    const view: LoginView = (LOGIN_VIEWS as readonly string[]).includes(this.view) ? this.view : 'sign-in';
    switch (view) {
      case 'sign-up':
        return settings.accountCreation.enabled ? view : 'sign-in';
      case 'forgot-password':
        return settings.signIn.password ? view : 'sign-in';
      case 'magic-link-sent':
        return this.email && settings.signIn.magicLink ? view : 'sign-in';
      case 'change-temporary-password':
        return this.passwordChangeChallenge ? view : 'sign-in';
      default:
        return view;
    }
  }

  private renderHeading(text: string): TemplateResult {
    return html`<h2 id=${this.headingId} tabindex="-1" part="heading">${text}</h2>`;
  }

  private renderSubmit(
    label: string,
    operation: Operation,
    options: { primary?: boolean; intent?: string } = {},
  ): TemplateResult {
    const running = this.busy === operation;
    return html`<button
      type="submit"
      class=${options.primary === false ? 'button' : 'button primary'}
      part="submit"
      value=${ifDefined(options.intent)}
      aria-disabled=${this.busy ? 'true' : 'false'}
    >
      ${running ? html`<span class="spinner" aria-hidden="true"></span> ${this.progressLabel(operation)}` : label}
    </button>`;
  }

  private renderNav(
    label: string,
    view: LoginView,
    options: { focus?: 'heading' | 'email'; style?: 'link' | 'button' } = {},
  ): TemplateResult {
    return html`<button
      type="button"
      class=${options.style === 'button' ? 'button' : 'button link'}
      aria-disabled=${this.busy ? 'true' : 'false'}
      @click=${() => this.navigate(view, options.focus)}
    >
      ${label}
    </button>`;
  }

  private renderFeedback(view: LoginView, fields: readonly FieldSpec[] = []): TemplateResult {
    const t = this.t;
    const feedback = this.feedback?.view === view ? this.feedback : null;
    const invalid = [...(feedback?.fields ?? [])];
    const label = (path: string) => fields.find((field) => field.path === path)?.label ?? path;
    const failed = !!feedback?.message || invalid.length > 0;
    return html`${feedback?.notice ? html`<p class="alert success" part="notice">${feedback.notice}</p>` : nothing}
      <div class="summary" role="alert">
        ${
          failed
            ? html`<div class="alert error" part="error">
                ${feedback?.message ? html`<p>${feedback.message}</p>` : nothing}
                ${
                  invalid.length > 0
                    ? html`<p>${t.login.errorSummary}</p>
                        <ul>
                          ${invalid.map(
                            ([path, message]) =>
                              html`<li>
                                <button
                                  type="button"
                                  class="button link"
                                  @click=${() => this.focusField(path)}
                                >
                                  ${t.login.fieldError(label(path), message)}
                                </button>
                              </li>`,
                          )}
                        </ul>`
                    : nothing
                }
                ${
                  feedback?.suggestSignIn
                    ? html`<p class="links">
                        ${this.renderNav(t.login.signIn, 'sign-in')}
                        ${this.renderNav(t.login.forgotPassword, 'forgot-password')}
                      </p>`
                    : nothing
                }
              </div>`
            : nothing
        }
      </div>`;
  }

  private renderField(view: LoginView, field: FieldSpec): TemplateResult {
    const t = this.t;
    const id = this.fieldId(field.path);
    const error = this.feedback?.view === view ? this.feedback.fields?.get(field.path) : undefined;
    const hintId = `${id}-hint`;
    const errorId = `${id}-error`;
    const describedBy =
      [field.hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
    const invalid = error ? 'true' : 'false';
    const value = this.fieldValue(field);
    let control: TemplateResult;
    if (field.kind === 'select') {
      control = html`<select
        id=${id}
        name=${field.path}
        autocomplete=${ifDefined(field.autocomplete)}
        ?required=${field.required}
        aria-invalid=${invalid}
        aria-describedby=${ifDefined(describedBy)}
      >
        ${(field.options ?? []).map(
          (option) =>
            html`<option value=${option.value} .selected=${option.value === value}>${option.label}</option>`,
        )}
      </select>`;
    } else {
      const isEmail = field.type === 'email';
      const type =
        field.kind === 'password' ? (this.revealPasswords ? 'text' : 'password') : (field.type ?? 'text');
      const input = html`<input
        id=${id}
        name=${field.path}
        type=${type}
        autocomplete=${ifDefined(field.autocomplete)}
        inputmode=${ifDefined(field.inputMode)}
        autocapitalize=${ifDefined(isEmail ? 'none' : undefined)}
        spellcheck=${ifDefined(isEmail ? 'false' : undefined)}
        ?required=${field.required}
        ?readonly=${field.readonly}
        aria-invalid=${invalid}
        aria-describedby=${ifDefined(describedBy)}
        .value=${live(value)}
      />`;
      control =
        field.kind === 'password'
          ? html`<div class="password">
              ${input}
              <button
                type="button"
                class="button reveal"
                aria-pressed=${this.revealPasswords ? 'true' : 'false'}
                aria-controls=${id}
                @click=${this.toggleReveal}
              >
                ${t.login.showPassword}
              </button>
            </div>`
          : input;
    }
    const optional = field.required || field.readonly;
    return html`<div class="field">
      <label for=${id}
        >${field.label}${optional ? nothing : html` <span class="optional">(${t.common.optional})</span>`}</label
      >
      ${field.hint ? html`<span class="hint" id=${hintId}>${field.hint}</span>` : nothing} ${control}
      ${error ? html`<span class="error" id=${errorId}>${error}</span>` : nothing}
    </div>`;
  }

  private renderSignIn(settings: PortalSettings): TemplateResult {
    const t = this.t;
    const { password, magicLink } = settings.signIn;
    const heading = this.renderHeading(t.login.signInHeading(settings.branding.merchantName));
    if (!password && !magicLink) {
      return html`${heading}
        <p class="alert info" part="notice">${t.login.signInUnavailable}</p>`;
    }
    const fields = password ? [emailField(t), currentPasswordField(t)] : [emailField(t)];
    return html`${heading} ${password ? nothing : html`<p>${t.login.passwordlessIntro}</p>`}
      ${this.renderFeedback('sign-in', fields)}
      <form
        part="form"
        novalidate
        aria-labelledby=${this.headingId}
        @submit=${this.onSignInSubmit}
        @input=${this.onInput}
      >
        ${fields.map((field) => this.renderField('sign-in', field))}
        ${password ? html`<p class="links">${this.renderNav(t.login.forgotPassword, 'forgot-password')}</p>` : nothing}
        <div class="actions">
          ${password ? this.renderSubmit(t.login.signIn, 'signIn') : nothing}
          ${password && magicLink ? html`<p class="divider">${t.login.or}</p>` : nothing}
          ${
            magicLink
              ? this.renderSubmit(t.login.emailLink, 'requestMagicLink', {
                  primary: !password,
                  intent: 'magic-link',
                })
              : nothing
          }
        </div>
      </form>
      ${
        settings.accountCreation.enabled
          ? html`<p class="links">
              ${t.login.newCustomer} ${this.renderNav(t.login.createAccount, 'sign-up')}
            </p>`
          : nothing
      }`;
  }

  private renderMagicLinkSent(): TemplateResult {
    const t = this.t;
    return html`${this.renderHeading(t.login.checkEmailHeading)}
      <p>${t.login.magicLinkSent(this.email)}</p>
      ${this.renderFeedback('magic-link-sent')}
      <form part="form" novalidate aria-labelledby=${this.headingId} @submit=${this.onSendAgainSubmit}>
        <div class="actions">
          ${this.renderSubmit(t.login.sendLinkAgain, 'requestMagicLink', { primary: false })}
        </div>
      </form>
      <p class="links">${this.renderNav(t.login.useAnotherEmail, 'sign-in', { focus: 'email' })}</p>`;
  }

  private renderMagicLinkConfirm(settings: PortalSettings): TemplateResult {
    const t = this.t;
    if (!this.magicToken) {
      return html`${this.renderHeading(t.login.linkExpiredHeading)}
        <p>${t.login.linkExpired}</p>
        <p class="links">
          ${this.renderNav(t.login.requestNewLink, 'sign-in', { focus: 'email', style: 'button' })}
        </p>`;
    }
    return html`${this.renderHeading(t.login.signInHeading(settings.branding.merchantName))}
      <p>${t.login.confirmIntro}</p>
      ${this.renderFeedback('magic-link-confirm')}
      <form part="form" novalidate aria-labelledby=${this.headingId} @submit=${this.onConfirmSubmit}>
        <div class="actions">${this.renderSubmit(t.common.continue, 'verifyMagicLink')}</div>
      </form>`;
  }

  private renderForgotPassword(): TemplateResult {
    const t = this.t;
    const back = html`<p class="links">${this.renderNav(t.login.backToSignIn, 'sign-in')}</p>`;
    if (this.resetRequestedFor) {
      return html`${this.renderHeading(t.login.checkEmailHeading)}
        <p>${t.login.resetLinkSent(this.resetRequestedFor)}</p>
        ${back}`;
    }
    const fields = [emailField(t)];
    return html`${this.renderHeading(t.login.forgotHeading)}
      <p>${t.login.forgotIntro}</p>
      ${this.renderFeedback('forgot-password', fields)}
      <form
        part="form"
        novalidate
        aria-labelledby=${this.headingId}
        @submit=${this.onForgotSubmit}
        @input=${this.onInput}
      >
        ${fields.map((field) => this.renderField('forgot-password', field))}
        <div class="actions">${this.renderSubmit(t.login.sendResetLink, 'requestPasswordReset')}</div>
      </form>
      ${back}`;
  }

  private renderResetPassword(): TemplateResult {
    const t = this.t;
    if (!this.resetToken) {
      return html`${this.renderHeading(t.login.linkExpiredHeading)}
        <p>${t.login.resetLinkExpired}</p>
        <p class="links">
          ${this.renderNav(t.login.requestNewResetLink, 'forgot-password', { style: 'button' })}
        </p>`;
    }
    // The address, when known, goes with the new password so a password manager saves the right pair.
    const fields = [
      ...(this.email ? [emailField(t, true)] : []),
      ...newPasswordFields(t, 'newPassword', true),
    ];
    return html`${this.renderHeading(t.login.resetHeading)} ${this.renderFeedback('reset-password', fields)}
      <form
        part="form"
        novalidate
        aria-labelledby=${this.headingId}
        @submit=${this.onResetSubmit}
        @input=${this.onInput}
      >
        ${fields.map((field) => this.renderField('reset-password', field))}
        <div class="actions">${this.renderSubmit(t.login.savePassword, 'resetPassword')}</div>
      </form>
      <p class="links">${this.renderNav(t.login.backToSignIn, 'sign-in')}</p>`;
  }

  private renderChangeTemporaryPassword(): TemplateResult {
    const t = this.t;
    const fields = [emailField(t, true), ...newPasswordFields(t, 'newPassword', true)];
    return html`${this.renderHeading(t.login.changeHeading)}
      <p>${t.login.changeIntro}</p>
      ${this.renderFeedback('change-temporary-password', fields)}
      <form
        part="form"
        novalidate
        aria-labelledby=${this.headingId}
        @submit=${this.onChangeSubmit}
        @input=${this.onInput}
      >
        ${fields.map((field) => this.renderField('change-temporary-password', field))}
        <div class="actions">${this.renderSubmit(t.login.changeSubmit, 'completePasswordChange')}</div>
      </form>
      <p class="links">${this.renderNav(t.login.backToSignIn, 'sign-in')}</p>`;
  }

  private renderSection(section: FieldSection, billingRequired: boolean): TemplateResult {
    const fields = section.fields.map((field) => this.renderField('sign-up', field));
    if (!section.legend) return html`${fields}`;
    const offerSameAddress = section.group === 'shippingAddress' && billingRequired;
    return html`<fieldset>
      <legend>${section.legend}</legend>
      ${
        offerSameAddress
          ? html`<label class="check">
              <input
                type="checkbox"
                .checked=${live(this.shipToBilling)}
                @change=${this.onShipToBillingChange}
              />
              ${this.t.login.shippingSameAsBilling}
            </label>`
          : nothing
      }
      ${fields}
    </fieldset>`;
  }

  private renderSignUp(settings: PortalSettings): TemplateResult {
    const t = this.t;
    const merchant = settings.branding.merchantName;
    const required = settings.accountCreation.required;
    const haveAccount = html`<p class="links">
      ${t.login.haveAccount} ${this.renderNav(t.login.signIn, 'sign-in')}
    </p>`;
    if (required.card) {
      // No card-fields provider exists yet: a form that could never succeed is worse than saying so.
      const support = settings.branding.supportEmail;
      return html`${this.renderHeading(t.login.signUpHeading(merchant))}
        <div class="alert info" part="notice">
          <p>${t.login.cardRequiredUnavailable(merchant)}</p>
          ${support ? html`<a href=${`mailto:${support}`}>${t.login.writeTo(support)}</a>` : nothing}
        </div>
        ${haveAccount}`;
    }
    const sections = signUpSections(t, this.resolvedLocale, required, this.shipToBilling);
    const fields = sections.flatMap((section) => section.fields);
    return html`${this.renderHeading(t.login.signUpHeading(merchant))}
      ${this.renderFeedback('sign-up', fields)}
      <form
        part="form"
        novalidate
        aria-labelledby=${this.headingId}
        @submit=${this.onSignUpSubmit}
        @input=${this.onInput}
      >
        ${sections.map((section) => this.renderSection(section, required.billingAddress))}
        <div class="actions">${this.renderSubmit(t.login.signUpSubmit, 'signUp')}</div>
      </form>
      ${haveAccount}`;
  }

  private renderView(settings: PortalSettings): TemplateResult {
    const session = this.signedInSession;
    if (session) {
      return html`<p class="alert success" id=${`${this.uid}-signed-in`} tabindex="-1" part="notice">
        ${this.t.login.signedIn(session.customerName)}
      </p>`;
    }
    switch (this.currentView(settings)) {
      case 'sign-in':
        return this.renderSignIn(settings);
      case 'magic-link-sent':
        return this.renderMagicLinkSent();
      case 'magic-link-confirm':
        return this.renderMagicLinkConfirm(settings);
      case 'forgot-password':
        return this.renderForgotPassword();
      case 'reset-password':
        return this.renderResetPassword();
      case 'change-temporary-password':
        return this.renderChangeTemporaryPassword();
      case 'sign-up':
        return this.renderSignUp(settings);
    }
  }

  override render(): TemplateResult {
    const t = this.t;
    let body: TemplateResult;
    if (!this.store) {
      this.reportMissingStore();
      body = renderMisconfigured(t);
    } else {
      const settings = this.settingsQuery.state;
      // A failed refresh keeps the form the customer is using; only a first load that fails shows the error.
      const loaded = loadedValue(settings);
      if (loaded) body = this.renderView(loaded);
      else if (settings.status === 'error')
        body = renderError(t, settings.error, () => this.settingsQuery.refresh());
      else body = renderLoading(t, 6);
    }
    return html`<div class="login" part="base">
      ${body}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </div>`;
  }
}
