import { html, type TemplateResult } from 'lit';
import { PortalError } from '../../contract/errors.js';
import type { PortalSettings } from '../../model/index.js';
import { sendMagicLink } from './sign-in-view.js';
import { MAGIC_TOKEN_PARAM, removeUrlToken } from './url-token.js';
import type { LoginViewHost } from './view-host.js';
import { sentence } from '../../ui/user-text.js';

/** The two views of passwordless sign-in: "check your email" after sending a link, and opening one. */

export function renderMagicLinkSent(login: LoginViewHost): TemplateResult {
  const t = login.t;
  return html`${login.renderHeading(t.login.checkEmailHeading)}
    <p>${sentence((email) => t.login.magicLinkSent(email), login.email)}</p>
    ${login.renderFeedback('magic-link-sent')}
    ${login.renderForm(
      () => void sendMagicLink(login, 'magic-link-sent'),
      html`<div class="actions">
        ${login.renderSubmit(t.login.sendLinkAgain, 'requestMagicLink', { primary: false })}
      </div>`,
    )}
    <p class="links">${login.renderNav(t.login.useAnotherEmail, 'sign-in', { focus: 'email' })}</p>`;
}

export function renderMagicLinkConfirm(login: LoginViewHost, settings: PortalSettings): TemplateResult {
  const t = login.t;
  if (!login.magicToken) {
    return html`${login.renderHeading(t.login.linkExpiredHeading)}
      <p>${t.login.linkExpired}</p>
      <p class="links">
        ${login.renderNav(t.login.requestNewLink, 'sign-in', { focus: 'email', style: 'button' })}
      </p>`;
  }
  return html`${login.renderHeading(sentence((name) => t.login.signInHeading(name), settings.branding.merchantName))}
    <p>${t.login.confirmIntro}</p>
    ${login.renderFeedback('magic-link-confirm')}
    ${login.renderForm(
      () => void confirmMagicLink(login),
      html`<div class="actions">${login.renderSubmit(t.common.continue, 'verifyMagicLink')}</div>`,
    )}`;
}

/** Only this explicit submit spends the token: a mail scanner opening the link signs nobody in. */
async function confirmMagicLink(login: LoginViewHost): Promise<void> {
  const token = login.magicToken;
  if (!token) return;
  const pending = login.request('verifyMagicLink', (store) => {
    login.awaitingSession = true;
    return store.verifyMagicLink({ token });
  });
  if (!pending) return;
  const result = await pending;
  if (!(result instanceof PortalError)) return;
  if (result.code === 'unauthorized') {
    // Expired, used or unknown: the token is dead, so it leaves the address bar too.
    removeUrlToken(MAGIC_TOKEN_PARAM);
    login.magicToken = undefined;
    login.focusHeading();
    return;
  }
  login.fail('magic-link-confirm', 'verifyMagicLink', result, []);
}
