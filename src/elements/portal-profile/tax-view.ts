import { html, nothing, type TemplateResult } from 'lit';
import { PortalError, isOutcomeUnknown } from '../../contract/errors.js';
import type { Customer, PaymentMethod } from '../../model/index.js';
import { isUsable, paymentMethodLabel } from '../../ui/payment-method-label.js';
import { actionDescribedBy, actionDisabled, errorMessage, renderBusy } from '../../ui/states.js';
import { renderForm, renderFormField, renderSubmit } from './form-view.js';
import type { PortalProfile } from './portal-profile.js';
import { formFields } from './save.js';

/**
 * Tax and purchasing details: PO, VAT and registration numbers (the VAT number checked for its country
 * before sending), what the tax registry said about the VAT number on file, a word that changes apply
 * to future invoices, and the default payment method.
 */

export function renderVerification(host: PortalProfile, customer: Customer): TemplateResult | typeof nothing {
  const check = customer.vatNumber ? customer.vatVerification : undefined;
  if (!check) return nothing;
  const t = host.t.profile.verification;
  const tone = { verified: 'success', not_registered: 'warning', unavailable: 'info' }[check.status];
  const text =
    check.status === 'verified'
      ? t.verified(host.format.date(check.checkedAt.slice(0, 10)))
      : t[check.status];
  return html`<p class="verification ${tone}" id=${`${host.uid}-vat-status`} part="verification">
    <span class="badge ${tone}">${host.t.profile.vatNumber}</span> ${text}
  </p>`;
}

export function renderTax(host: PortalProfile): TemplateResult {
  const t = host.t.profile;
  const customer = host.customer;
  return renderForm(
    host,
    'tax',
    t.taxHeading,
    () => host.save('tax'),
    html`<p class="hint">${t.futureInvoices}</p>
      ${formFields(host, 'tax').map((field) => renderFormField(host, 'tax', field))}
      ${customer ? renderVerification(host, customer) : nothing}
      ${renderSubmit(host, 'tax', t.saveTax, host.t.common.saving)}`,
  );
}

/** The default payment method, chosen among the methods that can be charged. */
export function renderDefaultMethod(host: PortalProfile, methods: readonly PaymentMethod[]): TemplateResult {
  const t = host.t.profile;
  const usable = methods.filter((method) => isUsable(method));
  const current = methods.find((method) => method.isDefault);
  const selectId = `${host.uid}-default-method`;
  const chosen = host.chosenDefault ?? current?.id ?? usable[0]?.id ?? '';
  const busy = host.busyForm === 'default';
  const body =
    usable.length === 0
      ? html`<p class="empty" part="empty">${t.noMethods}</p>`
      : html`<div class="field">
            <label for=${selectId}>${t.defaultMethod}</label>
            <span class="hint" id=${`${selectId}-hint`}>${t.defaultMethodHint}</span>
            <select
              id=${selectId}
              aria-describedby=${`${selectId}-hint`}
              @change=${(event: Event) => (host.chosenDefault = (event.target as HTMLSelectElement).value)}
            >
              ${usable.map(
                (method) =>
                  html`<option value=${method.id} .selected=${method.id === chosen}>
                    ${paymentMethodLabel(host.t, method)}
                  </option>`,
              )}
            </select>
          </div>
          <div class="actions">
            <button
              type="submit"
              class="button"
              aria-disabled=${actionDisabled(host.readOnly, host.form.busy || chosen === current?.id)}
              aria-describedby=${actionDescribedBy(host.readOnly)}
            >
              ${busy ? renderBusy(host.t.common.saving) : host.t.paymentMethod.makeDefault}
            </button>
          </div>`;
  return renderForm(host, 'default', t.defaultMethod, () => void makeDefault(host, chosen, current), body);
}

async function makeDefault(
  host: PortalProfile,
  id: string,
  current: PaymentMethod | undefined,
): Promise<void> {
  if (!id || id === current?.id) return;
  const pending = host.request('setDefaultPaymentMethod', 'default', (store) =>
    store.mutate('setDefaultPaymentMethod', { id }),
  );
  if (!pending) return;
  const result = await pending;
  if (result instanceof PortalError) {
    const text = isOutcomeUnknown(result) ? host.t.profile.unknownOutcome : errorMessage(host.t, result);
    host.tellIn('default', { tone: isOutcomeUnknown(result) ? 'warning' : 'error', text });
    return;
  }
  host.defaultChanged(result);
}
