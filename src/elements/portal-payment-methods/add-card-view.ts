import { html, nothing, type TemplateResult } from 'lit';
import { PortalError } from '../../contract/errors.js';
import type { PortalSettings } from '../../model/index.js';
import { CardFieldsError } from '../../providers/card-fields.js';
import { newCardFailure } from '../../providers/new-card.js';
import { actionDescribedBy, actionDisabled, errorMessage, renderBusy } from '../../ui/states.js';
import type { PortalPaymentMethods } from './portal-payment-methods.js';
import { canChangeDefault } from './standing.js';
import { renderCancel, renderMakeDefault } from './form-parts.js';

/**
 * Adding a card: the provider's fields (slotted light DOM), what happens to the card (a zero-amount
 * check when the merchant verifies new cards), "make it my default", and save. The provider runs any
 * challenge from the bank inside its fields; the element sends only the token it hands back.
 */

export function renderAddCard(host: PortalPaymentMethods, settings: PortalSettings): TemplateResult {
  const t = host.t.paymentMethods;
  const entry = host.cardEntry;
  const busy = host.form.busy === 'addCard';
  const headingId = `${host.uid}-card-heading`;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    host.submitCard();
  };
  return html`<form class="panel" part="form" aria-labelledby=${headingId} novalidate @submit=${submit}>
    <h3 id=${headingId} tabindex="-1">${t.cardHeading}</h3>
    ${settings.paymentMethods.verifyNewCards ? html`<p class="hint">${t.verifyNotice}</p>` : nothing}
    <div class="card-fields" aria-busy=${entry.status === 'loading' ? 'true' : 'false'}>
      ${entry.status === 'loading' ? html`<p class="hint" role="status">${host.t.paymentMethod.cardFieldsLoading}</p>` : nothing}
      ${entry.render()}
    </div>
    ${renderMakeDefault(host, settings)}
    <div role="alert">
      ${
        entry.status === 'error'
          ? html`<p class="alert error" part="error">${t.cardUnavailable}</p>`
          : host.problem
            ? html`<p class="alert error" part="error">${host.problem}</p>`
            : nothing
      }
    </div>
    <div class="actions">
      ${
        entry.status === 'error'
          ? nothing
          : html`<button
              type="submit"
              class="button primary"
              aria-disabled=${actionDisabled(host.readOnly, host.form.busy || entry.status !== 'ready')}
              aria-describedby=${actionDescribedBy(host.readOnly)}
            >
              ${
                busy
                  ? renderBusy(
                      settings.paymentMethods.verifyNewCards ? t.verifyingCard : host.t.common.saving,
                    )
                  : t.saveCard
              }
            </button>`
      }
      ${renderCancel(host, busy)}
    </div>
  </form>`;
}

/** Why a card was not saved, in the customer's words; the fields themselves show a field's problem. */
function cardProblem(host: PortalPaymentMethods, error: PortalError): string {
  const t = host.t.paymentMethods;
  if (error instanceof CardFieldsError) {
    if (error.reason === 'authentication_failed') return t.authenticationFailed;
    if (error.reason === 'unavailable') return t.cardUnavailable;
    return host.t.paymentMethod.cardIncomplete;
  }
  if (error.code === 'payment_declined') return t.declined;
  return errorMessage(host.t, error);
}

export async function submitCard(host: PortalPaymentMethods): Promise<void> {
  const entry = host.cardEntry;
  const settings = host.settings;
  if (entry.status !== 'ready' || !settings) return;
  if (!entry.fieldsState.complete) {
    host.problem = host.t.paymentMethod.cardIncomplete;
    entry.focus();
    return;
  }
  const makeDefault = host.makeDefault && canChangeDefault(settings);
  const t = host.t.paymentMethods;
  const progress = settings.paymentMethods.verifyNewCards ? t.verifyingCard : host.t.common.saving;
  const pending = host.request('addCard', progress, async (store) => {
    const { token } = await entry.tokenize();
    return store.mutate('addCard', { token, ...(makeDefault ? { makeDefault } : {}) });
  });
  if (!pending) return;
  const result = await pending;
  if (!(result instanceof PortalError)) {
    host.added(result, makeDefault);
    return;
  }
  // Only an answer lost on its way back is unknown: a provider that failed before sending (its fields
  // unreachable at tokenize) sent nothing, and says so at the fields.
  if (newCardFailure(result) === 'unknown') {
    // The card may be on file now: the form closes and the list, read again, shows what is.
    host.cardEntry.close();
    host.panel = 'list';
    host.tell(host.failureNotice(result));
    host.focusing.focusAfterUpdate(`${host.uid}-notice`);
    return;
  }
  host.problem = cardProblem(host, result);
  if (result instanceof CardFieldsError && result.code === 'validation') entry.focus();
}
