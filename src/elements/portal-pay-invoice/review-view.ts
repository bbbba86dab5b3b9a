import { html, type TemplateResult } from 'lit';
import { money, sum } from '../../model/index.js';
import { renderFacts } from '../../ui/facts.js';
import { actionDescribedBy, actionDisabled } from '../../ui/states.js';
import { type NewCardHost, renderNewCardReview } from './new-card-view.js';
import type { Loaded, Review } from './pay-host.js';
import { renderCharges, renderFailure, renderHeading } from './parts.js';
import { renderBusy } from '../../ui/states.js';

/**
 * The review: exactly what will be charged to which method and what stays due, then "Pay <total>".
 * Nothing is charged before the customer confirms here; while the payment runs, neither button acts.
 */
export function renderReview(host: NewCardHost, review: Review, data: Loaded): TemplateResult {
  const { t, format, busy } = host;
  const total = sum(
    review.allocations.map((each) => each.amount),
    review.due.currency,
  );
  const remains = money(review.due.amount - total.amount, review.due.currency);
  return html`${renderHeading(host, t.pay.reviewHeading)}
    <p>${t.pay.reviewIntro}</p>
    ${renderFacts([
      { label: t.invoiceKind[data.invoice.kind], value: review.invoiceNumber },
      { label: t.pay.amountDue, value: format.money(review.due) },
    ])}
    ${renderCharges(host, review.allocations, data.methods, [
      { label: t.pay.total, value: total },
      { label: t.pay.remainsDue, value: remains },
    ])}
    ${renderNewCardReview(host, review)} ${renderFailure(host)}
    <form
      part="form"
      novalidate
      aria-labelledby=${host.ids.heading}
      @submit=${(event: SubmitEvent) => void host.onConfirm(event)}
    >
      <div class="actions">
        <button
          type="submit"
          class="button primary"
          part="submit"
          aria-disabled=${actionDisabled(host.readOnly, busy)}
          aria-describedby=${actionDescribedBy(host.readOnly)}
        >
          ${busy ? renderBusy(host.addingCard ? t.paymentMethod.savingCard : t.pay.paying) : t.pay.confirm(format.money(total))}
        </button>
        <button
          type="button"
          class="button"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${() => host.onBack()}
        >
          ${t.common.back}
        </button>
      </div>
    </form>`;
}
