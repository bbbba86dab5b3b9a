import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Messages } from '../../core/i18n/index.js';
import { renderMoneyInput } from './money-input.js';
import type { FieldSpec } from './specs.js';

/** What a field shows now, beyond its spec. */
export interface FieldState {
  /** The control's id, unique in its root; the hint and error ids derive from it. */
  id: string;
  value: string;
  /** The problem to show; it is tied to the control (aria-describedby, aria-invalid). */
  error?: string;
  t: Messages;
  locale: string;
  /** Password fields: shown as text while the customer asked to see it. */
  revealPassword?: boolean;
  onToggleReveal?: () => void;
  /** Per-control listeners, for forms that do not listen on the `<form>` itself. */
  onInput?: (event: Event) => void;
  onBlur?: (event: Event) => void;
}

/**
 * One labelled field from its spec: label ("(optional)" when it may stay blank), hint, control and
 * error, linked for assistive technology. Plain markup and ids, so it works in a shadow root and in the
 * light DOM alike — the login renders there, where password managers can see its inputs. Styled by
 * `.field` (ui/styles.ts) and `formStyles` (ui/form/styles.ts).
 */
export function renderField(spec: FieldSpec, state: FieldState): TemplateResult {
  const { id, error, t } = state;
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const describedBy = [hintId ?? '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const optional = !spec.required && !spec.readonly;
  return html`<div class="field">
    <label for=${id}
      >${spec.label}${optional ? html` <span class="optional">(${t.common.optional})</span>` : nothing}</label
    >
    ${hintId ? html`<span class="hint" id=${hintId}>${spec.hint}</span>` : nothing}
    ${renderControl(spec, state, describedBy)}
    ${error ? html`<span class="error" id=${`${id}-error`}>${error}</span>` : nothing}
  </div>`;
}

function renderControl(spec: FieldSpec, state: FieldState, describedBy: string | undefined): TemplateResult {
  const { id, value, error } = state;
  const invalid = error ? 'true' : 'false';
  if (spec.kind === 'money') {
    return renderMoneyInput({
      id,
      name: spec.path,
      value,
      currency: spec.currency ?? '',
      locale: state.locale,
      required: spec.required,
      error,
      hintId: spec.hint ? `${id}-hint` : undefined,
      onInput: state.onInput,
      onBlur: state.onBlur,
    });
  }
  if (spec.kind === 'select') {
    return html`<select
      id=${id}
      name=${spec.path}
      autocomplete=${ifDefined(spec.autocomplete)}
      ?required=${spec.required}
      aria-invalid=${invalid}
      aria-describedby=${ifDefined(describedBy)}
      @input=${state.onInput}
      @blur=${state.onBlur}
    >
      ${(spec.options ?? []).map(
        (option) =>
          html`<option value=${option.value} .selected=${option.value === value}>${option.label}</option>`,
      )}
    </select>`;
  }
  const isEmail = spec.type === 'email';
  const password = spec.kind === 'password';
  const input = html`<input
    id=${id}
    name=${spec.path}
    type=${password ? (state.revealPassword ? 'text' : 'password') : (spec.type ?? 'text')}
    autocomplete=${ifDefined(spec.autocomplete)}
    inputmode=${ifDefined(spec.inputMode)}
    min=${ifDefined(spec.min)}
    max=${ifDefined(spec.max)}
    autocapitalize=${ifDefined(isEmail ? 'none' : undefined)}
    spellcheck=${ifDefined(isEmail ? 'false' : undefined)}
    ?required=${spec.required}
    ?readonly=${spec.readonly}
    aria-invalid=${invalid}
    aria-describedby=${ifDefined(describedBy)}
    .value=${live(value)}
    @input=${state.onInput}
    @blur=${state.onBlur}
  />`;
  if (!password || !state.onToggleReveal) return input;
  return html`<div class="password">
    ${input}
    <button
      type="button"
      class="button reveal"
      aria-pressed=${state.revealPassword ? 'true' : 'false'}
      aria-controls=${id}
      @click=${state.onToggleReveal}
    >
      ${state.t.fields.showPassword}
    </button>
  </div>`;
}
