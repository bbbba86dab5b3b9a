import { html, nothing, type TemplateResult } from 'lit';
import { PortalError } from '../../contract/errors.js';
import { MagicLinkRequest, PasswordSignIn, type PortalSettings } from '../../model/index.js';
import { currentPasswordField, emailField } from '../../ui/form/specs.js';
import type { LoginViewHost } from './view-host.js';
import { sentence } from '../../ui/user-text.js';

/** The first view: email and password, an emailed sign-in link, or both, as the merchant allows. */

export function renderSignIn(login: LoginViewHost, settings: PortalSettings): TemplateResult {
  const t = login.t;
  const { password, magicLink } = settings.signIn;
  const heading = login.renderHeading(
    sentence((name) => t.login.signInHeading(name), settings.branding.merchantName),
  );
  if (!password && !magicLink) {
    return html`${heading}
      <p class="alert info" part="notice">${t.login.signInUnavailable}</p>`;
  }
  const fields = password ? [emailField(t), currentPasswordField(t)] : [emailField(t)];
  return html`${heading} ${password ? nothing : html`<p>${t.login.passwordlessIntro}</p>`}
  ${login.renderFeedback('sign-in', fields)}
  ${login.renderForm(
    (event) => void submitSignIn(login, settings, event),
    html`${fields.map((field) => login.renderField('sign-in', field))}
      ${password ? html`<p class="links">${login.renderNav(t.login.forgotPassword, 'forgot-password')}</p>` : nothing}
      <div class="actions">
        ${password ? login.renderSubmit(t.login.signIn, 'signIn') : nothing}
        ${password && magicLink ? html`<p class="divider">${t.login.or}</p>` : nothing}
        ${
          magicLink
            ? login.renderSubmit(t.login.emailLink, 'requestMagicLink', {
                primary: !password,
                intent: 'magic-link',
              })
            : nothing
        }
      </div>`,
  )}
  ${
    settings.accountCreation.enabled
      ? html`<p class="links">${t.login.newCustomer} ${login.renderNav(t.login.createAccount, 'sign-up')}</p>`
      : nothing
  }`;
}

async function submitSignIn(
  login: LoginViewHost,
  settings: PortalSettings,
  event: SubmitEvent,
): Promise<void> {
  login.readForm(event);
  const submitter = event.submitter as HTMLButtonElement | null;
  if (!settings.signIn.password || submitter?.value === 'magic-link') {
    await sendMagicLink(login, 'sign-in');
    return;
  }
  const fields = [emailField(login.t), currentPasswordField(login.t)];
  const input = login.check('sign-in', PasswordSignIn, fields);
  if (!input) return;
  login.email = input.email;
  const pending = login.request('signIn', (store) => {
    login.awaitingSession = true;
    return store.signIn(input);
  });
  if (!pending) return;
  const result = await pending;
  if (result instanceof PortalError) {
    login.fail('sign-in', 'signIn', result, fields);
  } else if (result.status === 'password_change_required') {
    login.passwordChangeChallenge = result.challenge;
    login.go('change-temporary-password');
  }
  // `signed_in` was finished while the store announced the session (see the element's onSessionChange).
}

/** Sends a sign-in link to the email in the form, from the sign-in view or again from "check your email". */
export async function sendMagicLink(
  login: LoginViewHost,
  view: 'sign-in' | 'magic-link-sent',
): Promise<void> {
  const t = login.t;
  const fields = [emailField(t)];
  const input =
    view === 'sign-in' ? login.check(view, MagicLinkRequest, fields) : { email: login.email.trim() };
  if (!input) return;
  login.email = input.email;
  const pending = login.request('requestMagicLink', (store) => store.requestMagicLink(input));
  if (!pending) return;
  const result = await pending;
  if (result instanceof PortalError) login.fail(view, 'requestMagicLink', result, fields);
  else if (view === 'sign-in') login.go('magic-link-sent');
  else login.notify(view, { notice: t.login.linkSentAgain }, t.login.linkSentAgain);
}
