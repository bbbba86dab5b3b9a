import { html, type TemplateResult } from 'lit';
import { PortalError } from '../../contract/errors.js';
import { CompletePasswordChange } from '../../model/index.js';
import { emailField, newPasswordFields } from '../../ui/form/specs.js';
import type { LoginViewHost } from './view-host.js';

/** After signing in with a temporary password: the customer chooses their own before going on. */

export function renderChangeTemporaryPassword(login: LoginViewHost): TemplateResult {
  const t = login.t;
  const fields = [emailField(t, true), ...newPasswordFields(t, 'newPassword', true)];
  return html`${login.renderHeading(t.login.changeHeading)}
    <p>${t.login.changeIntro}</p>
    ${login.renderFeedback('change-temporary-password', fields)}
    ${login.renderForm(
      (event) => void changePassword(login, event),
      html`${fields.map((field) => login.renderField('change-temporary-password', field))}
        <div class="actions">${login.renderSubmit(t.login.changeSubmit, 'completePasswordChange')}</div>`,
    )}
    <p class="links">${login.renderNav(t.login.backToSignIn, 'sign-in')}</p>`;
}

async function changePassword(login: LoginViewHost, event: SubmitEvent): Promise<void> {
  const challenge = login.passwordChangeChallenge;
  if (!challenge) return;
  login.readForm(event);
  const fields = newPasswordFields(login.t, 'newPassword', true);
  const input = login.check('change-temporary-password', CompletePasswordChange, fields, { challenge });
  if (!input) return;
  const pending = login.request('completePasswordChange', (store) => {
    login.awaitingSession = true;
    return store.completePasswordChange(input);
  });
  if (!pending) return;
  const result = await pending;
  if (!(result instanceof PortalError)) return;
  if (result.code === 'unauthorized') {
    login.go('sign-in', { message: login.t.login.changeExpired });
    return;
  }
  login.fail('change-temporary-password', 'completePasswordChange', result, fields);
}
