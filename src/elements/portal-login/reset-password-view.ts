import { html, type TemplateResult } from 'lit';
import { PortalError } from '../../contract/errors.js';
import { PasswordReset } from '../../model/index.js';
import { emailField, newPasswordFields } from '../../ui/form/specs.js';
import { RESET_TOKEN_PARAM, removeUrlToken } from './url-token.js';
import type { LoginViewHost } from './view-host.js';

/** Opened from an emailed reset link: choose a new password, then sign in with it. */

export function renderResetPassword(login: LoginViewHost): TemplateResult {
  const t = login.t;
  if (!login.resetToken) {
    return html`${login.renderHeading(t.login.linkExpiredHeading)}
      <p>${t.login.resetLinkExpired}</p>
      <p class="links">
        ${login.renderNav(t.login.requestNewResetLink, 'forgot-password', { style: 'button' })}
      </p>`;
  }
  // The address, when known, goes with the new password so a password manager saves the right pair.
  const fields = [
    ...(login.email ? [emailField(t, true)] : []),
    ...newPasswordFields(t, 'newPassword', true),
  ];
  return html`${login.renderHeading(t.login.resetHeading)} ${login.renderFeedback('reset-password', fields)}
    ${login.renderForm(
      (event) => void resetPassword(login, event),
      html`${fields.map((field) => login.renderField('reset-password', field))}
        <div class="actions">${login.renderSubmit(t.login.savePassword, 'resetPassword')}</div>`,
    )}
    <p class="links">${login.renderNav(t.login.backToSignIn, 'sign-in')}</p>`;
}

async function resetPassword(login: LoginViewHost, event: SubmitEvent): Promise<void> {
  const token = login.resetToken;
  if (!token) return;
  login.readForm(event);
  const fields = newPasswordFields(login.t, 'newPassword', true);
  const input = login.check('reset-password', PasswordReset, fields, { token });
  if (!input) return;
  const pending = login.request('resetPassword', (store) => store.resetPassword(input));
  if (!pending) return;
  const result = await pending;
  if (result instanceof PortalError && result.code !== 'unauthorized') {
    login.fail('reset-password', 'resetPassword', result, fields);
    return;
  }
  // Used or dead, the token leaves the address bar.
  removeUrlToken(RESET_TOKEN_PARAM);
  login.resetToken = undefined;
  if (result instanceof PortalError) {
    login.focusHeading();
    return;
  }
  const notice = login.t.login.passwordChanged;
  login.go('sign-in');
  login.notify('sign-in', { notice }, notice);
}
