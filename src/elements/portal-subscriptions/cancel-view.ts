import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { emit } from '../../core/events.js';
import { OTHER_REASON, type RetentionOffer, type Subscription } from '../../model/index.js';
import { renderChoice } from '../../ui/form/choice.js';
import { renderLoading } from '../../ui/states.js';
import { type PanelOf, type SubsHost, fieldId } from './host.js';
import {
  attempt,
  primaryButton,
  renderHeading,
  renderProblem,
  secondaryButton,
  showFieldErrors,
} from './flow-parts.js';

/**
 * Cancelling: the merchant's retention offer first when there is one (a discount, or pausing instead),
 * then the reason (the merchant's list and "Other" with the customer's words) and when (as the settings
 * allow), then a confirmation that says until when the customer keeps what they paid for. A cancellation
 * at the period end can be undone from the list until then.
 */

type CancelPanel = PanelOf<'cancel'>;

function renderOffer(host: SubsHost, panel: CancelPanel, subscription: Subscription, offer: RetentionOffer) {
  const m = host.t.subscriptions;
  const accept = async () => {
    const result = await attempt(host, 'acceptRetentionOffer', m.working, (store) =>
      store.mutate('acceptRetentionOffer', { subscriptionId: subscription.id }),
    );
    if (!result) return;
    host.finish({
      tone: 'success',
      text: m.offerAccepted(offer.kind === 'discount' ? offer.percentOff : 0, result.planName),
    });
    emit(host, 'portal-subscription-offer-accepted', { subscription: result });
  };
  return html`${renderHeading(host, m.cancelHeading(subscription.planName))}
    <div class="alert info offer" part="notice">
      <p>${offer.kind === 'discount' ? m.offerDiscount(offer.percentOff, offer.periods) : m.offerPause}</p>
    </div>
    ${renderProblem(host)}
    <div class="actions">
      ${
        offer.kind === 'discount'
          ? primaryButton(host, m.acceptDiscount, m.working, host.busy, { onClick: () => void accept() })
          : html`<button type="button" class="button primary" @click=${() => host.openPause(subscription)}>
              ${m.pauseInstead}
            </button>`
      }
      ${secondaryButton(host, m.continueCancel, () => host.setPanel({ ...panel, step: 'form' }, true))}
      ${secondaryButton(host, m.keepIt, () => host.closePanel())}
    </div>`;
}

function toConfirm(host: SubsHost, panel: CancelPanel, event: SubmitEvent): void {
  event.preventDefault();
  if (host.busy) return;
  const m = host.t.subscriptions;
  const errors: Record<string, string> = {};
  if (!panel.reason) errors.reason = m.reasonRequired;
  else if (panel.reason === OTHER_REASON && !panel.comment.trim()) errors.comment = m.commentRequired;
  if (showFieldErrors(host, errors)) return;
  host.setPanel({ ...panel, step: 'confirm' }, true);
}

function renderForm(host: SubsHost, panel: CancelPanel, subscription: Subscription): TemplateResult {
  const { t, format } = host;
  const m = t.subscriptions;
  const settings = host.settings?.subscriptions;
  const reasons = [...(settings?.cancellationReasons ?? []), { id: OTHER_REASON, label: m.reasonOther }];
  const reasonError = host.fieldErrors.reason;
  const commentError = host.fieldErrors.comment;
  const commentId = fieldId(host, 'comment');
  const edit = (change: Partial<CancelPanel>) => {
    host.fieldErrors = {};
    host.setPanel({ ...panel, ...change });
  };
  return html`${renderHeading(host, m.cancelHeading(subscription.planName))} ${renderProblem(host)}
    <form novalidate @submit=${(event: SubmitEvent) => toConfirm(host, panel, event)}>
      <fieldset
        class="choices"
        id=${fieldId(host, 'reason')}
        tabindex="-1"
        aria-invalid=${reasonError ? 'true' : 'false'}
        aria-describedby=${reasonError ? `${fieldId(host, 'reason')}-error` : nothing}
      >
        <legend>${m.reasonLegend}</legend>
        ${reasons.map((reason) =>
          renderChoice({
            name: 'reason',
            checked: panel.reason === reason.id,
            label: reason.label,
            onChange: () => edit({ reason: reason.id }),
          }),
        )}
        ${reasonError ? html`<span class="error" id=${`${fieldId(host, 'reason')}-error`}>${reasonError}</span>` : nothing}
      </fieldset>
      ${
        panel.reason === OTHER_REASON
          ? html`<div class="field">
              <label for=${commentId}>${m.comment}</label>
              <textarea
                id=${commentId}
                name="comment"
                maxlength="2000"
                rows="3"
                required
                aria-invalid=${commentError ? 'true' : 'false'}
                aria-describedby=${commentError ? `${commentId}-error` : nothing}
                .value=${live(panel.comment)}
                @input=${(event: Event) => edit({ comment: (event.target as HTMLTextAreaElement).value })}
              ></textarea>
              ${commentError ? html`<span class="error" id=${`${commentId}-error`}>${commentError}</span>` : nothing}
            </div>`
          : nothing
      }
      ${
        settings?.cancellation === 'either'
          ? html`<fieldset class="choices">
              <legend>${m.whenLegend}</legend>
              ${renderChoice({
                name: 'when',
                checked: panel.when === 'period_end',
                label: m.whenPeriodEnd(format.date(subscription.currentPeriodEnd)),
                onChange: () => edit({ when: 'period_end' }),
              })}
              ${renderChoice({
                name: 'when',
                checked: panel.when === 'immediately',
                label: m.whenNow,
                onChange: () => edit({ when: 'immediately' }),
              })}
            </fieldset>`
          : nothing
      }
      <div class="actions">
        <button type="submit" class="button primary">${host.t.common.continue}</button>
        ${secondaryButton(host, m.keepIt, () => host.closePanel())}
      </div>
    </form>`;
}

async function cancel(host: SubsHost, panel: CancelPanel, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  if (host.busy) return;
  const m = host.t.subscriptions;
  const comment = panel.reason === OTHER_REASON ? panel.comment.trim() : '';
  const result = await attempt(host, 'cancelSubscription', m.cancelling, (store) =>
    store.mutate('cancelSubscription', {
      subscriptionId: panel.subscriptionId,
      when: panel.when,
      reason: panel.reason,
      ...(comment ? { comment } : {}),
    }),
  );
  if (!result) return;
  host.finish({
    tone: 'success',
    text:
      panel.when === 'period_end'
        ? m.canceledNotice(result.planName, host.format.date(result.currentPeriodEnd))
        : m.canceledNowNotice(result.planName),
  });
  emit(host, 'portal-subscription-cancelled', {
    subscription: result,
    reason: panel.reason,
    ...(comment ? { comment } : {}),
  });
}

function renderConfirm(host: SubsHost, panel: CancelPanel, subscription: Subscription): TemplateResult {
  const m = host.t.subscriptions;
  const date = host.format.date(subscription.currentPeriodEnd);
  return html`${renderHeading(host, m.confirmHeading)}
    <p>
      ${panel.when === 'period_end' ? m.keepsUntil(subscription.planName, date) : m.endsNow(subscription.planName)}
    </p>
    ${renderProblem(host)}
    <form novalidate @submit=${(event: SubmitEvent) => void cancel(host, panel, event)}>
      <div class="actions">
        ${primaryButton(host, m.cancel, m.cancelling, host.busy)}
        ${secondaryButton(host, host.t.common.back, () => host.setPanel({ ...panel, step: 'form' }, true))}
        ${secondaryButton(host, m.keepIt, () => host.closePanel())}
      </div>
    </form>`;
}

/** The cancel flow's current step. */
export function renderCancel(host: SubsHost, panel: CancelPanel): TemplateResult {
  const subscription = host.subscriptions.find((each) => each.id === panel.subscriptionId);
  if (!subscription) return renderLoading(host.t, 4);
  const offer = host.settings?.subscriptions.retentionOffer;
  if (panel.step === 'offer' && offer) return renderOffer(host, panel, subscription, offer);
  if (panel.step === 'confirm') return renderConfirm(host, panel, subscription);
  return renderForm(host, panel, subscription);
}
