import { html, type TemplateResult } from 'lit';
import type { ListedAccessRule } from '../../../model/index.js';
import { renderConfirmForm } from '../../../ui/confirm-form.js';
import { sentence } from '../../../ui/user-text.js';
import type { PortalConsoleAccess } from './portal-console-access.js';

/** Asks before a rule is withdrawn, naming it and its billing account. */
export function renderRemoveDialog(host: PortalConsoleAccess, rule: ListedAccessRule): TemplateResult {
  const t = host.t.consoleAccess;
  return renderConfirmForm({
    headingId: `${host.uid}-remove-heading`,
    heading: sentence(t.removeHeading, rule.value, rule.customerCode),
    body: html`<p>${t.removeBody}</p>`,
    problem: host.dialogProblem,
    confirm: t.removeConfirm,
    working: t.removing,
    keep: t.keep,
    danger: true,
    running: host.form.busy === 'adminRemoveAccessRule',
    confirmDisabled: Boolean(host.form.busy),
    onConfirm: () => void host.confirmRemove(),
    onKeep: () => host.removeDialog.close(),
  });
}
