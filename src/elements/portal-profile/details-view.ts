import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldSpec } from '../../ui/form/specs.js';
import { addressSections } from './fields.js';
import { renderForm, renderFormField, renderSubmit } from './form-view.js';
import type { PortalProfile } from './portal-profile.js';
import { formFields } from './save.js';

/** The editable profile: name, company and phone; then addresses and contacts. */

export function renderDetails(host: PortalProfile): TemplateResult {
  const t = host.t.profile;
  return renderForm(
    host,
    'details',
    t.detailsHeading,
    () => host.save('details'),
    html`${formFields(host, 'details').map((field) => renderFormField(host, 'details', field))}
    ${renderSubmit(host, 'details', t.saveDetails, host.t.common.saving)}`,
  );
}

function fieldset(host: PortalProfile, legend: string, fields: FieldSpec[], extra: unknown = nothing) {
  return html`<fieldset>
    <legend>${legend}</legend>
    ${extra} ${fields.map((field) => renderFormField(host, 'addresses', field))}
  </fieldset>`;
}

export function renderAddresses(host: PortalProfile): TemplateResult {
  const t = host.t.profile;
  const sections = addressSections(
    host.t,
    host.resolvedLocale,
    host.account,
    host.values.addresses ?? {},
    host.shipToBilling,
  );
  const hint = html`<p class="hint">${t.contactHint}</p>`;
  const same = html`<label class="check">
    <input
      type="checkbox"
      .checked=${live(host.shipToBilling)}
      @change=${(event: Event) => host.setShipToBilling((event.target as HTMLInputElement).checked)}
    />
    ${t.sameAsBilling}
  </label>`;
  return renderForm(
    host,
    'addresses',
    t.addressesHeading,
    () => host.save('addresses'),
    html`${fieldset(host, t.billingAddress, sections.billingAddress)}
    ${fieldset(host, t.billingContact, sections.billingContact, hint)}
    ${fieldset(host, t.shippingAddress, sections.shippingAddress, same)}
    ${fieldset(host, t.shippingContact, sections.shippingContact, hint)}
    ${renderSubmit(host, 'addresses', t.saveAddresses, host.t.common.saving)}`,
  );
}
