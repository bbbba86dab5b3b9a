import { html, nothing, type TemplateResult } from 'lit';
import type { PortalSettings, RetentionOffer } from '../../../model/index.js';
import { sentence } from '../../../ui/user-text.js';
import {
  type SettingsViewHost,
  controlId,
  renderChoice,
  renderNumber,
  renderText,
  renderToggle,
} from './settings-controls.js';
import { newReasonId } from './settings-draft.js';

/** The settings form's groups, each a fieldset with a legend, in the order the portal shows things. */

function group(legend: string, content: TemplateResult | TemplateResult[]): TemplateResult {
  return html`<fieldset>
    <legend>${legend}</legend>
    ${content}
  </fieldset>`;
}

export function renderGroups(
  host: SettingsViewHost,
  extra: { newPlanId: string; onNewPlanId: (id: string) => void },
): TemplateResult {
  const words = host.t.consoleSettings;
  const { accountCreation, subscriptions } = host.draft;
  return html`${group(words.groups.signIn, [renderToggle(host, 'signIn.password'), renderToggle(host, 'signIn.magicLink')])}
  ${group(words.groups.accountCreation, [
    renderToggle(host, 'accountCreation.enabled'),
    accountCreation.enabled
      ? html`<div class="nested">
          ${renderToggle(host, 'accountCreation.required.card')}
          ${renderToggle(host, 'accountCreation.required.bankAccount')}
          ${renderToggle(host, 'accountCreation.required.billingAddress')}
          ${renderToggle(host, 'accountCreation.required.shippingAddress')}
        </div>`
      : html``,
  ])}
  ${group(words.groups.paymentMethods, [
    renderToggle(host, 'paymentMethods.addCards'),
    renderToggle(host, 'paymentMethods.removeCards'),
    renderToggle(host, 'paymentMethods.cardOnFileRequired'),
    renderToggle(host, 'paymentMethods.verifyNewCards'),
    renderToggle(host, 'paymentMethods.expiryReminders'),
    renderToggle(host, 'paymentMethods.addBankAccounts'),
  ])}
  ${group(words.groups.profile, renderToggle(host, 'profile.modifyInformation'))}
  ${group(words.groups.invoices, [
    renderToggle(host, 'invoices.payInvoices'),
    renderToggle(host, 'invoices.partialPayments'),
    renderToggle(host, 'invoices.splitPayments'),
    host.draft.invoices.splitPayments
      ? renderNumber(host, 'invoices.maxSplitMethods', { min: 2, max: 10 })
      : html``,
    renderToggle(host, 'invoices.customerNotes'),
    renderToggle(host, 'invoices.downloadPdf'),
  ])}
  ${group(words.groups.subscriptions, [
    renderToggle(host, 'subscriptions.enabled'),
    subscriptions.enabled ? renderSubscriptions(host, extra) : html``,
  ])}
  ${group(words.groups.quickOrder, renderText(host, 'quickOrderUrl', { optional: true }))}`;
}

function renderSubscriptions(
  host: SettingsViewHost,
  extra: { newPlanId: string; onNewPlanId: (id: string) => void },
): TemplateResult {
  const words = host.t.consoleSettings;
  const subscriptions = host.draft.subscriptions;
  return html`<div class="nested">
    ${renderToggle(host, 'subscriptions.allowPlanChange')}
    ${renderChoice(host, 'subscriptions.downgrades', words.downgrades)}
    ${renderToggle(host, 'subscriptions.allowPause')}
    ${subscriptions.allowPause ? renderNumber(host, 'subscriptions.maxPauseDays', { min: 1, max: 365 }) : nothing}
    ${renderChoice(host, 'subscriptions.cancellation', words.cancellation)} ${renderPlans(host, extra)}
    ${renderReasons(host)} ${renderRetention(host)}
  </div>`;
}

function renderPlans(
  host: SettingsViewHost,
  extra: { newPlanId: string; onNewPlanId: (id: string) => void },
): TemplateResult {
  const words = host.t.consoleSettings;
  const plans = host.draft.subscriptions.plans;
  const setPlans = (next: PortalSettings['subscriptions']['plans']) => host.set('subscriptions.plans', next);
  const addId = controlId('subscriptions.plans.add');
  const addError = host.errorFor('subscriptions.plans.add');
  return group(
    words.groups.plans,
    html`<p class="hint" id="plans-hint">${words.planHint}</p>
      <ul class="rows">
        ${plans.map(
          (rule, index) =>
            html`<li class="row">
              <span class="plan-id">${rule.planId}</span>
              ${renderToggle(host, `subscriptions.plans.${index}.allowSubscribing`, words.allowSubscribingFor(rule.planId))}
              ${renderToggle(host, `subscriptions.plans.${index}.allowCancelling`, words.allowCancellingFor(rule.planId))}
              <button
                type="button"
                class="button"
                @click=${() => setPlans(plans.filter((_, each) => each !== index))}
              >
                ${words.removePlan(rule.planId)}
              </button>
              ${
                host.errorFor(`subscriptions.plans.${index}.planId`)
                  ? html`<span class="error">${host.errorFor(`subscriptions.plans.${index}.planId`)}</span>`
                  : nothing
              }
            </li>`,
        )}
      </ul>
      <div class="add">
        <div class="field">
          <label for=${addId}>${words.newPlanLabel}</label>
          <input
            id=${addId}
            .value=${extra.newPlanId}
            aria-describedby=${addError ? `plans-hint ${addId}-error` : 'plans-hint'}
            aria-invalid=${addError ? 'true' : 'false'}
            @input=${(event: Event) => extra.onNewPlanId((event.target as HTMLInputElement).value)}
          />
          ${addError ? html`<span class="error" id=${`${addId}-error`}>${addError}</span>` : nothing}
        </div>
        <button
          type="button"
          class="button"
          @click=${() => {
            const planId = extra.newPlanId.trim();
            if (planId === '') return;
            setPlans([...plans, { planId, allowSubscribing: true, allowCancelling: true }]);
            extra.onNewPlanId('');
          }}
        >
          ${words.addPlan}
        </button>
      </div>`,
  );
}

function renderReasons(host: SettingsViewHost): TemplateResult {
  const words = host.t.consoleSettings;
  const reasons = host.draft.subscriptions.cancellationReasons;
  const setReasons = (next: typeof reasons) => host.set('subscriptions.cancellationReasons', next);
  const addError = host.errorFor('subscriptions.cancellationReasons.add');
  return group(
    words.groups.reasons,
    html`<p class="hint">${words.reasonsHint}</p>
      <ol class="rows">
        ${reasons.map(
          (reason, index) =>
            html`<li class="row">
              ${renderText(host, `subscriptions.cancellationReasons.${index}.label`, {
                label: words.reasonLabel(index + 1),
              })}
              <button
                type="button"
                class="button"
                @click=${() => setReasons(reasons.filter((_, each) => each !== index))}
              >
                ${reason.label ? sentence(words.removeReason, reason.label) : words.removeReason(words.reasonLabel(index + 1))}
              </button>
            </li>`,
        )}
      </ol>
      <button
        type="button"
        class="button"
        id=${controlId('subscriptions.cancellationReasons.add')}
        ?disabled=${reasons.length >= 20}
        @click=${() => setReasons([...reasons, { id: newReasonId(reasons), label: '' }])}
      >
        ${words.addReason}
      </button>
      ${addError ? html`<span class="error">${addError}</span>` : nothing}`,
  );
}

function renderRetention(host: SettingsViewHost): TemplateResult {
  const words = host.t.consoleSettings;
  const offer = host.draft.subscriptions.retentionOffer;
  const id = controlId('subscriptions.retentionOffer.kind');
  const choose = (kind: string) => {
    const next: RetentionOffer | undefined =
      kind === 'discount'
        ? { kind: 'discount', percentOff: 20, periods: 3 }
        : kind === 'pause'
          ? { kind: 'pause' }
          : undefined;
    host.set('subscriptions.retentionOffer', next);
  };
  const kind = offer?.kind ?? 'none';
  return group(
    words.groups.retention,
    html`<div class="field">
        <label for=${id}>${words.retentionKind}</label>
        <select id=${id} @change=${(event: Event) => choose((event.target as HTMLSelectElement).value)}>
          ${Object.entries(words.retentionKinds).map(
            ([value, label]) => html`<option value=${value} .selected=${value === kind}>${label}</option>`,
          )}
        </select>
      </div>
      ${
        offer?.kind === 'discount'
          ? html`${renderNumber(host, 'subscriptions.retentionOffer.percentOff', { min: 1, max: 100 }, words.percentOff)}
            ${renderNumber(host, 'subscriptions.retentionOffer.periods', { min: 1, max: 24 }, words.periods)}`
          : nothing
      }`,
  );
}
