import { html, nothing, type TemplateResult } from 'lit';
import type { ListedAccessRule } from '../../../model/index.js';
import type { PortalConsoleAccess } from './portal-console-access.js';

/** Asks before a rule is withdrawn, naming it and its billing account. */
export function renderRemoveDialog(host: PortalConsoleAccess, rule: ListedAccessRule): TemplateResult {
  const t = host.t.consoleAccess;
  const busy = host.form.busy === 'adminRemoveAccessRule';
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void host.confirmRemove();
  };
  return html`<form class="dialog-form" @submit=${submit}>
    <h3 id=${`${host.uid}-remove-heading`}>${t.removeHeading(rule.value, rule.customerCode)}</h3>
    <p>${t.removeBody}</p>
    <div role="alert">
      ${host.dialogProblem ? html`<p class="alert error" part="error">${host.dialogProblem}</p>` : nothing}
    </div>
    <div class="actions">
      <button type="submit" class="button danger" aria-disabled=${host.form.busy ? 'true' : 'false'}>
        ${busy ? html`<span class="spinner" aria-hidden="true"></span> ${t.removing}` : t.removeConfirm}
      </button>
      <button
        type="button"
        class="button"
        autofocus
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => !busy && host.removeDialog.close()}
      >
        ${t.keep}
      </button>
    </div>
  </form>`;
}
