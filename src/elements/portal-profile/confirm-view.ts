import { html, type TemplateResult } from 'lit';
import { PortalError, isOutcomeUnknown } from '../../contract/errors.js';
import { actionDescribedBy, actionDisabled, errorMessage, renderBusy } from '../../ui/states.js';
import type { PortalProfile } from './portal-profile.js';

/**
 * The landing of an email-change link (`?portal-email-token=`): nothing happens until the customer
 * presses Confirm (an explicit request, so a mail scanner opening the link changes nothing). It needs no
 * session: the link names the account.
 */

export function renderConfirm(host: PortalProfile, token: string): TemplateResult {
  const t = host.t.profile;
  const headingId = `${host.uid}-confirm-heading`;
  const busy = host.busyForm === 'confirm';
  return html`<form
    class="card confirm"
    part="form"
    aria-labelledby=${headingId}
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      void confirm(host, token);
    }}
  >
    <h3 id=${headingId} tabindex="-1">${t.confirmHeading}</h3>
    <p>${t.confirmText}</p>
    <div class="actions">
      <button
        type="submit"
        class="button primary"
        part="submit"
        aria-disabled=${actionDisabled(host.readOnly, host.form.busy)}
        aria-describedby=${actionDescribedBy(host.readOnly)}
      >
        ${busy ? renderBusy(t.confirming) : t.confirm}
      </button>
    </div>
  </form>`;
}

async function confirm(host: PortalProfile, token: string): Promise<void> {
  const pending = host.request('confirmEmailChange', 'confirm', (store) =>
    store.mutate('confirmEmailChange', { token }),
  );
  if (!pending) return;
  const result = await pending;
  if (!(result instanceof PortalError)) {
    host.emailConfirmed(result.email);
    return;
  }
  if (isOutcomeUnknown(result)) {
    // The link may have been used up by this very request: the notice says so, the link stays on show.
    host.tellIn('confirm', { tone: 'warning', text: host.t.profile.confirmUnknownOutcome });
    return;
  }
  const dead = result.code === 'validation' && result.fieldErrors.some((each) => each.path === 'token');
  host.linkFailed(dead ? host.t.profile.linkInvalid : errorMessage(host.t, result));
}
