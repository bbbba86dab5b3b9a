import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalError } from '../../../contract/errors.js';
import { emit } from '../../../core/events.js';
import { FocusController } from '../../../controllers/focus.js';
import { FormStateController } from '../../../controllers/form-state.js';
import { StaffSignIn } from '../../../model/index.js';
import { renderField } from '../../../ui/form/field.js';
import { currentPasswordField, emailField, type FieldSpec, type Values } from '../../../ui/form/specs.js';
import { checkForm, messageFor, valueOf } from '../../../ui/form/validate.js';
import { errorMessage } from '../../../ui/states.js';
import { adoptScopedDocumentStyles } from '../../../ui/styles.js';
import { ConsoleElement } from '../../console-element.js';
import { type SignInT, signInMessages } from './messages.js';
import { signInStyles } from './portal-console-sign-in.styles.js';

let instances = 0;

/**
 * @summary The merchant console's staff sign-in: email and password, with problems at their fields, and
 * the locked and rate-limited answers said plainly.
 *
 * Rendered into its own light DOM (like `<portal-login>`), so password managers see the fields; its styles
 * are adopted into the document inside `@scope (portal-console-sign-in)`. `<portal-console>` places it
 * while nobody is signed in.
 *
 * @fires portal-console-sign-in - A member of staff signed in; `detail.session`.
 */
export class PortalConsoleSignIn extends ConsoleElement<typeof signInMessages> {
  static override messages = signInMessages;

  /** A notice shown above the form (the session ended, or the staff member signed out). */
  @property() notice = '';

  @state() private values: Values = {};
  /** Why the last attempt failed, when it was not about one field. */
  @state() private failure: string | null = null;

  private readonly form = new FormStateController<'staffSignIn'>(this);
  private readonly focusing = new FocusController(this);
  private readonly uid = `pcs-${++instances}`;

  protected override createRenderRoot(): HTMLElement {
    adoptScopedDocumentStyles('portal-console-sign-in', signInStyles);
    return this;
  }

  private get fields(): FieldSpec[] {
    return [emailField(this.t), currentPasswordField(this.t)];
  }

  /** Client problems by field, from the contract's own schema. */
  private get problems(): Map<string, string> {
    const check = checkForm(this.t, StaffSignIn, this.fields, this.values, this.resolvedLocale);
    return check.ok ? new Map() : check.errors;
  }

  protected override render(): TemplateResult {
    const t: SignInT = this.t;
    const problems = this.problems;
    const busy = this.form.busy !== null;
    return html`<section class="sign-in" part="base" aria-labelledby=${`${this.uid}-heading`}>
      <h2 id=${`${this.uid}-heading`} part="heading">${t.consoleSignIn.heading}</h2>
      <p>${t.consoleSignIn.intro}</p>
      ${this.notice ? html`<p class="alert info" role="status" part="notice">${this.notice}</p>` : nothing}
      ${
        this.failure
          ? html`<div class="alert error" role="alert" part="error" id=${`${this.uid}-failure`} tabindex="-1">
              <p>${this.failure}</p>
            </div>`
          : nothing
      }
      <form
        novalidate
        part="form"
        aria-busy=${busy ? 'true' : 'false'}
        @submit=${(event: SubmitEvent) => void this.submit(event)}
        @input=${(event: Event) => this.onInput(event)}
        @focusout=${(event: FocusEvent) => this.onBlur(event)}
      >
        ${this.fields.map((field) =>
          renderField(field, {
            id: `${this.uid}-${field.path}`,
            value: valueOf(field, this.values),
            error: this.form.errorFor(field.path, problems.get(field.path)),
            t: this.t,
            locale: this.resolvedLocale,
          }),
        )}
        <div class="actions">
          <button class="button primary" type="submit" part="submit" ?disabled=${busy}>
            ${busy ? t.consoleSignIn.signingIn : t.consoleSignIn.submit}
          </button>
        </div>
      </form>
    </section>`;
  }

  private onInput(event: Event): void {
    const target = event.target as HTMLInputElement;
    if (!target.name) return;
    this.values = { ...this.values, [target.name]: target.value };
    this.form.edited(target.name);
  }

  private onBlur(event: FocusEvent): void {
    const target = event.target as HTMLInputElement;
    if (target.name) this.form.touch(target.name);
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const check = checkForm(this.t, StaffSignIn, this.fields, this.values, this.resolvedLocale);
    if (!check.ok) {
      this.form.showAllErrors();
      const first = [...check.errors.keys()][0];
      if (first) this.focusing.focusAfterUpdate(`${this.uid}-${first}`);
      return;
    }
    this.failure = null;
    const pending = this.send(this.form, 'staffSignIn', (adapter) => adapter.staffSignIn(check.value));
    if (!pending) return;
    const result = await pending;
    if (result instanceof PortalError) {
      this.showFailure(result);
      return;
    }
    // The password has done its job: it does not stay in memory.
    this.values = {};
    emit(this, 'portal-console-sign-in', { session: result });
  }

  private showFailure(error: PortalError): void {
    const t = this.t;
    if (error.code === 'validation' && error.fieldErrors.length > 0) {
      const unplaced = this.form.placeServerErrors(error.fieldErrors, (fieldError) => {
        const field = this.fields.find((each) => each.path === fieldError.path);
        return field ? { id: field.path, message: messageFor(t, field, fieldError.code) } : null;
      });
      if (unplaced.length === 0) {
        this.focusing.focusAfterUpdate(`${this.uid}-${error.fieldErrors[0].path}`);
        return;
      }
    }
    if (error.code === 'unauthorized') this.failure = t.consoleSignIn.invalidCredentials;
    else if (error.code === 'account_locked') this.failure = t.consoleSignIn.locked;
    else if (error.code === 'rate_limited' && error.retryAfterSeconds) {
      this.failure = t.consoleSignIn.tooManyAttempts(Math.max(1, Math.ceil(error.retryAfterSeconds / 60)));
    } else this.failure = errorMessage(t, error);
    this.focusing.focusAfterUpdate(`${this.uid}-failure`);
  }
}
