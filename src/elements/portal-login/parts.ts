import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { LoginT as Messages } from './messages.js';
import type { FieldSpec } from '../../ui/form/specs.js';
import type { Feedback, LoginViewHost, NavOptions, Operation, SubmitOptions } from './view-host.js';
import { progressLabel } from './wording.js';
import { renderBusy } from '../../ui/states.js';

/** The chrome every login view shares: heading, form, buttons, links between views, error summary. */

/** The view's heading; focus lands on it when the customer arrives in a view. */
export function renderHeading(id: string, text: string | TemplateResult): TemplateResult {
  return html`<h2 id=${id} tabindex="-1" part="heading">${text}</h2>`;
}

/** A view's form: named by its heading, checked by us (novalidate), submitted by Enter or a button. */
export function renderForm(
  headingId: string,
  onSubmit: (event: SubmitEvent) => void,
  onInput: (event: Event) => void,
  content: unknown,
): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    onSubmit(event);
  };
  return html`<form part="form" novalidate aria-labelledby=${headingId} @submit=${submit} @input=${onInput}>
    ${content}
  </form>`;
}

/**
 * A submit button. While any request runs every button says it is unavailable (aria-disabled keeps it
 * focusable), and the one whose request runs says what is happening.
 */
export function renderSubmit(
  t: Messages,
  busy: Operation | null,
  label: string,
  operation: Operation,
  options: SubmitOptions,
): TemplateResult {
  return html`<button
    type="submit"
    class=${options.primary === false ? 'button' : 'button primary'}
    part="submit"
    value=${ifDefined(options.intent)}
    aria-disabled=${busy ? 'true' : 'false'}
  >
    ${busy === operation ? renderBusy(progressLabel(t, operation)) : label}
  </button>`;
}

/** A link to another view, drawn as a button (it changes the view, not the page). */
export function renderNav(busy: boolean, label: string, go: () => void, options: NavOptions): TemplateResult {
  return html`<button
    type="button"
    class=${options.style === 'button' ? 'button' : 'button link'}
    aria-disabled=${busy ? 'true' : 'false'}
    @click=${go}
  >
    ${label}
  </button>`;
}

/**
 * A success notice, or the failure above the form: the message, then each field's problem as a button
 * that takes focus to the field, and — when the address already has an account — the ways in. It sits
 * in an alert region that is always in the page, so what appears in it is announced.
 */
export function renderFeedback(
  login: LoginViewHost,
  feedback: Feedback | null,
  fields: readonly FieldSpec[],
  focusField: (path: string) => void,
): TemplateResult {
  const t = login.t;
  const invalid = [...(feedback?.fields ?? [])];
  const label = (path: string) => fields.find((field) => field.path === path)?.label ?? path;
  const failed = !!feedback?.message || invalid.length > 0;
  const list = html`<p>${t.login.errorSummary}</p>
    <ul>
      ${invalid.map(
        ([path, message]) =>
          html`<li>
            <button type="button" class="button link" @click=${() => focusField(path)}>
              ${t.login.fieldError(label(path), message)}
            </button>
          </li>`,
      )}
    </ul>`;
  const waysIn = html`<p class="links">
    ${login.renderNav(t.login.signIn, 'sign-in')}
    ${login.renderNav(t.login.forgotPassword, 'forgot-password')}
  </p>`;
  return html`${feedback?.notice ? html`<p class="alert success" part="notice">${feedback.notice}</p>` : nothing}
    <div class="summary" role="alert">
      ${
        failed
          ? html`<div class="alert error" part="error">
              ${feedback?.message ? html`<p>${feedback.message}</p>` : nothing}
              ${invalid.length > 0 ? list : nothing} ${feedback?.suggestSignIn ? waysIn : nothing}
            </div>`
          : nothing
      }
    </div>`;
}
