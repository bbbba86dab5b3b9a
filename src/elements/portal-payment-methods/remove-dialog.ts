import { html, nothing, type TemplateResult } from 'lit';
import type { PaymentMethod } from '../../model/index.js';
import type { PortalPaymentMethods } from './portal-payment-methods.js';
import { canChangeDefault, nextDefaultCandidates } from './standing.js';
import { sentence } from '../../ui/user-text.js';
import { actionDescribedBy } from '../../ui/states.js';
import { renderConfirmForm } from '../../ui/confirm-form.js';

/**
 * The removal confirmation: what charges the method today (the default's auto-pay and renewing
 * subscriptions, as the backend lists them), and — removing the default — which method takes over.
 */

function renderDependents(host: PortalPaymentMethods, method: PaymentMethod): TemplateResult {
  const t = host.t.paymentMethods;
  const usedBy = method.usedBy;
  const uses = [
    ...(usedBy?.autoPay ? [t.dependsAutoPay] : []),
    ...(usedBy?.subscriptions ?? []).map((each) =>
      sentence((name) => t.dependsSubscription(name), each.planName),
    ),
  ];
  if (uses.length === 0) return html`<p>${t.dependsNothing}</p>`;
  return html`<ul class="dependents">
    ${uses.map((use) => html`<li>${use}</li>`)}
  </ul>`;
}

function renderNextDefault(
  host: PortalPaymentMethods,
  method: PaymentMethod,
): TemplateResult | typeof nothing {
  const settings = host.settings;
  if (!method.isDefault || !settings || !canChangeDefault(settings)) return nothing;
  const candidates = nextDefaultCandidates(method, host.methods);
  if (candidates.length === 0) return nothing;
  return html`<fieldset class="choices">
    <legend>${host.t.paymentMethods.chooseNewDefault}</legend>
    ${candidates.map(
      (candidate) =>
        html`<label class="check">
          <input
            type="radio"
            name="newDefaultId"
            .value=${candidate.id}
            .checked=${host.newDefaultId === candidate.id}
            @change=${() => (host.newDefaultId = candidate.id)}
          />
          ${host.label(candidate)}
        </label>`,
    )}
  </fieldset>`;
}

export function renderRemoveDialog(host: PortalPaymentMethods, method: PaymentMethod): TemplateResult {
  const t = host.t.paymentMethods;
  return renderConfirmForm({
    headingId: `${host.uid}-remove-heading`,
    heading: t.removeHeading(host.label(method)),
    body: html`${renderDependents(host, method)} ${renderNextDefault(host, method)}`,
    problem: host.problem,
    confirm: t.removeConfirm,
    working: host.t.common.removing,
    keep: t.removeKeep,
    danger: true,
    running: host.form.busy === 'removePaymentMethod',
    confirmDisabled: host.readOnly || Boolean(host.form.busy),
    confirmDescribedBy: actionDescribedBy(host.readOnly),
    onConfirm: () => void host.confirmRemove(),
    onKeep: () => host.removeDialog.close(),
  });
}
