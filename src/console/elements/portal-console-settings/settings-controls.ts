import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { type SettingsT, wordAt } from './messages.js';
import { type Draft, typedNumber, valueAt } from './settings-draft.js';

/** What the settings' controls need from the element. */
export interface SettingsViewHost {
  readonly t: SettingsT;
  readonly draft: Draft;
  /** The problem to show at a control now, if any. */
  errorFor(id: string): string | undefined;
  /** Puts a value at a path of the draft (the merchant changed a control). */
  set(path: string, value: unknown): void;
}

/** The control's element id for a settings path (ids may hold dots; lookups use CSS.escape). */
export function controlId(path: string): string {
  return `setting-${path}`;
}

function described(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function renderError(id: string, error: string | undefined): TemplateResult | typeof nothing {
  return error ? html`<span class="error" id=${`${id}-error`}>${error}</span>` : nothing;
}

/** A labelled checkbox for a yes/no setting, its hint and its problem tied to it. */
export function renderToggle(host: SettingsViewHost, path: string, label?: string): TemplateResult {
  const id = controlId(path);
  const hint = wordAt(host.t.consoleSettings.hints, path);
  const error = host.errorFor(path);
  return html`<div class="toggle">
    <div class="check">
      <input
        type="checkbox"
        id=${id}
        .checked=${live(valueAt(host.draft, path) === true)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(described(id, hint, error))}
        @change=${(event: Event) => host.set(path, (event.target as HTMLInputElement).checked)}
      />
      <label for=${id}>${label ?? wordAt(host.t.consoleSettings.labels, path)}</label>
    </div>
    ${hint ? html`<span class="hint" id=${`${id}-hint`}>${hint}</span>` : nothing} ${renderError(id, error)}
  </div>`;
}

/** A whole number within `min`–`max`. */
export function renderNumber(
  host: SettingsViewHost,
  path: string,
  range: { min: number; max: number },
  label?: string,
): TemplateResult {
  const id = controlId(path);
  const hint = wordAt(host.t.consoleSettings.hints, path);
  const error = host.errorFor(path);
  const value = valueAt(host.draft, path);
  return html`<div class="field number">
    <label for=${id}>${label ?? wordAt(host.t.consoleSettings.labels, path)}</label>
    ${hint ? html`<span class="hint" id=${`${id}-hint`}>${hint}</span>` : nothing}
    <input
      type="number"
      id=${id}
      inputmode="numeric"
      min=${range.min}
      max=${range.max}
      step="1"
      required
      .value=${live(typeof value === 'number' && !Number.isNaN(value) ? String(value) : '')}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(described(id, hint, error))}
      @input=${(event: Event) => host.set(path, typedNumber((event.target as HTMLInputElement).value))}
    />
    ${renderError(id, error)}
  </div>`;
}

/** One of a few values, as a select. */
export function renderChoice(
  host: SettingsViewHost,
  path: string,
  options: Readonly<Record<string, string>>,
): TemplateResult {
  const id = controlId(path);
  const error = host.errorFor(path);
  const value = valueAt(host.draft, path);
  return html`<div class="field">
    <label for=${id}>${wordAt(host.t.consoleSettings.labels, path)}</label>
    <select
      id=${id}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(described(id, undefined, error))}
      @change=${(event: Event) => host.set(path, (event.target as HTMLSelectElement).value)}
    >
      ${Object.entries(options).map(
        ([option, label]) => html`<option value=${option} .selected=${option === value}>${label}</option>`,
      )}
    </select>
    ${renderError(id, error)}
  </div>`;
}

/** Free text; when `optional`, an empty field removes the setting (and the text is trimmed). */
export function renderText(
  host: SettingsViewHost,
  path: string,
  options: { label?: string; optional?: boolean } = {},
): TemplateResult {
  const { label, optional = false } = options;
  const id = controlId(path);
  const hint = wordAt(host.t.consoleSettings.hints, path);
  const error = host.errorFor(path);
  const value = valueAt(host.draft, path);
  return html`<div class="field">
    <label for=${id}>${label ?? wordAt(host.t.consoleSettings.labels, path)}</label>
    ${hint ? html`<span class="hint" id=${`${id}-hint`}>${hint}</span>` : nothing}
    <input
      type="text"
      id=${id}
      .value=${live(typeof value === 'string' ? value : '')}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(described(id, hint, error))}
      @input=${(event: Event) => {
        const text = (event.target as HTMLInputElement).value;
        host.set(path, optional && text.trim() === '' ? undefined : optional ? text.trim() : text);
      }}
    />
    ${renderError(id, error)}
  </div>`;
}
