import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PaymentMethod, PortalSettings } from '../../model/index.js';
import { expiryState, isUsable, paymentMethodExpiry } from '../../ui/payment-method-label.js';
import { actionDescribedBy, actionDisabled, renderEmpty } from '../../ui/states.js';
import type { PortalPaymentMethods } from './portal-payment-methods.js';
import { canChangeDefault, groupMethods, notRemovableReason } from './standing.js';
import { userText } from '../../ui/user-text.js';

/** The list of methods, each with its badges and actions, and the buttons that open the add forms. */

function renderBadges(host: PortalPaymentMethods, method: PaymentMethod): TemplateResult {
  const t = host.t.paymentMethods;
  const expiry = expiryState(method);
  return html`${method.isDefault ? html`<span class="badge success" part="badge">${t.isDefault}</span>` : nothing}
  ${expiry === 'expiring_soon' ? html`<span class="badge warning" part="badge">${t.expiresSoon}</span>` : nothing}
  ${expiry === 'expired' ? html`<span class="badge danger" part="badge">${t.expired}</span>` : nothing}`;
}

function details(host: PortalPaymentMethods, method: PaymentMethod): string | TemplateResult {
  if (method.type === 'card') return paymentMethodExpiry(host.t, method) ?? '';
  const type = host.t.fields[method.accountType];
  return method.bankName ? html`${userText(method.bankName)} · ${type}` : type;
}

/**
 * A card that may not be removed keeps its button, unavailable (aria-disabled keeps it focusable), with
 * the reason next to it and tied to it; bank accounts have no remove action, and with removing turned
 * off there is none either.
 */
function renderRemove(
  host: PortalPaymentMethods,
  method: PaymentMethod,
  methods: readonly PaymentMethod[],
  settings: PortalSettings,
): TemplateResult | typeof nothing {
  const t = host.t.paymentMethods;
  const reason = notRemovableReason(method, methods, settings);
  if (reason === 'bank_account' || reason === 'removing_turned_off') return nothing;
  const reasonId = `${host.uid}-why-${method.id}`;
  const label = host.label(method);
  return html`<button
      type="button"
      class="button"
      aria-label=${t.removeOf(label)}
      aria-disabled=${reason || host.form.busy ? 'true' : 'false'}
      aria-describedby=${reason ? reasonId : nothing}
      @click=${() => !reason && host.askRemove(method)}
    >
      ${t.remove}
    </button>
    ${reason ? html`<p class="why" id=${reasonId}>${t.notRemovable[reason]}</p>` : nothing}`;
}

function renderMethod(
  host: PortalPaymentMethods,
  method: PaymentMethod,
  methods: readonly PaymentMethod[],
  settings: PortalSettings,
): TemplateResult {
  const t = host.t.paymentMethods;
  const label = host.label(method);
  const offerDefault = !method.isDefault && canChangeDefault(settings) && isUsable(method);
  return html`<li class="method" part="method" id=${`${host.uid}-method-${method.id}`} tabindex="-1">
    <div class="what">
      <span class="label">${label}</span>
      <span class="details">${details(host, method)}</span>
      <span class="badges">${renderBadges(host, method)}</span>
    </div>
    <div class="row-actions">
      ${
        offerDefault
          ? html`<button
              type="button"
              class="button"
              aria-label=${t.makeDefaultOf(label)}
              aria-disabled=${actionDisabled(host.readOnly, host.form.busy)}
              aria-describedby=${actionDescribedBy(host.readOnly)}
              @click=${() => void host.setDefault(method)}
            >
              ${host.t.paymentMethod.makeDefault}
            </button>`
          : nothing
      }
      ${renderRemove(host, method, methods, settings)}
    </div>
  </li>`;
}

function renderGroup(
  host: PortalPaymentMethods,
  heading: string,
  group: readonly PaymentMethod[],
  methods: readonly PaymentMethod[],
  settings: PortalSettings,
): TemplateResult | typeof nothing {
  if (group.length === 0) return nothing;
  const id = `${host.uid}-${group[0].type}`;
  return html`<h3 id=${id}>${heading}</h3>
    <ul class="list" aria-labelledby=${id}>
      ${repeat(
        group,
        (method) => method.id,
        (method) => renderMethod(host, method, methods, settings),
      )}
    </ul>`;
}

function renderOpeners(
  host: PortalPaymentMethods,
  settings: PortalSettings,
): TemplateResult | typeof nothing {
  if (host.panel !== 'list') return nothing;
  const t = host.t.paymentMethods;
  const card = settings.paymentMethods.addCards && host.cardSource !== null;
  const bank = settings.paymentMethods.addBankAccounts;
  if (!card && !bank) return nothing;
  return html`<div class="actions">
    ${
      card
        ? html`<button
            type="button"
            class="button primary"
            id=${`${host.uid}-open-card`}
            @click=${() => host.openPanel('card')}
          >
            ${t.addCard}
          </button>`
        : nothing
    }
    ${
      bank
        ? html`<button
            type="button"
            class="button"
            id=${`${host.uid}-open-bank`}
            @click=${() => host.openPanel('bank')}
          >
            ${t.addBankAccount}
          </button>`
        : nothing
    }
  </div>`;
}

export function renderMethodList(
  host: PortalPaymentMethods,
  methods: readonly PaymentMethod[],
  settings: PortalSettings,
): TemplateResult {
  const t = host.t.paymentMethods;
  if (methods.length === 0) return html`${renderEmpty(t.empty)} ${renderOpeners(host, settings)}`;
  const { cards, bankAccounts } = groupMethods(methods);
  return html`${renderGroup(host, t.cards, cards, methods, settings)}
  ${renderGroup(host, t.bankAccounts, bankAccounts, methods, settings)} ${renderOpeners(host, settings)}`;
}
