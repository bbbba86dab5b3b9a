import { html, type TemplateResult } from 'lit';
import { PortalError } from '../../contract/errors.js';
import { PasswordResetRequest } from '../../model/index.js';
import { emailField } from '../../ui/form/specs.js';
import type { LoginViewHost } from './view-host.js';

/** "Forgot password?": asks for the email and sends a reset link, saying the same for any address. */

export function renderForgotPassword(login: LoginViewHost): TemplateResult {
  const t = login.t;
  const back = html`<p class="links">${login.renderNav(t.login.backToSignIn, 'sign-in')}</p>`;
  if (login.resetRequestedFor) {
    return html`${login.renderHeading(t.login.checkEmailHeading)}
      <p>${t.login.resetLinkSent(login.resetRequestedFor)}</p>
      ${back}`;
  }
  const fields = [emailField(t)];
  return html`${login.renderHeading(t.login.forgotHeading)}
    <p>${t.login.forgotIntro}</p>
    ${login.renderFeedback('forgot-password', fields)}
    ${login.renderForm(
      (event) => void requestReset(login, event),
      html`${fields.map((field) => login.renderField('forgot-password', field))}
        <div class="actions">${login.renderSubmit(t.login.sendResetLink, 'requestPasswordReset')}</div>`,
    )}
    ${back}`;
}

async function requestReset(login: LoginViewHost, event: SubmitEvent): Promise<void> {
  login.readForm(event);
  const fields = [emailField(login.t)];
  const input = login.check('forgot-password', PasswordResetRequest, fields);
  if (!input) return;
  login.email = input.email;
  const pending = login.request('requestPasswordReset', (store) => store.requestPasswordReset(input));
  if (!pending) return;
  const result = await pending;
  if (result instanceof PortalError) {
    login.fail('forgot-password', 'requestPasswordReset', result, fields);
    return;
  }
  login.resetRequestedFor = input.email;
  login.focusHeading();
}
