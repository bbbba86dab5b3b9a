import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Invoice, InvoiceNote, PortalSettings } from '../../model/index.js';
import type { DetailsContext } from './details-view.js';
import { sentence, userText } from '../../ui/user-text.js';
import { actionDescribedBy, actionDisabled, renderBusy } from '../../ui/states.js';

/** The notes shared with the merchant, oldest first, and the customer's reply form. */

/** The longest note a customer may send (the backend's limit too). */
export const NOTE_MAX_LENGTH = 2000;

/** The reply form as `<portal-invoice>` holds it, and what its controls call. */
export interface NoteForm {
  /** The text area's id; its hint, counter and error ids derive from it. */
  id: string;
  text: string;
  busy: boolean;
  /** A merchant's read-only preview: the note cannot be sent. */
  readOnly: boolean;
  /** Why the last note was not sent; tied to the text area. */
  error: string | null;
  /** The characters left, read out near the limit once typing pauses. */
  counterAnnouncement: string;
  onInput: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
}

function renderNote(context: DetailsContext, note: InvoiceNote): TemplateResult {
  const t = context.t.invoice;
  return html`<li class="note ${note.author}">
    <p class="note-meta">
      <span class="author">${userText(note.authorName)}</span>
      <span class="badge neutral">${note.author === 'merchant' ? t.fromMerchant : t.fromCustomer}</span>
      <time datetime=${note.createdAt}>${context.format.dateTime(note.createdAt)}</time>
    </p>
    <p class="note-body">${userText(note.body)}</p>
  </li>`;
}

function renderNoteForm(context: DetailsContext, settings: PortalSettings, form: NoteForm): TemplateResult {
  const t = context.t.invoice;
  const left = NOTE_MAX_LENGTH - form.text.length;
  const hintId = `${form.id}-hint`;
  const counterId = `${form.id}-counter`;
  const errorId = `${form.id}-error`;
  const describedBy = [hintId, counterId, form.error ? errorId : ''].filter(Boolean).join(' ');
  return html`<form part="note-form" novalidate @submit=${form.onSubmit}>
    <div class="field">
      <label for=${form.id}>${t.replyLabel}</label>
      <span class="hint" id=${hintId}
        >${sentence((name) => t.replyHint(name), settings.branding.merchantName)}</span
      >
      <textarea
        id=${form.id}
        name="note"
        rows="4"
        maxlength=${NOTE_MAX_LENGTH}
        required
        aria-invalid=${form.error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        .value=${live(form.text)}
        @input=${form.onInput}
      ></textarea>
      <span class="counter" id=${counterId}>${t.charactersLeft(left, context.format.number(left))}</span>
      ${form.error ? html`<span class="error" id=${errorId}>${form.error}</span>` : nothing}
      <span class="visually-hidden" role="status">${form.counterAnnouncement}</span>
    </div>
    <div class="actions">
      <button
        type="submit"
        class="button primary"
        aria-disabled=${actionDisabled(form.readOnly, form.busy)}
        aria-describedby=${actionDescribedBy(form.readOnly)}
      >
        ${form.busy ? renderBusy(t.sendingNote) : t.sendNote}
      </button>
    </div>
  </form>`;
}

export function renderNotes(
  context: DetailsContext,
  invoice: Invoice,
  settings: PortalSettings,
  form: NoteForm,
): TemplateResult {
  const t = context.t.invoice;
  const headingId = `${context.uid}-notes`;
  // Oldest first, like a conversation; the backend's order is not assumed.
  const notes = [...invoice.notes].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  return html`<section aria-labelledby=${headingId} part="notes">
    <h3 id=${headingId}>${t.notesHeading}</h3>
    ${
      notes.length === 0
        ? html`<p class="muted notes">${t.noNotes}</p>`
        : html`<ol class="notes">
            ${notes.map((note) => renderNote(context, note))}
          </ol>`
    }
    ${settings.invoices.customerNotes ? renderNoteForm(context, settings, form) : nothing}
  </section>`;
}
