import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import * as z from 'zod/mini';
import type { ConsoleAdapter } from '../../../contract/console-operations.js';
import { PortalError, isOutcomeUnknown } from '../../../contract/errors.js';
import { FocusController } from '../../../controllers/focus.js';
import { FormStateController } from '../../../controllers/form-state.js';
import { LiveRegionController } from '../../../controllers/live-region.js';
import { themeFromColor } from '../../../core/theme.js';
import { Email, type PortalSettings } from '../../../model/index.js';
import { formStyles } from '../../../ui/form/styles.js';
import { errorMessage, renderError, renderLoading } from '../../../ui/states.js';
import { elementStyles } from '../../../ui/styles.js';
import { ConsoleElement } from '../../console-element.js';
import { ConsoleQuery, loadedValue } from '../../console-query.js';
import { renderContrast, renderPreview } from './branding-preview.js';
import { renderLogo } from './logo-view.js';
import { type LogoChoice, readLogo } from './logo-file.js';
import { type BrandingT, brandingMessages } from './messages.js';
import { brandingStyles } from './portal-console-branding.styles.js';
import { renderSaveNotice, type SaveNotice } from '../../save-notice.js';

type Operation = 'save' | 'upload' | 'remove';
type Details = { merchantName: string; themeColor: string; supportEmail: string };
type Field = keyof Details;
const FIELDS: readonly Field[] = ['merchantName', 'themeColor', 'supportEmail'];

/** What is wrong with the details, by field. */
function problemsOf(details: Details): Set<Field> {
  const problems = new Set<Field>();
  const name = details.merchantName.trim();
  if (name === '' || name.length > 200) problems.add('merchantName');
  if (details.themeColor.trim() !== '' && !themeFromColor(details.themeColor.trim()).ok)
    problems.add('themeColor');
  if (details.supportEmail.trim() !== '' && !z.safeParse(Email, details.supportEmail.trim()).success) {
    problems.add('supportEmail');
  }
  return problems;
}

/**
 * @summary The console's Branding section: business name, theme colour with a live preview of the
 * portal and the contrast it reaches, support email, and the logo (upload and remove).
 *
 * The preview uses the tokens `<portal-root>` derives from the colour (core/theme.ts), set through CSSOM.
 * A logo is checked in the browser (PNG or JPG, at most 2 MB) and previewed before it is uploaded; the
 * server checks it again, and its refusals show at the file field.
 */
export class PortalConsoleBranding extends ConsoleElement<typeof brandingMessages> {
  static override messages = brandingMessages;
  static override styles = [...elementStyles, formStyles, brandingStyles];

  @state() private edited: Details | null = null;
  @state() private showProblems = false;
  @state() private notice: SaveNotice | null = null;
  /** @internal */
  @state() logoChoice: LogoChoice | null = null;
  /** @internal A problem with the logo, at the file field. */
  @state() logoProblem: string | null = null;

  private readonly query = new ConsoleQuery<PortalSettings>(this, (adapter, options) =>
    adapter.adminGetSettings(undefined, options),
  );
  /** @internal */
  readonly form = new FormStateController<Operation>(this);
  private readonly focusing = new FocusController(this);
  private readonly live = new LiveRegionController(this);

  private get saved(): PortalSettings | undefined {
    return loadedValue(this.query.state);
  }

  private get details(): Details {
    const branding = this.saved!.branding;
    return (
      this.edited ?? {
        merchantName: branding.merchantName,
        themeColor: branding.themeColor ?? '',
        supportEmail: branding.supportEmail ?? '',
      }
    );
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The preview wears the theme through CSSOM: a strict CSP allows it, unlike a style attribute.
    const preview = this.renderRoot.querySelector<HTMLElement>('.portal');
    if (!preview || !this.saved) return;
    const theme = themeFromColor(this.details.themeColor.trim() || 'invalid');
    for (const name of [
      'primary',
      'primary-hover',
      'primary-active',
      'on-primary',
      'primary-text-light',
      'primary-text-dark',
    ]) {
      preview.style.removeProperty(`--portal-color-${name}`);
    }
    if (theme.ok)
      for (const [name, value] of Object.entries(theme.tokens) as [string, string][])
        preview.style.setProperty(name, value);
  }

  protected override render(): TemplateResult {
    const t: BrandingT = this.t;
    const state = this.query.state;
    const saved = this.saved;
    if (!saved) {
      if (state.status === 'error') return renderError(t, state.error, () => this.query.refresh());
      return renderLoading(t, 8);
    }
    const details = this.details;
    return html`${this.live.render()}
      <div class="branding">
        <p>${t.consoleBranding.intro}</p>
        ${state.status === 'error' ? renderError(t, state.error, () => this.query.refresh()) : nothing}
        <div class="columns">
          <section aria-labelledby="details-heading">
            <h2 id="details-heading">${t.consoleBranding.detailsHeading}</h2>
            ${this.renderDetails(t, details)}
          </section>
          <section aria-labelledby="preview-heading">
            <h2 id="preview-heading">${t.consoleBranding.previewHeading}</h2>
            ${renderPreview(t, { merchantName: details.merchantName, themeColor: details.themeColor, logoUrl: this.logoChoice?.ok ? this.logoChoice.previewUrl : saved.branding.logoUrl })}
            <h2 id="contrast-heading">${t.consoleBranding.contrastHeading}</h2>
            ${renderContrast(t, details.themeColor)}
          </section>
        </div>
        ${renderLogo(this, saved)}
      </div>`;
  }

  private errorFor(field: Field): string | undefined {
    const server = this.form.serverErrors.get(field);
    if (server) return server;
    return this.showProblems && problemsOf(this.details).has(field)
      ? this.t.consoleBranding.problems[field]
      : undefined;
  }

  private renderInput(
    field: Field,
    label: string,
    options: { hint?: string; type?: string } = {},
  ): TemplateResult {
    const error = this.errorFor(field);
    const describedBy = [options.hint ? `${field}-hint` : '', error ? `${field}-error` : '']
      .filter(Boolean)
      .join(' ');
    return html`<input
        id=${field}
        name=${field}
        type=${options.type ?? 'text'}
        .value=${this.details[field]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        autocomplete="off"
      />
      ${error ? html`<span class="error" id=${`${field}-error`}>${error}</span>` : nothing}`;
  }

  private renderDetails(t: BrandingT, details: Details): TemplateResult {
    const busy = this.form.busy === 'save';
    const hex = /^#[0-9a-f]{6}$/i.test(details.themeColor.trim()) ? details.themeColor.trim() : '#000000';
    return html`<form
      novalidate
      @input=${this.onInput}
      @submit=${(event: SubmitEvent) => void this.save(event)}
    >
      <div class="field">
        <label for="merchantName">${t.consoleBranding.merchantName}</label>
        ${this.renderInput('merchantName', t.consoleBranding.merchantName)}
      </div>
      <div class="field">
        <label for="themeColor">${t.consoleBranding.themeColor}</label>
        <span class="hint" id="themeColor-hint">${t.consoleBranding.themeColorHint}</span>
        <div class="color">
          ${this.renderInput('themeColor', t.consoleBranding.themeColor, { hint: t.consoleBranding.themeColorHint })}
          <input type="color" aria-label=${t.consoleBranding.pickColor} .value=${hex} @input=${this.onPick} />
        </div>
      </div>
      <div class="field">
        <label for="supportEmail"
          >${t.consoleBranding.supportEmail} <span class="optional">(${t.common.optional})</span></label
        >
        <span class="hint" id="supportEmail-hint">${t.consoleBranding.supportEmailHint}</span>
        ${this.renderInput('supportEmail', t.consoleBranding.supportEmail, { hint: t.consoleBranding.supportEmailHint, type: 'email' })}
      </div>
      <div class="actions">
        <button class="button primary" type="submit" ?disabled=${this.form.busy !== null}>
          ${busy ? t.consoleBranding.saving : t.consoleBranding.save}
        </button>
      </div>
      ${renderSaveNotice(this.notice, 'branding-notice')}
    </form>`;
  }

  private readonly onInput = (event: Event) => {
    const target = event.target as HTMLInputElement;
    if (!FIELDS.includes(target.name as Field)) return;
    this.edited = { ...this.details, [target.name]: target.value };
    this.form.edited(target.name);
    if (this.notice?.kind === 'saved') this.notice = null;
  };

  private readonly onPick = (event: Event) => {
    this.edited = { ...this.details, themeColor: (event.target as HTMLInputElement).value };
    this.form.edited('themeColor');
  };

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const saved = this.saved;
    if (!saved) return;
    const details = this.details;
    const problems = problemsOf(details);
    if (problems.size > 0) {
      this.showProblems = true;
      this.focusing.focusAfterUpdate(FIELDS.find((field) => problems.has(field))!);
      return;
    }
    const { logoUrl } = saved.branding;
    const branding = {
      merchantName: details.merchantName.trim(),
      ...(details.themeColor.trim() ? { themeColor: details.themeColor.trim() } : {}),
      ...(logoUrl ? { logoUrl } : {}),
      ...(details.supportEmail.trim() ? { supportEmail: details.supportEmail.trim() } : {}),
    };
    const pending = this.send(this.form, 'save', (adapter) =>
      adapter.adminUpdateSettings({ ...saved, branding }),
    );
    if (!pending) return;
    const result = await pending;
    const t = this.t;
    if (result instanceof PortalError) {
      this.edited = details;
      if (result.code === 'validation' && result.fieldErrors.length > 0) {
        this.showProblems = true;
        this.form.placeServerErrors(result.fieldErrors, (fieldError) => {
          const field = FIELDS.find((each) => fieldError.path === `branding.${each}`);
          return field ? { id: field, message: t.consoleBranding.problems[field] } : null;
        });
      }
      this.notice = isOutcomeUnknown(result)
        ? { kind: 'unknown', text: t.consoleBranding.unknownOutcome }
        : { kind: 'error', text: `${errorMessage(t, result)} ${t.consoleBranding.keptChanges}` };
      this.focusing.focusAfterUpdate('branding-notice');
      return;
    }
    this.query.set(result);
    this.edited = null;
    this.showProblems = false;
    this.notice = { kind: 'saved', text: t.consoleBranding.saved };
    this.live.announce(t.consoleBranding.saved);
  }

  /** @internal The merchant chose a file: checked and previewed, not sent yet. */
  async chooseLogo(file: File | undefined): Promise<void> {
    this.logoProblem = null;
    this.logoChoice = null;
    if (!file) return;
    const choice = await readLogo(file);
    if (choice.ok) this.logoChoice = choice;
    else this.logoProblem = this.t.consoleBranding.logoProblems[choice.problem];
  }

  /** @internal */
  async uploadLogo(): Promise<void> {
    const t = this.t;
    const choice = this.logoChoice;
    if (!choice?.ok) {
      this.logoProblem = t.consoleBranding.logoProblems.empty;
      this.focusing.focusAfterUpdate('logo-file');
      return;
    }
    await this.changeLogo(
      'upload',
      (adapter) => adapter.adminUploadLogo(choice.upload),
      t.consoleBranding.uploaded,
    );
  }

  /** @internal */
  async removeLogo(): Promise<void> {
    await this.changeLogo('remove', (adapter) => adapter.adminRemoveLogo(), this.t.consoleBranding.removed);
  }

  private async changeLogo(
    operation: 'upload' | 'remove',
    action: (adapter: ConsoleAdapter) => Promise<PortalSettings>,
    done: string,
  ): Promise<void> {
    const pending = this.send(this.form, operation, action);
    if (!pending) return;
    const result = await pending;
    const t = this.t;
    if (result instanceof PortalError) {
      const field = result.fieldErrors.find((each) => each.path === 'data' || each.path === 'contentType');
      this.logoProblem = field
        ? field.code === 'too_large'
          ? t.consoleBranding.logoProblems.size
          : t.consoleBranding.logoProblems.invalid
        : errorMessage(t, result);
      this.focusing.focusAfterUpdate('logo-file');
      return;
    }
    this.query.set(result);
    this.logoChoice = null;
    this.live.announce(done);
    this.focusing.focusAfterUpdate('logo-heading');
  }
}
