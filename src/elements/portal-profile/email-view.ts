import { html, nothing, type TemplateResult } from 'lit';
import { PortalError, isOutcomeUnknown } from '../../contract/errors.js';
import { type Customer, EmailChangeRequest } from '../../model/index.js';
import { isOwnerOnlyRefusal } from '../../rules/account-owner.js';
import { checkForm, fieldForPath, messageFor } from '../../ui/form/validate.js';
import { errorMessage } from '../../ui/states.js';
import { sentence, userText } from '../../ui/user-text.js';
import { emailFields } from './fields.js';
import { renderForm, renderFormField, renderSubmit } from './form-view.js';
import type { PortalProfile } from './portal-profile.js';

/**
 * The email change: the address in force, the one waiting for its link ("confirm the link we sent to
 * …"), and the form that asks for a link to a new address. Confirming the link is `confirm-view.ts`.
 * The address is how the account's owner signs in, so only they get the form; a person the merchant
 * granted access to the account sees the address and why they cannot change it (the backends refuse
 * them anyway, src/rules/account-owner.ts).
 */

export function renderEmail(host: PortalProfile): TemplateResult {
  const t = host.t.profile;
  const customer = host.customer;
  if (!customer) return html``;
  if (!host.ownsAccount) return renderOwnersEmail(host, customer);
  return renderForm(
    host,
    'email',
    t.emailHeading,
    () => void requestChange(host),
    html`<p class="current">
        <span class="label">${t.currentEmail}</span>
        <span class="value">${userText(customer.email)}</span>
      </p>
      ${customer.pendingEmail ? html`<p class="alert info" part="notice">${sentence(t.pendingEmail, customer.pendingEmail)}</p>` : nothing}
      ${emailFields(host.t).map((field) => renderFormField(host, 'email', field))}
      ${renderSubmit(host, 'email', t.sendLink, host.t.common.sending)}`,
  );
}

/** The address, read-only, to someone who is not the account's owner. */
function renderOwnersEmail(host: PortalProfile, customer: Customer): TemplateResult {
  const t = host.t.profile;
  const headingId = `${host.uid}-email-heading`;
  return html`<section class="card" aria-labelledby=${headingId}>
    <h3 id=${headingId} tabindex="-1">${t.emailHeading}</h3>
    <p class="current">
      <span class="label">${t.currentEmail}</span>
      <span class="value">${userText(customer.email)}</span>
    </p>
    <p class="alert info" part="notice">${t.emailOwnerOnly}</p>
  </section>`;
}

async function requestChange(host: PortalProfile): Promise<void> {
  if (host.form.busy) return;
  const fields = emailFields(host.t);
  host.form.reset();
  const checked = checkForm(host.t, EmailChangeRequest, fields, host.values.email ?? {}, host.resolvedLocale);
  if (!checked.ok) {
    host.form.showAllErrors();
    host.problems = { ...host.problems, email: checked.errors };
    host.focusing.focusAfterUpdate(host.fieldId('newEmail'));
    return;
  }
  host.problems = { ...host.problems, email: new Map() };
  const pending = host.request('requestEmailChange', 'email', (store) =>
    store.mutate('requestEmailChange', checked.value),
  );
  if (!pending) return;
  const result = await pending;
  if (!(result instanceof PortalError)) {
    host.emailRequested(result);
    return;
  }
  if (isOutcomeUnknown(result)) {
    host.tellIn('email', { tone: 'warning', text: host.t.profile.unknownOutcome });
    return;
  }
  const t = host.t.profile;
  host.form.placeServerErrors(result.fieldErrors, (fieldError) => {
    const field = fieldForPath(fields, fieldError.path);
    if (!field) return null;
    // The backend's "invalid" for a well-formed address means it is the one already in force.
    const message = fieldError.code === 'invalid' ? t.emailSame : messageFor(host.t, field, fieldError.code);
    return { id: field.path, message };
  });
  if (host.form.serverErrors.size > 0) host.focusing.focusAfterUpdate(host.fieldId('newEmail'));
  else {
    const text = isOwnerOnlyRefusal(result) ? t.emailOwnerOnly : errorMessage(host.t, result);
    host.tellIn('email', { tone: 'error', text });
  }
}
