import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { PortalError } from '../../contract/errors.js';
import { CardFieldsError } from '../../providers/card-fields.js';
import type { LoginT as Messages } from './messages.js';
import { type PortalSettings, SignUp } from '../../model/index.js';
import {
  type FieldSection,
  type Values,
  addressFields,
  bankAccountFields,
  emailField,
  newPasswordFields,
} from '../../ui/form/specs.js';
import type { LoginViewHost } from './view-host.js';
import { sentence } from '../../ui/user-text.js';

/** Self sign-up: who the customer is, then each detail the merchant requires. */

type Required = PortalSettings['accountCreation']['required'];

/**
 * The sign-up form's sections. The shipping address is asked for only when it differs from the
 * billing one (WCAG 3.3.7, no redundant entry); each address follows the country chosen in it.
 */
export function signUpSections(
  t: Messages,
  locale: string,
  required: Required,
  shipToBilling: boolean,
  values: Values,
): FieldSection[] {
  const text = (path: string, label: string, autocomplete: string, type: 'text' | 'tel' = 'text') => ({
    path,
    label,
    kind: 'input' as const,
    type,
    autocomplete,
    required: false,
  });
  const sections: FieldSection[] = [
    {
      fields: [
        { ...text('name', t.fields.name, 'name'), required: true },
        emailField(t),
        text('company', t.fields.company, 'organization'),
        text('phone', t.fields.phone, 'tel', 'tel'),
        ...newPasswordFields(t, 'password', false),
      ],
    },
  ];
  const address = (group: string) => addressFields(t, locale, group, values[`${group}.country`]);
  if (required.billingAddress) {
    sections.push({
      legend: t.login.billingAddress,
      group: 'billingAddress',
      fields: address('billingAddress'),
    });
  }
  if (required.shippingAddress) {
    const same = required.billingAddress && shipToBilling;
    sections.push({
      legend: t.login.shippingAddress,
      group: 'shippingAddress',
      fields: same ? [] : address('shippingAddress'),
    });
  }
  if (required.bankAccount) {
    sections.push({ legend: t.login.bankAccount, group: 'bankAccount', fields: bankAccountFields(t) });
  }
  return sections;
}

/**
 * The card the merchant requires, typed into the payment provider's fields (mounted in this light DOM,
 * opened when the form first draws); the account is created with the provider's token only.
 */
function renderCard(login: LoginViewHost, settings: PortalSettings): TemplateResult {
  const t = login.t;
  const entry = login.cardEntry;
  const source = login.cardSource;
  if (entry.status === 'closed' && source) queueMicrotask(() => entry.open(source));
  return html`<fieldset class="card">
    <legend>${t.login.card}</legend>
    ${settings.paymentMethods.verifyNewCards ? html`<p class="hint">${t.login.cardVerifyNotice}</p>` : nothing}
    ${entry.status === 'loading' ? html`<p class="hint" role="status">${t.paymentMethod.cardFieldsLoading}</p>` : nothing}
    ${entry.render()}
    ${entry.status === 'error' ? html`<p class="error" role="alert">${t.login.cardUnavailable}</p>` : nothing}
  </fieldset>`;
}

function renderSection(
  login: LoginViewHost,
  section: FieldSection,
  billingRequired: boolean,
): TemplateResult {
  const fields = section.fields.map((field) => login.renderField('sign-up', field));
  if (!section.legend) return html`${fields}`;
  const offerSameAddress = section.group === 'shippingAddress' && billingRequired;
  return html`<fieldset>
    <legend>${section.legend}</legend>
    ${
      offerSameAddress
        ? html`<label class="check">
            <input
              type="checkbox"
              .checked=${live(login.shipToBilling)}
              @change=${(event: Event) => {
                login.shipToBilling = (event.target as HTMLInputElement).checked;
              }}
            />
            ${login.t.login.shippingSameAsBilling}
          </label>`
        : nothing
    }
    ${fields}
  </fieldset>`;
}

export function renderSignUp(login: LoginViewHost, settings: PortalSettings): TemplateResult {
  const t = login.t;
  const merchant = settings.branding.merchantName;
  const required = settings.accountCreation.required;
  const haveAccount = html`<p class="links">
    ${t.login.haveAccount} ${login.renderNav(t.login.signIn, 'sign-in')}
  </p>`;
  if (required.card && !login.cardSource) {
    // This page has no card fields: a form that could never succeed is worse than saying so.
    const support = settings.branding.supportEmail;
    return html`${login.renderHeading(sentence((name) => t.login.signUpHeading(name), merchant))}
      <div class="alert info" part="notice">
        <p>${sentence((name) => t.login.cardRequiredUnavailable(name), merchant)}</p>
        ${support ? html`<a href=${`mailto:${support}`}>${t.login.writeTo(support)}</a>` : nothing}
      </div>
      ${haveAccount}`;
  }
  const sections = signUpSections(t, login.resolvedLocale, required, login.shipToBilling, login.formValues);
  const fields = sections.flatMap((section) => section.fields);
  return html`${login.renderHeading(sentence((name) => t.login.signUpHeading(name), merchant))}
  ${login.renderFeedback('sign-up', fields)}
  ${login.renderForm(
    (event) => void signUp(login, settings, event),
    html`${sections.map((section) => renderSection(login, section, required.billingAddress))}
      ${required.card ? renderCard(login, settings) : nothing}
      <div class="actions">${login.renderSubmit(t.login.signUpSubmit, 'signUp')}</div>`,
  )}
  ${haveAccount}`;
}

async function signUp(login: LoginViewHost, settings: PortalSettings, event: SubmitEvent): Promise<void> {
  login.readForm(event);
  const required = settings.accountCreation.required;
  const sections = signUpSections(
    login.t,
    login.resolvedLocale,
    required,
    login.shipToBilling,
    login.formValues,
  );
  const fields = sections.flatMap((section) => section.fields);
  const input = login.check('sign-up', SignUp, fields);
  if (!input) return;
  login.email = input.email;
  // Only the details the merchant asked for are sent; "same as billing" sends the billing address twice.
  if (required.shippingAddress && required.billingAddress && login.shipToBilling) {
    input.shippingAddress = input.billingAddress;
  }
  const entry = login.cardEntry;
  if (required.card && (entry.status !== 'ready' || !entry.fieldsState.complete)) {
    login.notify('sign-up', { message: login.t.login.cardIncomplete });
    entry.focus();
    return;
  }
  const pending = login.request('signUp', async (store) => {
    // The provider runs any challenge from the bank here; only its token is sent.
    if (required.card) input.cardToken = (await entry.tokenize()).token;
    login.awaitingSession = true;
    return store.signUp(input);
  });
  if (!pending) return;
  const result = await pending;
  if (!(result instanceof PortalError)) return;
  if (result instanceof CardFieldsError) {
    const message =
      result.reason === 'authentication_failed'
        ? login.t.login.cardAuthFailed
        : result.reason === 'unavailable'
          ? login.t.login.cardUnavailable
          : login.t.login.cardIncomplete;
    login.notify('sign-up', { message });
  } else if (result.code === 'payment_declined') {
    login.notify('sign-up', { message: login.t.login.cardDeclined });
  } else login.fail('sign-up', 'signUp', result, fields);
}
