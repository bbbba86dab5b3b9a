import { html, nothing, type TemplateResult } from 'lit';
import { PortalError } from '../../contract/errors.js';
import { EmailChangeRequest } from '../../model/index.js';
import { checkForm, fieldForPath, messageFor } from '../../ui/form/validate.js';
import { errorMessage } from '../../ui/states.js';
import { sentence, userText } from '../../ui/user-text.js';
import { emailFields } from './fields.js';
import { renderForm, renderFormField, renderSubmit } from './form-view.js';
import type { PortalProfile } from './portal-profile.js';

/**
 * The email change: the address in force, the one waiting for its link ("confirm the link we sent to
 * …"), and the form that asks for a link to a new address. Confirming the link is `confirm-view.ts`.
 */

export function renderEmail(host: PortalProfile): TemplateResult {
  const t = host.t.profile;
  const customer = host.customer;
  if (!customer) return html``;
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
      ${renderSubmit(host, 'email', t.sendLink, t.sending)}`,
  );
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
  if (host.isUnknown(result)) {
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
  else host.tellIn('email', { tone: 'error', text: errorMessage(host.t, result) });
}
