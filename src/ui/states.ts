import { html, nothing, type TemplateResult } from 'lit';
import type { FieldError, PortalError } from '../contract/errors.js';
import { isPreviewRefusal } from '../contract/preview.js';
import type { Messages } from '../core/i18n/index.js';

/** The customer-facing text for an error: the catalog's message for its code, plus when to retry. */
export function errorMessage(t: Messages, error: PortalError): string {
  if (isPreviewRefusal(error)) return t.errors.preview;
  const base = t.errors[error.code] ?? t.errors.unavailable;
  return error.retryAfterSeconds ? `${base} ${t.errors.retryIn(Math.ceil(error.retryAfterSeconds))}` : base;
}

/** The localized message for a field, when the error names it. */
export function fieldMessage(
  t: Messages,
  error: PortalError | null | undefined,
  path: string,
): string | null {
  const match: FieldError | undefined = error?.fieldErrors.find((each) => each.path === path);
  return match ? (t.fieldErrors[match.code] ?? t.fieldErrors.invalid) : null;
}

/**
 * Loading: a skeleton shaped like the content (so nothing jumps when it arrives), announced politely.
 * `lines` sets how many rows of placeholder to draw.
 */
export function renderLoading(t: Messages, lines = 3): TemplateResult {
  return html`<div role="status" class="loading" part="loading">
    <span class="visually-hidden">${t.common.loading}</span>
    ${Array.from({ length: lines }, () => html`<span class="skeleton" aria-hidden="true"></span>`)}
  </div>`;
}

/** Codes for which the same request can only fail again: nothing to retry until something else changes. */
const NOT_RETRIED: readonly PortalError['code'][] = ['forbidden', 'not_found', 'unauthorized'];

/**
 * Error: the localized message, announced, with a retry when trying again can help. Signed out
 * (`unauthorized`) offers no retry: only a sign-in helps, and an element placed alone on a page has no
 * sign-in of its own; it reads again by itself once the store has a session.
 */
export function renderError(t: Messages, error: PortalError, onRetry?: () => void): TemplateResult {
  return html`<div class="alert error" role="alert" part="error">
    <p>${errorMessage(t, error)}</p>
    ${
      onRetry && !NOT_RETRIED.includes(error.code)
        ? html`<button type="button" class="button" @click=${onRetry}>${t.common.retry}</button>`
        : nothing
    }
  </div>`;
}

export function renderEmpty(text: string | TemplateResult): TemplateResult {
  return html`<p class="empty" part="empty">${text}</p>`;
}

/** Shown by an element that has no backend; the developer gets the details in the console. */
export function renderMisconfigured(t: Messages): TemplateResult {
  return html`<div class="alert error" role="alert" part="error"><p>${t.errors.misconfigured}</p></div>`;
}

/**
 * A preview session (a merchant seeing the portal as this customer) is read-only. Every action that would
 * change something — each submit that sends, each button that acts at once — stays in place and focusable
 * but unavailable (`aria-disabled`, like a busy button: its handler does nothing), and is described by the
 * element's preview note, so a screen-reader user tabbing onto "Pay" hears why it does nothing. Reading,
 * navigating and opening forms keep working: the merchant sees what the customer sees.
 */
export const PREVIEW_NOTE_ID = 'preview-note';

/** `aria-disabled` of an action: unavailable while something runs (`busy`) or in a preview. */
export function actionDisabled(readOnly: boolean, busy: unknown = false): 'true' | 'false' {
  return readOnly || busy ? 'true' : 'false';
}

/** `aria-describedby` of an action: the preview note in a preview (why it does nothing), else none. */
export function actionDescribedBy(readOnly: boolean): string | typeof nothing {
  return readOnly ? PREVIEW_NOTE_ID : nothing;
}

/**
 * The note every unavailable action points at, once per element, in a preview only. Inside
 * `<portal-root>` its banner already says so on screen, so the note is for screen readers; an element
 * standing alone shows it.
 */
export function renderPreviewNote(
  t: Messages,
  readOnly: boolean,
  standalone: boolean,
): TemplateResult | typeof nothing {
  if (!readOnly) return nothing;
  return html`<p
    id=${PREVIEW_NOTE_ID}
    class=${standalone ? 'alert info preview-note' : 'visually-hidden'}
    part="preview-note"
  >
    ${t.common.previewNote}
  </p>`;
}

/** A button's label while its request runs: a spinner and what is happening. */
export function renderBusy(label: string): TemplateResult {
  return html`<span class="spinner" aria-hidden="true"></span> ${label}`;
}

/** What the last action did, above a section's list: done, failed, or not known. */
export interface Notice {
  tone: 'success' | 'error' | 'warning';
  text: string;
}

/**
 * The notice region above a section's list: an alert while it holds a failure or an unknown outcome; a
 * success is said politely by the element's live region. The notice has the id `id`, and the element
 * moves focus to it; `more` is anything else the region offers (an offer to act on).
 */
export function renderNotice(notice: Notice | null, id: string, more: unknown = nothing): TemplateResult {
  return html`<div class="notices" role=${notice && notice.tone !== 'success' ? 'alert' : nothing}>
    ${
      notice
        ? html`<p class="alert ${notice.tone}" id=${id} tabindex="-1" part="notice">${notice.text}</p>`
        : nothing
    }
    ${more}
  </div>`;
}
