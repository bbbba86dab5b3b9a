import { html, nothing, type TemplateResult } from 'lit';
import type { PortalConsoleCustomers } from './portal-console-customers.js';
import type { Confirming } from './view-host.js';

/** The wording of each confirmation: heading, what it does, the confirm button, the operation it runs. */
function wording(host: PortalConsoleCustomers, confirming: Confirming) {
  const t = host.t.consoleCustomers;
  const name = confirming.customer.name;
  switch (confirming.action) {
    case 'lock':
      return { heading: t.lockHeading(name), body: t.lockBody, confirm: t.lockConfirm, danger: true };
    case 'resetUnlock':
      return {
        heading: t.resetUnlockHeading(name),
        body: t.resetUnlockBody,
        confirm: t.resetUnlockConfirm,
        danger: false,
      };
    case 'activation':
      return {
        heading: t.activationHeading(name),
        body: t.activationBody,
        confirm: t.activationConfirm,
        danger: false,
      };
  }
}

/** Asks before an action that locks a customer out, changes their password or emails them. */
export function renderConfirmDialog(host: PortalConsoleCustomers, confirming: Confirming): TemplateResult {
  const t = host.t.consoleCustomers;
  const words = wording(host, confirming);
  const busy = host.form.busy !== null;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void host.confirm();
  };
  return html`<form class="dialog-form" @submit=${submit}>
    <h3 id=${`${host.uid}-confirm-heading`}>${words.heading}</h3>
    <p>${words.body}</p>
    <div role="alert">
      ${host.dialogProblem ? html`<p class="alert error" part="error">${host.dialogProblem}</p>` : nothing}
    </div>
    <div class="actions">
      <button
        type="submit"
        class=${words.danger ? 'button danger' : 'button primary'}
        aria-disabled=${busy ? 'true' : 'false'}
      >
        ${busy ? html`<span class="spinner" aria-hidden="true"></span> ${t.working}` : words.confirm}
      </button>
      <button
        type="button"
        class="button"
        autofocus
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => !busy && host.confirmDialog.close()}
      >
        ${t.keep}
      </button>
    </div>
  </form>`;
}
