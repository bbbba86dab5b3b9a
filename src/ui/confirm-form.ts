import { html, nothing, type TemplateResult } from 'lit';
import { renderBusy } from './states.js';

export interface ConfirmForm {
  /** The heading's id: the dialog's `labelledBy`. */
  headingId: string;
  /** A sentence around someone's name is built with `sentence()` (ui/user-text.ts), so it is a template. */
  heading: string | TemplateResult;
  /** What the action does (and anything to choose), between the heading and the actions. */
  body: TemplateResult;
  /** Why the last attempt failed, shown in the form's alert region; null when nothing failed. */
  problem: string | null;
  /** The confirm button's words, and its words (after a spinner) while this confirmation runs. */
  confirm: string;
  working: string;
  /** The button that closes without acting. */
  keep: string;
  /** A destructive action's button is `danger`, any other `primary`. */
  danger: boolean;
  /** This confirmation is running: the spinner shows and Keep does nothing. */
  running: boolean;
  /** The confirm button does nothing (anything busy, or a preview); aria-disabled so focus stays on it. */
  confirmDisabled: boolean;
  /** Why the confirm button does nothing (the preview note), if anything says so. */
  confirmDescribedBy?: string | typeof nothing;
  onConfirm: () => void;
  onKeep: () => void;
}

/**
 * The form inside a confirmation dialog: heading, body, an alert region, then the confirm button
 * (a spinner while it runs) and Keep, which takes the focus when the dialog opens.
 */
export function renderConfirmForm(form: ConfirmForm): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    form.onConfirm();
  };
  return html`<form class="dialog-form" @submit=${submit}>
    <h3 id=${form.headingId}>${form.heading}</h3>
    ${form.body}
    <div role="alert">
      ${form.problem ? html`<p class="alert error" part="error">${form.problem}</p>` : nothing}
    </div>
    <div class="actions">
      <button
        type="submit"
        class=${form.danger ? 'button danger' : 'button primary'}
        aria-disabled=${form.confirmDisabled ? 'true' : 'false'}
        aria-describedby=${form.confirmDescribedBy ?? nothing}
      >
        ${form.running ? renderBusy(form.working) : form.confirm}
      </button>
      <button
        type="button"
        class="button"
        autofocus
        aria-disabled=${form.running ? 'true' : 'false'}
        @click=${() => !form.running && form.onKeep()}
      >
        ${form.keep}
      </button>
    </div>
  </form>`;
}
