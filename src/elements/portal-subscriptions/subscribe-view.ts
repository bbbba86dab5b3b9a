import { html, nothing, type TemplateResult } from 'lit';
import { userText } from '../../ui/user-text.js';
import type { PortalError } from '../../contract/errors.js';
import { type PaymentMethod, type Plan, isoToday, money } from '../../model/index.js';
import { renderFacts } from '../../ui/facts.js';
import { renderChoice } from '../../ui/form/choice.js';
import { isUsable, paymentMethodLabel } from '../../ui/payment-method-label.js';
import { errorMessage, renderEmpty, renderLoading } from '../../ui/states.js';
import { NEW_CARD, type PanelOf, type SubsHost, fieldId } from './host.js';
import {
  primaryButton,
  renderHeading,
  renderInputField,
  renderProblem,
  renderUnknown,
  secondaryButton,
  showFieldErrors,
} from './flow-parts.js';
import { addDays, parseQuantity, pricePer, quantityBounds } from './wording.js';

/**
 * Subscribing: the plans (features, price, trial, terms) → quantity and payment method → a review that
 * says what is charged today (nothing during a trial) and then on what schedule → the outcome, one
 * intent with one key (IntentFlowController). "A new card" (new-card.ts, fetched when chosen) is saved
 * when the customer confirms, then charged like any method on file.
 */

type SubscribePanel = PanelOf<'subscribe'>;

function planOf(host: SubsHost, panel: SubscribePanel): Plan | undefined {
  return host.plans?.find((each) => each.id === panel.planId);
}

function usableMethods(host: SubsHost): PaymentMethod[] {
  const today = isoToday();
  return (host.methods ?? []).filter((each) => isUsable(each, today));
}

function choose(host: SubsHost, plan: Plan): void {
  if (host.busy) return;
  const methods = usableMethods(host);
  const preferred = methods.find((each) => each.isDefault) ?? methods[0];
  const methodId = preferred?.id ?? (host.canAddCard ? NEW_CARD : null);
  if (methodId === NEW_CARD) host.loadNewCard();
  host.problem = null;
  host.fieldErrors = {};
  host.setPanel(
    {
      kind: 'subscribe',
      step: 'details',
      planId: plan.id,
      quantity: String(quantityBounds(plan).min),
      methodId,
    },
    true,
  );
}

function renderPlan(host: SubsHost, plan: Plan): TemplateResult {
  const { t, format } = host;
  const m = t.subscriptions;
  const nameId = `${host.uid}-plan-${plan.id}`;
  return html`<li class="plan" part="plan" aria-labelledby=${nameId}>
    <h4 id=${nameId}>${userText(plan.name)}</h4>
    <p class="price">${pricePer(t, format, plan.price, plan.interval, plan.intervalCount)}</p>
    ${plan.description ? html`<p>${plan.description}</p>` : nothing}
    ${plan.trialDays > 0 ? html`<p><span class="badge info">${m.trialDays(plan.trialDays)}</span></p>` : nothing}
    ${
      plan.features.length
        ? html`<ul class="features">
            ${plan.features.map((each) => html`<li>${each}</li>`)}
          </ul>`
        : nothing
    }
    ${plan.terms ? html`<p class="hint">${plan.terms}</p>` : nothing}
    <div class="actions">
      <button
        type="button"
        class="button primary"
        aria-label=${m.choosePlanOf(plan.name)}
        aria-disabled=${host.busy ? 'true' : 'false'}
        @click=${() => choose(host, plan)}
      >
        ${m.choosePlan}
      </button>
    </div>
  </li>`;
}

function renderPlans(host: SubsHost): TemplateResult {
  const m = host.t.subscriptions;
  const plans = host.plans;
  const body = !plans
    ? renderLoading(host.t, 6)
    : plans.length === 0
      ? renderEmpty(m.noPlans)
      : html`<ul class="list plans">
          ${plans.map((each) => renderPlan(host, each))}
        </ul>`;
  return html`${renderHeading(host, m.plansHeading)} ${body}
    <div class="actions">${secondaryButton(host, host.t.common.back, () => host.closePanel())}</div>`;
}

function renderMethods(host: SubsHost, panel: SubscribePanel): TemplateResult {
  const m = host.t.subscriptions;
  if (!host.methods) return renderLoading(host.t, 2);
  const methods = usableMethods(host);
  if (methods.length === 0 && !host.canAddCard) {
    return html`<div class="alert info">
      <p>${m.noMethods}</p>
      <button type="button" class="button" @click=${() => host.navigateToMethods()}>
        ${host.t.paymentMethod.add}
      </button>
    </div>`;
  }
  return html`<fieldset class="choices" id=${fieldId(host, 'method')} tabindex="-1">
    <legend>${host.t.paymentMethod.payWith}</legend>
    ${methods.map((method) =>
      renderChoice({
        name: 'method',
        value: method.id,
        checked: panel.methodId === method.id,
        label: paymentMethodLabel(host.t, method),
        onChange: () => host.setPanel({ ...panel, methodId: method.id }),
      }),
    )}
    ${host.canAddCard ? renderNewCardChoice(host, panel) : html`<p class="hint">${m.newCardElsewhere}</p>`}
  </fieldset>`;
}

function chooseNewCard(host: SubsHost, panel: SubscribePanel): void {
  if (host.newCard) host.newCard.problem = null;
  host.setPanel({ ...panel, methodId: NEW_CARD });
  host.loadNewCard();
}

/** The "A new card" radio, and under it, once chosen, the provider's fields. */
function renderNewCardChoice(host: SubsHost, panel: SubscribePanel): TemplateResult {
  const m = host.t.subscriptions;
  const chosen = panel.methodId === NEW_CARD;
  return html`${renderChoice({
    name: 'method',
    value: NEW_CARD,
    checked: chosen,
    label: host.t.paymentMethod.newCard,
    detail: m.newCardHint,
    id: fieldId(host, NEW_CARD),
    onChange: () => chooseNewCard(host, panel),
  })}
  ${chosen ? renderNewCardEntry(host) : nothing}`;
}

function renderNewCardEntry(host: SubsHost): TemplateResult {
  return host.newCard ? host.newCard.render() : renderLoading(host.t, 2);
}

function toReview(host: SubsHost, panel: SubscribePanel, plan: Plan, event: SubmitEvent): void {
  event.preventDefault();
  if (host.busy) return;
  const m = host.t.subscriptions;
  const { min, max } = quantityBounds(plan);
  const errors: Record<string, string> = {};
  if (parseQuantity(panel.quantity, plan) === null) errors.quantity = m.quantityRange(min, max);
  if (showFieldErrors(host, errors)) return;
  if (panel.methodId === NEW_CARD) {
    if (!host.newCard?.ready()) return;
  } else if (!usableMethods(host).some((each) => each.id === panel.methodId)) {
    host.problem = m.noMethods;
    host.announce(m.noMethods);
    return;
  }
  host.problem = null;
  host.setPanel({ ...panel, step: 'review' }, true);
}

function renderDetails(host: SubsHost, panel: SubscribePanel, plan: Plan): TemplateResult {
  const m = host.t.subscriptions;
  const { min, max } = quantityBounds(plan);
  return html`${renderHeading(host, m.detailsHeading(plan.name))}
    <p>${pricePer(host.t, host.format, plan.price, plan.interval, plan.intervalCount)}</p>
    ${renderProblem(host)}
    <form novalidate @submit=${(event: SubmitEvent) => toReview(host, panel, plan, event)}>
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
          host.setPanel({ ...panel, quantity });
        },
      })}
      ${renderMethods(host, panel)}
      <div class="actions">
        <button type="submit" class="button primary">${m.reviewButton}</button>
        ${secondaryButton(host, host.t.common.back, () => host.setPanel({ ...panel, step: 'plans' }, true))}
      </div>
    </form>`;
}

async function confirm(host: SubsHost, panel: SubscribePanel, quantity: number, event: SubmitEvent) {
  event.preventDefault();
  if (host.busy || host.readOnly) return;
  host.problem = null;
  let methodId = panel.methodId;
  if (methodId === NEW_CARD) {
    // The card is saved first; from then on it is one of the methods on file, chosen for this intent.
    const card = await host.newCard?.save();
    if (!card) return;
    methodId = card.id;
    host.setPanel({ ...panel, methodId });
  }
  host.announce(host.t.subscriptions.subscribing);
  await host.subscribeFlow.submit({
    planId: panel.planId,
    quantity,
    ...(methodId ? { paymentMethodId: methodId } : {}),
  });
}

function renderReview(host: SubsHost, panel: SubscribePanel, plan: Plan): TemplateResult {
  const { t, format } = host;
  const m = t.subscriptions;
  const quantity = parseQuantity(panel.quantity, plan) ?? 1;
  const perPeriod = money(plan.price.amount * quantity, plan.price.currency);
  const trialEnd = plan.trialDays > 0 ? addDays(isoToday(), plan.trialDays) : null;
  const method = host.methods?.find((each) => each.id === panel.methodId);
  const newCard = panel.methodId === NEW_CARD;
  const saving = !!host.newCard?.saving;
  const running = host.subscribeFlow.busy || saving;
  return html`${renderHeading(host, m.reviewHeading)}
    ${renderFacts([
      { label: m.plan, value: plan.name },
      { label: m.quantity, value: format.number(quantity) },
      method && { label: t.paymentMethod.payWith, value: paymentMethodLabel(t, method) },
      newCard && { label: t.paymentMethod.payWith, value: t.paymentMethod.newCard },
      {
        label: m.todayCharge,
        value: trialEnd ? m.nothingToday(format.date(trialEnd)) : format.money(perPeriod),
      },
      {
        label: m.thenEvery,
        value: trialEnd
          ? m.thenValue(
              pricePer(t, format, perPeriod, plan.interval, plan.intervalCount),
              format.date(trialEnd),
            )
          : pricePer(t, format, perPeriod, plan.interval, plan.intervalCount),
      },
      plan.terms && { label: m.terms, value: plan.terms },
    ])}
    <p class="hint">${m.taxNote}</p>
    ${newCard ? renderNewCardEntry(host) : nothing} ${renderProblem(host)}
    <form novalidate @submit=${(event: SubmitEvent) => void confirm(host, panel, quantity, event)}>
      <div class="actions">
        ${primaryButton(
          host,
          trialEnd ? m.confirmTrial : m.confirmSubscribe(format.money(perPeriod)),
          saving ? t.paymentMethod.savingCard : m.subscribing,
          running,
        )}
        ${secondaryButton(host, host.t.common.back, () => host.setPanel({ ...panel, step: 'details' }, true))}
      </div>
    </form>`;
}

/** The subscribe flow's current step. */
export function renderSubscribe(host: SubsHost, panel: SubscribePanel): TemplateResult {
  if (host.subscribeFlow.step === 'unknown') return renderUnknown(host, host.subscribeFlow);
  if (panel.step === 'plans') return renderPlans(host);
  const plan = planOf(host, panel);
  if (!plan) return renderLoading(host.t, 6);
  return panel.step === 'details' ? renderDetails(host, panel, plan) : renderReview(host, panel, plan);
}

/**
 * The backend refused the subscription; nothing was charged. A refusal that ends the intent (a declined
 * card, a plan no longer open) goes back to the details with the reason; any other stays on the review.
 */
export function subscribeRefused(host: SubsHost, error: PortalError, final: boolean): void {
  const panel = host.panel;
  host.problem = errorMessage(host.t, error);
  host.announce(host.problem);
  if (final && panel.kind === 'subscribe') host.setPanel({ ...panel, step: 'details' }, true);
}
