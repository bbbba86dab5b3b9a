import { html, nothing, type TemplateResult } from 'lit';
import { renderField } from '../../ui/form/field.js';
import type { FieldSpec } from '../../ui/form/specs.js';
import { valueOf } from '../../ui/form/validate.js';
import type { FormName, Slot } from './fields.js';
import type { PortalProfile } from './portal-profile.js';
import { actionDescribedBy, actionDisabled, renderBusy } from '../../ui/states.js';

/** What every form of the element shares: its fields, its notice, its submit button, its listeners. */

/** One field of `form`, with what the customer typed and the problem to show. */
export function renderFormField(host: PortalProfile, form: FormName, field: FieldSpec): TemplateResult {
  const problem = host.problems[form]?.get(field.path);
  return renderField(field, {
    id: host.fieldId(field.path),
    value: valueOf(field, host.values[form] ?? {}),
    error: host.form.errorFor(field.path, problem),
    t: host.t,
    locale: host.resolvedLocale,
    onBlur: (event: Event) => {
      const name = (event.target as HTMLInputElement).name;
      if (name) host.form.touch(name);
    },
  });
}

/** What the last attempt in this form did: saved, refused (above the fields' own errors), or unknown. */
export function renderFormNotice(host: PortalProfile, form: Slot): TemplateResult {
  const notice = host.notices[form];
  return html`<div role=${notice && notice.tone !== 'success' ? 'alert' : nothing} class="notice-slot">
    ${
      notice
        ? html`<p class="alert ${notice.tone}" id=${`${host.uid}-${form}-notice`} tabindex="-1" part="notice">
            ${notice.text}
          </p>`
        : nothing
    }
  </div>`;
}

export function renderSubmit(host: PortalProfile, form: Slot, label: string, busyLabel: string) {
  const busy = host.busyForm === form;
  return html`<div class="actions">
    <button
      type="submit"
      class="button primary"
      part="submit"
      aria-disabled=${actionDisabled(host.readOnly, host.form.busy)}
      aria-describedby=${actionDescribedBy(host.readOnly)}
    >
      ${busy ? renderBusy(busyLabel) : label}
    </button>
  </div>`;
}

/**
 * A form of the element: a labelled section whose inputs report what is typed (by field path) and
 * whose submit runs `onSubmit` (Enter included); the browser's own validation bubbles stay off.
 */
export function renderForm(
  host: PortalProfile,
  form: Slot,
  heading: string,
  onSubmit: () => void,
  content: unknown,
): TemplateResult {
  const headingId = `${host.uid}-${form}-heading`;
  const onInput = (event: Event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement) || !target.name) return;
    if (target.type === 'checkbox') return;
    if (form !== 'default' && form !== 'confirm') host.typed(form, target.name, target.value);
  };
  return html`<form
    class="card"
    part="form"
    aria-labelledby=${headingId}
    novalidate
    @input=${onInput}
    @change=${onInput}
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      onSubmit();
    }}
  >
    <h3 id=${headingId} tabindex="-1">${heading}</h3>
    ${renderFormNotice(host, form)} ${content}
  </form>`;
}
