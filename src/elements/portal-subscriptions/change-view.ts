import { html, type TemplateResult } from 'lit';
import { sentence, userText } from '../../ui/user-text.js';
import { PortalError } from '../../contract/errors.js';
import { emit } from '../../core/events.js';
import type { ChangePreview, Plan, Subscription } from '../../model/index.js';
import { renderFacts } from '../../ui/facts.js';
import { renderChoice } from '../../ui/form/choice.js';
import { errorMessage, renderLoading } from '../../ui/states.js';
import { type PanelOf, type SubsHost, fieldId } from './host.js';
import {
  primaryButton,
  renderHeading,
  renderInputField,
  renderProblem,
  renderUnknown,
  secondaryButton,
  showFieldErrors,
} from './flow-parts.js';
import { parseQuantity, pricePer, quantityBounds } from './wording.js';

/**
 * Changing plan or quantity: eligible plans only (open for subscribing, in the subscription's currency)
 * and a quantity within the chosen plan's bounds → the backend's quote, shown in full with its expiry →
 * confirm with the quote's id (one intent per quote). An expired quote is priced again and shown again:
 * a different amount is never charged without the customer confirming it.
 */

type ChangePanel = PanelOf<'change'>;

/** The plans a subscription may move to: those open for subscribing in its currency, its own first. */
function targets(host: SubsHost, subscription: Subscription): Plan[] {
  const open = (host.plans ?? []).filter((each) => each.price.currency === subscription.price.currency);
  const own = open.find((each) => each.id === subscription.planId);
  return own ? [own, ...open.filter((each) => each !== own)] : open;
}

function renderPlanChoice(host: SubsHost, panel: ChangePanel, subscription: Subscription): TemplateResult {
  const { t, format } = host;
  const m = t.subscriptions;
  const plans = targets(host, subscription);
  const current = plans.some((each) => each.id === subscription.planId)
    ? []
    : [html`<p>${m.currentPlan}: ${userText(subscription.planName)}</p>`];
  return html`${current}
    <fieldset class="choices" id=${fieldId(host, 'plan')} tabindex="-1">
      <legend>${m.plan}</legend>
      ${plans.map((plan) =>
        renderChoice({
          name: 'plan',
          value: plan.id,
          checked: panel.planId === plan.id,
          label: userText(plan.name),
          detail: html`${pricePer(t, format, plan.price, plan.interval, plan.intervalCount)}
          ${plan.id === subscription.planId ? ` · ${m.currentPlan}` : ''}`,
          onChange: () => host.setPanel({ ...panel, planId: plan.id }),
        }),
      )}
    </fieldset>`;
}

async function preview(host: SubsHost, panel: ChangePanel, refreshed: boolean): Promise<boolean> {
  const m = host.t.subscriptions;
  const quantity = Number(panel.quantity);
  const pending = host.request('previewSubscriptionChange', m.quoting, (store) =>
    store.read('previewSubscriptionChange', {
      subscriptionId: panel.subscriptionId,
      planId: panel.planId,
      quantity,
    }),
  );
  if (!pending) return false;
  const quote = await pending;
  if (quote instanceof PortalError) {
    host.problem = errorMessage(host.t, quote);
    host.announce(host.problem);
    if (refreshed) host.setPanel({ ...panel, step: 'form', quote: null, refreshed: false }, true);
    return false;
  }
  host.setPanel({ ...panel, step: 'quote', quote, refreshed }, true);
  if (refreshed) host.announce(m.quoteRefreshed);
  return true;
}

function toQuote(host: SubsHost, panel: ChangePanel, subscription: Subscription, event: SubmitEvent): void {
  event.preventDefault();
  if (host.busy) return;
  const m = host.t.subscriptions;
  const plan = host.plans?.find((each) => each.id === panel.planId);
  const { min, max } = quantityBounds(plan);
  const quantity = parseQuantity(panel.quantity, plan);
  if (showFieldErrors(host, quantity === null ? { quantity: m.quantityRange(min, max) } : {})) return;
  if (panel.planId === subscription.planId && quantity === subscription.quantity) {
    host.problem = m.sameAsNow;
    host.announce(m.sameAsNow);
    return;
  }
  void preview(host, panel, false);
}

function renderForm(host: SubsHost, panel: ChangePanel, subscription: Subscription): TemplateResult {
  const m = host.t.subscriptions;
  if (!host.plans)
    return html`${renderHeading(host, m.changeHeading(subscription.planName))} ${renderLoading(host.t, 4)}`;
  const plan = host.plans.find((each) => each.id === panel.planId);
  const { min, max } = quantityBounds(plan);
  return html`${renderHeading(host, m.changeHeading(subscription.planName))} ${renderProblem(host)}
    <form novalidate @submit=${(event: SubmitEvent) => toQuote(host, panel, subscription, event)}>
      ${renderPlanChoice(host, panel, subscription)}
      ${renderInputField(host, {
        name: 'quantity',
        label: m.quantity,
        type: 'number',
        value: panel.quantity,
        min: String(min),
        max: String(max),
        hint: m.quantityHint(min, max),
        onInput: (quantity) => {
          host.fieldErrors = {};
          host.problem = null;
          host.setPanel({ ...panel, quantity });
        },
      })}
      <div class="actions">
        ${primaryButton(host, m.seePrice, m.quoting, host.busy, { changes: false })}
        ${secondaryButton(host, host.t.common.back, () => host.closePanel())}
      </div>
    </form>`;
}

function renderQuote(host: SubsHost, panel: ChangePanel, quote: ChangePreview): TemplateResult {
  const { t, format } = host;
  const m = t.subscriptions;
  const later = quote.effective === 'period_end';
  return html`${renderHeading(host, m.quoteHeading)}
    ${panel.refreshed ? html`<div class="alert warning" part="notice"><p>${m.quoteRefreshed}</p></div>` : ''}
    <div class="quote" part="quote">
      <p class="quote-for">${sentence((name) => m.times(name, quote.quantity), quote.planName)}</p>
      ${later ? html`<p>${m.changesOn(format.date(quote.effectiveDate))}</p>` : ''}
      ${renderFacts([
        !later && { label: m.credit, value: format.money(quote.credit) },
        !later && { label: m.charge, value: format.money(quote.charge) },
        !later && { label: m.tax, value: format.money(quote.tax) },
        { label: m.dueToday, value: format.money(quote.dueToday) },
        {
          label: m.nextRenewal,
          value: m.nextBillingValue(
            format.money(quote.nextRenewal.amount),
            format.date(quote.nextRenewal.date),
          ),
        },
      ])}
      ${quote.carriedCredit.amount > 0 ? html`<p>${m.carried(format.money(quote.carriedCredit))}</p>` : ''}
      <p class="hint">${m.holdsUntil(format.dateTime(quote.expiresAt))}</p>
    </div>
    ${renderProblem(host)}
    <form
      novalidate
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        if (host.busy || host.readOnly) return;
        host.problem = null;
        host.announce(m.changing);
        void host.changeFlow.submit({ subscriptionId: quote.subscriptionId, quoteId: quote.quoteId });
      }}
    >
      <div class="actions">
        ${primaryButton(
          host,
          quote.dueToday.amount > 0 ? m.confirmChange(format.money(quote.dueToday)) : m.confirmChangeFree,
          m.changing,
          host.changeFlow.busy,
        )}
        ${secondaryButton(host, host.t.common.back, () => host.setPanel({ ...panel, step: 'form', quote: null, refreshed: false }, true))}
      </div>
    </form>`;
}

/** The change flow's current step. */
export function renderChange(host: SubsHost, panel: ChangePanel): TemplateResult {
  const subscription = host.subscriptions.find((each) => each.id === panel.subscriptionId);
  if (host.changeFlow.step === 'unknown') return renderUnknown(host, host.changeFlow);
  if (!subscription) return renderLoading(host.t, 4);
  if (panel.step === 'quote' && panel.quote) return renderQuote(host, panel, panel.quote);
  return renderForm(host, panel, subscription);
}

/** The change was made (or scheduled): back on the list, said, and reported. */
export function changed(host: SubsHost, subscription: Subscription): void {
  const panel = host.panel;
  const quote = panel.kind === 'change' ? panel.quote : null;
  const m = host.t.subscriptions;
  host.finish({
    tone: 'success',
    text:
      quote?.effective === 'period_end'
        ? m.changeScheduled(subscription.planName, host.format.date(quote.effectiveDate))
        : m.changed(subscription.planName),
  });
  if (quote) emit(host, 'portal-subscription-changed', { subscription, quote });
}

/**
 * The backend refused the change; nothing was charged. An expired quote is priced again and shown for
 * confirmation again; any other refusal is said on the quote.
 */
export async function changeRefused(host: SubsHost, error: PortalError, final: boolean): Promise<void> {
  const panel = host.panel;
  if (panel.kind !== 'change') return;
  const expired = error.code === 'conflict' && error.fieldErrors.some((each) => each.path === 'quoteId');
  if (final && expired) {
    await preview(host, panel, true);
    return;
  }
  host.problem = errorMessage(host.t, error);
  host.announce(host.problem);
  if (final) host.setPanel({ ...panel, step: 'form', quote: null, refreshed: false }, true);
}
