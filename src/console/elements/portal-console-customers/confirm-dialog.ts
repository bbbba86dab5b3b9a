import { html, type TemplateResult } from 'lit';
import { renderConfirmForm } from '../../../ui/confirm-form.js';
import { sentence } from '../../../ui/user-text.js';
import type { PortalConsoleCustomers } from './portal-console-customers.js';
import type { Confirming } from './view-host.js';

/** The wording of each confirmation: heading, what it does, the confirm button, the operation it runs. */
function wording(host: PortalConsoleCustomers, confirming: Confirming) {
  const t = host.t.consoleCustomers;
  const name = confirming.customer.name;
  switch (confirming.action) {
    case 'lock':
      return {
        heading: sentence(t.lockHeading, name),
        body: t.lockBody,
        confirm: t.lockConfirm,
        danger: true,
      };
    case 'resetUnlock':
      return {
        heading: sentence(t.resetUnlockHeading, name),
        body: t.resetUnlockBody,
        confirm: t.resetUnlockConfirm,
        danger: false,
      };
    case 'activation':
      return {
        heading: sentence(t.activationHeading, name),
        body: t.activationBody,
        confirm: t.activationConfirm,
        danger: false,
      };
  }
}

/** Asks before an action that locks a customer out, changes their password or emails them. */
export function renderConfirmDialog(host: PortalConsoleCustomers, confirming: Confirming): TemplateResult {
  const words = wording(host, confirming);
  const busy = host.form.busy !== null;
  return renderConfirmForm({
    headingId: `${host.uid}-confirm-heading`,
    heading: words.heading,
    body: html`<p>${words.body}</p>`,
    problem: host.dialogProblem,
    confirm: words.confirm,
    working: host.t.consoleCustomers.working,
    keep: host.t.consoleCustomers.keep,
    danger: words.danger,
    running: busy,
    confirmDisabled: busy,
    onConfirm: () => void host.confirm(),
    onKeep: () => host.confirmDialog.close(),
  });
}
