import { html, nothing, type TemplateResult } from 'lit';
import type { PaymentMethod } from '../../model/index.js';
import type { PortalPaymentMethods } from './portal-payment-methods.js';
import { canChangeDefault, nextDefaultCandidates } from './standing.js';
import { sentence } from '../../ui/user-text.js';
import { actionDescribedBy, actionDisabled } from '../../ui/states.js';

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
  return html`<fieldset class="choice">
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
  const busy = host.form.busy === 'removePaymentMethod';
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void host.confirmRemove();
  };
  return html`<form class="dialog-form" @submit=${submit}>
    <h3 id=${`${host.uid}-remove-heading`}>${t.removeHeading(host.label(method))}</h3>
    ${renderDependents(host, method)} ${renderNextDefault(host, method)}
    <div role="alert">
      ${host.problem ? html`<p class="alert error" part="error">${host.problem}</p>` : nothing}
    </div>
    <div class="actions">
      <button
        type="submit"
        class="button danger"
        aria-disabled=${actionDisabled(host.readOnly, host.form.busy)}
        aria-describedby=${actionDescribedBy(host.readOnly)}
      >
        ${busy ? html`<span class="spinner" aria-hidden="true"></span> ${t.removing}` : t.removeConfirm}
      </button>
      <button
        type="button"
        class="button"
        autofocus
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => !busy && host.removeDialog.close()}
      >
        ${t.removeKeep}
      </button>
    </div>
  </form>`;
}
