import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Money, PaymentMethod } from '../../model/index.js';
import { renderChoice } from '../../ui/form/choice.js';
import { renderField } from '../../ui/form/field.js';
import { paymentMethodDetails, paymentMethodLabel } from '../../ui/payment-method-label.js';
import { NEW_CARD, chosenMethod, tidyAmount } from './draft.js';
import { type Draft, amountField } from './form-check.js';
import { type Loaded, type PayHost, canSplit, isSplitting } from './pay-host.js';
import { renderDueFacts, renderFailure, renderFieldError, renderHeading } from './parts.js';
import { type NewCardHost, canAddCard, renderNewCardChoice } from './new-card-view.js';
import { renderSplit, startSplit } from './split-view.js';
import { sentence, userText } from '../../ui/user-text.js';

/**
 * The payment form: how much (the amount due or part of it) and with which method, or a split across
 * several (split-view.ts), and what its controls change. Each field shows its problem once the customer
 * has left it or tried to review, and the backend's refusal of it until it changes.
 */

export function renderForm(host: NewCardHost, data: Loaded, draft: Draft): TemplateResult {
  const t = host.t.pay;
  const splitting = isSplitting(data, host.values);
  return html`${renderHeading(
      host,
      sentence((number) => t.heading(number), data.invoice.number),
    )}
    ${renderDueFacts(host, data.invoice)} ${renderFailure(host)}
    <form
      part="form"
      novalidate
      aria-labelledby=${host.ids.heading}
      @submit=${(event: SubmitEvent) => host.onReview(event)}
    >
      ${data.settings.invoices.partialPayments && !splitting ? renderAmount(host, data, draft) : nothing}
      ${splitting ? renderSplit(host, data, draft) : renderMethods(host, data, draft)}
      <div class="actions">
        <button type="submit" class="button primary" part="submit">${t.review}</button>
      </div>
    </form>`;
}

function renderAmount(host: PayHost, data: Loaded, draft: Draft): TemplateResult {
  const { ids, values } = host;
  const t = host.t.pay;
  const due = data.invoice.amountDue;
  const modeChoice = (mode: 'full' | 'part', label: string) =>
    renderChoice({
      name: 'amount-mode',
      value: mode,
      checked: values.amountMode === mode,
      label,
      onChange: () => host.edit({ amountMode: mode }, ids.amount),
    });
  const hint = t.amountHint(host.format.money(due));
  const spec = amountField(host.t, 'amount', t.amountLabel(due.currency), due.currency, hint);
  return html`<fieldset part="amount">
    <legend>${t.amountLegend}</legend>
    <div class="choices">
      ${modeChoice('full', t.payFull(host.format.money(due)))} ${modeChoice('part', t.payPart)}
    </div>
    ${
      values.amountMode === 'part'
        ? html`<div class="nested">
            ${renderField(spec, {
              id: ids.amount,
              value: values.partText,
              error: host.form.errorFor(ids.amount, draft.errors.get(ids.amount)),
              t: host.t,
              locale: host.resolvedLocale,
              onInput: (event) =>
                host.edit({ partText: (event.target as HTMLInputElement).value }, ids.amount),
              onBlur: () => leavePartAmount(host, due),
            })}
          </div>`
        : nothing
    }
  </fieldset>`;
}

/** A valid amount is rewritten in the locale's form on leaving the field ("12,5" → "12,50"). */
function leavePartAmount(host: PayHost, due: Money): void {
  // Leaving the form (to the review) removes the field, which blurs it: nothing to tidy then.
  if (!host.onForm) return;
  host.rewrite({ partText: tidyAmount(host.values.partText, due, host.resolvedLocale) });
  host.form.touch(host.ids.amount);
}

function renderMethodChoice(
  host: PayHost,
  method: PaymentMethod,
  data: Loaded,
  chosen: PaymentMethod | undefined,
): TemplateResult {
  const t = host.t;
  const details = paymentMethodDetails(t, method, data.today);
  return renderChoice({
    name: 'method',
    value: method.id,
    checked: chosen?.id === method.id,
    disabled: details.expired,
    id: host.ids.method(method.id),
    label: paymentMethodLabel(t, method),
    detail: html`${details.bankName ? html`<span>${userText(details.bankName)}</span>` : nothing}
    ${details.expiry ? html`<span>${details.expiry}</span>` : nothing}
    ${details.expiringSoon ? html`<span class="badge warning">${t.paymentMethod.expiresSoon}</span>` : nothing}
    ${details.isDefault ? html`<span class="badge neutral">${t.paymentMethod.isDefault}</span>` : nothing}
    ${details.expired ? html`<span>${t.paymentMethod.expiredReason}</span>` : nothing}`,
    onChange: () => host.edit({ methodId: method.id }, host.ids.methods),
  });
}

function renderMethods(host: NewCardHost, data: Loaded, draft: Draft): TemplateResult {
  const { ids } = host;
  const t = host.t.pay;
  const error = host.form.errorFor(ids.methods, draft.errors.get(ids.methods));
  const newCard = host.values.methodId === NEW_CARD;
  const chosen = newCard ? undefined : chosenMethod(data.usable, host.values.methodId);
  return html`<fieldset
    id=${ids.methods}
    tabindex="-1"
    part="methods"
    aria-describedby=${ifDefined(error ? `${ids.methods}-error` : undefined)}
  >
    <legend>${host.t.paymentMethod.payWith}</legend>
    <div class="choices">
      ${data.methods.map((method) => renderMethodChoice(host, method, data, chosen))}
      ${canAddCard(host, data) ? renderNewCardChoice(host, newCard) : nothing}
    </div>
    ${renderFieldError(ids.methods, error)}
    ${
      canSplit(data)
        ? html`<p>
            <button type="button" class="button link" @click=${() => startSplit(host, data)}>
              ${t.splitStart}
            </button>
          </p>`
        : nothing
    }
  </fieldset>`;
}
