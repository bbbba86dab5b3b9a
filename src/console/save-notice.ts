import { html, nothing, type TemplateResult } from 'lit';

/** What the last save of a console form left to say. */
export interface SaveNotice {
  /** Saved; refused for the form's problems; failed; or its answer lost, so nobody knows. */
  kind: 'saved' | 'problems' | 'error' | 'unknown';
  text: string;
}

/**
 * The notice under a console form, focusable (the form moves focus to it after a save): a success
 * paragraph, or an alert, a warning when the outcome is unknown (never shown as success or failure).
 */
export function renderSaveNotice(notice: SaveNotice | null, id: string): TemplateResult | typeof nothing {
  if (!notice) return nothing;
  if (notice.kind === 'saved')
    return html`<p class="alert success" id=${id} tabindex="-1">${notice.text}</p>`;
  return html`<div
    class="alert ${notice.kind === 'unknown' ? 'warning' : 'error'}"
    role="alert"
    id=${id}
    tabindex="-1"
  >
    <p>${notice.text}</p>
  </div>`;
}
