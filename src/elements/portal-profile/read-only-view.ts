import { html, type TemplateResult } from 'lit';
import type { Address, Contact, Customer, PortalSettings } from '../../model/index.js';
import { countryOptions } from '../../ui/form/countries.js';
import { renderFacts } from '../../ui/facts.js';
import { isolated, sentence, userText } from '../../ui/user-text.js';
import type { PortalProfile } from './portal-profile.js';
import { renderVerification } from './tax-view.js';

/**
 * The profile when the merchant turned "modify information" off: every detail shown, nothing editable,
 * and why, with whom to ask instead. The backend refuses changes anyway.
 */

function addressLines(host: PortalProfile, address: Address | undefined): unknown {
  if (!address) return host.t.profile.none;
  const country =
    countryOptions(host.resolvedLocale).find((option) => option.value === address.country)?.label ??
    address.country;
  const lines = [
    address.line1,
    address.line2,
    [address.postalCode, address.city, address.region].filter(Boolean).join(' '),
    country,
  ].filter((line): line is string => !!line);
  return html`<span class="lines">${lines.map((line) => html`<span>${userText(line)}</span>`)}</span>`;
}

function contactLines(host: PortalProfile, contact: Contact | undefined): unknown {
  if (!contact) return host.t.profile.none;
  const lines = [contact.name, contact.email, contact.phone].filter((line): line is string => !!line);
  return html`<span class="lines">${lines.map((line) => html`<span>${userText(line)}</span>`)}</span>`;
}

export function renderReadOnly(
  host: PortalProfile,
  customer: Customer,
  settings: PortalSettings,
): TemplateResult {
  const t = host.t;
  const { merchantName, supportEmail } = settings.branding;
  const none = t.profile.none;
  return html`<p class="alert info" part="notice" id=${`${host.uid}-read-only`}>
      ${
        supportEmail
          ? sentence(
              (merchant) => t.profile.readOnlyWithEmail(merchant, isolated(supportEmail)),
              merchantName,
            )
          : sentence(t.profile.readOnly, merchantName)
      }
    </p>
    <section class="card" aria-labelledby=${`${host.uid}-details-heading`}>
      <h3 id=${`${host.uid}-details-heading`}>${t.profile.detailsHeading}</h3>
      ${renderFacts([
        { label: t.fields.name, value: userText(customer.name) },
        { label: t.fields.company, value: customer.company ? userText(customer.company) : none },
        { label: t.fields.phone, value: customer.phone ? userText(customer.phone) : none },
        { label: t.fields.email, value: userText(customer.email) },
      ])}
    </section>
    <section class="card" aria-labelledby=${`${host.uid}-addresses-heading`}>
      <h3 id=${`${host.uid}-addresses-heading`}>${t.profile.addressesHeading}</h3>
      ${renderFacts([
        { label: t.profile.billingAddress, value: addressLines(host, customer.billingAddress) },
        { label: t.profile.billingContact, value: contactLines(host, customer.billingContact) },
        { label: t.profile.shippingAddress, value: addressLines(host, customer.shippingAddress) },
        { label: t.profile.shippingContact, value: contactLines(host, customer.shippingContact) },
      ])}
    </section>
    <section class="card" aria-labelledby=${`${host.uid}-tax-heading`}>
      <h3 id=${`${host.uid}-tax-heading`}>${t.profile.taxHeading}</h3>
      ${renderFacts([
        { label: t.profile.poNumber, value: customer.poNumber ? userText(customer.poNumber) : none },
        { label: t.profile.vatNumber, value: customer.vatNumber ? userText(customer.vatNumber) : none },
        {
          label: t.profile.registrationNumber,
          value: customer.registrationNumber ? userText(customer.registrationNumber) : none,
        },
      ])}
      ${renderVerification(host, customer)}
    </section>`;
}
