import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { PortalError, isOutcomeUnknown } from '../../../contract/errors.js';
import { FocusController } from '../../../controllers/focus.js';
import { FormStateController } from '../../../controllers/form-state.js';
import { LiveRegionController } from '../../../controllers/live-region.js';
import type { PortalSettings } from '../../../model/index.js';
import { formStyles } from '../../../ui/form/styles.js';
import { errorMessage, renderError, renderLoading } from '../../../ui/states.js';
import { elementStyles } from '../../../ui/styles.js';
import { ConsoleElement } from '../../console-element.js';
import { ConsoleQuery, loadedValue } from '../../console-query.js';
import { type SettingsT, settingsMessages } from './messages.js';
import { settingsStyles } from './portal-console-settings.styles.js';
import { type SettingsViewHost, controlId } from './settings-controls.js';
import {
  type Draft,
  controlOf,
  problemsByControl,
  problemsOf,
  problemMessage,
  withValue,
} from './settings-draft.js';
import { renderGroups } from './settings-view.js';
import { renderSaveNotice, type SaveNotice } from '../../save-notice.js';

/**
 * @summary The console's Settings section: every capability of the portal settings as grouped,
 * labelled toggles and fields, saved together.
 *
 * Combinations that cannot work together (rules/settings.ts, the same rule the server applies) are
 * explained at the field as soon as they appear; the server's field errors land at the same fields.
 * Nothing typed is lost on a failed save, and leaving the section or the page with unsaved changes asks
 * first. The branding part of the settings is the Branding section's, and is kept as the server has it.
 */
export class PortalConsoleSettings
  extends ConsoleElement<typeof settingsMessages>
  implements SettingsViewHost
{
  static override messages = settingsMessages;
  static override styles = [...elementStyles, formStyles, settingsStyles];

  /** The merchant's edits, or null while the form shows the saved settings. */
  @state() private edited: Draft | null = null;
  @state() private notice: SaveNotice | null = null;
  @state() private newPlanId = '';

  private readonly query = new ConsoleQuery<PortalSettings>(this, (adapter, options) =>
    adapter.adminGetSettings(undefined, options),
  );
  private readonly form = new FormStateController<'adminUpdateSettings'>(this);
  private readonly focusing = new FocusController(this);
  private readonly live = new LiveRegionController(this);

  private readonly onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (this.edited) event.preventDefault();
  };

  /** `<portal-console>` asks before it opens another section: unsaved changes are confirmed first. */
  private readonly onLeave = (event: Event) => {
    if (this.edited && !window.confirm(this.t.consoleSettings.leave)) event.preventDefault();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.onBeforeUnload);
    this.addEventListener('portal-console-leave', this.onLeave);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    this.removeEventListener('portal-console-leave', this.onLeave);
  }

  /** What the form shows: the edits, else the saved settings (rendered only once they loaded). @internal */
  get draft(): Draft {
    return this.edited ?? loadedValue(this.query.state)!;
  }

  /** Whether there are changes not saved yet. */
  get dirty(): boolean {
    return this.edited !== null;
  }

  /** @internal */
  set(path: string, value: unknown): void {
    const base = this.edited ?? loadedValue(this.query.state);
    if (!base) return;
    this.edited = withValue(base, path, value);
    this.form.edited(path, controlOf(path));
    if (this.notice?.kind === 'saved') this.notice = null;
  }

  /** @internal */
  errorFor(id: string): string | undefined {
    const server = this.form.serverErrors.get(id);
    if (server) return server;
    return this.edited ? this.problems.get(id) : undefined;
  }

  private get problems(): Map<string, string> {
    return this.edited ? problemsByControl(this.t, problemsOf(this.edited)) : new Map();
  }

  protected override render(): TemplateResult {
    const t: SettingsT = this.t;
    const state = this.query.state;
    const saved = loadedValue(state);
    if (!saved) {
      if (state.status === 'error') return renderError(t, state.error, () => this.query.refresh());
      return renderLoading(t, 8);
    }
    const busy = this.form.busy !== null;
    return html`${this.live.render()}
      <div class="settings">
        <p>${t.consoleSettings.intro}</p>
        ${state.status === 'error' ? renderError(t, state.error, () => this.query.refresh()) : nothing}
        <form
          novalidate
          aria-busy=${busy ? 'true' : 'false'}
          @submit=${(event: SubmitEvent) => void this.save(event)}
        >
          ${renderGroups(this, { newPlanId: this.newPlanId, onNewPlanId: (id) => (this.newPlanId = id) })}
          <div class="bar">
            <button class="button primary" type="submit" ?disabled=${busy}>
              ${busy ? t.consoleSettings.saving : t.consoleSettings.save}
            </button>
            ${
              this.edited
                ? html`<button type="button" class="button" ?disabled=${busy} @click=${this.discard}>
                      ${t.consoleSettings.discard}
                    </button>
                    <span>${t.consoleSettings.unsaved}</span>`
                : nothing
            }
          </div>
          ${renderSaveNotice(this.notice, 'settings-notice')}
        </form>
      </div>`;
  }

  private readonly discard = () => {
    this.edited = null;
    this.notice = null;
    this.form.reset();
  };

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const saved = loadedValue(this.query.state);
    const draft = this.edited ?? saved;
    if (!draft || !saved) return;
    const t = this.t;
    const problems = problemsOf(draft);
    if (problems.length > 0) {
      this.edited = draft;
      this.notice = { kind: 'problems', text: t.consoleSettings.fixProblems };
      this.focusing.focusAfterUpdate(controlId(controlOf(problems[0].path)));
      return;
    }
    // Branding is the Branding section's: the server's current branding is kept, not an older copy.
    const pending = this.send(this.form, 'adminUpdateSettings', (adapter) =>
      adapter.adminUpdateSettings({ ...draft, branding: saved.branding }),
    );
    if (!pending) return;
    const result = await pending;
    if (result instanceof PortalError) {
      this.edited = draft;
      this.showFailure(result);
      return;
    }
    this.query.set(result);
    this.edited = null;
    this.form.reset();
    this.notice = { kind: 'saved', text: t.consoleSettings.saved };
    this.live.announce(t.consoleSettings.saved);
  }

  private showFailure(error: PortalError): void {
    const t = this.t;
    if (error.code === 'validation' && error.fieldErrors.length > 0) {
      const unplaced = this.form.placeServerErrors(error.fieldErrors, (fieldError) => ({
        id: controlOf(fieldError.path),
        message: problemMessage(t, fieldError),
      }));
      this.notice = { kind: 'problems', text: t.consoleSettings.fixProblems };
      const first = error.fieldErrors.find((each) => !unplaced.includes(each));
      this.focusing.focusAfterUpdate(first ? controlId(controlOf(first.path)) : 'settings-notice');
      return;
    }
    this.notice = isOutcomeUnknown(error)
      ? { kind: 'unknown', text: t.consoleSettings.unknownOutcome }
      : { kind: 'error', text: `${errorMessage(t, error)} ${t.consoleSettings.keptChanges}` };
    this.focusing.focusAfterUpdate('settings-notice');
  }
}
