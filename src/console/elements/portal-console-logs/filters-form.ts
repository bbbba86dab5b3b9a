import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PortalConsoleLogs } from './portal-console-logs.js';
import { renderBusy } from '../../../ui/states.js';

/** What the filter form holds, as typed. */
export interface FilterDraft {
  result: '' | 'success' | 'failure';
  customer: string;
  from: string;
  to: string;
}

export const NO_FILTERS: FilterDraft = { result: '', customer: '', from: '', to: '' };

/** The date range's problem, if the end comes before the start. */
export function rangeProblem(host: PortalConsoleLogs): string | undefined {
  const { from, to } = host.draft;
  return from && to && to < from ? host.t.consoleLogs.toBeforeFrom : undefined;
}

function input(
  host: PortalConsoleLogs,
  field: 'customer' | 'from' | 'to',
  label: string,
  options: { type: string; hint?: string; error?: string },
): TemplateResult {
  const id = `${host.uid}-${field}`;
  const describedBy = [options.hint ? `${id}-hint` : '', options.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${options.hint ? html`<span class="hint" id=${`${id}-hint`}>${options.hint}</span>` : nothing}
    <input
      id=${id}
      name=${field}
      type=${options.type}
      autocomplete="off"
      aria-invalid=${options.error ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      .value=${live(host.draft[field])}
      @input=${(event: Event) => host.edit(field, (event.target as HTMLInputElement).value)}
    />
    ${options.error ? html`<span class="error" id=${`${id}-error`}>${options.error}</span>` : nothing}
  </div>`;
}

/** Result, customer and date range; "Show" applies them, "Export CSV" downloads every matching row. */
export function renderFilters(host: PortalConsoleLogs): TemplateResult {
  const t = host.t.consoleLogs;
  const resultId = `${host.uid}-result`;
  const exporting = host.form.busy === 'adminExportAccessLogs';
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    host.apply();
  };
  return html`<form
    class="filters"
    part="filters"
    role="search"
    aria-label=${t.filters}
    novalidate
    @submit=${submit}
  >
    <div class="field">
      <label for=${resultId}>${t.result}</label>
      <select
        id=${resultId}
        name="result"
        @change=${(event: Event) => host.edit('result', (event.target as HTMLSelectElement).value)}
      >
        <option value="" .selected=${host.draft.result === ''}>${t.anyResult}</option>
        <option value="success" .selected=${host.draft.result === 'success'}>${t.results.success}</option>
        <option value="failure" .selected=${host.draft.result === 'failure'}>${t.results.failure}</option>
      </select>
    </div>
    ${input(host, 'customer', t.customer, { type: 'search', hint: t.customerHint })}
    ${input(host, 'from', t.from, { type: 'date' })}
    ${input(host, 'to', t.to, { type: 'date', error: host.showRangeProblem ? rangeProblem(host) : undefined })}
    <div class="actions">
      <button type="submit" class="button primary">${t.apply}</button>
      <button type="button" class="button" @click=${() => host.clear()}>${t.clear}</button>
      <button
        type="button"
        class="button"
        id=${`${host.uid}-export`}
        aria-disabled=${host.form.busy ? 'true' : 'false'}
        @click=${() => void host.exportCsv()}
      >
        ${exporting ? renderBusy(t.exporting) : t.export}
      </button>
    </div>
    <div role="alert">
      ${host.exportProblem ? html`<p class="alert error" part="error">${host.exportProblem}</p>` : nothing}
    </div>
  </form>`;
}
